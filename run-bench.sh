#!/usr/bin/env bash
# run-bench.sh — runs the tailbench JMH benchmarks and writes publishable result tables.
# See --help (below) and results/README.md.
set -uo pipefail

usage() {
  cat <<'EOF'
usage: ./run-bench.sh [options] [-- extra JMH options]
       ./run-bench.sh [options] --wasm FILE.wasm [--name NAME] [-- PROGRAM ARGS...]

Runs the JMH benchmarks (benchmarks/target/benchmarks.jar) for the chosen engines and workloads, times
the native and JIT references (workloads/reference.sh), and writes results/<UTC-time>-<host>/ with
results.md, results.csv, references.csv, jmh.json, jmh.log, environment.json, command.txt,
engines.txt, peers.txt (the peer engines' versions and configuration) and failures/ (why a benchmark
failed: a cell then reads "fails: <reason>"; a peer's failure does not stop the run or fail its exit
status); results/latest points to the newest complete run.

options:
  --engines a,b         engines to compare (default: every engine)
  --workloads x,y       catalog workloads (default: WorkloadBenchmark's default set; full: every workload)
  --size NAME           catalog size to run (default: default)
  --profile quick|full  quick (default): 1 fork x (2 warm-up + 3 measurement x 1 s) for the full run,
                        1 fork x (1 + 3 x 1 s) for instantiation and for compile (decode + validate + compile,
                        reported also as ms per MB of Wasm); about 18 s per engine and workload, more
                        where one program run exceeds 1 s (chicory-interp: 3-10 s per run). Cut from 3+5 and
                        2+3 iterations when the peers came in: 10 engines x the 5 default workloads stay
                        near 15 minutes on a quiet machine. Numbers to publish: --profile full.
                        full: 3 forks x (5 warm-up + 5 measurement x 2 s) for the full run, plus the
                        instantiation and compile benchmarks with 3 forks x (5 + 5 x 1 s).
  --baseline ENGINE     engine the ratio columns divide by (default: switch if run, else the first engine)
  --references WHICH    none | native (gcc -O2 and clang-19 -O2 builds of the same C source) |
                        all (default: native, plus the .wasm on node's WASI as a whole process and in one
                        process); each output checked before timing; whatever is not installed shows as n/a
  --reference-runs N    timed whole-process runs per reference cell (default: 5 quick, 10 full)
  --timer auto|hyperfine|loop   how references are timed: hyperfine when installed (auto, the default;
                        Debian package hyperfine), else a shell loop of N runs
  --wasm FILE.wasm      benchmark your own WASI command module instead of catalog workloads: all the
                        selected engines, the same JMH benchmarks and tables (node references only); its
                        arguments follow --, and as there is no expected output every run must repeat the
                        first run's stdout sha256 and exit code
  --name NAME           the row name of --wasm's module (default: the file name without .wasm)
  --jvm-args "FLAGS"    JVM flags of the forked benchmark JVMs (default: "-Xss16m -Xms2g -Xmx2g
                        --sun-misc-unsafe-memory-access=allow --enable-native-access=ALL-UNNAMED"; the last
                        is for the wasmtime peer's JNI library); it replaces the default, so repeat what you
                        keep, e.g. --jvm-args "-Xss16m -Xms2g -Xmx2g --enable-native-access=ALL-UNNAMED
                        -XX:-DontCompileHugeMethods" (C2 also compiles methods above 8000 B of bytecode) or
                        "... -Dtailbench.aot.frame=false" (aot without the frame strategy, to compare)
  --results-dir DIR     where run folders go (default: results/ next to this script)
  --jfr                 after the timed pass, record each engine x workload with JFR (tailbench.jfc, stack
                        depth 2048, -XX:+DebugNonSafepoints) in its own JVM: jfr/<workload>/<engine>.jfr
                        (on by default with --profile full; --no-jfr turns it off)
  --jfr-seconds N       seconds recorded per cell, after the warm-up (default: 5 quick, 20 full)
  --jfr-warmup N        seconds each cell runs before recording (default: 2 quick, 5 full)
  --opcode-profile      exact Wasm opcode and pair counts per workload (the switch engine's counting
                        mode, one run): opcodes/<workload>/switch.json
  --rebuild             rebuild the jars even if they look up to date
  --dry-run             print the plan, the time estimate and the JMH commands; run nothing
  -h, --help            this text
  -- ...                everything after -- is passed to every JMH invocation (e.g. -- -prof gc);
                        with --wasm it is the program's arguments instead

Another JMH run on the machine holds /tmp/jmh.lock: run-bench.sh waits for it (up to 30 minutes, or
TAILBENCH_JMH_LOCK_WAIT seconds), as two benchmarks at once would spoil each other's numbers.

Exit status: 0 all results present; 1 a benchmark or a reference failed (e.g. wrong answer: the tables
mark it);
2 bad usage or build failure; 130 interrupted (the run folder keeps what finished, see INTERRUPTED.txt).
EOF
}

die() { echo "run-bench: $*" >&2; exit 2; }

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
cd "$ROOT" || exit 2
ORIG_CMD=$(printf '%q ' "$0" "$@")

ENGINES="" WORKLOADS="" SIZE=default PROFILE=quick BASELINE="" REBUILD=0 DRY_RUN=0
REFERENCES=all REF_RUNS="" TIMER=auto WASM="" WASM_NAME="" WASM_ARGS=()
LOCK_WAIT=${TAILBENCH_JMH_LOCK_WAIT:-1800}  # seconds to wait for another JMH run's /tmp/jmh.lock
RESULTS_DIR="$ROOT/results"
FORK_JVM_ARGS="-Xss16m -Xms2g -Xmx2g --sun-misc-unsafe-memory-access=allow --enable-native-access=ALL-UNNAMED"
EXTRA_JMH=()
JFR="" JFR_SECONDS="" JFR_WARMUP="" OPCODES=0   # --- jfr pass options (see the jfr pass block below) ---
while [ $# -gt 0 ]; do
  case "$1" in
    --engines)     [ $# -ge 2 ] || die "--engines needs a value"; ENGINES=$2; shift 2 ;;
    --workloads)   [ $# -ge 2 ] || die "--workloads needs a value"; WORKLOADS=$2; shift 2 ;;
    --size)        [ $# -ge 2 ] || die "--size needs a value"; SIZE=$2; shift 2 ;;
    --profile)     [ $# -ge 2 ] || die "--profile needs a value"; PROFILE=$2; shift 2 ;;
    --baseline)    [ $# -ge 2 ] || die "--baseline needs a value"; BASELINE=$2; shift 2 ;;
    --jvm-args)    [ $# -ge 2 ] || die "--jvm-args needs a value"; FORK_JVM_ARGS=$2; shift 2 ;;
    --results-dir) [ $# -ge 2 ] || die "--results-dir needs a value"; RESULTS_DIR=$2; shift 2 ;;
    --references)  [ $# -ge 2 ] || die "--references needs a value"; REFERENCES=$2; shift 2 ;;
    --reference-runs) [ $# -ge 2 ] || die "--reference-runs needs a value"; REF_RUNS=$2; shift 2 ;;
    --timer)       [ $# -ge 2 ] || die "--timer needs a value"; TIMER=$2; shift 2 ;;
    --wasm)        [ $# -ge 2 ] || die "--wasm needs a value"; WASM=$2; shift 2 ;;
    --name)        [ $# -ge 2 ] || die "--name needs a value"; WASM_NAME=$2; shift 2 ;;
    --engines=*|--workloads=*|--size=*|--profile=*|--baseline=*|--jvm-args=*|--results-dir=*|--references=*|--reference-runs=*|--timer=*|--wasm=*|--name=*|--jfr-seconds=*|--jfr-warmup=*)
                   set -- "${1%%=*}" "${1#*=}" "${@:2}" ;;
    --jfr)         JFR=1; shift ;;
    --no-jfr)      JFR=0; shift ;;
    --jfr-seconds) [ $# -ge 2 ] || die "--jfr-seconds needs a value"; JFR_SECONDS=$2; shift 2 ;;
    --jfr-warmup)  [ $# -ge 2 ] || die "--jfr-warmup needs a value"; JFR_WARMUP=$2; shift 2 ;;
    --opcode-profile) OPCODES=1; shift ;;
    --rebuild)     REBUILD=1; shift ;;
    --dry-run)     DRY_RUN=1; shift ;;
    -h|--help)     usage; exit 0 ;;
    --)            shift; if [ -n "$WASM" ]; then WASM_ARGS=("$@"); else EXTRA_JMH=("$@"); fi; break ;;
    *)             usage >&2; die "unknown option '$1'" ;;
  esac
done

case "$REFERENCES" in none|native|all) ;; *) die "--references must be none, native or all, not '$REFERENCES'" ;; esac
case "$TIMER" in auto|hyperfine|loop) ;; *) die "--timer must be auto, hyperfine or loop, not '$TIMER'" ;; esac
[ -z "$REF_RUNS" ] || [[ "$REF_RUNS" =~ ^[1-9][0-9]*$ ]] || die "--reference-runs must be a positive whole number"
[ -n "$WASM_NAME" ] && [ -z "$WASM" ] && die "--name goes with --wasm"
if [ -n "$WASM" ]; then
  [ -f "$WASM" ] || die "--wasm $WASM: no such file"
  [ -n "$WORKLOADS" ] && die "--wasm replaces the catalog workloads: drop --workloads"
  [ -n "$WASM_NAME" ] || WASM_NAME=$(basename "$WASM" .wasm)
  [[ "$WASM_NAME" =~ ^[A-Za-z0-9_.-]+$ ]] || die "--name '$WASM_NAME': use letters, digits, '_', '.' and '-' only"
  for a in "${WASM_ARGS[@]}"; do
    [[ "$a" != *$'\n'* && "$a" != *$'\t'* ]] || die "--wasm program arguments with newlines or tabs are not supported"
  done
  WASM=$(cd "$(dirname "$WASM")" && pwd)/$(basename "$WASM")
  [ "$SIZE" = default ] || die "--size applies to catalog workloads, not to --wasm"
fi

# Benchmark settings per profile: forks, warm-up iterations, warm-up time, measurement iterations, time.
case "$PROFILE" in
  quick) RUN_SET=(1 2 1 3 1); INST_SET=(1 1 1 3 1); BENCHES=(run instantiate compile); : "${REF_RUNS:=5}" ;;
  full)  RUN_SET=(3 5 2 5 2); INST_SET=(3 5 1 5 1); BENCHES=(run instantiate compile); : "${REF_RUNS:=10}" ;;
  *)     die "--profile must be quick or full, not '$PROFILE'" ;;
esac

# --- jfr pass: settings (the full profile records by default) ---
[ -n "$JFR" ] || { [ "$PROFILE" = full ] && JFR=1 || JFR=0; }
: "${JFR_SECONDS:=$([ "$PROFILE" = full ] && echo 20 || echo 5)}" "${JFR_WARMUP:=$([ "$PROFILE" = full ] && echo 5 || echo 2)}"
[[ "$JFR_SECONDS" =~ ^[1-9][0-9]*$ ]] || die "--jfr-seconds must be a positive whole number"
[[ "$JFR_WARMUP" =~ ^[0-9]+$ ]] || die "--jfr-warmup must be a whole number"

# shellcheck source=engines/cli/bin/find-jdk.sh
source "$ROOT/engines/cli/bin/find-jdk.sh" && tailbench_find_jdk || exit 2

BENCH_JAR="$ROOT/benchmarks/target/benchmarks.jar"
CHARTS_JAR="$ROOT/charts/target/charts.jar"
say() { # progress line, to the terminal and (once the run folder exists) to jmh.log
  local line
  line="[run-bench $(date -u +%H:%M:%S)] $*"
  echo "$line"
  if [ -n "${RUN_DIR:-}" ] && [ -d "$RUN_DIR" ]; then echo "$line" >> "$RUN_DIR/jmh.log"; fi
}

# ---- build -----------------------------------------------------------------------------------
stale() { # true when a jar is missing or a source/pom of the modules it contains is newer
  local jar=$1; shift
  [ -f "$jar" ] || return 0
  [ -n "$(find "$@" -newer "$jar" \( -name '*.java' -o -name 'pom.xml' -o -name '*.json' -o -name '*.wasm' -o -name '*.out' \) \
          -not -path '*/target/*' -print -quit 2>/dev/null)" ]
}
if [ "$REBUILD" = 1 ] || stale "$BENCH_JAR" pom.xml benchmarks engines/core engines/interp engines/aot engines/peer-* workloads \
   || stale "$CHARTS_JAR" pom.xml charts; then
  if [ "$DRY_RUN" = 1 ]; then
    say "would build: mvn -q -DskipTests -pl benchmarks,charts -am package"
  else
    command -v mvn >/dev/null || die "Maven (mvn) is needed to build the jars: apt-get install maven"
    say "building benchmarks.jar and charts.jar (mvn -q -DskipTests -pl benchmarks,charts -am package)"
    mvn -q -DskipTests -pl benchmarks,charts -am package || die "build failed"
  fi
fi
list_inventory() {
  "$JAVA" --sun-misc-unsafe-memory-access=allow -cp "$BENCH_JAR" org.tailbench.bench.Inventory 2>/dev/null
}
if [ "$DRY_RUN" = 1 ]; then
  INVENTORY=$(list_inventory) || {
    say "dry run without an up-to-date benchmarks.jar: engine/workload names are not checked"
    INVENTORY=""
  }
else
  [ -f "$BENCH_JAR" ] && [ -f "$CHARTS_JAR" ] || die "jars missing after the build"
  INVENTORY=$(list_inventory) \
    || die "cannot list engines and workloads (java -cp $BENCH_JAR org.tailbench.bench.Inventory failed)"
fi
inv() { printf '%s\n' "$INVENTORY" | sed -n "s/^$1=//p"; }

# ---- what to run -----------------------------------------------------------------------------
ALL_ENGINES=$(inv engines)
if [ "$DRY_RUN" = 0 ] && [ -z "$ALL_ENGINES" ]; then
  die "benchmarks.jar has no engines (no META-INF/services/org.tailbench.runtime.Engine): rebuild with --rebuild"
fi
if [ -z "$ENGINES" ]; then
  if [ -n "$ALL_ENGINES" ]; then ENGINES=$ALL_ENGINES; else ENGINES=switch; fi
fi
if [ -n "$WASM" ]; then
  WORKLOADS=$WASM_NAME
elif [ -z "$WORKLOADS" ]; then
  if [ "$PROFILE" = full ]; then WORKLOADS=$(inv workloads); else WORKLOADS=$(inv default-workloads); fi
fi
IFS=, read -r -a ENGINE_LIST <<< "$ENGINES"
IFS=, read -r -a WORKLOAD_LIST <<< "$WORKLOADS"
[ ${#ENGINE_LIST[@]} -gt 0 ] || die "no engines to run"
if [ ${#WORKLOAD_LIST[@]} -eq 0 ]; then
  [ "$DRY_RUN" = 1 ] && WORKLOAD_LIST=("<default workloads>") || die "no workloads to run"
fi
if [ -n "$ALL_ENGINES" ]; then
  for e in "${ENGINE_LIST[@]}"; do
    [[ ",$ALL_ENGINES," == *",$e,"* ]] || die "unknown engine '$e'; engines are: $ALL_ENGINES"
  done
fi
ALL_WORKLOADS=$(inv workloads)
if [ -n "$ALL_WORKLOADS" ] && [ -z "$WASM" ]; then
  for w in "${WORKLOAD_LIST[@]}"; do
    [[ ",$ALL_WORKLOADS," == *",$w,"* ]] || die "unknown workload '$w'; workloads are: $ALL_WORKLOADS"
    sizes=$(inv "sizes\\.$w")
    [[ ",$sizes," == *",$SIZE,"* ]] || die "workload '$w' has no size '$SIZE'; its sizes are: $sizes"
  done
fi
if [ -n "$BASELINE" ] && [[ ",$ENGINES," != *",$BASELINE,"* ]]; then
  die "--baseline $BASELINE is not among the engines run ($ENGINES)"
fi

# --- graalwasm ---
# GraalWasm (engine graalwasm) compiles Wasm to machine code only with JVMCI enabled, the Graal jars on the
# module path and the Graal compiler on the upgrade module path (engines/peer-graalwasm/README.md); the build
# copies them to engines/peer-graalwasm/target/graal/. JMH's -jvmArgs applies to every benchmark of one
# invocation, so graalwasm runs in its own JMH invocation per (benchmark, workload) with these flags added
# to its forks. Without the jars it runs interpreter-only, and engines.txt / the tables say so.
GRAAL_JVM_ARGS=$("$ROOT/engines/peer-graalwasm/bin/graal-jvm-args.sh" "$ROOT" 2>/dev/null) || GRAAL_JVM_ARGS=""
if [ -z "$GRAAL_JVM_ARGS" ] && [ "$DRY_RUN" = 0 ] && [[ ",$ENGINES," == *",graalwasm,"* ]] && command -v mvn >/dev/null; then
  say "graalwasm: copying the Graal jars (mvn -q -DskipTests -pl engines/peer-graalwasm -am package)"
  mvn -q -DskipTests -pl engines/peer-graalwasm -am package >/dev/null 2>&1 \
    && GRAAL_JVM_ARGS=$("$ROOT/engines/peer-graalwasm/bin/graal-jvm-args.sh" "$ROOT" 2>/dev/null)
fi
OTHER_ENGINES=$(printf '%s\n' "${ENGINE_LIST[@]}" | grep -vx graalwasm | paste -sd, -)
GRAAL_SELECTED=0
for e in "${ENGINE_LIST[@]}"; do [ "$e" = graalwasm ] && GRAAL_SELECTED=1; done
engine_groups() { # the JMH invocations per (benchmark, workload): "main" (every other engine) and/or "graalwasm"
  [ -n "$OTHER_ENGINES" ] && echo main
  [ "$GRAAL_SELECTED" = 1 ] && echo graalwasm
  return 0
}
group_engines() { if [ "$1" = graalwasm ]; then echo graalwasm; else echo "$OTHER_ENGINES"; fi; }
group_jvm_args() { if [ "$1" = graalwasm ] && [ -n "$GRAAL_JVM_ARGS" ]; then echo "$FORK_JVM_ARGS $GRAAL_JVM_ARGS"; else echo "$FORK_JVM_ARGS"; fi; }
if [ "$GRAAL_SELECTED" = 1 ] && [ "$DRY_RUN" = 0 ]; then
  if [ -n "$GRAAL_JVM_ARGS" ]; then
    # the description (and peer lines) as the forks will see them (optimizing or not), for engines.txt / peers.txt
    # shellcheck disable=SC2086
    graal_lines=$("$JAVA" $GRAAL_JVM_ARGS --sun-misc-unsafe-memory-access=allow -cp "$BENCH_JAR" org.tailbench.bench.Inventory 2>/dev/null \
                  | grep -E '^(engine|peer)\.graalwasm[.=]')
    [ -n "$graal_lines" ] && INVENTORY=$(printf '%s\n' "$INVENTORY" | grep -Ev '^(engine|peer)\.graalwasm[.=]'; echo "$graal_lines")
  else
    say "graalwasm: no Graal jars in engines/peer-graalwasm/target/graal (build it: mvn -q -DskipTests -pl engines/peer-graalwasm -am package); it runs INTERPRETER-ONLY"
  fi
fi

# One JMH invocation per (benchmark, workload): each writes its own JSON part, so an interrupted run
# keeps every finished part.
bench_regex() {
  case "$1" in
    run)         echo '^org\.tailbench\.bench\.WorkloadBenchmark\.run$' ;;
    instantiate) echo '^org\.tailbench\.bench\.InstantiateBenchmark\.instantiate$' ;;
    compile)     echo '^org\.tailbench\.bench\.CompileBenchmark\.compile$' ;;
  esac
}
bench_fqn() { local r; r=$(bench_regex "$1"); r=${r#^}; r=${r%$}; echo "${r//\\/}"; }
settings_of() { if [ "$1" = run ]; then echo "${RUN_SET[*]}"; else echo "${INST_SET[*]}"; fi; }
# Estimated seconds for one invocation: per engine and fork, iterations plus ~3 s of JVM start, setup
# and the setup's checked run (an operation longer than an iteration stretches that iteration).
estimate() { # $1 = benchmark, $2 = engine group (engine_groups; default: every engine)
  local f wi w i r n=${#ENGINE_LIST[@]}
  read -r f wi w i r <<< "$(settings_of "$1")"
  [ -n "${2:-}" ] && n=$(group_engines "$2" | tr ',' '\n' | grep -c .)
  echo $(( n * f * (wi * w + i * r + 3) + 2 ))
}
PLAN=()
# references: per workload about 2 s of native builds, plus (1 checked + N timed) runs of each cell
# (native ≈ 0.1 s, node ≈ 0.3 s per run at the default size), plus node-inproc's 3 warm-up runs.
ref_estimate() {
  case "$REFERENCES" in
    none)   echo 0 ;;
    native) echo $(( ${#WORKLOAD_LIST[@]} * (2 + (REF_RUNS + 1) * 2 / 10) )) ;;
    all)    echo $(( ${#WORKLOAD_LIST[@]} * (3 + (REF_RUNS + 1) * 6 / 10 + (REF_RUNS + 4) / 10) )) ;;
  esac
}
TOTAL_EST=$(ref_estimate)
for w in "${WORKLOAD_LIST[@]}"; do
  for b in "${BENCHES[@]}"; do
    for g in $(engine_groups); do PLAN+=("$b:$w:$g"); TOTAL_EST=$(( TOTAL_EST + $(estimate "$b" "$g") )); done
  done
done
fmt_secs() { printf '%dm%02ds' $(( $1 / 60 )) $(( $1 % 60 )); }

jmh_cmd() { # prints one JMH command line as an array assignment target: fills CMD
  local b=$1 w=$2 json=$3 g=${4:-main} f wi wt i r
  read -r f wi wt i r <<< "$(settings_of "$b")"
  CMD=("$JAVA" -Xmx512m --sun-misc-unsafe-memory-access=allow -jar "$BENCH_JAR" "$(bench_regex "$b")"
       -p "engine=$(group_engines "$g")" -p "workload=$w")
  [ "$b" = compile ] || CMD+=(-p "size=$SIZE")
  if [ -n "$WASM" ]; then
    CMD+=(-p "wasmFile=$MODULE_DIR/$WASM_NAME.wasm")
    [ "$b" = compile ] || CMD+=(-p "wasmArgs=@$MODULE_DIR/$WASM_NAME.args")
  fi
  CMD+=(-bm avgt -tu ms -f "$f" -wi "$wi" -w "${wt}s" -i "$i" -r "${r}s" -t 1
        -jvmArgs "$(group_jvm_args "$g")" -rf json -rff "$json")
  CMD+=("${EXTRA_JMH[@]}")
}

ref_cmd() { # fills REF_CMD: the reference.sh command writing $1
  REF_CMD=("$ROOT/workloads/reference.sh" --out "$1" --runs "$REF_RUNS" --references "$REFERENCES" --timer "$TIMER")
  if [ -n "$WASM" ]; then
    REF_CMD+=(--wasm "$MODULE_DIR/$WASM_NAME.wasm" --name "$WASM_NAME" -- "${WASM_ARGS[@]}")
  else
    REF_CMD+=(--size "$SIZE" --workloads "$(IFS=,; echo "${WORKLOAD_LIST[*]}")")
  fi
}

# --- jfr pass ---------------------------------------------------------------------------------
# After the timed pass, in separate JVMs (one per cell, so nothing disturbs the timings): records each
# engine x workload with tailbench.jfc (org.tailbench.bench.jfr.JfrPass: the first run's output checked,
# JFR_WARMUP s of runs, then JFR_SECONDS s recorded), and with --opcode-profile counts each workload's
# Wasm instructions once in the switch engine's counting mode.
# -Dtailbench.aot.profile=true: aot compiles its per-function tail-call counters (tailbench.TailCalls); other engines ignore it
JFR_FLAGS=(-XX:FlightRecorderOptions:stackdepth=2048 -XX:+UnlockDiagnosticVMOptions -XX:+DebugNonSafepoints -Dtailbench.aot.profile=true)
jfr_cmd() { # $1 engine (empty: the opcode profile), $2 workload, $3 run folder: fills JFR_CMD
  JFR_CMD=("$JAVA" -Xss16m -Xmx2g --sun-misc-unsafe-memory-access=allow "${JFR_FLAGS[@]}"
           -cp "$BENCH_JAR" org.tailbench.bench.jfr.JfrPass --out "$3")
  if [ -n "$WASM" ]; then
    JFR_CMD+=(--wasm "$MODULE_DIR/$WASM_NAME.wasm" --name "$WASM_NAME" --args-file "$MODULE_DIR/$WASM_NAME.args")
  else
    JFR_CMD+=(--workload "$2" --size "$SIZE")
  fi
  if [ -n "$1" ]; then JFR_CMD+=(--engine "$1" --warmup "$JFR_WARMUP" --seconds "$JFR_SECONDS"); else JFR_CMD+=(--opcode-profile); fi
}
jfr_estimate() { # seconds: per cell ~4 s of JVM start, compile and checked run, then warm-up and recording
  local n=0
  [ "$JFR" = 1 ] && n=$(( ${#ENGINE_LIST[@]} * ${#WORKLOAD_LIST[@]} * (4 + JFR_WARMUP + JFR_SECONDS) ))
  [ "$OPCODES" = 1 ] && n=$(( n + ${#WORKLOAD_LIST[@]} * 20 ))
  echo "$n"
}
jfr_plan() { # fills JFR_PLAN with "engine:workload" cells (engine empty for an opcode profile)
  JFR_PLAN=()
  local w e
  for w in "${WORKLOAD_LIST[@]}"; do
    if [ "$JFR" = 1 ]; then for e in "${ENGINE_LIST[@]}"; do JFR_PLAN+=("$e:$w"); done; fi
    [ "$OPCODES" = 1 ] && JFR_PLAN+=(":$w")
  done
}
jfr_pass() { # runs JFR_PLAN into $RUN_DIR; returns 1 when a cell failed
  local p e w status=0
  jfr_plan
  [ ${#JFR_PLAN[@]} -gt 0 ] || return 0
  say "JFR pass: ${#JFR_PLAN[@]} cells, about $(fmt_secs "$(jfr_estimate)")"
  for p in "${JFR_PLAN[@]}"; do
    e=${p%%:*}; w=${p#*:}
    jfr_cmd "$e" "$w" "$RUN_DIR"
    echo "# jfr pass: $(printf '%q ' "${JFR_CMD[@]}")" >> "$RUN_DIR/command.txt"
    CURRENT="JFR pass ${e:-opcode profile} × $w"
    "${JFR_CMD[@]}" 2>&1 | tee -ai "$RUN_DIR/jmh.log"
    if [ "${PIPESTATUS[0]}" != 0 ]; then
      # a peer that cannot run the workload (e.g. no tail calls) has no recording; that is not a failure of the run
      if [ -n "$e" ] && grep -q "^peer\.$e\." "$RUN_DIR/peers.txt" 2>/dev/null; then
        say "JFR pass: no recording of $e × $w (the peer cannot run it; see jmh.log)"
      else
        say "FAILURE: JFR pass ${e:-opcode profile} × $w failed (see jmh.log)"; status=1
      fi
    fi
  done
  rm -f "$RUN_DIR"/jfr/*/*.tmp "$RUN_DIR"/opcodes/*/*.tmp
  return $status
}
[ "$JFR" = 1 ] || [ "$OPCODES" = 1 ] && say "JFR pass after the timed pass: $([ "$JFR" = 1 ] && echo "record ${JFR_WARMUP}+${JFR_SECONDS} s per engine x workload")$([ "$OPCODES" = 1 ] && echo "; opcode profiles"), about $(fmt_secs "$(jfr_estimate)")"

if [ -n "$WASM" ]; then
  say "profile $PROFILE: engines [$ENGINES] x your module $WASM as '$WASM_NAME' (args: ${WASM_ARGS[*]:-none}); benchmarks: ${BENCHES[*]}"
else
  say "profile $PROFILE: engines [$ENGINES] x workloads [${WORKLOAD_LIST[*]}] (size $SIZE); benchmarks: ${BENCHES[*]}"
fi
say "references: $REFERENCES ($REF_RUNS timed runs per cell, about $(fmt_secs "$(ref_estimate)"))"
say "${#PLAN[@]} JMH invocations, estimated $(fmt_secs "$TOTAL_EST") in all (longer if one program run exceeds an iteration)"

if [ "$DRY_RUN" = 1 ]; then
  MODULE_DIR="RUN_DIR/module"
  if [ -n "$WASM" ]; then echo "  copy $WASM to $MODULE_DIR/$WASM_NAME.wasm, its arguments one per line to $MODULE_DIR/$WASM_NAME.args"; fi
  if [ "$REFERENCES" != none ]; then ref_cmd "RUN_DIR/references.tsv"; echo "  (references) $(printf '%q ' "${REF_CMD[@]}")"; fi
  n=0
  for p in "${PLAN[@]}"; do
    n=$((n + 1)); b=${p%%:*}; w=${p#*:}; g=${w##*:}; w=${w%:*}
    jmh_cmd "$b" "$w" "RUN_DIR/jmh-parts/$(printf %02d $n)-$b-$w-$g.json" "$g"
    echo "  ($n/${#PLAN[@]}, ~$(fmt_secs "$(estimate "$b" "$g")")) $(printf '%q ' "${CMD[@]}")"
  done
  jfr_plan   # --- jfr pass ---
  for p in "${JFR_PLAN[@]}"; do jfr_cmd "${p%%:*}" "${p#*:}" RUN_DIR; echo "  (JFR pass) $(printf '%q ' "${JFR_CMD[@]}")"; done
  exit 0
fi

# ---- run folder ------------------------------------------------------------------------------
HOST=$(hostname -s 2>/dev/null || uname -n)
RUN_NAME="$(date -u +%Y%m%dT%H%M%SZ)-${HOST:-host}"
mkdir -p "$RESULTS_DIR" || die "cannot create $RESULTS_DIR"
RUN_DIR="$RESULTS_DIR/$RUN_NAME"
mkdir "$RUN_DIR" || die "run folder $RUN_DIR exists already"
mkdir "$RUN_DIR/jmh-parts"
: > "$RUN_DIR/jmh.log"
{
  echo "# $(date -u +%Y-%m-%dT%H:%M:%SZ) in $ROOT"
  echo "$ORIG_CMD"
  echo "# JMH invocations (JAVA=$JAVA):"
} > "$RUN_DIR/command.txt"
say "writing $RUN_DIR"
MODULE_DIR="$RUN_DIR/module"
if [ -n "$WASM" ]; then
  [[ "$MODULE_DIR" != *,* ]] || die "the run folder path $RUN_DIR contains a comma, which JMH's -p cannot carry: use --results-dir"
  mkdir -p "$MODULE_DIR" && cp "$WASM" "$MODULE_DIR/$WASM_NAME.wasm" || die "cannot copy $WASM into $MODULE_DIR"
  if [ ${#WASM_ARGS[@]} -gt 0 ]; then printf '%s\n' "${WASM_ARGS[@]}" > "$MODULE_DIR/$WASM_NAME.args"; else : > "$MODULE_DIR/$WASM_NAME.args"; fi
  echo "# module: $WASM (sha256 $(sha256sum < "$WASM" | cut -d' ' -f1)), copied to module/$WASM_NAME.wasm; arguments in module/$WASM_NAME.args" >> "$RUN_DIR/command.txt"
fi

"$JAVA" -cp "$CHARTS_JAR" org.tailbench.charts.EnvironmentInfo --out "$RUN_DIR/environment.json" \
  --jvm-args "$FORK_JVM_ARGS" --repo "$ROOT" || say "warning: could not record environment.json"

printf '%s\n' "$INVENTORY" | sed -n 's/^engine\.//p' > "$RUN_DIR/engines.txt"
# --- peers ---
# Peer engines (Chicory, GraalWasm, Wasmtime behind our Engine interface) run like any engine. What they report
# about themselves (versions, mode, WASI wiring) goes to peers.txt for the "Versions and configuration" table;
# a benchmark that fails (a peer lacking a feature, a wrong answer) writes failures/<engine>__<workload>.txt
# with the reason (the forks inherit TAILBENCH_FAILURES_DIR), shown as "fails: <reason>" in the tables.
printf '%s\n' "$INVENTORY" | grep '^peer\.' > "$RUN_DIR/peers.txt"
export TAILBENCH_FAILURES_DIR="$RUN_DIR/failures"
# --- end peers ---
BENCH_FQNS=$(for b in "${BENCHES[@]}"; do bench_fqn "$b"; done | paste -sd, -)
OUTPUT_CHECK=""
TITLE_WHAT="size $SIZE"
if [ -n "$WASM" ]; then
  TITLE_WHAT="your module $WASM_NAME: $(basename "$WASM")${WASM_ARGS[*]:+ ${WASM_ARGS[*]}}"
  OUTPUT_CHECK="No expected output (your module \`$WASM_NAME\` = $(basename "$WASM"), arguments: \`${WASM_ARGS[*]:-none}\`): each engine's runs were checked against that trial's first run (stdout sha256 and exit code), in the setup and after every iteration; a change fails the benchmark."
fi
tables() { # $1 = note for the top of results.md (may be empty)
  local args=(-cp "$CHARTS_JAR" org.tailbench.charts.ResultTables --jmh "$RUN_DIR/jmh-parts" --out "$RUN_DIR"
              --merged-json "$RUN_DIR/jmh.json" --environment "$RUN_DIR/environment.json"
              --engines "$ENGINES" --workloads "$(IFS=,; echo "${WORKLOAD_LIST[*]}")"
              --benchmarks "$BENCH_FQNS" --title "tailbench results — $RUN_NAME ($PROFILE profile, $TITLE_WHAT)"
              --engine-descriptions "$RUN_DIR/engines.txt" --fail-on-missing
              --failures "$RUN_DIR/failures" --peers "$RUN_DIR/peers.txt")
  [ -n "$BASELINE" ] && args+=(--baseline "$BASELINE")
  [ -s "$RUN_DIR/references.tsv" ] && args+=(--references "$RUN_DIR/references.tsv")
  [ -n "$OUTPUT_CHECK" ] && args+=(--output-check "$OUTPUT_CHECK")
  [ -n "$1" ] && args+=(--note "$1")
  "$JAVA" "${args[@]}"
}

# --- charts ---
# charts/*.png + *.svg and index.html (one self-contained page: tables, charts, environment, command) from
# whatever the run folder holds: JMH results, JFR recordings (jfr/), opcode profiles (opcodes/). The
# engines come from benchmarks.jar (for attributing JFR frames). A failure is reported, never fatal:
# the tables are written already. `./tailbench charts RUN_DIR` redraws the same later.
draw_charts() {
  "$JAVA" -Djava.awt.headless=true -cp "$CHARTS_JAR:$BENCH_JAR" org.tailbench.charts.workbench.Workbench "$RUN_DIR" \
    || say "warning: could not draw the charts / index.html (see above); the tables are complete"
}

# JMH refuses to start while another JMH run holds a POSIX lock on $TMPDIR/jmh.lock (a shared machine);
# python3's lockf takes the same kind of lock, so it can tell without starting JMH (false when unsure).
jmh_lock_busy() {
  command -v python3 >/dev/null || return 1
  python3 -c 'import fcntl, os, sys
try:
    fd = os.open(sys.argv[1], os.O_RDWR)
except OSError:
    sys.exit(1)
try:
    fcntl.lockf(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
except OSError:
    sys.exit(0)
sys.exit(1)' "${TMPDIR:-/tmp}/jmh.lock" 2>/dev/null
}

DONE=0
CURRENT=""
on_interrupt() {
  trap - INT TERM
  echo
  say "interrupted during ${CURRENT:-setup}; $DONE of ${#PLAN[@]} JMH invocations had finished"
  {
    echo "Interrupted at $(date -u +%Y-%m-%dT%H:%M:%SZ) during ${CURRENT:-setup}."
    echo "$DONE of ${#PLAN[@]} JMH invocations finished; their results are in jmh-parts/ and results.md."
    echo "jmh.log has the console output up to the interruption. results/latest was not updated."
  } > "$RUN_DIR/INTERRUPTED.txt"
  rm -f "$RUN_DIR"/jmh-parts/*.tmp "$RUN_DIR/references.tsv.tmp"
  tables "INTERRUPTED: partial results ($DONE of ${#PLAN[@]} JMH invocations finished)." >/dev/null 2>&1
  draw_charts >/dev/null 2>&1
  say "partial results: $RUN_DIR/results.md"
  exit 130
}
trap on_interrupt INT TERM

START=$(date +%s)
ELAPSED_EST=0
REF_STATUS=0
if [ "$REFERENCES" != none ]; then
  CURRENT="references"
  ref_cmd "$RUN_DIR/references.tsv"
  echo "# references: $(printf '%q ' "${REF_CMD[@]}")" >> "$RUN_DIR/command.txt"
  say "(references) workloads/reference.sh: references $REFERENCES, $REF_RUNS timed runs per cell"
  "${REF_CMD[@]}" 2>&1 | tee -ai "$RUN_DIR/jmh.log"
  REF_STATUS=${PIPESTATUS[0]}
  [ "$REF_STATUS" = 0 ] || say "FAILURE: a reference failed or could not run (status $REF_STATUS; see references.csv)"
  ELAPSED_EST=$(ref_estimate)
fi
n=0
for p in "${PLAN[@]}"; do
  n=$((n + 1)); b=${p%%:*}; w=${p#*:}; g=${w##*:}; w=${w%:*}
  part="$RUN_DIR/jmh-parts/$(printf %02d $n)-$b-$w-$g.json"
  jmh_cmd "$b" "$w" "$part.tmp" "$g"
  printf '%q ' "${CMD[@]}" >> "$RUN_DIR/command.txt"; echo >> "$RUN_DIR/command.txt"
  now=$(( $(date +%s) - START ))
  remaining=$(( TOTAL_EST - ELAPSED_EST ))
  CURRENT="$b × $w"
  say "($n/${#PLAN[@]}) $b × $w [engines $(group_engines "$g")] — elapsed $(fmt_secs $now), about $(fmt_secs $remaining) to go"
  # tee -i: a Ctrl-C stops JMH but not the copy of its last lines into jmh.log
  failures_before=$(grep -c '<failure>' "$RUN_DIR/jmh.log")
  waited=0
  while jmh_lock_busy && [ "$waited" -lt "$LOCK_WAIT" ]; do
    [ "$waited" = 0 ] && say "another JMH run holds /tmp/jmh.lock; waiting for it (up to $(fmt_secs "$LOCK_WAIT"))"
    sleep 10; waited=$((waited + 10))
  done
  while :; do
    lines_before=$(wc -l < "$RUN_DIR/jmh.log")
    "${CMD[@]}" 2>&1 | tee -ai "$RUN_DIR/jmh.log"
    status=${PIPESTATUS[0]}
    # JMH refuses to start while another JMH run (of anyone on this machine) holds /tmp/jmh.lock: wait for it.
    tail -n +"$((lines_before + 1))" "$RUN_DIR/jmh.log" | grep -q 'Unable to acquire the JMH lock' || break
    [ "$waited" -lt "$LOCK_WAIT" ] || { say "gave up waiting for the JMH lock after $(fmt_secs "$waited")"; break; }
    [ "$waited" = 0 ] && say "another JMH run holds /tmp/jmh.lock; waiting for it (up to $(fmt_secs "$LOCK_WAIT"))"
    sleep 10; waited=$((waited + 10))
  done
  [ -s "$part.tmp" ] && mv "$part.tmp" "$part"
  [ "$status" = 0 ] || say "JMH exited with status $status for $b × $w (see jmh.log)"
  failures=$(( $(grep -c '<failure>' "$RUN_DIR/jmh.log") - failures_before ))
  [ "$failures" = 0 ] || say "$failures benchmark(s) of $b × $w failed (the tables say why; a peer lacking a feature or aot-naive exhausting the stack is expected, anything else fails the run; stack trace in jmh.log)"
  ELAPSED_EST=$(( ELAPSED_EST + $(estimate "$b" "$g") ))
  DONE=$n
done
# --- jfr pass (after the timed pass, separate JVMs) ---
JFR_STATUS=0
jfr_pass || JFR_STATUS=1
CURRENT="tables"

say "all $DONE JMH invocations done in $(fmt_secs $(( $(date +%s) - START ))); writing tables"
if [ -n "$WASM" ]; then
  # No expected output: every trial checked its runs against its own first run; compare the first runs.
  first=$(grep -ao 'tailbench: first run stdout sha256 [0-9a-f]* exit [0-9-]* engine=[^ ]*' "$RUN_DIR/jmh.log" \
          | awk '{ print $6 " exit " $8 " (" $9 ")" }' | sort -u)
  node_sha=$(awk -F'\t' '$3 == "node" && $6 != "" { print $6 }' "$RUN_DIR/references.tsv" 2>/dev/null | head -1)
  pairs=$(printf '%s\n' "$first" | awk 'NF { print $1 " " $3 }' | sort -u)  # "sha exit-code"
  shas=${pairs%% *}
  if [ -z "$pairs" ]; then
    OUTPUT_CHECK+=" No first run was recorded (see jmh.log)."
  elif [ "$(wc -l <<<"$pairs")" = 1 ]; then
    OUTPUT_CHECK+=" Every JMH trial's first run printed stdout sha256 \`$shas\` and exited with ${pairs##* }"
    if [ -z "$node_sha" ]; then OUTPUT_CHECK+=" (no node reference to compare)."
    elif [ "$node_sha" = "$shas" ]; then OUTPUT_CHECK+=", the same as node's WASI."
    else OUTPUT_CHECK+=", but node's WASI printed \`$node_sha\`: **the engines and node DISAGREE**."; REF_STATUS=1; fi
  else
    OUTPUT_CHECK+=" **The engines' first runs DISAGREE**: $(paste -sd';' <<<"$first")."
    REF_STATUS=1
  fi
  say "output check: $OUTPUT_CHECK"
fi
tables ""
tables_status=$?
[ -f "$RUN_DIR/results.md" ] || { say "no results.md was written"; exit 1; }
draw_charts 2>&1 | tee -a "$RUN_DIR/jmh.log"

ln -sfn "$RUN_NAME" "$RESULTS_DIR/.latest.$$" && mv -T "$RESULTS_DIR/.latest.$$" "$RESULTS_DIR/latest"
echo
cat "$RUN_DIR/results.md"
echo
say "results: $RUN_DIR (also results/latest)"
if [ "$tables_status" != 0 ]; then
  say "FAILED: some benchmarks or references produced no result (wrong answer or error) — see results.md and jmh.log"
  exit 1
fi
if [ "$REF_STATUS" != 0 ]; then
  say "FAILED: the references or the output check failed — see results.md and jmh.log"
  exit 1
fi
if [ "$JFR_STATUS" != 0 ]; then   # --- jfr pass ---
  say "FAILED: a cell of the JFR pass failed — see jmh.log"
  exit 1
fi
exit 0
