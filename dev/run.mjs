// Runs one of dev/'s TypeScript entry points (`node dev/run.mjs emulator|sandbox|setup`): bundled with
// esbuild into .dev-build/ (npm packages stay external), then run in this process. The
// repository has no TypeScript runner, and a bundle starts in well under a second.
import { build } from 'esbuild';
import { mkdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const entries = {
  emulator: 'dev/emulator/main.ts',
  sandbox: 'dev/sandbox/main.ts',
  setup: 'scripts/setup.ts',
};
const name = process.argv[2];
// `--network` (npm start -- --network): the sandbox listens on every interface, not only loopback.
if (process.argv.includes('--network')) process.env.SANDBOX_HOST ??= '0.0.0.0';
if (!(name in entries)) {
  console.error(`usage: node dev/run.mjs ${Object.keys(entries).join('|')}`);
  process.exit(2);
}
const outdir = path.join(root, '.dev-build');
await mkdir(outdir, { recursive: true });
const outfile = path.join(outdir, `${name}.cjs`);
await build({
  entryPoints: [path.join(root, entries[name])],
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  packages: 'external',
  outfile,
  logLevel: 'warning',
});
createRequire(import.meta.url)(outfile);
