"""suite: every benchmark script of sizes.json at one size, one after the other, in one interpreter process
(for the test that runs all of them on every engine and both builds with a single CPython start-up each).

usage: python suite.py SIZE        SIZE: tiny, smoke, default or long (a key of sizes.json)
For each script, in sizes.json's order, prints the line "== NAME ARGS" and then exactly what
"python NAME.py ARGS" prints (the script runs as __main__ with that sys.argv, in globals of its own),
so the expected output is the concatenation of expected/NAME.SIZE.out under those lines.
"""
import json
import os
import sys


def main():
    size = sys.argv[1]
    here = os.path.dirname(os.path.abspath(__file__))
    with open(os.path.join(here, "sizes.json"), encoding="utf-8") as f:
        sizes = json.load(f)
    for name, by_size in sizes.items():
        args = by_size[size]
        path = os.path.join(here, name + ".py")
        print("== %s %s" % (name, " ".join(args)), flush=True)
        with open(path, encoding="utf-8") as f:
            code = compile(f.read(), path, "exec")
        saved = sys.argv
        sys.argv = [path] + list(args)
        try:
            exec(code, {"__name__": "__main__", "__file__": path, "__builtins__": __builtins__})
        finally:
            sys.argv = saved
        sys.stdout.flush()


if __name__ == "__main__":
    main()
