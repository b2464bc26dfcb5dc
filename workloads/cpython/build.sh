#!/usr/bin/env bash
# Rebuilds CPython 3.13 for wasm32-wasi from Debian's python3.13 source package, in two variants:
#   python.wasm           clang-19 -O3 (CPython's release OPT, without -g), no tail calls
#   python-tailcall.wasm  the same plus -mtail-call (clang emits return_call / return_call_indirect)
# and the stdlib subset the benchmarks import (lib/python3.13/, sourceless .pyc), manifest.json
# (sha256 of every committed file, versions, flags) and LICENSE (CPython's, PSF).
#
# usage: workloads/cpython/build.sh [--build-dir DIR] [--jobs N] [--only normal|tailcall]
#                                   [--from STEP] [--stdlib-only] [--relink-check] [--out DIR]
#   --build-dir DIR  where the source, the native build-python and the two cross builds go
#                    (default workloads/cpython/build/, ignored by git; about 400 MB)
#   --jobs N         make -j N (default 2); every step runs under nice -n 19
#   --only VARIANT   rebuild one variant (the other's committed .wasm is left as it is)
#   --from STEP      start at step 1-5 below (the earlier steps' results must be in the build dir)
#   --stdlib-only    the same as --from 5: only redo the stdlib subset and the manifest
#   --out DIR        write the committed files (binaries, lib/, manifest.json, LICENSE) into DIR
#                    instead of workloads/cpython/ (e.g. to compare a rebuild with them)
#   --relink-check   after building, delete each python.wasm, link and strip it again and fail
#                    unless the bytes are the same (a cheap reproducibility check)
#
# Steps (see README.md for timings on this machine):
#   1. source   apt-get source --download-only python3.13=$DEB_VERSION from Debian trixie through a
#               private apt configuration under the build dir (a deb-src entry of its own; the
#               system's /etc/apt is not touched). apt checks the files against the .dsc, whose
#               hashes it checks against the signed Sources index; this script then checks the
#               upstream tarball against the sha256 pinned below. Only the upstream tarball
#               (Python-3.13.5) is built: Debian's patches are for Debian's own build.
#   2. native   configure + make of the same source for this machine: the --with-build-python
#               that the cross build needs (it freezes the start-up modules) and that compiles
#               the stdlib .pyc; at -O0 (only its compile time matters) and only `make python`.
#   3. cross    per variant: configure --host=wasm32-wasi with CPython's own config.site for WASI,
#               make python.wasm, llvm-strip-19 --strip-debug (the DWARF goes, the name section stays).
#   4. check    the tail-call variant must hold return_call, the normal one none (wasm-objdump -d);
#               both must print 42 for -c "print(6*7)" on node's WASI (../run-node.mjs), with the
#               source tree's Lib/ as their stdlib.
#   5. stdlib   stdlib.py runs python.wasm on node with the full Lib/, imports the benchmarks'
#               modules, lists sys.modules, and compiles exactly those to lib/python3.13/ (.pyc).
#
# Reproducible: the same Debian packages (clang-19, lld-19, wasi-libc, libclang-rt-19-dev-wasm32)
# give the same bytes. SOURCE_DATE_EPOCH pins __DATE__/__TIME__ (Modules/getbuildinfo.c) to the
# Debian changelog's date; configure is run with a relative path so no build path is compiled in.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
BUILD="$HERE/build"
JOBS=2
ONLY=""
FROM=1
RELINK_CHECK=0
OUT=""
while [ $# -gt 0 ]; do
  case "$1" in
    --build-dir) BUILD="$(mkdir -p "$2" && cd "$2" && pwd)"; shift 2 ;;
    --jobs) JOBS="$2"; shift 2 ;;
    --only) ONLY="$2"; shift 2 ;;
    --from) FROM="$2"; shift 2 ;;
    --stdlib-only) FROM=5; shift ;;
    --relink-check) RELINK_CHECK=1; shift ;;
    --out) OUT="$(mkdir -p "$2" && cd "$2" && pwd)"; shift 2 ;;
    -h|--help) sed -n '2,41p' "$0"; exit 0 ;;
    *) echo "build.sh: unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
done
case "$ONLY" in ""|normal|tailcall) ;; *) echo "build.sh: --only takes normal or tailcall" >&2; exit 2 ;; esac
[ -n "$OUT" ] || OUT="$HERE"
case "$FROM" in [1-5]) ;; *) echo "build.sh: --from takes a step number 1-5" >&2; exit 2 ;; esac

# ---- pinned inputs ----
DEB_SOURCE=python3.13
DEB_VERSION=3.13.5-2+deb13u5
DEB_SUITE=trixie
DEB_MIRROR=http://deb.debian.org/debian
PY_VERSION=3.13.5
ORIG_TARBALL=python3.13_3.13.5.orig.tar.xz
ORIG_SHA256=93e583f243454e6e9e4588ca2c2662206ad961659863277afcdb96801647d640
# the date of debian/changelog's newest entry (Mon, 10 Aug 2026 14:06:59 +0200)
export SOURCE_DATE_EPOCH=1786363619
export LC_ALL=C TZ=UTC

# ---- toolchain ----
INSTALL_CMD="apt-get install -y clang-19 lld-19 libclang-rt-19-dev-wasm32 wasi-libc llvm-19 wabt nodejs dpkg-dev"
missing=()
for tool in python3 clang-19 wasm-ld-19 llvm-ar-19 llvm-ranlib-19 llvm-strip-19 wasm-objdump node apt-get; do
  command -v "$tool" >/dev/null || missing+=("$tool")
done
[ -f /usr/lib/wasm32-wasi/libc.a ] || missing+=("wasi-libc")
if [ ${#missing[@]} -gt 0 ]; then
  echo "build.sh: missing ${missing[*]}; install with:  $INSTALL_CMD" >&2
  exit 1
fi
NICE=(nice -n 19)
SRC_NAME="Python-$PY_VERSION"
SRC="$BUILD/$SRC_NAME"
NATIVE="$BUILD/native"
BUILD_PYTHON="$NATIVE/python"
NODE=(node --no-warnings --stack-size=4000 --experimental-wasi-unstable-preview1 "$HERE/../run-node.mjs")
mkdir -p "$BUILD"
step_start=0
step() { step_start=$(date +%s); echo "== $* ($(date -u +%H:%M:%S) UTC)"; }
step_done() { echo "   took $(( $(date +%s) - step_start )) s"; }

# ---- 1. source ----
fetch_source() {
  local apt="$BUILD/apt"
  mkdir -p "$apt/lists/partial" "$apt/cache/archives/partial" "$apt/download"
  echo "deb-src [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] $DEB_MIRROR $DEB_SUITE main" \
    > "$apt/sources.list"
  local opts=(-o "Dir::Etc::SourceList=$apt/sources.list" -o Dir::Etc::SourceParts=/dev/null
              -o "Dir::State::Lists=$apt/lists" -o "Dir::Cache=$apt/cache" -o Debug::NoLocking=1
              -o APT::Sandbox::User=root)
  if [ ! -f "$apt/download/$ORIG_TARBALL" ]; then
    apt-get "${opts[@]}" -q update
    (cd "$apt/download" && apt-get "${opts[@]}" -q source --download-only "$DEB_SOURCE=$DEB_VERSION")
  fi
  echo "$ORIG_SHA256  $apt/download/$ORIG_TARBALL" | sha256sum -c --quiet -
  # the .dsc lists the same hash (apt has checked the .dsc against the signed Sources index)
  grep -q " $ORIG_SHA256 [0-9]* $ORIG_TARBALL\$" "$apt/download/${DEB_SOURCE}_${DEB_VERSION}.dsc"
  rm -rf "$SRC"
  tar -C "$BUILD" -xJf "$apt/download/$ORIG_TARBALL"
  [ -f "$SRC/configure" ] || { echo "build.sh: $SRC has no configure" >&2; exit 1; }
}

# ---- 2. native build-python ----
build_native() {
  mkdir -p "$NATIVE"
  (cd "$NATIVE" && "${NICE[@]}" "../$SRC_NAME/configure" --prefix="$NATIVE/install" > configure.log 2>&1) \
    || { tail -30 "$NATIVE/configure.log" >&2; exit 1; }
  # only the interpreter (its built-in modules suffice for freezing and for stdlib.py's compile step);
  # `make all` (the shared extension modules: math, _json, _random, ...) is needed only to run the
  # benchmarks natively, e.g. for their expected outputs: run it in build/native yourself.
  # -O0: the build-python only runs build scripts, so its compile time matters more than its speed.
  (cd "$NATIVE" && "${NICE[@]}" make -j"$JOBS" OPT="-DNDEBUG -O0" python pybuilddir.txt > make.log 2>&1) \
    || { tail -30 "$NATIVE/make.log" >&2; exit 1; }
  "$BUILD_PYTHON" -c "import sys; assert sys.version.startswith('$PY_VERSION '), sys.version"
}

# ---- 3. cross build of one variant ----
# CPython's default OPT for a release build without -g: the DWARF would be stripped anyway.
OPT="-DNDEBUG -O3 -Wall"
variant_file() { case "$1" in normal) echo python.wasm ;; tailcall) echo python-tailcall.wasm ;; esac; }
variant_flags() { case "$1" in normal) echo "" ;; tailcall) echo "-mtail-call" ;; esac; }
build_wasi() {
  local variant="$1" dir="$BUILD/wasi-$1" extra
  extra="$(variant_flags "$variant")"
  rm -rf "$dir"; mkdir -p "$dir"
  (cd "$dir" && CONFIG_SITE="../$SRC_NAME/Tools/wasm/config.site-wasm32-wasi" \
     CC="clang-19 --target=wasm32-wasi" AR=llvm-ar-19 RANLIB=llvm-ranlib-19 PKG_CONFIG_LIBDIR=/nonexistent \
     OPT="$OPT" CFLAGS="$extra -ffile-prefix-map=$BUILD/=" LDFLAGS="$extra" \
     "${NICE[@]}" "../$SRC_NAME/configure" --host=wasm32-wasi --build="$("../$SRC_NAME/config.guess")" \
       --with-build-python="$BUILD_PYTHON" \
       ac_cv_sizeof_pthread_t=4 ac_cv_sizeof_pthread_key_t=4 ac_cv_have_pthread_t=yes \
       ac_cv_pthread_key_t_is_arithmetic_type=yes ac_cv_func_clock_nanosleep=no \
       > configure.log 2>&1) || { tail -30 "$dir/configure.log" >&2; exit 1; }
  (cd "$dir" && "${NICE[@]}" make -j"$JOBS" python.wasm > make.log 2>&1) || { tail -30 "$dir/make.log" >&2; exit 1; }
}
strip_variant() { # VARIANT DEST
  llvm-strip-19 --strip-debug -o "$2" "$BUILD/wasi-$1/python.wasm"
}

# ---- 4. checks ----
count_op() { # FILE OP -> number of OP instructions (exact mnemonic)
  wasm-objdump -d "$1" | awk -v op="$2" '{ for (i = 1; i <= NF; i++) if ($i == "|") { if ($(i+1) == op) n++; break } } END { print n + 0 }'
}
check_variant() { # VARIANT FILE
  local rc rci out
  rc=$(count_op "$2" return_call); rci=$(count_op "$2" return_call_indirect)
  echo "   $(basename "$2"): $(stat -c %s "$2") bytes, return_call $rc, return_call_indirect $rci"
  if [ "$1" = tailcall ] && [ "$rc" -eq 0 ]; then echo "build.sh: $2 holds no return_call" >&2; exit 1; fi
  if [ "$1" = normal ] && [ $((rc + rci)) -ne 0 ]; then echo "build.sh: $2 holds return_call*" >&2; exit 1; fi
  out="$("${NODE[@]}" --dir "$SRC/Lib::/lib/python3.13" --env PYTHONHOME=/ "$2" -c 'print(6*7)')"
  [ "$out" = 42 ] || { echo "build.sh: $2 -c 'print(6*7)' on node printed '$out', expected 42" >&2; exit 1; }
}

variants=(normal tailcall)
[ -n "$ONLY" ] && variants=("$ONLY")
if [ "$FROM" -le 1 ]; then
  step "1. source: $DEB_SOURCE $DEB_VERSION ($DEB_SUITE)"; fetch_source; step_done
fi
if [ "$FROM" -le 2 ]; then
  if [ -x "$BUILD_PYTHON" ] && [ -f "$NATIVE/pybuilddir.txt" ] \
     && "$BUILD_PYTHON" -c "import sys; sys.exit(not sys.version.startswith('$PY_VERSION '))"; then
    echo "== 2. native build-python: reusing $BUILD_PYTHON (delete $NATIVE to rebuild it)"
  else
    step "2. native build-python"; build_native; step_done
  fi
fi
if [ "$FROM" -le 3 ]; then
  # the variants are built side by side (their configure steps are serial, so this fills the cores)
  step "3. cross build: ${variants[*]}"
  pids=()
  for v in "${variants[@]}"; do
    ( s=$(date +%s); build_wasi "$v"; echo "   $v: $(( $(date +%s) - s )) s" ) & pids+=($!)
  done
  for p in "${pids[@]}"; do wait "$p" || { echo "build.sh: a cross build failed" >&2; exit 1; }; done
  step_done
fi
if [ "$FROM" -le 4 ]; then
  for v in "${variants[@]}"; do
    strip_variant "$v" "$OUT/$(variant_file "$v")"
    step "4. checks, $v variant"; check_variant "$v" "$OUT/$(variant_file "$v")"; step_done
  done
  cp "$SRC/LICENSE" "$OUT/LICENSE"
fi

step "5. stdlib subset and manifest"
python3 "$HERE/stdlib.py" --src "$SRC" --out "$OUT" --build-python "$BUILD_PYTHON" --node "${NODE[*]}" \
  --source-date-epoch "$SOURCE_DATE_EPOCH" \
  --deb-version "$DEB_VERSION" --orig-sha256 "$ORIG_SHA256" \
  --clang "$(clang-19 --version | head -1)" --wasi-libc "$(dpkg-query -W -f='${Version}' wasi-libc)"
step_done

if [ "$RELINK_CHECK" = 1 ]; then
  for v in "${variants[@]}"; do
    step "relink check, $v variant"
    rm "$BUILD/wasi-$v/python.wasm"
    (cd "$BUILD/wasi-$v" && "${NICE[@]}" make python.wasm > relink.log 2>&1)
    strip_variant "$v" "$BUILD/wasi-$v/relinked.wasm"
    cmp "$BUILD/wasi-$v/relinked.wasm" "$OUT/$(variant_file "$v")" \
      || { echo "build.sh: relinking $v gave different bytes" >&2; exit 1; }
    echo "   same bytes: $(sha256sum "$OUT/$(variant_file "$v")" | cut -c1-64)"
    step_done
  done
fi
