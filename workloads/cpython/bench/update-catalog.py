"""Writes the real-interpreter entries (py_*) of workloads/workloads.json from bench/sizes.json and the
native python3.13's outputs in bench/expected/ (written by update-expected.sh): every benchmark script
on both CPython builds, plus py_startup (-c pass, prints nothing) to subtract the start-up.

Names: py_NAME runs python.wasm, py_NAME@tailcall runs python-tailcall.wasm (same args, same expected
output). The other catalog entries are kept as they are; the py_* entries go after them.

usage: python3 workloads/cpython/bench/update-catalog.py     (run by update-expected.sh at its end)
"""
import hashlib
import json
import os
import re
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
WORKLOADS = os.path.normpath(os.path.join(HERE, "..", ".."))
CATALOG = os.path.join(WORKLOADS, "workloads.json")
BUILDS = [("", "cpython/python.wasm", "normal build"),
          ("@tailcall", "cpython/python-tailcall.wasm", "-mtail-call build")]
DIRS = {"/lib": "cpython/lib", "/bench": "cpython/bench"}
ENV = {"PYTHONHOME": "/"}
ANALOGUE = {"json_roundtrip": "json_dumps/json_loads", "regex_scan": "regex_effbot/regex_v8",
            "startup": "python_startup"}
# the catalog's sizes; sizes.json also has "tiny", only for suite.py (the all-engines test), not a catalog size
CATALOG_SIZES = ("smoke", "default", "long")
STARTUP = ("startup", ["-c", "pass"], "interpreter start-up and exit (-c pass); subtract it from the others")


def features_of(wasm):
    """Wasm features the binary uses, as workloads/build.sh's features_of finds them (wabt's wasm-objdump)."""
    dis = subprocess.run(["wasm-objdump", "-d", wasm], capture_output=True, text=True, check=True).stdout
    imports = subprocess.run(["wasm-objdump", "-x", "-j", "Import", wasm], capture_output=True, text=True,
                             check=True).stdout
    f = ["mvp"]
    if re.search(r"memory\.(copy|fill|init)|data\.drop", dis): f.append("bulk-memory")
    if re.search(r"i(32|64)\.extend(8|16|32)_s", dis): f.append("sign-ext")
    if "trunc_sat" in dis: f.append("nontrapping-fptoint")
    if re.search(r"\| return_call", dis): f.append("tail-call")  # an instruction, not a name like pyreturn_callback
    if re.search(r"global.*mutable=1", imports): f.append("mutable-globals")
    return f


def first_line(script):
    """The script's docstring summary after 'name: ' up to the first period or parenthesis."""
    with open(os.path.join(HERE, script + ".py"), encoding="utf-8") as f:
        text = f.read()
    doc = text.split('"""')[1].split("\n\n")[0].replace("\n", " ")
    summary = doc.split(": ", 1)[1]
    return re.split(r"[.(]", summary)[0].strip().rstrip(",")


def sha256(path):
    with open(path, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()


def main():
    with open(os.path.join(HERE, "sizes.json")) as f:
        sizes = json.load(f)
    with open(CATALOG) as f:
        catalog = json.load(f)
    kept = [w for w in catalog["workloads"] if not w["name"].startswith("py_")]
    features = {wasm: features_of(os.path.join(WORKLOADS, wasm)) for _, wasm, _ in BUILDS}
    scripts = [STARTUP] + [(name, None, None) for name in sizes]
    entries = []
    for name, fixed_args, what in scripts:
        args = {size: fixed_args for size in CATALOG_SIZES} if fixed_args else \
            {size: ["/bench/%s.py" % name] + list(sizes[name][size]) for size in CATALOG_SIZES}
        expected = "cpython/bench/expected/" + name
        shas = {}
        for size in args:
            out = os.path.join(WORKLOADS, expected + "." + size + ".out")
            if not os.path.isfile(out):
                sys.exit(f"update-catalog.py: {out} is missing (run bench/update-expected.sh)")
            shas[size] = sha256(out)
        for suffix, wasm, build in BUILDS:
            entries.append({
                "name": "py_" + name + suffix,
                "analogue": ANALOGUE.get(name, name),
                "description": "CPython 3.13 on Wasm (%s) running %s" % (
                    build, what or "bench/%s.py: %s" % (name, first_line(name))),
                "args": args,
                "expectedSha256": shas,
                "features": features[wasm],
                "wasmFile": wasm,
                "dirs": DIRS,
                "env": ENV,
                "expected": expected,
            })
    catalog["workloads"] = kept + entries
    with open(CATALOG, "w") as f:
        json.dump(catalog, f, indent=2, ensure_ascii=False)
        f.write("\n")
    print(f"update-catalog.py: {len(entries)} py_* entries in {os.path.relpath(CATALOG)}")


if __name__ == "__main__":
    main()
