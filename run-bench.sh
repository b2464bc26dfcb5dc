#!/usr/bin/env bash
# run-bench.sh — the launcher of `tailbench bench` (org.tailbench.bench.run.BenchCommand in module benchmarks):
# finds a JDK >= 25, builds engines/cli/target/tailbench.jar when it is missing or older than its sources, then
# runs `tailbench bench` with the same arguments. Every option is documented by `./run-bench.sh --help`;
# the run folder by results/README.md. Extra option of this launcher: --rebuild (build even if up to date).
set -uo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
cd "$ROOT" || exit 2
# shellcheck source=engines/cli/bin/find-jdk.sh
source "$ROOT/engines/cli/bin/find-jdk.sh" && tailbench_find_jdk || exit 2

REBUILD=0 ARGS=() AFTER_DASHES=0   # --rebuild is this launcher's; after -- everything belongs to JMH or the program
for a in "$@"; do
  if [ "$a" = --rebuild ] && [ "$AFTER_DASHES" = 0 ]; then REBUILD=1; else ARGS+=("$a"); fi
  [ "$a" = -- ] && AFTER_DASHES=1
done

JAR="$ROOT/engines/cli/target/tailbench.jar"
stale() { # true when the jar is missing or a source, pom, catalog or module of what it contains is newer
  [ -f "$JAR" ] || return 0
  [ -n "$(find pom.xml benchmarks charts engines workloads -newer "$JAR" \
          \( -name '*.java' -o -name 'pom.xml' -o -name '*.json' -o -name '*.wasm' -o -name '*.out' -o -name 'org.tailbench.runtime.Engine' \) \
          -not -path '*/target/*' -not -path '*/build/*' -print -quit 2>/dev/null)" ]
}
if [ "$REBUILD" = 1 ] || stale; then
  command -v mvn >/dev/null || { echo "run-bench: Maven (mvn) is needed to build tailbench.jar: apt-get install maven" >&2; exit 2; }
  echo "[run-bench] building tailbench.jar (./mvn25 -q -B -DskipTests -pl engines/cli -am package)"
  "$ROOT/mvn25" -q -B -ntp -Dstyle.color=never -DskipTests -pl engines/cli -am package || { echo "run-bench: build failed" >&2; exit 2; }
fi

export TAILBENCH_COMMAND="./run-bench.sh"
exec "$ROOT/tailbench" bench --root "$ROOT" "${ARGS[@]}"
