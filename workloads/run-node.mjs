// Runs a WASI command module on node's built-in WASI (an independent reference, not one of our engines).
// usage: node --experimental-wasi-unstable-preview1 run-node.mjs [--dir HOST::GUEST]... [--env NAME=VALUE]...
//            FILE.wasm [ARGS...]
//   --dir HOST::GUEST   preopen the host directory HOST as GUEST (as tailbench run --dir)
//   --env NAME=VALUE    set an environment variable of the program (none by default)
// stdout/stderr are the process's; the exit code is the program's. Deep recursion in the module
// (e.g. CPython) needs node's --stack-size=4000 (in KiB).
import { readFile } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import { WASI } from 'node:wasi';

const usage = 'usage: node --experimental-wasi-unstable-preview1 run-node.mjs [--dir HOST::GUEST]... [--env NAME=VALUE]... FILE.wasm [ARGS...]';
const argv = process.argv.slice(2);
const preopens = {};
const env = {};
while (argv.length > 0 && (argv[0] === '--dir' || argv[0] === '--env')) {
  const [option, value] = argv.splice(0, 2);
  const sep = option === '--dir' ? value?.indexOf('::') : value?.indexOf('=');
  if (value === undefined || sep <= 0) {
    console.error(`run-node.mjs: ${option} needs ${option === '--dir' ? 'HOST::GUEST' : 'NAME=VALUE'}\n${usage}`);
    process.exit(2);
  }
  if (option === '--dir') preopens[value.slice(sep + 2)] = resolve(value.slice(0, sep));
  else env[value.slice(0, sep)] = value.slice(sep + 1);
}
const [file, ...args] = argv;
if (!file) {
  console.error(usage);
  process.exit(2);
}
const wasi = new WASI({ version: 'preview1', args: [basename(file, '.wasm'), ...args], env, preopens, returnOnExit: true });
const module = await WebAssembly.compile(await readFile(file));
// Sightglass modules import bench.start / bench.end around the measured region (no-ops here; extra imports are ignored)
const instance = await WebAssembly.instantiate(module, { ...wasi.getImportObject(), bench: { start() {}, end() {} } });
process.exitCode = wasi.start(instance);
