// `npm run bench` (after a build): what each endpoint costs in Twilio requests (see
// bench-api.mjs), how heavy the customer's join page is and how fast it shows the customer
// their own camera. Each section is a function returning rows of a table; add a section by
// writing another and listing it in SECTIONS.
//
//   join page size     each file the page loads, raw and gzip (level 9; kB = 1000 bytes); the
//                      page's own total (HTML, JS, CSS) and the total as shipped with the
//                      twilio-video SDK, against the page's budget
//   agent panel size   the agent's panel (/agent.html): its own JS and CSS apart from the SDK,
//                      budget 40 kB gzip
//   time to preview    navigation → first frames of the local camera preview in headless
//                      Chromium (fake camera), median of RUNS cold loads (fresh browser context
//                      each, after one uncounted warm-up that is reported as the cold-browser
//                      figure), served gzipped from localhost by a tiny static server with the
//                      real SDK; the camera permission is already granted, so no click is
//                      needed. Also when the SDK has run in the background (what Join waits
//                      for), and both again on a throttled slow mobile network
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { apiSection } from './bench-api.mjs';
import { coldStartSection } from './bench-cold-start.mjs';
import { formatSection } from './bench-table.mjs';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const assets = path.join(root, 'dist', 'assets');
const RUNS = Number(process.env.BENCH_RUNS ?? 7);
/** Everything the page loads, SDK included, gzipped. */
const SHIPPED_BUDGET_GZIP = 105_000;
const PREVIEW_BUDGET_MS = 600;
const COLD_BROWSER_BUDGET_MS = 1000;

const kB = (bytes) => `${(bytes / 1000).toFixed(1)} kB`;
const verdict = (value, budget) => (value <= budget ? 'ok' : 'OVER');

async function sizeOf(relative) {
  const content = await readFile(path.join(assets, relative));
  return { raw: content.length, gzip: gzipSync(content, { level: 9 }).length };
}

export async function joinPageSizeSection() {
  const files = {
    'page JS   (join/app.js)': 'join/app.js',
    'page CSS  (join/app.css)': 'join/app.css',
    'page HTML (join.html)': 'join.html',
    'SDK       (join/twilio-video.min.js)': 'join/twilio-video.min.js',
  };
  const rows = [];
  const own = { raw: 0, gzip: 0 };
  const shipped = { raw: 0, gzip: 0 };
  for (const [label, file] of Object.entries(files)) {
    const size = await sizeOf(file);
    for (const total of file.includes('twilio-video') ? [shipped] : [own, shipped]) {
      total.raw += size.raw;
      total.gzip += size.gzip;
    }
    rows.push([label, kB(size.raw), kB(size.gzip)]);
  }
  rows.push(['page’s own total (HTML + JS + CSS)', kB(own.raw), kB(own.gzip)]);
  rows.push([
    'total as shipped (with the SDK)',
    kB(shipped.raw),
    `${kB(shipped.gzip)} (budget ${kB(SHIPPED_BUDGET_GZIP)}) ${verdict(shipped.gzip, SHIPPED_BUDGET_GZIP)}`,
  ]);
  return { title: 'join page size', header: ['file', 'raw', 'gzip'], rows };
}

const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'application/javascript', '.css': 'text/css' };

/** A phone on a poor mobile connection (Chrome DevTools' "Fast 3G"), for the throttled runs. */
const SLOW_NETWORK = { offline: false, latency: 150, downloadThroughput: (1.6 * 1024 * 1024) / 8, uploadThroughput: (750 * 1024) / 8 };

/** dist/assets as twilio-run serves it (gzipped, as the hosted assets are), plus a stand-in for
 * POST /video/join (the preview comes after the invite check). */
function startStaticServer() {
  const grant = { token: 'bench-token', identity: 'customer-bench', roomName: 'bench-room', expiresAt: new Date(Date.now() + 3600e3).toISOString() };
  const gzipped = new Map();
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
    if (!gzipped.has(file)) gzipped.set(file, gzipSync(await readFile(file), { level: 9 }));
    response.writeHead(200, { 'Content-Type': TYPES[path.extname(file)] ?? 'application/octet-stream', 'Content-Encoding': 'gzip' }).end(gzipped.get(file));
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

/** One customer opening the link in a fresh context (empty cache, as for a first visit): when
 * the preview showed camera frames, and when the SDK had run behind it. The camera permission
 * is already granted (fake UI), so the preview starts on its own. */
async function loadOnce(browser, origin, network) {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    if (network) {
      const cdp = await context.newCDPSession(page);
      await cdp.send('Network.enable');
      await cdp.send('Network.emulateNetworkConditions', network);
    }
    await page.goto(`${origin}/join.html#invite=bench-invite`, { waitUntil: 'commit' });
    const shownAt = await page.waitForFunction(
      () => {
        const video = document.querySelector('.preview-video video');
        return video && video.readyState >= 2 && video.videoWidth > 0 ? performance.now() : false;
      },
      null,
      { polling: 'raf', timeout: 30_000 },
    );
    const sdkAt = await page.waitForFunction(() => (window.Twilio?.Video ? performance.now() : false), null, { timeout: 30_000 });
    return { preview: await shownAt.jsonValue(), sdk: await sdkAt.jsonValue() };
  } finally {
    await context.close();
  }
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const ms = (value) => value.toFixed(0);

export async function timeToPreviewSection() {
  const server = await startStaticServer();
  const origin = `http://localhost:${server.address().port}`;
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    // The test suite's flags: a fake camera and microphone, no background networking.
    args: JSON.parse(await readFile(path.join(root, 'tests', 'support', 'chromium-args.json'), 'utf8')),
  });
  const local = [];
  const slow = [];
  let coldBrowser;
  try {
    // The first load is not counted in the median: Chromium opens its fake camera slowly the
    // first time. It is what a customer whose browser was not running would see.
    coldBrowser = await loadOnce(browser, origin);
    for (let run = 0; run < RUNS; run += 1) local.push(await loadOnce(browser, origin));
    for (let run = 0; run < RUNS; run += 1) slow.push(await loadOnce(browser, origin, SLOW_NETWORK));
  } finally {
    await browser.close();
    server.close();
  }
  const previews = local.map((run) => run.preview);
  const previewMedian = median(previews);
  return {
    title: `time to preview (navigation → local camera frames, ${RUNS} cold contexts, real SDK)`,
    header: ['measure', 'ms'],
    rows: [
      ['median', `${ms(previewMedian)} (budget ${PREVIEW_BUDGET_MS}) ${verdict(previewMedian, PREVIEW_BUDGET_MS)}`],
      ['min / max', `${ms(Math.min(...previews))} / ${ms(Math.max(...previews))}`],
      ['all runs', previews.map(ms).join(' ')],
      ['cold browser (first load)', `${ms(coldBrowser.preview)} (budget ${COLD_BROWSER_BUDGET_MS}) ${verdict(coldBrowser.preview, COLD_BROWSER_BUDGET_MS)}`],
      ['SDK ready behind it, median', ms(median(local.map((run) => run.sdk)))],
      ['1.6 Mbit/s, 150 ms RTT: preview / SDK ready, median', `${ms(median(slow.map((run) => run.preview)))} / ${ms(median(slow.map((run) => run.sdk)))}`],
    ],
  };
}

const PANEL_BUDGET_GZIP = 40_000;

/** The agent panel's own weight (the SDK it shares with the join page apart). */
export async function agentPanelSizeSection() {
  const files = {
    'panel JS   (agent/panel.js)': 'agent/panel.js',
    'panel CSS  (agent/panel.css)': 'agent/panel.css',
    'panel HTML (agent.html)': 'agent.html',
  };
  const rows = [];
  let ownRaw = 0;
  let ownGzip = 0;
  for (const [label, file] of Object.entries(files)) {
    const size = await sizeOf(file);
    if (!file.endsWith('.html')) {
      ownRaw += size.raw;
      ownGzip += size.gzip;
    }
    rows.push([label, kB(size.raw), kB(size.gzip)]);
  }
  rows.push(['panel JS + CSS, without the SDK', kB(ownRaw), `${kB(ownGzip)} (budget ${kB(PANEL_BUDGET_GZIP)}) ${verdict(ownGzip, PANEL_BUDGET_GZIP)}`]);
  return { title: 'agent panel size', header: ['file', 'raw', 'gzip'], rows };
}

export const SECTIONS = [apiSection, coldStartSection, joinPageSizeSection, agentPanelSizeSection, timeToPreviewSection];

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  for (const section of SECTIONS) console.log(`${formatSection(await section())}\n`);
}
