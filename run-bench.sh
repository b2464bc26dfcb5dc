#!/usr/bin/env bash
# run-bench.sh — runs the tailbench JMH benchmarks and writes publishable result tables.
# See --help (below) and results/README.md.
set -uo pipefail

usage() {
  cat <<'EOF'
usage: ./run-bench.sh [options] [-- extra JMH options]

Runs the JMH benchmarks (benchmarks/target/benchmarks.jar) for the chosen engines and workloads and
writes results/<UTC-time>-<host>/ with results.md, results.csv, jmh.json, jmh.log, environment.json
command.txt and engines.txt; results/latest points to the newest complete run.

options:
  --engines a,b         engines to compare (default: switch; with --profile full: every engine)
  --workloads x,y       catalog workloads (default: WorkloadBenchmark's default set; full: every workload)
  --size NAME           catalog size to run (default: default)
  --profile quick|full  quick (default): 2 forks x (3 warm-up + 5 measurement x 2 s) for the full run,
                        2 forks x (3 + 5 x 1 s) for instantiation; about 1 minute per engine and workload.
                        full: 3 forks x (5 warm-up + 5 measurement x 2 s) for the full run, plus the
                        instantiation and compile benchmarks with 3 forks x (5 + 5 x 1 s).
  --baseline ENGINE     engine the ratio columns divide by (default: switch if run, else the first engine)
  --jvm-args "FLAGS"    JVM flags of the forked benchmark JVMs
                        (default: "-Xss16m -Xms2g -Xmx2g --sun-misc-unsafe-memory-access=allow")
  --results-dir DIR     where run folders go (default: results/ next to this script)
  --rebuild             rebuild the jars even if they look up to date
  --dry-run             print the plan, the time estimate and the JMH commands; run nothing
  -h, --help            this text
  -- ...                everything after -- is passed to every JMH invocation (e.g. -- -prof gc)

Exit status: 0 all results present; 1 a benchmark failed (e.g. wrong answer: the tables mark it);
2 bad usage or build failure; 130 interrupted (the run folder keeps what finished, see INTERRUPTED.txt).
EOF
}

die() { echo "run-bench: $*" >&2; exit 2; }

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
cd "$ROOT" || exit 2
ORIG_CMD=$(printf '%q ' "$0" "$@")

ENGINES="" WORKLOADS="" SIZE=default PROFILE=quick BASELINE="" REBUILD=0 DRY_RUN=0
RESULTS_DIR="$ROOT/results"
FORK_JVM_ARGS="-Xss16m -Xms2g -Xmx2g --sun-misc-unsafe-memory-access=allow"
EXTRA_JMH=()
while [ $# -gt 0 ]; do
  case "$1" in
    --engines)     [ $# -ge 2 ] || die "--engines needs a value"; ENGINES=$2; shift 2 ;;
    --workloads)   [ $# -ge 2 ] || die "--workloads needs a value"; WORKLOADS=$2; shift 2 ;;
    --size)        [ $# -ge 2 ] || die "--size needs a value"; SIZE=$2; shift 2 ;;
    --profile)     [ $# -ge 2 ] || die "--profile needs a value"; PROFILE=$2; shift 2 ;;
    --baseline)    [ $# -ge 2 ] || die "--baseline needs a value"; BASELINE=$2; shift 2 ;;
    --jvm-args)    [ $# -ge 2 ] || die "--jvm-args needs a value"; FORK_JVM_ARGS=$2; shift 2 ;;
    --results-dir) [ $# -ge 2 ] || die "--results-dir needs a value"; RESULTS_DIR=$2; shift 2 ;;
    --engines=*|--workloads=*|--size=*|--profile=*|--baseline=*|--jvm-args=*|--results-dir=*)
                   set -- "${1%%=*}" "${1#*=}" "${@:2}" ;;
    --rebuild)     REBUILD=1; shift ;;
    --dry-run)     DRY_RUN=1; shift ;;
    -h|--help)     usage; exit 0 ;;
    --)            shift; EXTRA_JMH=("$@"); break ;;
    *)             usage >&2; die "unknown option '$1'" ;;
  esac
done

# Benchmark settings per profile: forks, warm-up iterations, warm-up time, measurement iterations, time.
case "$PROFILE" in
  quick) RUN_SET=(2 3 2 5 2); INST_SET=(2 3 1 5 1); BENCHES=(run instantiate) ;;
  full)  RUN_SET=(3 5 2 5 2); INST_SET=(3 5 1 5 1); BENCHES=(run instantiate compile) ;;
  *)     die "--profile must be quick or full, not '$PROFILE'" ;;
esac

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
if [ "$REBUILD" = 1 ] || stale "$BENCH_JAR" pom.xml benchmarks engines/core engines/interp workloads \
   || stale "$CHARTS_JAR" pom.xml charts; then
  if [ "$DRY_RUN" = 1 ]; then
    say "would build: mvn -q -Dmaven.test.skip=true -pl benchmarks,charts -am package"
  else
    command -v mvn >/dev/null || die "Maven (mvn) is needed to build the jars: apt-get install maven"
    say "building benchmarks.jar and charts.jar (mvn -q -Dmaven.test.skip=true -pl benchmarks,charts -am package)"
    mvn -q -Dmaven.test.skip=true -pl benchmarks,charts -am package || die "build failed"
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
  if [ "$PROFILE" = full ] && [ -n "$ALL_ENGINES" ]; then ENGINES=$ALL_ENGINES; else ENGINES=switch; fi
fi
if [ -z "$WORKLOADS" ]; then
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
if [ -n "$ALL_WORKLOADS" ]; then
  for w in "${WORKLOAD_LIST[@]}"; do
    [[ ",$ALL_WORKLOADS," == *",$w,"* ]] || die "unknown workload '$w'; workloads are: $ALL_WORKLOADS"
    sizes=$(inv "sizes\\.$w")
    [[ ",$sizes," == *",$SIZE,"* ]] || die "workload '$w' has no size '$SIZE'; its sizes are: $sizes"
  done
fi
if [ -n "$BASELINE" ] && [[ ",$ENGINES," != *",$BASELINE,"* ]]; then
  die "--baseline $BASELINE is not among the engines run ($ENGINES)"
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
estimate() {
  local f wi w i r
  read -r f wi w i r <<< "$(settings_of "$1")"
  echo $(( ${#ENGINE_LIST[@]} * f * (wi * w + i * r + 3) + 2 ))
}
PLAN=()
TOTAL_EST=0
for w in "${WORKLOAD_LIST[@]}"; do
  for b in "${BENCHES[@]}"; do
    PLAN+=("$b:$w")
    TOTAL_EST=$(( TOTAL_EST + $(estimate "$b") ))
  done
done
fmt_secs() { printf '%dm%02ds' $(( $1 / 60 )) $(( $1 % 60 )); }

jmh_cmd() { # prints one JMH command line as an array assignment target: fills CMD
  local b=$1 w=$2 json=$3 f wi wt i r
  read -r f wi wt i r <<< "$(settings_of "$b")"
  CMD=("$JAVA" -Xmx512m --sun-misc-unsafe-memory-access=allow -jar "$BENCH_JAR" "$(bench_regex "$b")"
       -p "engine=$ENGINES" -p "workload=$w")
  [ "$b" = compile ] || CMD+=(-p "size=$SIZE")
  CMD+=(-bm avgt -tu ms -f "$f" -wi "$wi" -w "${wt}s" -i "$i" -r "${r}s" -t 1
        -jvmArgs "$FORK_JVM_ARGS" -rf json -rff "$json")
  CMD+=("${EXTRA_JMH[@]}")
}

say "profile $PROFILE: engines [$ENGINES] x workloads [${WORKLOAD_LIST[*]}] (size $SIZE); benchmarks: ${BENCHES[*]}"
say "${#PLAN[@]} JMH invocations, estimated $(fmt_secs "$TOTAL_EST") (longer if one program run exceeds an iteration)"

if [ "$DRY_RUN" = 1 ]; then
  n=0
  for p in "${PLAN[@]}"; do
    n=$((n + 1)); b=${p%%:*}; w=${p#*:}
    jmh_cmd "$b" "$w" "RUN_DIR/jmh-parts/$(printf %02d $n)-$b-$w.json"
    echo "  ($n/${#PLAN[@]}, ~$(fmt_secs "$(estimate "$b")")) $(printf '%q ' "${CMD[@]}")"
  done
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

"$JAVA" -cp "$CHARTS_JAR" org.tailbench.charts.EnvironmentInfo --out "$RUN_DIR/environment.json" \
  --jvm-args "$FORK_JVM_ARGS" --repo "$ROOT" || say "warning: could not record environment.json"

printf '%s\n' "$INVENTORY" | sed -n 's/^engine\.//p' > "$RUN_DIR/engines.txt"
BENCH_FQNS=$(for b in "${BENCHES[@]}"; do bench_fqn "$b"; done | paste -sd, -)
tables() { # $1 = note for the top of results.md (may be empty)
  local args=(-cp "$CHARTS_JAR" org.tailbench.charts.ResultTables --jmh "$RUN_DIR/jmh-parts" --out "$RUN_DIR"
              --merged-json "$RUN_DIR/jmh.json" --environment "$RUN_DIR/environment.json"
              --engines "$ENGINES" --workloads "$(IFS=,; echo "${WORKLOAD_LIST[*]}")"
              --benchmarks "$BENCH_FQNS" --title "tailbench results — $RUN_NAME ($PROFILE profile, size $SIZE)"
              --engine-descriptions "$RUN_DIR/engines.txt" --fail-on-missing)
  [ -n "$BASELINE" ] && args+=(--baseline "$BASELINE")
  [ -n "$1" ] && args+=(--note "$1")
  "$JAVA" "${args[@]}"
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
  rm -f "$RUN_DIR"/jmh-parts/*.tmp
  tables "INTERRUPTED: partial results ($DONE of ${#PLAN[@]} JMH invocations finished)." >/dev/null 2>&1
  say "partial results: $RUN_DIR/results.md"
  exit 130
}
trap on_interrupt INT TERM

START=$(date +%s)
ELAPSED_EST=0
n=0
for p in "${PLAN[@]}"; do
  n=$((n + 1)); b=${p%%:*}; w=${p#*:}
  part="$RUN_DIR/jmh-parts/$(printf %02d $n)-$b-$w.json"
  jmh_cmd "$b" "$w" "$part.tmp"
  printf '%q ' "${CMD[@]}" >> "$RUN_DIR/command.txt"; echo >> "$RUN_DIR/command.txt"
  now=$(( $(date +%s) - START ))
  remaining=$(( TOTAL_EST - ELAPSED_EST ))
  CURRENT="$b × $w"
  say "($n/${#PLAN[@]}) $b × $w [engines $ENGINES] — elapsed $(fmt_secs $now), about $(fmt_secs $remaining) to go"
  # tee -i: a Ctrl-C stops JMH but not the copy of its last lines into jmh.log
  failures_before=$(grep -c '<failure>' "$RUN_DIR/jmh.log")
  "${CMD[@]}" 2>&1 | tee -ai "$RUN_DIR/jmh.log"
  status=${PIPESTATUS[0]}
  [ -s "$part.tmp" ] && mv "$part.tmp" "$part"
  [ "$status" = 0 ] || say "JMH exited with status $status for $b × $w (see jmh.log)"
  failures=$(( $(grep -c '<failure>' "$RUN_DIR/jmh.log") - failures_before ))
  [ "$failures" = 0 ] || say "FAILURE: $failures benchmark(s) of $b × $w failed (wrong answer or error; stack trace above and in jmh.log)"
  ELAPSED_EST=$(( ELAPSED_EST + $(estimate "$b") ))
  DONE=$n
done
CURRENT="tables"

say "all $DONE JMH invocations done in $(fmt_secs $(( $(date +%s) - START ))); writing tables"
tables ""
tables_status=$?
[ -f "$RUN_DIR/results.md" ] || { say "no results.md was written"; exit 1; }

ln -sfn "$RUN_NAME" "$RESULTS_DIR/.latest.$$" && mv -T "$RESULTS_DIR/.latest.$$" "$RESULTS_DIR/latest"
echo
cat "$RUN_DIR/results.md"
echo
say "results: $RUN_DIR (also results/latest)"
if [ "$tables_status" != 0 ]; then
  say "FAILED: some benchmarks produced no result (wrong answer or error) — see results.md and jmh.log"
  exit 1
fi
exit 0
