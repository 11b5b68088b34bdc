/**
 * Jest's transform for the TypeScript under test: esbuild strips the types, file by file, and
 * checks nothing. The types are checked once, by `tsc --noEmit` in `npm run build` and by the
 * type-aware ESLint in `npm run lint`; ts-jest did it again per file and loaded the TypeScript
 * compiler into every worker. esbuild is already the bundle's compiler (scripts/build.mjs).
 *
 * The output keeps what tsconfig.json asks of the tests: CommonJS, ES2022, and esModuleInterop
 * (esbuild's `__toESM` gives a CommonJS module without `__esModule` as the default import). The
 * suite uses no `jest.mock`, which would need hoisting above the imports.
 */
const { createHash } = require('node:crypto');
const fs = require('node:fs');
const esbuild = require('esbuild');

const ownSource = fs.readFileSync(__filename, 'utf8');

/** @type {import('@jest/transform').SyncTransformer} */
module.exports = {
  canInstrument: false,
  getCacheKey(sourceText, sourcePath) {
    return createHash('sha256')
      .update(esbuild.version)
      .update('\0')
      .update(ownSource)
      .update('\0')
      .update(sourcePath)
      .update('\0')
      .update(sourceText)
      .digest('hex');
  },
  process(sourceText, sourcePath) {
    const { code, map } = esbuild.transformSync(sourceText, {
      loader: 'ts',
      format: 'cjs',
      target: 'es2022',
      platform: 'node',
      sourcemap: 'external',
      sourcefile: sourcePath,
    });
    return { code, map };
  },
};
