#!/usr/bin/env bash
# Minimal reproducers of the peers' failures on CPython (issue 12 part 4; engines/PEERS.md explains them).
# Runs each on node (the reference), our switch engine and the peer; prints what each gives.
#   engines/peer-repro/repro.sh            (needs ./tailbench built, node; rebuild the .wasm with --build)
#   --build   recompile dirstat.c/stdio.c (clang-19, wasi-libc) and the .wat files (wat2wasm --enable-tail-call)
set -uo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
TB="$HERE/../../tailbench"
NODE=(node --no-warnings --experimental-wasi-unstable-preview1 "$HERE/../../workloads/run-node.mjs")
if [ "${1:-}" = --build ]; then
  for c in dirstat stdio; do clang-19 --target=wasm32-wasi -Os -s --sysroot=/usr -o "$HERE/$c.wasm" "$HERE/$c.c"; done
  for w in chicory-return-call chicory-self-tail; do wat2wasm --enable-tail-call "$HERE/$w.wat" -o "$HERE/$w.wasm"; done
fi
host="$(mktemp -d)"; trap 'rm -rf "$host"' EXIT
mkdir -p "$host/python3.13/sub"; touch "$host/python3.13/a.txt"
run() { # LABEL CMD...
  echo "--- $1"; shift
  "$@" 2>&1 | sed 's/^/    /'; echo "    (exit ${PIPESTATUS[0]})"
}
for e in node switch graalwasm; do
  if [ $e = node ]; then r=("${NODE[@]}" --dir "$host::/lib"); else r=("$TB" run --engine $e --dir "$host::/lib"); fi
  run "dirstat.wasm on $e (a 1-entry folder preopened as /lib)" "${r[@]}" "$HERE/dirstat.wasm" /lib /lib/python3.13
done
for e in node switch graalwasm; do
  if [ $e = node ]; then r=("${NODE[@]}"); else r=("$TB" run --engine $e); fi
  run "stdio.wasm on $e" "${r[@]}" "$HERE/stdio.wasm"
done
for w in chicory-return-call chicory-self-tail; do
  for e in node switch chicory-interp chicory-aot; do
    if [ $e = node ]; then r=("${NODE[@]}"); else r=("$TB" run --engine $e); fi
    run "$w.wasm on $e (right answer: exit 7 / 42)" "${r[@]}" "$HERE/$w.wasm"
  done
done
