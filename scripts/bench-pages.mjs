// The pages part of `npm run bench`: what serving /join.html and /agent.html from a Function (for
// their frame-ancestors header) costs in first byte, against a static asset of the same service.
//   twilio-run   GET to first byte, locally: the page Function (twilio-run forks a process for it,
//                as for every Function) and /join/app.css (a static asset, sent from disk)
//   handler      the page Function's own time in one process: its first call (reads the private
//                asset, builds the headers) and a warm call (headers and HTML from the instance)
// Medians of RUNS requests, one after another.
import { readFileSync } from 'node:fs';
import http from 'node:http';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadSupport } from './bench-api.mjs';
import { formatSection } from './bench-table.mjs';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const RUNS = Number(process.env.BENCH_PAGE_RUNS ?? 15);
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const ms = (value) => `${value.toFixed(value < 10 ? 2 : 0)} ms`;

/** Milliseconds from sending the request to the first byte of the answer. */
function firstByte(url) {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    http
      .get(url, { agent: false }, (response) => {
        response.once('data', () => resolve(Number(process.hrtime.bigint() - started) / 1e6));
        response.on('error', reject);
        response.resume();
      })
      .on('error', reject);
  });
}

async function medianFirstByte(url) {
  await firstByte(url);
  const times = [];
  for (let run = 0; run < RUNS; run++) times.push(await firstByte(url));
  return median(times);
}

/** The built handler with the globals the runtime gives it, called as Twilio calls it. */
function handlerTimes(file, assetPath, assetFile) {
  globalThis.Runtime = {
    getAssets: () => ({ [assetPath]: { open: () => readFileSync(assetFile, 'utf8') } }),
  };
  globalThis.Twilio = {
    Response: class {
      setStatusCode() {}
      appendHeader() {}
      setBody() {}
    },
  };
  const { handler } = createRequire(import.meta.url)(file);
  const call = () => {
    const started = process.hrtime.bigint();
    handler({ ALLOWED_ORIGINS: 'https://flex.twilio.com' }, {}, () => {});
    return Number(process.hrtime.bigint() - started) / 1e6;
  };
  const first = call();
  const warm = [];
  for (let run = 0; run < RUNS; run++) warm.push(call());
  return { first, warm: median(warm) };
}

export async function pagesSection() {
  const { support, cleanup } = await loadSupport();
  const stack = await support.startStack();
  const rows = [];
  try {
    const asset = await medianFirstByte(`${stack.baseUrl}/join/app.css`);
    for (const page of ['join', 'agent']) {
      const viaFunction = await medianFirstByte(`${stack.baseUrl}/${page}.html`);
      const own = handlerTimes(
        path.join(root, 'dist', 'functions', `${page}.html.js`),
        `/pages/${page}.html`,
        path.join(root, 'dist', 'assets', 'pages', `${page}.private.html`),
      );
      rows.push([`/${page}.html`, ms(viaFunction), ms(asset), ms(own.first), ms(own.warm)]);
    }
  } finally {
    await stack.stop();
    await cleanup();
  }
  return {
    title: 'pages: first byte through the Function',
    header: [
      'page',
      'twilio-run: Function',
      'twilio-run: static asset',
      'handler: first call',
      'handler: warm',
    ],
    rows,
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  console.log(formatSection(await pagesSection()));
}
