// `npm run bench`'s call section: from the customer's click on Join to the first frame of the
// other side's video on each page, with the real twilio-video SDK (the built file) signalling
// through the local Video edge and media page to page over WebRTC on this machine, as in the
// sandbox. Both pages stamp times with their own clock (Date.now(): one machine, one clock).
// Measured per run: a fresh task and a fresh browser context, the agent's panel in the sandbox
// console, the customer's join page from the chat's link with camera and microphone granted.
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { loadSupport } from './bench-api.mjs';

const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const chromiumArgs = createRequire(import.meta.url)('../tests/support/chromium-args.json');

/** In the page (or frame): resolves with the time the first frame of `selector`'s video was
 * presented, as soon as one is. */
const firstFrameAt = (where, selector) =>
  where.evaluate(
    (sel) =>
      new Promise((resolve) => {
        const watch = () => {
          const video = document.querySelector(sel);
          if (!video || !video.srcObject) return void setTimeout(watch, 5);
          video.requestVideoFrameCallback(() => resolve(Date.now()));
        };
        watch();
      }),
    selector,
  );

async function oneCall(browser, sandbox) {
  await fetch(`${sandbox.url}/__sandbox/reset`, { method: 'POST' });
  const context = await browser.newContext({ viewport: { width: 1400, height: 860 } });
  try {
    await context.grantPermissions(['camera', 'microphone'], { origin: sandbox.url });
    const console_ = await context.newPage();
    console_.setDefaultTimeout(60_000);
    await console_.goto(`${sandbox.url}/`);
    await console_.frameLocator('#panel').getByRole('button', { name: 'Start video call' }).click();
    const link = console_.locator('#messages li[data-kind="invite"] a');
    await link.waitFor();
    const panel = console_.frames().find((frame) => frame.url().endsWith('/agent.html'));
    const customer = await context.newPage();
    customer.setDefaultTimeout(60_000);
    await customer.goto(await link.getAttribute('href'));
    const join = customer.getByRole('button', { name: 'Join call' });
    await join.waitFor();
    const clicked = customer.evaluate(
      () =>
        new Promise((resolve) =>
          document.addEventListener('click', () => resolve(Date.now()), { capture: true, once: true }),
        ),
    );
    const agentSees = firstFrameAt(panel, 'video.customer-video');
    const customerSees = firstFrameAt(customer, 'video.agent-video');
    await join.click();
    const [clickAt, agentAt, customerAt] = await Promise.all([clicked, agentSees, customerSees]);
    return { agent: agentAt - clickAt, customer: customerAt - clickAt };
  } finally {
    await context.close();
  }
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const spread = (values) => `${Math.min(...values)}–${Math.max(...values)} ms`;

export async function callSection() {
  const { support, cleanup } = await loadSupport();
  const sandbox = await support.startSandbox({ port: await support.freePort() });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: chromiumArgs,
  });
  try {
    await oneCall(browser, sandbox); // warm-up: the first call also pays the SDK's first compile
    const runs = [];
    for (let i = 0; i < RUNS; i++) runs.push(await oneCall(browser, sandbox));
    const agent = runs.map((r) => r.agent);
    const customer = runs.map((r) => r.customer);
    return {
      title: `Join → first remote frame, real SDK through the local edge (median of ${RUNS}, after a warm-up)`,
      header: ['side', 'median', 'spread'],
      rows: [
        ['agent sees the customer', `${median(agent)} ms`, spread(agent)],
        ['customer sees the agent', `${median(customer)} ms`, spread(customer)],
      ],
    };
  } finally {
    await browser.close();
    await sandbox.stop();
    await cleanup();
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { formatSection } = await import('./bench-table.mjs');
  console.log(formatSection(await callSection()));
}
