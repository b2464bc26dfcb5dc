#!/usr/bin/env bash
# Writes expected/NAME.SIZE.out for every benchmark and size in sizes.json by running the script on
# the NATIVE build-python (python3.13 built from the same source by ../build.sh: never our engines),
# then checks each output on python.wasm under node's WASI (../../run-node.mjs) and prints both times;
# then checks that suite.py (every script in one process, for the all-engines test) prints the
# concatenation of those outputs, natively and on node; last, update-catalog.py writes the py_* entries
# of workloads/workloads.json (their sha256s).
#
# usage: workloads/cpython/bench/update-expected.sh [--python PYTHON3.13] [--no-node] [--node-sizes "S..."] [NAME...]
#   --python      a native python3.13 (default ../build/native/python from ../build.sh, with its
#                 Modules/ on PYTHONPATH after any PYTHONPATH you set; this script builds the shared
#                 extension modules the scripts need there (math _random _json _struct _bisect _heapq)
#                 if they are missing: build.sh's build-python has only its built-in ones)
#   --node-sizes  which sizes to check on node (default "tiny smoke default long")
# Sizes: tiny (suite.py only, not in the catalog), smoke, default, long (sizes.json).
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
PY="$HERE/../build/native/python"
NODE_CHECK=1
NODE_SIZES="tiny smoke default long"
names=()
while [ $# -gt 0 ]; do
  case "$1" in
    --python) PY="$2"; shift 2 ;;
    --no-node) NODE_CHECK=0; shift ;;
    --node-sizes) NODE_SIZES="$2"; shift 2 ;;
    -h|--help) sed -n '2,15p' "$0"; exit 0 ;;
    *) names+=("$1"); shift ;;
  esac
done
export PYTHONPATH="${PYTHONPATH:+$PYTHONPATH:}$(dirname "$PY")/Modules"
# build.sh's build-python has no shared extension modules; the scripts need these: build them once
EXT_MODULES="math _random _json _struct _bisect _heapq"
for mod in $EXT_MODULES; do
  if [ -f "$(dirname "$PY")/Makefile" ] && ! "$PY" -c "import $mod" 2>/dev/null; then
    nice -n 19 make -C "$(dirname "$PY")" OPT="-DNDEBUG -O0" \
      "Modules/$mod$("$PY" -c 'import sysconfig; print(sysconfig.get_config_var("EXT_SUFFIX"))')" >/dev/null
  fi
done
"$PY" -c 'import sys, math; assert sys.version_info[:2] == (3, 13), sys.version' \
  || { echo "update-expected.sh: $PY is not a python3.13 with math" >&2; exit 1; }
for mod in $EXT_MODULES; do
  "$PY" -c "import $mod" || { echo "update-expected.sh: $PY cannot import $mod" >&2; exit 1; }
done
[ ${#names[@]} -gt 0 ] || mapfile -t names < <("$PY" -c 'import json, sys; print("\n".join(json.load(open(sys.argv[1]))))' "$HERE/sizes.json")
NODE=(node --no-warnings --stack-size=4000 --experimental-wasi-unstable-preview1 "$HERE/../../run-node.mjs"
      --dir "$HERE/../lib::/lib" --dir "$HERE::/bench" --env PYTHONHOME=/ "$HERE/../python.wasm")
mkdir -p "$HERE/expected"
for name in "${names[@]}"; do
  for size in tiny smoke default long; do
    mapfile -t args < <("$PY" -c 'import json, sys; print("\n".join(json.load(open(sys.argv[1]))[sys.argv[2]][sys.argv[3]]))' \
      "$HERE/sizes.json" "$name" "$size")
    out="$HERE/expected/$name.$size.out"
    s=$(date +%s.%N)
    "$PY" "$HERE/$name.py" "${args[@]}" > "$out"
    line="$name $size ${args[*]}: native $(printf %.2f "$(echo "$(date +%s.%N) - $s" | bc)") s"
    if [ "$NODE_CHECK" = 1 ] && [[ " $NODE_SIZES " == *" $size "* ]]; then
      s=$(date +%s.%N)
      "${NODE[@]}" "/bench/$name.py" "${args[@]}" | cmp -s - "$out" \
        || { echo "update-expected.sh: python.wasm on node differs from native for $name $size" >&2; exit 1; }
      line="$line, python.wasm on node $(printf %.2f "$(echo "$(date +%s.%N) - $s" | bc)") s"
    fi
    echo "$line"
  done
done
# suite.py SIZE must print "== NAME ARGS" and then NAME's expected output, for every script in sizes.json order
for size in tiny smoke; do
  want="$(mktemp)"
  "$PY" -c '
import json, sys
here, size = sys.argv[1], sys.argv[2]
for name, by_size in json.load(open(here + "/sizes.json")).items():
    sys.stdout.write("== %s %s\n" % (name, " ".join(by_size[size])))
    sys.stdout.write(open("%s/expected/%s.%s.out" % (here, name, size)).read())
' "$HERE" "$size" > "$want"
  s=$(date +%s.%N)
  "$PY" "$HERE/suite.py" "$size" | cmp -s - "$want" \
    || { echo "update-expected.sh: native suite.py $size differs from the scripts' expected outputs" >&2; exit 1; }
  line="suite $size: native $(printf %.2f "$(echo "$(date +%s.%N) - $s" | bc)") s"
  if [ "$NODE_CHECK" = 1 ]; then
    s=$(date +%s.%N)
    "${NODE[@]}" /bench/suite.py "$size" | cmp -s - "$want" \
      || { echo "update-expected.sh: suite.py $size on node differs from the scripts' expected outputs" >&2; exit 1; }
    line="$line, python.wasm on node $(printf %.2f "$(echo "$(date +%s.%N) - $s" | bc)") s"
  fi
  rm -f "$want"
  echo "$line"
done
# the catalog entries py_* (workloads/workloads.json) carry the sha256 of these outputs
python3 "$HERE/update-catalog.py"
