#!/usr/bin/env bash
# Native and JIT reference timings of the workloads, for run-bench.sh's "References" table.
#
# usage: workloads/reference.sh --out FILE.tsv [--workloads a,b] [--size NAME] [--runs N]
#                               [--references native|all] [--timer auto|hyperfine|loop]
#        workloads/reference.sh --out FILE.tsv --wasm FILE.wasm [--name NAME] [--runs N] [...] -- ARGS...
#   --workloads   catalog workloads (default: every one)       --size      catalog size (default: default)
#   --runs N      timed runs per cell (default 5)               --timer     hyperfine if installed, else a loop
#   --references  native: gcc -O2 and clang-19 -O2 builds only; all (default): also node's WASI (JIT)
#   --wasm FILE   a user's module instead of the catalog: only the node references (no source to build),
#                 checked against the output of node's first run instead of a catalog sha256
#
# References (one cell each per workload):
#   native-gcc    gcc -O2 build of the same C source, into workloads/build/native-gcc/   (whole process)
#   native-clang  clang-19 -O2 build, into workloads/build/native-clang/                 (whole process)
#   node          node run-node.mjs FILE.wasm ARGS: node's WASI on V8 (Liftoff + TurboFan) (whole process)
#   node-region-inproc  only for a module importing bench.start / bench.end (Sightglass): node-inproc's runs, timed
#                 between those two calls
#   node-inproc   node node-loop.mjs: one node process, module compiled once, 3 untimed runs, then
#                 N runs each timed from new WASI + instantiate to the end of _start (like JMH's operation)
# Before timing, every cell runs once and its stdout sha256 must equal the catalog's (else the cell is
# "failed" and not timed); a program that cannot be built by a compiler is "n/a" with the reason.
# Whole-process timings include process start (exec, dynamic linking, node's start-up and compilation).
#
# Output: a TSV file with the header line
#   workload  size  reference  status  runs_ms  sha256  detail
# status is ok | n/a | failed; runs_ms the per-run wall-clock times in ms separated by spaces (empty unless
# ok); sha256 the checked stdout hash; detail the tool, flags and timer, or the reason for n/a/failed.
# Exit status: 0 every cell ok or n/a; 1 a cell failed; 2 bad usage.
set -uo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
usage() { sed -n '2,29p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; }
die() { echo "reference.sh: $*" >&2; exit 2; }

OUT="" WORKLOADS="" SIZE=default RUNS=5 REFS=all TIMER=auto WASM="" NAME="" WASM_ARGS=()
while [ $# -gt 0 ]; do
  case "$1" in
    --out)        [ $# -ge 2 ] || die "--out needs a value"; OUT=$2; shift 2 ;;
    --workloads)  [ $# -ge 2 ] || die "--workloads needs a value"; WORKLOADS=$2; shift 2 ;;
    --size)       [ $# -ge 2 ] || die "--size needs a value"; SIZE=$2; shift 2 ;;
    --runs)       [ $# -ge 2 ] || die "--runs needs a value"; RUNS=$2; shift 2 ;;
    --references) [ $# -ge 2 ] || die "--references needs a value"; REFS=$2; shift 2 ;;
    --timer)      [ $# -ge 2 ] || die "--timer needs a value"; TIMER=$2; shift 2 ;;
    --wasm)       [ $# -ge 2 ] || die "--wasm needs a value"; WASM=$2; shift 2 ;;
    --name)       [ $# -ge 2 ] || die "--name needs a value"; NAME=$2; shift 2 ;;
    -h|--help)    usage; exit 0 ;;
    --)           shift; WASM_ARGS=("$@"); break ;;
    *)            die "unknown option '$1' (see --help)" ;;
  esac
done
[ -n "$OUT" ] || die "--out FILE.tsv is required"
[[ "$RUNS" =~ ^[1-9][0-9]*$ ]] || die "--runs must be a positive whole number, not '$RUNS'"
case "$REFS" in native|all) ;; *) die "--references must be native or all, not '$REFS'" ;; esac
# hyperfine's -N (no intermediate shell) exists from 1.13 on; older ones fall back to the loop.
hyperfine_ok() { command -v hyperfine >/dev/null && hyperfine --help 2>/dev/null | grep -qE -- '^[[:space:]]*-N([, ]|$)'; }
case "$TIMER" in
  auto)      if hyperfine_ok; then TIMER=hyperfine; else TIMER=loop; fi ;;
  hyperfine) hyperfine_ok || die "--timer hyperfine: hyperfine (1.13 or later, for -N) is not installed (apt-get install hyperfine)" ;;
  loop)      ;;
  *)         die "--timer must be auto, hyperfine or loop, not '$TIMER'" ;;
esac
if [ -n "$WASM" ]; then
  [ -f "$WASM" ] || die "--wasm $WASM: no such file"
  WASM=$(cd "$(dirname "$WASM")" && pwd)/$(basename "$WASM")
  [ -n "$NAME" ] || NAME=$(basename "$WASM" .wasm)
fi
for a in "${WASM_ARGS[@]}"; do [[ "$a" != *$'\t'* && "$a" != *$'\n'* ]] || die "arguments with tabs or newlines are not supported"; done

TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
HAVE_NODE=0; command -v node >/dev/null && HAVE_NODE=1
NODE=(node --no-warnings --experimental-wasi-unstable-preview1)

# ---- the catalog: lines "NAME|WASMFILE|SHA256|ARG ARG...|NATIVE-JSON|NODE-OPTIONS" for SIZE, '|' being \x1f (US);
# NODE-OPTIONS: run-node.mjs's --dir HOST::GUEST / --env NAME=VALUE for an entry with "dirs"/"env" (the real
# interpreters py_*), separated by \x1e (RS) ----
catalog_rows() {
  local script='
import json, os, sys
c = json.load(open(sys.argv[1])); size = sys.argv[2]; here = os.path.dirname(os.path.abspath(sys.argv[1]))
for w in c["workloads"]:
    opts = []
    for guest, folder in w.get("dirs", {}).items(): opts += ["--dir", os.path.join(here, folder) + "::" + guest]
    for k, v in w.get("env", {}).items(): opts += ["--env", k + "=" + v]
    if size in w["args"]:
        print("\x1f".join([w["name"], w["wasmFile"], w["expectedSha256"][size], " ".join(w["args"][size]),
                         json.dumps(w.get("native", {})), "\x1e".join(opts)]))
    else:
        print("\x1f".join([w["name"], w["wasmFile"], "-", "-", "{}", ""]))'
  if command -v python3 >/dev/null; then
    python3 -c "$script" "$HERE/workloads.json" "$SIZE"
  elif [ "$HAVE_NODE" = 1 ]; then
    node -e '
      const path = require("path"), c = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8")), size = process.argv[2];
      const here = path.dirname(path.resolve(process.argv[1]));
      for (const w of c.workloads) {
        const opts = [];
        for (const [guest, folder] of Object.entries(w.dirs || {})) opts.push("--dir", path.join(here, folder) + "::" + guest);
        for (const [k, v] of Object.entries(w.env || {})) opts.push("--env", k + "=" + v);
        console.log(size in w.args
          ? [w.name, w.wasmFile, w.expectedSha256[size], w.args[size].join(" "), JSON.stringify(w.native || {}), opts.join("\x1e")].join("\x1f")
          : [w.name, w.wasmFile, "-", "-", "{}", ""].join("\x1f"));
      }' "$HERE/workloads.json" "$SIZE"
  else
    die "reading workloads.json needs python3 or node"
  fi
}
json_field() { # JSON KEY -> a string field, or the elements of a list field one per line (python3 or node)
  [ -n "$1" ] || return 0
  if command -v python3 >/dev/null; then
    python3 -c 'import json,sys; v=json.loads(sys.argv[1]).get(sys.argv[2]); v=v if isinstance(v,list) else ([v] if v else []); [print(x) for x in v]' "$1" "$2"
  else
    node -e 'const v = JSON.parse(process.argv[1])[process.argv[2]]; if (v != null) console.log(Array.isArray(v) ? v.join("\n") : v)' "$1" "$2"
  fi
}

# ---- output ----
mkdir -p "$(dirname "$OUT")" || die "cannot create the folder of $OUT"
printf 'workload\tsize\treference\tstatus\truns_ms\tsha256\tdetail\n' > "$OUT.tmp"
FAILED=0
row() { # WORKLOAD REFERENCE STATUS RUNS SHA DETAIL
  local w=$1 ref=$2 st=$3 runs=$4 sha=$5 detail=${6//$'\t'/ }
  detail=${detail//$'\n'/ }
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$w" "$SIZE_LABEL" "$ref" "$st" "$runs" "$sha" "$detail" >> "$OUT.tmp"
  [ "$st" = failed ] && FAILED=1
  printf '  %-14s %-13s %-6s %s\n' "$w" "$ref" "$st" "$( [ "$st" = ok ] && echo "runs $runs ms" || echo "$detail")" >&2
}

now_ns() { if [ -n "${EPOCHREALTIME:-}" ]; then local t=${EPOCHREALTIME/[.,]/}; echo "${t}000"; else date +%s%N; fi; }
if [ "$TIMER" = hyperfine ]; then
  TIMER_DETAIL="timer: hyperfine $(hyperfine --version 2>/dev/null | cut -d' ' -f2) -N, $RUNS runs"
elif [ -n "${EPOCHREALTIME:-}" ]; then
  TIMER_DETAIL="timer: shell loop of $RUNS runs (bash \$EPOCHREALTIME, µs)"
else
  TIMER_DETAIL="timer: shell loop of $RUNS runs (date +%s%N)"
fi

# time_cmd CMD... : prints the per-run ms (space-separated) of RUNS runs, stdout to /dev/null; status 1
# (with the reason on stderr) when a run exits non-zero.
time_cmd() {
  if [ "$TIMER" = hyperfine ]; then
    local json="$TMP/hf.json" cmd
    cmd=$(printf '%q ' "$@")
    hyperfine -N --style none --runs "$RUNS" --warmup 0 --export-json "$json" -- "$cmd" >"$TMP/hf.log" 2>&1 \
      || { tail -3 "$TMP/hf.log" >&2; return 1; }
    if command -v python3 >/dev/null; then
      python3 -c 'import json,sys; print(" ".join("%.3f" % (t * 1000) for t in json.load(open(sys.argv[1]))["results"][0]["times"]))' "$json"
    else
      node -e 'console.log(JSON.parse(require("fs").readFileSync(process.argv[1])).results[0].times.map(t => (t * 1000).toFixed(3)).join(" "))' "$json"
    fi
    return
  fi
  local i t0 t1 rc out=()
  for ((i = 0; i < RUNS; i++)); do
    t0=$(now_ns)
    "$@" >/dev/null 2>"$TMP/err" </dev/null
    rc=$?
    t1=$(now_ns)
    if [ "$rc" != 0 ]; then echo "run $((i + 1)) exited with $rc: $(head -c 200 "$TMP/err")" >&2; return 1; fi
    out+=("$(awk -v d=$((t1 - t0)) 'BEGIN { printf "%.3f", d / 1e6 }')")
  done
  echo "${out[*]}"
}

# check_and_time WORKLOAD REFERENCE EXPECTED-SHA DETAIL CMD... : one checked run, then RUNS timed runs.
# EXPECTED-SHA "first" = whatever the checked run prints (a user's module); its sha is then in CHECK_SHA.
CHECK_SHA=""
check_and_time() {
  local w=$1 ref=$2 want=$3 detail=$4 got rc runs
  shift 4
  "$@" >"$TMP/out" 2>"$TMP/err" </dev/null
  rc=$?
  got=$(sha256sum <"$TMP/out" | cut -d' ' -f1)
  CHECK_SHA=$got
  [ "$want" = first ] && want=$got
  if [ "$rc" != 0 ]; then row "$w" "$ref" failed "" "$got" "exit code $rc: $(head -c 200 "$TMP/err")"; return; fi
  if [ "$got" != "$want" ]; then row "$w" "$ref" failed "" "$got" "WRONG OUTPUT: stdout sha256 $got, expected $want; not timed"; return; fi
  if ! runs=$(time_cmd "$@" 2>"$TMP/terr"); then row "$w" "$ref" failed "" "$got" "timed run failed: $(head -c 300 "$TMP/terr")"; return; fi
  row "$w" "$ref" ok "$runs" "$got" "$detail; $TIMER_DETAIL"
}

# node_inproc WORKLOAD EXPECTED-SHA FILE ARGS... : node-loop.mjs, its hashes checked against EXPECTED-SHA.
node_inproc() {
  local w=$1 want=$2 file=$3 json
  shift 3
  local rc=0
  json=$("${NODE[@]}" --expose-gc "$HERE/node-loop.mjs" --warmup 3 --runs "$RUNS" "${NODE_OPTS[@]}" "$file" "$@" 2>"$TMP/err") || rc=$?
  if [ "$rc" != 0 ]; then  # say the signal when there is no message (a crash of node itself)
    local why="exit status $rc"; [ "$rc" -gt 128 ] && why="killed by signal $((rc - 128))"
    row "$w" node-inproc failed "" "" "node-loop.mjs failed ($why): $(head -c 200 "$TMP/err")"; return
  fi
  local parsed ms shas exits region
  parsed=$(node -e 'const r = JSON.parse(process.argv[1]); console.log(r.ms.map(x => x.toFixed(3)).join(" ")); console.log(r.sha256.join(" ")); console.log(r.exit.join(" ")); console.log((r.region_ms || []).map(x => x.toFixed(3)).join(" "))' "$json")
  { read -r ms; read -r shas; read -r exits; read -r region; } <<<"$parsed"
  if [ "$exits" != 0 ]; then row "$w" node-inproc failed "" "$shas" "exit code(s) $exits"; return; fi
  if [ "$shas" != "$want" ]; then row "$w" node-inproc failed "" "$shas" "WRONG OUTPUT: stdout sha256 $shas, expected $want"; return; fi
  row "$w" node-inproc ok "$ms" "$shas" "node $(node --version) WASI, one process: compiled once, 3 untimed runs, then $RUNS runs of new WASI + instantiate + _start (process.hrtime; stdout to a temporary file)"
  # a Sightglass module (imports bench.start / bench.end): the marked region of the same runs, beside the whole run
  [ -z "$region" ] || row "$w" node-region-inproc ok "$region" "$shas" "node $(node --version) WASI, the same runs as node-inproc: time between the module's bench.start and bench.end calls (Sightglass)"
}

# node_can_run FILE : sets NODE for a module node can compile: as is, or with the flag that enables Wasm
# tail calls in nodes before 20 (which ship them); fails when node cannot validate it.
node_can_run() {
  local check='process.exit(WebAssembly.validate(require("fs").readFileSync(process.argv[1])) ? 0 : 1)'
  NODE=(node --no-warnings --experimental-wasi-unstable-preview1)
  node -e "$check" "$1" 2>/dev/null && return 0
  node --experimental-wasm-return-call -e "$check" "$1" 2>/dev/null || return 1
  NODE+=(--experimental-wasm-return-call)
}

NODE_OPTS=()  # run-node.mjs / node-loop.mjs options of the current workload (--dir, --env), set by the caller
node_refs() { # WORKLOAD EXPECTED-SHA FILE ARGS...
  local w=$1 want=$2 file=$3
  shift 3
  if [ "$REFS" != all ]; then return; fi
  if [ "$HAVE_NODE" = 0 ]; then
    row "$w" node n/a "" "" "node is not installed"; row "$w" node-inproc n/a "" "" "node is not installed"; return
  fi
  if ! node_can_run "$file"; then
    local why="node $(node --version) cannot validate this module (it uses a feature this V8 lacks)"
    row "$w" node n/a "" "" "$why"; row "$w" node-inproc n/a "" "" "$why"; return
  fi
  # CPython (an entry with preopens) recurses deeper than V8's default native stack allows
  [ ${#NODE_OPTS[@]} -eq 0 ] || NODE+=(--stack-size=4000)
  check_and_time "$w" node "$want" "node $(node --version) WASI (run-node.mjs), whole process incl. node start-up and wasm compilation" \
    "${NODE[@]}" "$HERE/run-node.mjs" "${NODE_OPTS[@]}" "$file" "$@"
  [ "$want" = first ] && want=$CHECK_SHA
  node_inproc "$w" "$want" "$file" "$@"
}

# has_musttail COMPILER : whether it accepts __attribute__((musttail)) (clang; gcc from 15 on).
has_musttail() {
  printf 'int f(int);\nint g(int x) { __attribute__((musttail)) return f(x); }\n' >"$TMP/musttail.c"
  "$1" -O2 -Werror -c "$TMP/musttail.c" -o "$TMP/musttail.o" >/dev/null 2>&1
}

# native_build COMPILER NAME NATIVE-JSON OUTFILE : builds, or prints the reason it cannot and fails.
# The recipe, as workloads/build.sh builds its native check: src/c/NAME.c; or for the guest-interpreter
# family pyvm_VARIANT every src/guestvm/*.c with -DPYVM_DISPATCH_<VARIANT> (the tail-calling variant
# only with a compiler that has musttail). A catalog entry's "native" object, when present, overrides
# it: {"sources": [paths relative to workloads/], "defines": ["NAME=VALUE", ...], "cflags": [...],
# "compilers": ["clang", ...] when only some compilers can build it}.
native_build() {
  local cc=$1 name=$2 native=$3 out=$4 cname srcs=() defs=() flags=() only
  cname=${cc%%-*}
  only=$(json_field "$native" compilers)
  if [ -n "$only" ] && ! grep -qx "$cname" <<<"$only"; then
    echo "needs $(paste -sd/ <<<"$only") (catalog: native.compilers)"; return 1
  fi
  mapfile -t srcs < <(json_field "$native" sources)
  mapfile -t defs < <(json_field "$native" defines)
  mapfile -t flags < <(json_field "$native" cflags)
  if [ ${#srcs[@]} -eq 0 ]; then
    if [ -f "$HERE/src/c/$name.c" ]; then
      srcs=("src/c/$name.c")
    elif [[ "$name" == pyvm_* ]] && [ -d "$HERE/src/guestvm" ]; then
      local variant=${name#pyvm_}
      for f in "$HERE"/src/guestvm/*.c; do srcs+=("src/guestvm/$(basename "$f")"); done
      defs+=("PYVM_DISPATCH_${variant^^}")
      if [ "$variant" = tailcall ] && ! has_musttail "$cc"; then
        echo "$cc $("$cc" -dumpfullversion 2>/dev/null || "$cc" -dumpversion) has no __attribute__((musttail)), which the tail-calling dispatch needs"
        return 1
      fi
    else
      echo "no native build recipe: no src/c/$name.c, not a src/guestvm variant, no \"native\" entry in the catalog"; return 1
    fi
  fi
  local args=(-O2 -std=c11 "${flags[@]}")
  for d in "${defs[@]}"; do args+=("-D$d"); done
  for s in "${srcs[@]}"; do args+=("$HERE/$s"); done
  if ! "$cc" "${args[@]}" -o "$out" -lm >"$TMP/cc.log" 2>&1; then
    echo "$cc failed: $(grep -m1 -i 'error' "$TMP/cc.log" || head -1 "$TMP/cc.log")"; return 1
  fi
}

# ---- catalog workloads ----
if [ -z "$WASM" ]; then
  SIZE_LABEL=$SIZE
  declare -A ROWS=()
  ORDER=()
  while IFS=$'\x1f' read -r name wasm sha args native opts; do
    ROWS[$name]="$wasm"$'\x1f'"$sha"$'\x1f'"$args"$'\x1f'"$native"$'\x1f'"$opts"; ORDER+=("$name")
  done < <(catalog_rows)
  [ ${#ORDER[@]} -gt 0 ] || die "no workloads in $HERE/workloads.json"
  if [ -n "$WORKLOADS" ]; then IFS=, read -r -a SELECTED <<<"$WORKLOADS"; else SELECTED=("${ORDER[@]}"); fi
  for w in "${SELECTED[@]}"; do [ -n "${ROWS[$w]:-}" ] || die "unknown workload '$w'; workloads are: ${ORDER[*]}"; done
  echo "reference.sh: ${SELECTED[*]} (size $SIZE), references: $REFS, $RUNS timed runs per cell" >&2
  for w in "${SELECTED[@]}"; do
    IFS=$'\x1f' read -r wasm sha args native opts <<<"${ROWS[$w]}"
    [ "$sha" != - ] || die "workload '$w' has no size '$SIZE'"
    read -r -a argv <<<"$args"
    NODE_OPTS=()
    [ -z "$opts" ] || IFS=$'\x1e' read -r -a NODE_OPTS <<<"$opts"
    if [ ${#NODE_OPTS[@]} -gt 0 ]; then  # a real interpreter (py_*): its native counterpart is not a C build
      for ref in native-gcc native-clang; do
        row "$w" "$ref" n/a "" "" "a script on CPython on Wasm: its native counterpart is python3.13 itself (workloads/cpython/bench/update-expected.sh times it), not a C build"
      done
      node_refs "$w" "$sha" "$HERE/$wasm" "${argv[@]}"
      continue
    fi
    for cc in gcc clang-19; do
      ref=native-${cc%%-*}
      if ! command -v "$cc" >/dev/null; then row "$w" "$ref" n/a "" "" "$cc is not installed"; continue; fi
      bin="$HERE/build/$ref/$w"
      mkdir -p "$HERE/build/$ref"
      if ! why=$(native_build "$cc" "$w" "$native" "$bin"); then row "$w" "$ref" n/a "" "" "$why"; continue; fi
      version=$("$cc" -dumpfullversion 2>/dev/null || "$cc" -dumpversion)
      check_and_time "$w" "$ref" "$sha" "$cc $version -O2 -std=c11 (workloads/build/$ref/), whole process" "$bin" "${argv[@]}"
    done
    node_refs "$w" "$sha" "$HERE/$wasm" "${argv[@]}"
  done
else
  SIZE_LABEL=default
  echo "reference.sh: $WASM as '$NAME' with ${#WASM_ARGS[@]} argument(s), references: $REFS, $RUNS timed runs per cell" >&2
  for ref in native-gcc native-clang; do row "$NAME" "$ref" n/a "" "" "a user's .wasm: no source to build natively"; done
  node_refs "$NAME" first "$WASM" "${WASM_ARGS[@]}"
fi
mv "$OUT.tmp" "$OUT"
exit $FAILED
