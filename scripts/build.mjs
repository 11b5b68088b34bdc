// Builds what twilio-run serves and deploys:
//   dist/functions/**.js  one file per handler, its npm dependencies bundled in, except twilio
//                         (see twilioStaysExternal): Twilio Functions installs that one from
//                         package.json at deploy time
//   dist/assets/**        the static assets, the join page and agent panel bundles and the twilio-video SDK
// No source maps anywhere: files under the assets folder deploy as public URLs.
import { build, transform } from 'esbuild';
import { minify } from 'terser';
import { cp, mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const require = createRequire(import.meta.url);
const out = path.join(root, 'dist');

async function listTs(dir) {
  const entries = await readdir(dir, { withFileTypes: true });
  const files = await Promise.all(
    entries.map((e) => {
      const full = path.join(dir, e.name);
      if (e.isDirectory()) return listTs(full);
      return e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') ? [full] : [];
    }),
  );
  return files.flat();
}

await rm(out, { recursive: true, force: true });

// A handler's cold start is mostly the modules it requires. Bundled, zod is read as one file
// instead of dozens; esbuild tree-shakes it only where it is imported as `* as z`, and keeps
// all of it (every locale, JSON Schema) behind `import { z }`. twilio stays external:
// its REST client (axios behind it, every API domain) is required by
// src/platform/twilio-client.ts on first use, from the same files the runtime has already
// loaded for its `Twilio` global, and bundling it would copy megabytes of API domains into
// every handler. AccessToken is the exception: tokens.ts needs it when the handler loads, and
// bundled with jsonwebtoken it costs under half of resolving and reading its 77 modules.
const BUNDLED_FROM_TWILIO = new Set(['twilio/lib/jwt/AccessToken']);
const twilioStaysExternal = {
  name: 'twilio-stays-external',
  setup(build) {
    build.onResolve({ filter: /^twilio(\/|$)/ }, ({ path: specifier }) =>
      BUNDLED_FROM_TWILIO.has(specifier) ? undefined : { path: specifier, external: true },
    );
  },
};

const functionsDir = path.join(root, 'src', 'functions');
await build({
  entryPoints: await listTs(functionsDir),
  outbase: functionsDir,
  outdir: path.join(out, 'functions'),
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  plugins: [twilioStaysExternal],
  sourcemap: false,
  logLevel: 'warning',
});

await mkdir(path.join(out, 'assets', 'join'), { recursive: true });
await cp(path.join(root, 'assets'), path.join(out, 'assets'), { recursive: true });
// The pages' HTML, stylesheets are written for reading; they ship without comments and
// indentation, and minified (the join page's weight counts against its budget on a phone).
for (const page of ['pages/join.private.html', 'pages/agent.private.html']) {
  const file = path.join(out, 'assets', page);
  const html = await readFile(file, 'utf8');
  await writeFile(file, html.replace(/<!--[\s\S]*?-->/g, '').replace(/\n\s+/g, '\n'));
}
for (const stylesheet of ['join/app.css', 'join/captions.css', 'agent/panel.css']) {
  const file = path.join(out, 'assets', stylesheet);
  const { code } = await transform(await readFile(file, 'utf8'), {
    loader: 'css',
    minify: true,
    target: ['safari14', 'chrome100'],
  });
  await writeFile(file, code);
}

// The pages, each bundled from src/pages/<page>/main.ts into dist/assets/<page>/<bundle>.js. The
// join page runs on customers' phones, back to Safari 14; agents run Flex, whose supported browsers
// are all recent, so the panel needs none of that care.
// The join page's blur filter is a script of its own (join/blur.js), fetched only when a customer
// turns blur on; so are its captions (join/captions.js, with join/captions.css), fetched only in a
// call that is transcribed, and the visual assist (join/assist.js), fetched once the call is connected.
const PAGES = [
  { page: 'join', bundle: 'app', target: ['es2020', 'safari14'] },
  { page: 'join', bundle: 'blur', entry: 'blur-filter.ts', target: ['es2020', 'safari14'] },
  { page: 'join', bundle: 'captions', entry: 'captions.ts', target: ['es2020', 'safari14'] },
  { page: 'join', bundle: 'assist', entry: 'assist.ts', target: ['es2020', 'safari14'] },
  { page: 'agent', bundle: 'panel', target: ['es2020', 'chrome100', 'edge100', 'firefox100', 'safari15'] },
  // The appearance check's face detector (agent/appearance.js), fetched only when the check runs.
  {
    page: 'agent',
    bundle: 'appearance',
    entry: 'appearance-model.ts',
    target: ['es2020', 'chrome100', 'edge100', 'firefox100', 'safari15'],
  },
];
for (const { page, bundle, entry = 'main.ts', target } of PAGES) {
  await build({
    entryPoints: { [bundle]: path.join(root, 'src', 'pages', page, entry) },
    outdir: path.join(out, 'assets', page),
    bundle: true,
    platform: 'browser',
    target,
    format: 'iife',
    minify: true,
    sourcemap: false,
    legalComments: 'none',
    logLevel: 'warning',
  });
}

// The join page's languages other than English (which is in the page's bundle), one JSON file
// each under dist/assets/join/lang/, so a browser fetches only the language it prefers. Each
// source is a typed module (src/pages/shared/languages/<tag>.ts), run here once to write its object.
const languagesDir = path.join(root, 'src', 'pages', 'shared', 'languages');
await mkdir(path.join(out, 'assets', 'join', 'lang'), { recursive: true });
for (const file of await readdir(languagesDir)) {
  if (!file.endsWith('.ts') || file.endsWith('.test.ts')) continue;
  const bundled = await build({
    entryPoints: [path.join(languagesDir, file)],
    bundle: true,
    format: 'esm',
    platform: 'neutral',
    write: false,
    logLevel: 'warning',
  });
  const { default: catalog } = await import(
    `data:text/javascript;base64,${Buffer.from(bundled.outputFiles[0].text).toString('base64')}`
  );
  await writeFile(
    path.join(out, 'assets', 'join', 'lang', `${path.basename(file, '.ts')}.json`),
    JSON.stringify(catalog),
  );
}

// Twilio's video processors (the background rules) with their segmentation model, TFLite
// WebAssembly (SIMD and plain: the library picks what the browser runs) and pipeline workers,
// served from this service under /processors/ (no CDN, within the pages' CSP). Only a page with
// a rule set loads any of them (src/pages/shared/background.ts).
const processorsBuild = path.join(
  path.dirname(require.resolve('@twilio/video-processors/package.json')),
  'dist',
  'build',
);
await mkdir(path.join(out, 'assets', 'processors'), { recursive: true });
for (const file of await readdir(processorsBuild)) {
  // The unminified copy of the library is never loaded.
  if (file === 'twilio-video-processors.js') continue;
  await cp(path.join(processorsBuild, file), path.join(out, 'assets', 'processors', file));
}

// The appearance check's two models (face detector and 68-point landmarks) from
// @vladmandic/face-api, and the WebAssembly of the TensorFlow.js backend it runs them on (the
// version its bundle was built with: SIMD, plain, and threaded for cross-origin-isolated pages),
// served under /agent/appearance-models/.
const packageDir = (name) => path.dirname(require.resolve(`${name}/package.json`));
const appearanceModels = path.join(out, 'assets', 'agent', 'appearance-models');
await mkdir(appearanceModels, { recursive: true });
for (const model of ['tiny_face_detector_model', 'face_landmark_68_model']) {
  for (const file of [`${model}-weights_manifest.json`, `${model}.bin`])
    await cp(path.join(packageDir('@vladmandic/face-api'), 'model', file), path.join(appearanceModels, file));
}
const tfjsWasm = path.join(packageDir('@tensorflow/tfjs-backend-wasm'), 'dist');
for (const file of await readdir(tfjsWasm)) {
  if (file.endsWith('.wasm')) await cp(path.join(tfjsWasm, file), path.join(appearanceModels, file));
}

// The SDK is served from this service, never from a CDN (see the pages' CSP), one file per page,
// bundled from the pinned package's sources (twilio-video-entry.cjs says what each holds) and
// minified by terser, with the licence banner of the SDK's own dist file. terser, not esbuild,
// because it makes the join page's SDK 4.4 kB gzip smaller (79.3 against 83.7 kB), which keeps the
// page within its 105 kB budget in every language. The SDK reads only `name` and `version` of its
// package.json (util/constants.js, index.ts), so only those are bundled: the rest was 2 kB gzip.
//
// Since 2.36 the SDK builds its plugin loader with `new Function('url', 'return import(url);')` as
// soon as it loads, which a CSP without 'unsafe-eval' refuses, so the whole SDK failed to load.
// The same dynamic import written as an arrow function needs no eval. The check after it stops
// the build if a later SDK evaluates strings some other way, instead of shipping a page that
// cannot call.
const sdkDir = path.dirname(require.resolve('twilio-video/package.json'));
const sdkDist = await readFile(path.join(sdkDir, 'dist', 'twilio-video.min.js'), 'utf8');
const sdkLicence = sdkDist.slice(0, sdkDist.indexOf('*/') + 2);
if (!sdkLicence.startsWith('/*! twilio-video.js'))
  throw new Error("twilio-video's dist file lost its licence banner");
const sdkPackageNameAndVersion = {
  name: 'sdk-package-name-and-version',
  setup(build) {
    build.onLoad({ filter: /[\\/]twilio-video[\\/]package\.json$/ }, async ({ path: file }) => {
      const { name, version } = JSON.parse(await readFile(file, 'utf8'));
      return { contents: JSON.stringify({ name, version }), loader: 'json' };
    });
  },
};
for (const [page, withPreflight] of [
  ['join', false],
  ['agent', true],
]) {
  const bundled = await build({
    entryPoints: [path.join(root, 'scripts', 'twilio-video-entry.cjs')],
    bundle: true,
    write: false,
    platform: 'browser',
    target: 'es2020',
    define: { WITH_PREFLIGHT: String(withPreflight) },
    plugins: [sdkPackageNameAndVersion],
    legalComments: 'none',
    logLevel: 'warning',
  });
  const minified = await minify(bundled.outputFiles[0].text, {
    ecma: 2020,
    format: { comments: false, preamble: sdkLicence },
  });
  const sdk = minified.code.replaceAll('new Function("url","return import(url);")', '(url=>import(url))');
  const evaluates = sdk.match(/new Function\(|[^\w.$]eval\(/);
  if (evaluates)
    throw new Error(`twilio-video evaluates strings (${evaluates[0]}), which the pages' CSP forbids`);
  await mkdir(path.join(out, 'assets', page), { recursive: true });
  await writeFile(path.join(out, 'assets', page, 'twilio-video.min.js'), sdk);
}
