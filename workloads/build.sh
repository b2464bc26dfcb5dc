#!/usr/bin/env bash
# Builds the workload programs (src/c/NAME.c, and the guest-interpreter family src/guestvm/ in three
# dispatch variants pyvm_switch, pyvm_goto, pyvm_tailcall) to WebAssembly and checks their output.
#
# usage: workloads/build.sh [--out DIR] [--only NAME[,NAME...]] [--no-verify] [--update-expected]
#   --only NAMES        build and check only these programs (default: every src/c/NAME.c and pyvm_*)
#   --out DIR           write NAME.wasm into DIR instead of workloads/wasm/
#   --no-verify         only build the .wasm files (needs just clang-19 and wasi-libc, and
#                       wasm-objdump from wabt for pyvm_tailcall)
#   --update-expected   regenerate expected/NAME.SIZE.out and the sha256s in workloads.json
#                       from the NATIVE gcc build (never from our engines), then verify
#
# Verification (default): builds native gcc -O2 binaries into build/native/, checks that for
# every size in workloads.json the native stdout equals expected/NAME.SIZE.out and its sha256
# in the catalog, then runs every .wasm on node's built-in WASI (run-node.mjs) and checks the same.
#
# The .wasm bytes are reproducible: pinned flags, no -g, debug sections of wasi-libc stripped,
# source paths mapped; the same clang-19/wasi-libc packages give the same bytes anywhere.
#
# pyvm_tailcall is built with -mtail-call; build.sh asserts with wasm-objdump (wabt) that its
# binary contains return_call_indirect and refuses to build it without wasm-objdump. Its native
# reference is built with clang-19 (gcc 12 has no musttail); the other two natively use gcc. The
# three variants must print identical output: their expected outputs are checked to be equal.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
OUT="$HERE/wasm"
VERIFY=1
UPDATE=0
ONLY=""
while [ $# -gt 0 ]; do
  case "$1" in
    --out) OUT="$2"; shift 2 ;;
    --only) ONLY=",$2,"; shift 2 ;;
    --no-verify) VERIFY=0; shift ;;
    --update-expected) UPDATE=1; shift ;;
    -h|--help) sed -n '2,23p' "$0"; exit 0 ;;
    *) echo "build.sh: unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
done

# ---- toolchain (Debian packages; wasi-libc uses the multiarch layout under /usr) ----
CLANG=clang-19
SYSROOT=/usr
WASI_INCLUDE=$SYSROOT/include/wasm32-wasi
WASI_LIB=$SYSROOT/lib/wasm32-wasi
INSTALL_CMD="apt-get install -y clang-19 lld-19 libclang-rt-19-dev-wasm32 wasi-libc"
missing=()
command -v "$CLANG" >/dev/null || missing+=("$CLANG")
command -v wasm-ld-19 >/dev/null || missing+=("wasm-ld-19 (lld-19)")
[ -f "$WASI_INCLUDE/stdio.h" ] && [ -f "$WASI_LIB/libc.a" ] || missing+=("wasi-libc in $SYSROOT")
if command -v "$CLANG" >/dev/null; then
  [ -f "$("$CLANG" --target=wasm32-wasi -print-libgcc-file-name)" ] || missing+=("libclang_rt.builtins-wasm32 (libclang-rt-19-dev-wasm32)")
fi
if [ ${#missing[@]} -gt 0 ]; then
  echo "build.sh: missing ${missing[*]}" >&2
  echo "install with:  $INSTALL_CMD" >&2
  exit 1
fi

# Wasm features: MVP + mutable-globals, sign-ext, bulk-memory (all Wasm 2.0); nothing else.
CFLAGS=(--target=wasm32-wasi --sysroot="$SYSROOT" -nostdlibinc -isystem "$WASI_INCLUDE"
        -mcpu=mvp -mmutable-globals -msign-ext -mbulk-memory
        -O2 -std=c11 -Wall -Wextra -Werror -ffile-prefix-map="$HERE"=.)
# Linked without -O: with -O clang would run wasm-opt. --strip-debug drops wasi-libc's DWARF
# (it holds build paths); the name section (function names) is kept for profiles.
LDFLAGS=(--target=wasm32-wasi --sysroot="$SYSROOT" -Wl,--strip-debug)

# ---- the guest-interpreter family: one source (src/guestvm), three dispatch variants ----
GUESTVM_SRC=(src/guestvm/asm.c src/guestvm/object.c src/guestvm/programs.c src/guestvm/pystone.c src/guestvm/pyvm.c)
GUESTVM_NAMES=(pyvm_switch pyvm_goto pyvm_tailcall)
guestvm_macro() { # NAME -> the -D flag selecting its dispatch (pyvm.c)
  case "$1" in
    pyvm_switch) echo -DPYVM_DISPATCH_SWITCH ;;
    pyvm_goto) echo -DPYVM_DISPATCH_GOTO ;;
    pyvm_tailcall) echo -DPYVM_DISPATCH_TAILCALL ;;
    *) echo "build.sh: $1 is not a guest-VM variant" >&2; exit 2 ;;
  esac
}
is_guestvm() { [[ " ${GUESTVM_NAMES[*]} " == *" $1 "* ]]; }
require_objdump() { # WHY
  if ! command -v wasm-objdump >/dev/null; then
    echo "build.sh: wasm-objdump (wabt) is needed $1" >&2
    echo "install with:  apt-get install -y wabt" >&2
    exit 1
  fi
}
# The tail-calling variant must really use Wasm tail calls: count return_call_indirect in the disassembly.
assert_tail_calls() { # FILE
  local n
  n="$(wasm-objdump -d "$1" | grep -c 'return_call_indirect' || true)"
  if [ "$n" -eq 0 ]; then
    echo "build.sh: FAIL $1 has no return_call_indirect: the musttail handlers were not lowered to Wasm tail calls" >&2
    exit 1
  fi
  echo "ok   $(basename "$1") has $n return_call_indirect"
}

OBJ="$(mktemp -d)"
trap 'rm -rf "$OBJ"' EXIT
mkdir -p "$OUT"
cd "$HERE"
names=()
for src in src/c/*.c; do
  name="$(basename "$src" .c)"
  [ -z "$ONLY" ] || [[ "$ONLY" == *",$name,"* ]] || continue
  names+=("$name")
  "$CLANG" "${CFLAGS[@]}" -c "$src" -o "$OBJ/$name.o"
  "$CLANG" "${LDFLAGS[@]}" "$OBJ/$name.o" -lm -o "$OUT/$name.wasm"
  echo "built $OUT/$name.wasm ($(wc -c <"$OUT/$name.wasm") bytes)"
done
for name in "${GUESTVM_NAMES[@]}"; do
  [ -z "$ONLY" ] || [[ "$ONLY" == *",$name,"* ]] || continue
  names+=("$name")
  flags=("${CFLAGS[@]}" "$(guestvm_macro "$name")")
  # Wasm tail calls (the tail-call proposal, Wasm 3.0): musttail -> return_call_indirect
  [ "$name" = pyvm_tailcall ] && { require_objdump "to check that $name uses return_call_indirect"; flags+=(-mtail-call); }
  objs=()
  for src in "${GUESTVM_SRC[@]}"; do
    obj="$OBJ/$name.$(basename "$src" .c).o"
    "$CLANG" "${flags[@]}" -c "$src" -o "$obj"
    objs+=("$obj")
  done
  "$CLANG" "${LDFLAGS[@]}" "${objs[@]}" -lm -o "$OUT/$name.wasm"
  echo "built $OUT/$name.wasm ($(wc -c <"$OUT/$name.wasm") bytes)"
  [ "$name" = pyvm_tailcall ] && assert_tail_calls "$OUT/$name.wasm"
done
[ "$VERIFY" = 1 ] || [ "$UPDATE" = 1 ] || exit 0

# ---- native reference build and verification ----
for tool in gcc node sha256sum; do
  command -v "$tool" >/dev/null || { echo "build.sh: verification needs $tool (or pass --no-verify)" >&2; exit 1; }
done
NATIVE="$HERE/build/native"
mkdir -p "$NATIVE" expected
for name in "${names[@]}"; do
  if ! is_guestvm "$name"; then
    gcc -O2 -std=c11 -Wall -Wextra -Werror -o "$NATIVE/$name" "src/c/$name.c" -lm
  elif [ "$name" = pyvm_tailcall ]; then # gcc 12 has no musttail: the native reference uses clang-19
    "$CLANG" -O2 -std=c11 -Wall -Wextra -Werror "$(guestvm_macro "$name")" -o "$NATIVE/$name" "${GUESTVM_SRC[@]}" -lm
  else
    gcc -O2 -std=c11 -Wall -Wextra -Werror "$(guestvm_macro "$name")" -o "$NATIVE/$name" "${GUESTVM_SRC[@]}" -lm
  fi
done

# Lines "NAME SIZE ARG..." from the catalog.
runs="$(node -e '
  const c = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
  const only = process.argv[2];
  // entries with preopened dirs are the real interpreters (py_*): cpython/bench/update-expected.sh makes those
  for (const w of c.workloads) if (!w.dirs && (!only || only.includes("," + w.name + ","))) for (const [size, args] of Object.entries(w.args)) console.log([w.name, size, ...args].join(" "));
' workloads.json "$ONLY")"

if [ "$UPDATE" = 1 ]; then
  while read -r name size args; do
    # shellcheck disable=SC2086 # args are words
    "$NATIVE/$name" $args >"expected/$name.$size.out"
    echo "expected/$name.$size.out  $(sha256sum <"expected/$name.$size.out" | cut -d' ' -f1)"
  done <<<"$runs"
  node -e '
    const fs = require("fs"), crypto = require("crypto");
    const c = JSON.parse(fs.readFileSync("workloads.json", "utf8"));
    const only = process.argv[1];
    for (const w of c.workloads) {
      if (w.dirs || (only && !only.includes("," + w.name + ","))) continue;
      w.expectedSha256 = {};
      for (const size of Object.keys(w.args))
        w.expectedSha256[size] = crypto.createHash("sha256").update(fs.readFileSync(`expected/${w.name}.${size}.out`)).digest("hex");
    }
    fs.writeFileSync("workloads.json", JSON.stringify(c, null, 2) + "\n");
  ' "$ONLY"
fi

# Wasm features a binary uses, from its disassembly (needs wasm-objdump from wabt).
features_of() { # FILE -> JSON array
  local dis f='"mvp"'
  dis="$(wasm-objdump -d "$1")"
  grep -qE 'memory\.(copy|fill|init)|data\.drop' <<<"$dis" && f+=',"bulk-memory"'
  grep -qE 'i(32|64)\.extend(8|16|32)_s' <<<"$dis" && f+=',"sign-ext"'
  grep -qE 'trunc_sat' <<<"$dis" && f+=',"nontrapping-fptoint"'
  grep -qE 'return_call' <<<"$dis" && f+=',"tail-call"'
  wasm-objdump -x -j Import "$1" | grep -q 'global.*mutable=1' && f+=',"mutable-globals"'
  echo "[$f]"
}
HAVE_OBJDUMP=0
command -v wasm-objdump >/dev/null && HAVE_OBJDUMP=1
wasm_uses_tail_calls() { # FILE; without wasm-objdump only pyvm_tailcall is known to use them
  if [ "$HAVE_OBJDUMP" = 1 ]; then [ "$(wasm-objdump -d "$1" | grep -c 'return_call')" -gt 0 ] # not grep -q: SIGPIPE + pipefail
  else [ "$(basename "$1")" = pyvm_tailcall.wasm ]; fi
}
if [ "$UPDATE" = 1 ] && [ "$HAVE_OBJDUMP" = 1 ]; then
  for name in "${names[@]}"; do
    node -e '
      const fs = require("fs");
      const c = JSON.parse(fs.readFileSync("workloads.json", "utf8"));
      c.workloads.find(w => w.name === process.argv[1]).features = JSON.parse(process.argv[2]);
      fs.writeFileSync("workloads.json", JSON.stringify(c, null, 2) + "\n");' "$name" "$(features_of "$OUT/$name.wasm")"
  done
fi

fail=0
if [ "$HAVE_OBJDUMP" = 1 ]; then
  for name in "${names[@]}"; do
    want="$(node -e 'console.log(JSON.stringify(JSON.parse(require("fs").readFileSync("workloads.json", "utf8"))
      .workloads.find(w => w.name === process.argv[1]).features))' "$name")"
    got="$(features_of "$OUT/$name.wasm")"
    if [ "$want" = "$got" ]; then echo "ok   features $name $got"; else echo "FAIL features $name: uses $got, catalog says $want" >&2; fail=1; fi
  done
else
  echo "note: wasm-objdump (apt-get install -y wabt) not found; feature lists not checked" >&2
fi
check() { # LABEL NAME SIZE FILE
  local want_sha got_sha
  want_sha="$(node -e '
    const c = JSON.parse(require("fs").readFileSync("workloads.json", "utf8"));
    console.log(c.workloads.find(w => w.name === process.argv[1]).expectedSha256[process.argv[2]]);' "$2" "$3")"
  got_sha="$(sha256sum <"$4" | cut -d' ' -f1)"
  if cmp -s "$4" "expected/$2.$3.out" && [ "$got_sha" = "$want_sha" ]; then
    echo "ok   $1 $2 $3"
  else
    echo "FAIL $1 $2 $3: stdout sha256 $got_sha, expected $want_sha (expected/$2.$3.out)" >&2
    fail=1
  fi
}
# Node flags for modules that use Wasm tail calls: none where V8 ships them (node 20 does), else
# --experimental-wasm-return-call; "skip" when this node cannot validate return_call at all.
# The probe module is (func (return_call 0)).
NODE_TAIL=""
probe_node_tail_calls() { # sets NODE_TAIL once
  [ -z "$NODE_TAIL" ] || return 0
  local probe='process.exit(WebAssembly.validate(new Uint8Array([0,97,115,109,1,0,0,0,1,4,1,96,0,0,3,2,1,0,10,6,1,4,0,18,0,11])) ? 0 : 1)'
  if node -e "$probe" 2>/dev/null; then NODE_TAIL="none"
  elif node --experimental-wasm-return-call -e "$probe" 2>/dev/null; then NODE_TAIL="--experimental-wasm-return-call"
  else NODE_TAIL="skip"; fi
}
while read -r name size args; do
  # shellcheck disable=SC2086
  "$NATIVE/$name" $args >"$OBJ/native.out"
  check native "$name" "$size" "$OBJ/native.out"
  node_flags=()
  if wasm_uses_tail_calls "$OUT/$name.wasm"; then
    probe_node_tail_calls
    case "$NODE_TAIL" in
      none) ;;
      skip) echo "note: node $(node --version) cannot run Wasm tail calls (return_call), not even with --experimental-wasm-return-call; node-wasi check of $name $size SKIPPED" >&2; continue ;;
      *) node_flags=("$NODE_TAIL") ;;
    esac
  fi
  # shellcheck disable=SC2086
  node --no-warnings "${node_flags[@]}" --experimental-wasi-unstable-preview1 run-node.mjs "$OUT/$name.wasm" $args >"$OBJ/node.out"
  check node-wasi "$name" "$size" "$OBJ/node.out"
done <<<"$runs"
# The pyvm_* variants run the same guest programs: their expected outputs must be identical.
guestvm_built=()
for name in "${GUESTVM_NAMES[@]}"; do [[ " ${names[*]} " == *" $name "* ]] && guestvm_built+=("$name"); done
if [ ${#guestvm_built[@]} -gt 1 ]; then
  if node -e '
    const c = JSON.parse(require("fs").readFileSync("workloads.json", "utf8"));
    const vs = process.argv.slice(1).map(n => c.workloads.find(w => w.name === n));
    let ok = true;
    for (const v of vs.slice(1)) if (JSON.stringify(v.args) !== JSON.stringify(vs[0].args) ||
        JSON.stringify(v.expectedSha256) !== JSON.stringify(vs[0].expectedSha256)) {
      console.error(`FAIL ${v.name}: args or expectedSha256 differ from ${vs[0].name}`); ok = false; }
    process.exit(ok ? 0 : 1);' "${guestvm_built[@]}"; then
    echo "ok   same args and expected output: ${guestvm_built[*]}"
  else
    fail=1
  fi
fi
exit $fail
