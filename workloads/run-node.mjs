// Runs a WASI command module on node's built-in WASI (an independent reference, not one of our engines).
// usage: node --experimental-wasi-unstable-preview1 run-node.mjs FILE.wasm [ARGS...]
// stdout/stderr are the process's; the exit code is the program's.
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { WASI } from 'node:wasi';

const [file, ...args] = process.argv.slice(2);
if (!file) {
  console.error('usage: node --experimental-wasi-unstable-preview1 run-node.mjs FILE.wasm [ARGS...]');
  process.exit(2);
}
const wasi = new WASI({ version: 'preview1', args: [basename(file, '.wasm'), ...args], env: {}, returnOnExit: true });
const module = await WebAssembly.compile(await readFile(file));
// Sightglass modules import bench.start / bench.end around the measured region (no-ops here; extra imports are ignored)
const instance = await WebAssembly.instantiate(module, { ...wasi.getImportObject(), bench: { start() {}, end() {} } });
process.exitCode = wasi.start(instance);
