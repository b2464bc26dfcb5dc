#!/usr/bin/env bash
# Prints the JVM flags under which GraalWasm (engine graalwasm) compiles Wasm to machine code on a stock
# JDK 25 (tested: Temurin 25.0.3 with GraalVM 25.0.2 jars), one line; exit status 1 and nothing printed
# when the jars are missing (build with: mvn -q -DskipTests -pl engines/peer-graalwasm -am package).
#   -XX:+UnlockExperimentalVMOptions -XX:+EnableJVMCI   Truffle's optimizing runtime needs JVMCI
#   --module-path DIR/modules                          polyglot, truffle-api/-runtime/-compiler, wasm-language, sdk
#   --upgrade-module-path DIR/upgrade/compiler-*.jar   the Graal compiler (module jdk.graal.compiler)
#   --add-modules org.graalvm.polyglot                 the class path code (our engine) reads the polyglot API
#   --enable-native-access=org.graalvm.truffle         Truffle loads its native support library
# Usage: engines/peer-graalwasm/bin/graal-jvm-args.sh [ROOT]   (ROOT: the repository, default: this script's)
set -u
root=${1:-$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)}
dir="$root/engines/peer-graalwasm/target/graal"
compiler=$(ls "$dir"/upgrade/compiler-*.jar 2>/dev/null | head -n1)
if [ -z "$compiler" ] || ! ls "$dir"/modules/polyglot-*.jar >/dev/null 2>&1; then
  exit 1
fi
echo "-XX:+UnlockExperimentalVMOptions -XX:+EnableJVMCI --module-path $dir/modules --upgrade-module-path $compiler --add-modules org.graalvm.polyglot --enable-native-access=org.graalvm.truffle"
