# Sourced by ./tailbench, ./run-bench.sh and .ci/run: finds a JDK >= 25 and exports JAVA_HOME and JAVA.
# Order: $JAVA_HOME if it is >= 25, then Temurin 25 at /usr/lib/jvm/temurin-25-jdk-amd64.
tailbench_java_major() { # prints the feature version of the java binary $1, or nothing
  "$1" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = \([0-9]*\).*/\1/p' | head -n1
}
tailbench_find_jdk() {
  local cand v
  for cand in "${JAVA_HOME:-}" /usr/lib/jvm/temurin-25-jdk-amd64; do
    [ -n "$cand" ] && [ -x "$cand/bin/java" ] || continue
    v=$(tailbench_java_major "$cand/bin/java")
    if [ -n "$v" ] && [ "$v" -ge 25 ]; then
      export JAVA_HOME="$cand" JAVA="$cand/bin/java"
      return 0
    fi
  done
  echo "tailbench: no JDK >= 25 found. Set JAVA_HOME to a JDK 25 (e.g. Temurin 25: apt-get install temurin-25-jdk," >&2
  echo "  or unpack one and export JAVA_HOME=/path/to/jdk-25). Tried: \$JAVA_HOME='${JAVA_HOME:-}' and /usr/lib/jvm/temurin-25-jdk-amd64" >&2
  return 1
}
