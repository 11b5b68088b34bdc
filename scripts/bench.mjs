// `npm run bench` (after a build): what each endpoint costs in Twilio requests (see
// bench-api.mjs), how heavy the customer's join page is and how fast it shows the customer
// their own camera. Each section is a function returning rows of a table; add a section by
// writing another and listing it in SECTIONS.
//
//   join page size     the page's own JS and CSS, raw and gzip, apart from the twilio-video SDK
//   time to preview    navigation → first frames of the local camera preview in headless
//                      Chromium (fake camera), median of RUNS cold loads (fresh browser context
//                      each, after one uncounted warm-up), served from localhost by a tiny static
//                      server; the camera permission is already granted, so no click is needed
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { apiSection } from './bench-api.mjs';
import { coldStartSection } from './bench-cold-start.mjs';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const assets = path.join(root, 'dist', 'assets');
const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const PAGE_BUDGET_GZIP = 30 * 1024;
const PREVIEW_BUDGET_MS = 1000;

const kB = (bytes) => `${(bytes / 1024).toFixed(1)} kB`;

async function sizeOf(relative) {
  const content = await readFile(path.join(assets, relative));
  return { raw: content.length, gzip: gzipSync(content).length };
}

export async function joinPageSizeSection() {
  const files = {
    'page JS   (join/app.js)': 'join/app.js',
    'page CSS  (join/app.css)': 'join/app.css',
    'page HTML (join.html)': 'join.html',
    'SDK       (join/twilio-video.min.js)': 'join/twilio-video.min.js',
  };
  const rows = [];
  let ownGzip = 0;
  for (const [label, file] of Object.entries(files)) {
    const size = await sizeOf(file);
    if (!file.includes('twilio-video')) ownGzip += size.gzip;
    rows.push([label, kB(size.raw), kB(size.gzip)]);
  }
  rows.push(['page total, without the SDK', '', `${kB(ownGzip)} (budget ${kB(PAGE_BUDGET_GZIP)}) ${ownGzip <= PAGE_BUDGET_GZIP ? 'ok' : 'OVER'}`]);
  return { title: 'join page size', header: ['file', 'raw', 'gzip'], rows };
}

const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'application/javascript', '.css': 'text/css' };

/** dist/assets as twilio-run serves it, plus a stand-in for POST /video/join (the preview
 * comes after the invite check). */
function startStaticServer() {
  const grant = { token: 'bench-token', identity: 'customer-bench', roomName: 'bench-room', expiresAt: new Date(Date.now() + 3600e3).toISOString() };
  const server = createServer(async (request, response) => {
    const url = new URL(request.url, 'http://localhost');
    if (request.method === 'POST' && url.pathname === '/video/join') {
      response.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify(grant));
      return;
    }
    const file = path.join(assets, path.normalize(url.pathname));
    if (!file.startsWith(assets) || !(await stat(file).catch(() => null))?.isFile()) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { 'Content-Type': TYPES[path.extname(file)] ?? 'application/octet-stream' }).end(await readFile(file));
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

export async function timeToPreviewSection() {
  const server = await startStaticServer();
  const origin = `http://localhost:${server.address().port}`;
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    // The test suite's flags: a fake camera and microphone, no background networking.
    args: JSON.parse(await readFile(path.join(root, 'tests', 'support', 'chromium-args.json'), 'utf8')),
  });
  const times = [];
  try {
    // Run 0 is a warm-up, not counted: Chromium opens its fake camera slowly the first time.
    for (let run = 0; run <= RUNS; run += 1) {
      // A fresh context: empty cache, as for a customer opening the link for the first time.
      // The camera permission is already granted (fake UI), so the preview starts on its own.
      const context = await browser.newContext();
      const page = await context.newPage();
      await page.goto(`${origin}/join.html#invite=bench-invite`, { waitUntil: 'commit' });
      const shownAt = await page.waitForFunction(
        () => {
          const video = document.querySelector('.preview-video video');
          return video && video.readyState >= 2 && video.videoWidth > 0 ? performance.now() : false;
        },
        null,
        { polling: 'raf', timeout: 30_000 },
      );
      if (run > 0) times.push(await shownAt.jsonValue());
      await context.close();
    }
  } finally {
    await browser.close();
    server.close();
  }
  const sorted = [...times].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)];
  return {
    title: `time to preview (navigation → local camera frames, ${RUNS} cold runs, real SDK)`,
    header: ['measure', 'ms'],
    rows: [
      ['median', `${median.toFixed(0)} (budget ${PREVIEW_BUDGET_MS}) ${median <= PREVIEW_BUDGET_MS ? 'ok' : 'OVER'}`],
      ['min / max', `${sorted[0].toFixed(0)} / ${sorted[sorted.length - 1].toFixed(0)}`],
      ['all runs', times.map((t) => t.toFixed(0)).join(' ')],
    ],
  };
}

export const SECTIONS = [apiSection, coldStartSection, joinPageSizeSection, timeToPreviewSection];

export function formatSection({ title, header, rows }) {
  const widths = header.map((_, column) => Math.max(...[header, ...rows].map((row) => String(row[column] ?? '').length)));
  const line = (row) => row.map((cell, column) => String(cell ?? '').padEnd(widths[column])).join('  ').trimEnd();
  return [`## ${title}`, line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  for (const section of SECTIONS) console.log(`${formatSection(await section())}\n`);
}
