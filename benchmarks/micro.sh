#!/usr/bin/env bash
# benchmarks/micro.sh — runs the dispatch micro-benchmarks (org.tailbench.bench.micro.DispatchBenchmark)
# with JMH's GC profiler for the given engines and writes a markdown table of ns per Wasm instruction
# (or per call), the tail-call cost ratio and the bytes allocated per tail call. See --help.
set -uo pipefail

usage() {
  cat <<'USAGE'
usage: benchmarks/micro.sh [options]

options:
  --engines a,b     engines to compare (default: every registered engine, switch first)
  --kernels a,b     kernels (default: i32Add,brTable,locals,memory,call,returnCall,callIndirect,returnCallIndirect)
  --n N             iterations (calls) per benchmark operation (default 10000)
  --forks F         JMH forks per benchmark (default 1)
  --warmup W        warm-up iterations (default 3)
  --iterations I    measurement iterations (default 5)
  --time S          seconds per iteration (default 1)
  --out DIR         output folder (default: results/micro-<UTC-time>-<host>/ next to this repo's run-bench.sh)
  --rebuild         rebuild benchmarks/target/benchmarks.jar even if it looks up to date
  -h, --help        this text

Waits (up to 30 min) while another JMH run holds /tmp/jmh.lock, so benchmarks never overlap.
Writes DIR/micro.md (tables + settings + environment), DIR/jmh.json and DIR/jmh.log. Time: about
(warmup + iterations) * time + 2 s per engine and kernel: ~80 s per engine with the defaults.
Exit status: 0 all results present; 1 a benchmark failed (e.g. a wrong result); 2 bad usage or build failure.
USAGE
}
die() { echo "micro.sh: $*" >&2; exit 2; }

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT" || exit 2
ORIG_CMD="benchmarks/micro.sh"
for a in "$@"; do
  if [[ $a =~ ^[A-Za-z0-9_./,=:+-]+$ ]]; then ORIG_CMD+=" $a"; else ORIG_CMD+=" $(printf '%q' "$a")"; fi
done

OUT="" REBUILD=0 ARGS=()
while [ $# -gt 0 ]; do
  case "$1" in
    --engines|--kernels|--n|--forks|--warmup|--iterations|--time)
      [ $# -ge 2 ] || die "$1 needs a value"; ARGS+=("$1" "$2"); shift 2 ;;
    --out)      [ $# -ge 2 ] || die "--out needs a value"; OUT=$2; shift 2 ;;
    --rebuild)  REBUILD=1; shift ;;
    -h|--help)  usage; exit 0 ;;
    *)          usage >&2; die "unknown option '$1'" ;;
  esac
done

# shellcheck source=../engines/cli/bin/find-jdk.sh
source "$ROOT/engines/cli/bin/find-jdk.sh" && tailbench_find_jdk || exit 2

JAR="$ROOT/benchmarks/target/benchmarks.jar"
stale() { # true when the jar is missing or a source/pom it contains is newer
  [ -f "$JAR" ] || return 0
  [ -n "$(find pom.xml benchmarks engines/core engines/interp engines/aot workloads -newer "$JAR" \
          \( -name '*.java' -o -name 'pom.xml' -o -name 'org.tailbench.runtime.Engine' \) \
          -not -path '*/target/*' -print -quit 2>/dev/null)" ]
}
if [ "$REBUILD" = 1 ] || stale; then
  command -v mvn >/dev/null || die "Maven (mvn) is needed to build the jar: apt-get install maven"
  echo "micro.sh: building benchmarks.jar (mvn -q -DskipTests -pl benchmarks -am package)"
  mvn -q -B -DskipTests -pl benchmarks -am package || die "build failed"
fi
[ -f "$JAR" ] || die "$JAR missing after the build"

[ -n "$OUT" ] || OUT="$ROOT/results/micro-$(date -u +%Y%m%dT%H%M%SZ)-$(hostname -s 2>/dev/null || echo host)"
mkdir -p "$OUT" || die "cannot create $OUT"
echo "micro.sh: writing $OUT"
# Run from a private copy: a rebuild of benchmarks.jar by someone else mid-run would break the forks.
RUN_JAR=$(mktemp "${TMPDIR:-/tmp}/micro-benchmarks.XXXXXX.jar") || die "mktemp failed"
trap 'rm -f "$RUN_JAR"' EXIT
cp "$JAR" "$RUN_JAR" || die "cannot copy $JAR"
"$JAVA" -Xmx512m --sun-misc-unsafe-memory-access=allow -cp "$RUN_JAR" org.tailbench.bench.micro.MicroReport --out "$OUT" --command "$ORIG_CMD" \
  "${ARGS[@]}" 2>&1 | tee "$OUT/jmh.log"
status=${PIPESTATUS[0]}
echo "micro.sh: table in $OUT/micro.md"
exit "$status"
