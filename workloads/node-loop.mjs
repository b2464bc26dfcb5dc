// Times a WASI command module on node's built-in WASI *inside one node process*, the way JMH times our
// engines: the module is compiled once, then every run is a new WASI host + instantiation + _start, so
// the times exclude node's start-up and the compilation (but V8 tiers hot functions up to TurboFan
// during the warm-up runs, as the JVM's JIT does during JMH's warm-up iterations).
//
// usage: node --expose-gc --no-warnings --experimental-wasi-unstable-preview1 node-loop.mjs [--warmup W] [--runs N]
//            [--dir HOST::GUEST]... [--env NAME=VALUE]... FILE.wasm [ARGS...]
//   --warmup W   untimed runs first (default 3)
//   --runs N     timed runs (default 5)
//   --dir, --env preopens and environment, as run-node.mjs (the CPython workloads need them)
// Prints one JSON object on stdout:
//   {"ms": [N numbers], "sha256": [distinct stdout sha256s of all W+N runs], "exit": [distinct exit codes],
//    "region_ms": [N numbers, or none when the module does not call bench.start and bench.end]}
// A Sightglass module's imports bench.start / bench.end are provided; the time between them is region_ms.
// Each run's stdout goes to a temporary file (outside the timing it is hashed and truncated); stderr is the
// process's. Exit status 0, or 2 on bad usage; the caller checks the hashes and exit codes.
import { createHash } from 'node:crypto';
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { WASI } from 'node:wasi';

const argv = process.argv.slice(2);
let warmup = 3, runs = 5;
const preopens = {}, env = {};
while (argv.length > 0 && argv[0].startsWith('--')) {
  const opt = argv.shift();
  const text = argv.shift();
  if (opt === '--dir' || opt === '--env') {  // as run-node.mjs: HOST::GUEST, NAME=VALUE
    const sep = opt === '--dir' ? text?.indexOf('::') : text?.indexOf('=');
    if (text === undefined || sep <= 0) usage(`${opt} needs ${opt === '--dir' ? 'HOST::GUEST' : 'NAME=VALUE'}`);
    if (opt === '--dir') preopens[text.slice(sep + 2)] = resolve(text.slice(0, sep));
    else env[text.slice(0, sep)] = text.slice(sep + 1);
    continue;
  }
  const value = Number(text);
  if (!Number.isInteger(value) || value < 0) usage(`${opt} needs a whole number`);
  if (opt === '--warmup') warmup = value;
  else if (opt === '--runs') runs = value;
  else usage(`unknown option ${opt}`);
}
const [file, ...args] = argv;
if (!file || runs < 1) usage('FILE.wasm is required and --runs must be at least 1');

function usage(why) {
  console.error(`node-loop.mjs: ${why}`);
  console.error('usage: node --experimental-wasi-unstable-preview1 node-loop.mjs [--warmup W] [--runs N] [--dir HOST::GUEST]... [--env NAME=VALUE]... FILE.wasm [ARGS...]');
  process.exit(2);
}

const module = await WebAssembly.compile(await readFile(file));
const dir = mkdtempSync(join(tmpdir(), 'node-loop-'));
const outPath = join(dir, 'stdout');
const ms = [], regionMs = [], shas = new Set(), exits = new Set();
let regionStart = null, regionEnd = null;
const bench = { start() { regionStart = process.hrtime.bigint(); }, end() { regionEnd = process.hrtime.bigint(); } };
try {
  for (let i = 0; i < warmup + runs; i++) {
    const fd = openSync(outPath, 'w');
    let exit;
    const t0 = process.hrtime.bigint();
    try {
      const wasi = new WASI({ version: 'preview1', args: [basename(file, '.wasm'), ...args], env, preopens,
                              stdout: fd, returnOnExit: true });
      regionStart = regionEnd = null;
      const instance = await WebAssembly.instantiate(module, { ...wasi.getImportObject(), bench });
      exit = wasi.start(instance);
    } finally {
      const t1 = process.hrtime.bigint();
      closeSync(fd);
      if (i >= warmup) ms.push(Number(t1 - t0) / 1e6);
      if (i >= warmup && regionStart !== null && regionEnd !== null) regionMs.push(Number(regionEnd - regionStart) / 1e6);
    }
    exits.add(exit);
    // A full GC between runs, outside the timing: without it node 20 crashed (SIGSEGV) after 4-8
    // instantiations of CPython (python.wasm) in one process. Needs node --expose-gc (reference.sh passes it).
    if (globalThis.gc) globalThis.gc();
    shas.add(createHash('sha256').update(readFileSync(outPath)).digest('hex'));
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
console.log(JSON.stringify({ ms, sha256: [...shas], exit: [...exits], region_ms: regionMs }));
