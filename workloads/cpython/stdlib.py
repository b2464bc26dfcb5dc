"""Selects and compiles the stdlib subset that the CPython workloads import, and writes manifest.json.

Run by build.sh (step 5) with the host's python3; it runs two other programs:
  * python.wasm on node's WASI (run-node.mjs) with the source tree's whole Lib/ preopened, importing
    IMPORTS, and prints sys.modules: the modules found there that have a source file in Lib/ are the
    subset (built-in C modules such as math, _json, _random have none: they are in python.wasm);
  * the native build-python (same CPython version, so the same .pyc magic number) in --compile mode,
    which writes each selected module as a sourceless .pyc (lib/python3.13/json/__init__.pyc, ...).
    The .pyc are "unchecked-hash" (PEP 552): their bytes depend on the source, not on file times.
Then it runs python.wasm again with only the subset and checks that IMPORTS still import.

usage: python3 stdlib.py --src SRC --out DIR --build-python PY --node "CMD..." --deb-version V
                         --orig-sha256 H --clang "VERSION LINE" --wasi-libc V
       build-python stdlib.py --compile LIBDIR DESTDIR RELPATH...   (internal)
"""
import os
import sys

# The other imports are inside the functions that run on the host's python3: the --compile mode runs
# on the build-python, which has only its built-in modules (no hashlib or subprocess back ends).

# What the benchmarks (bench/*.py) import, plus the codecs CPython may need for its standard streams.
# Add a module here when a benchmark needs it, then run build.sh --stdlib-only.
IMPORTS = [
    "json", "re", "random", "collections", "functools", "itertools", "operator", "math", "heapq",
    "bisect", "struct", "string", "copy", "enum", "types", "weakref", "warnings", "time", "array",
    "io", "os", "abc", "keyword", "reprlib", "contextlib", "fractions", "decimal", "textwrap",
    "encodings.ascii", "encodings.latin_1", "encodings.utf_8", "encodings.utf_8_sig",
]
STDLIB = "lib/python3.13"  # under the guest's PYTHONHOME=/
VARIANTS = [("python.wasm", "normal", ""), ("python-tailcall.wasm", "tailcall", "-mtail-call")]
PROBE = ("import sys\nimport " + ", ".join(IMPORTS) + "\n"
         "print('\\n'.join(sorted(sys.modules)))\n")


def run_python_wasm(node, wasm, lib_host_dir, code):
    """Runs WASM -c CODE on node with LIB_HOST_DIR preopened as /lib/python3.13; returns stdout lines."""
    import shlex
    import subprocess
    cmd = shlex.split(node) + ["--dir", f"{lib_host_dir}::/{STDLIB}", "--env", "PYTHONHOME=/",
                               wasm, "-c", code]
    result = subprocess.run(cmd, capture_output=True, text=True)
    if result.returncode != 0:
        sys.exit(f"stdlib.py: {wasm} failed (exit {result.returncode}): {result.stderr}")
    return result.stdout.splitlines()


def source_of(lib, module):
    """Lib/ relative path of MODULE's source, or None for a built-in (C) module."""
    base = module.replace(".", "/")
    for rel in (base + ".py", base + "/__init__.py"):
        if os.path.isfile(os.path.join(lib, rel)):
            return rel
    return None


def compile_subset(lib, dest, rels):
    """--compile mode (run by the native build-python): sourceless unchecked-hash .pyc of each REL."""
    import importlib._bootstrap_external as bx
    import _imp
    for rel in rels:
        with open(os.path.join(lib, rel), "rb") as f:
            source = f.read()
        code = compile(source, f"/{STDLIB}/{rel}", "exec", dont_inherit=True, optimize=0)
        data = bx._code_to_hash_pyc(code, _imp.source_hash(bx._RAW_MAGIC_NUMBER, source), checked=False)
        out = os.path.join(dest, rel[:-3] + ".pyc")
        os.makedirs(os.path.dirname(out), exist_ok=True)
        with open(out, "wb") as f:
            f.write(data)


def sha256(path):
    import hashlib
    with open(path, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()


def count_tail_calls(wasm):
    """(return_call, return_call_indirect) instruction counts, from wabt's wasm-objdump -d."""
    import subprocess
    text = subprocess.run(["wasm-objdump", "-d", wasm], capture_output=True, text=True, check=True).stdout
    counts = {"return_call": 0, "return_call_indirect": 0}
    for line in text.splitlines():
        _, bar, instr = line.partition(" | ")
        if bar:
            op = instr.split(maxsplit=1)[0] if instr.strip() else ""
            if op in counts:
                counts[op] += 1
    return counts["return_call"], counts["return_call_indirect"]


def main():
    if len(sys.argv) > 1 and sys.argv[1] == "--compile":
        compile_subset(sys.argv[2], sys.argv[3], sys.argv[4:])
        return
    import argparse
    import json
    import shutil
    import subprocess
    ap = argparse.ArgumentParser()
    for opt in ("--src", "--out", "--build-python", "--node", "--deb-version", "--orig-sha256",
                "--clang", "--wasi-libc", "--source-date-epoch"):
        ap.add_argument(opt, required=True)
    a = ap.parse_args()
    lib = os.path.join(a.src, "Lib")
    wasm = os.path.join(a.out, "python.wasm")

    modules = run_python_wasm(a.node, wasm, lib, PROBE)
    rels = sorted({r for r in (source_of(lib, m) for m in modules) if r})
    dest = os.path.join(a.out, STDLIB)
    shutil.rmtree(os.path.join(a.out, "lib"), ignore_errors=True)
    os.makedirs(dest)
    subprocess.run([a.build_python, os.path.abspath(__file__), "--compile", lib, dest] + rels, check=True)

    # the subset alone must do: the same modules import (from .pyc) and the interpreter computes
    for variant_file, _, _ in VARIANTS:
        again = run_python_wasm(a.node, os.path.join(a.out, variant_file), dest, PROBE + "print(6*7)\n")
        if again[-1] != "42" or set(again[:-1]) != set(modules):
            sys.exit(f"stdlib.py: with the subset only, {variant_file} loaded "
                     f"{sorted(set(again[:-1]) ^ set(modules))} differently")

    files = {}
    for root, _, names in os.walk(os.path.join(a.out, "lib")):
        for n in names:
            p = os.path.join(root, n)
            files[os.path.relpath(p, a.out)] = sha256(p)
    binaries = []
    for variant_file, variant, flags in VARIANTS:
        path = os.path.join(a.out, variant_file)
        rc, rci = count_tail_calls(path)
        binaries.append({"file": variant_file, "variant": variant, "extraFlags": flags,
                         "bytes": os.path.getsize(path), "sha256": sha256(path),
                         "returnCall": rc, "returnCallIndirect": rci})
    manifest = {
        "what": "CPython built for wasm32-wasi by build.sh; debug info stripped (the name section kept)",
        "cpython": "3.13.5",
        "source": {"debianPackage": "python3.13", "debianVersion": a.deb_version, "debianSuite": "trixie",
                   "tarball": "python3.13_3.13.5.orig.tar.xz (upstream Python-3.13.5, Debian patches not applied)",
                   "tarballSha256": a.orig_sha256},
        "toolchain": {"clang": a.clang, "wasiLibc": a.wasi_libc, "sourceDateEpoch": int(a.source_date_epoch)},
        "configure": ("OPT='-DNDEBUG -O3 -Wall' CONFIG_SITE=Tools/wasm/config.site-wasm32-wasi CC='clang-19 --target=wasm32-wasi' "
                      "AR=llvm-ar-19 RANLIB=llvm-ranlib-19 PKG_CONFIG_LIBDIR=/nonexistent "
                      "CFLAGS='EXTRA -ffile-prefix-map=BUILD/=' LDFLAGS='EXTRA' "
                      "configure --host=wasm32-wasi --build=$(config.guess) --with-build-python=BUILD/native/python "
                      "ac_cv_sizeof_pthread_t=4 ac_cv_sizeof_pthread_key_t=4 ac_cv_have_pthread_t=yes "
                      "ac_cv_pthread_key_t_is_arithmetic_type=yes ac_cv_func_clock_nanosleep=no; make python.wasm; "
                      "llvm-strip-19 --strip-debug"),
        "run": "PYTHONHOME=/ with lib/ preopened as /lib; node needs --stack-size=4000",
        "binaries": binaries,
        "stdlib": {"imports": IMPORTS, "modules": len(rels), "bytes": sum(
            os.path.getsize(os.path.join(a.out, f)) for f in files), "files": dict(sorted(files.items()))},
    }
    with open(os.path.join(a.out, "manifest.json"), "w") as f:
        json.dump(manifest, f, indent=2)
        f.write("\n")
    print(f"   stdlib subset: {len(rels)} modules, {manifest['stdlib']['bytes']} bytes in {STDLIB}/")


if __name__ == "__main__":
    main()
