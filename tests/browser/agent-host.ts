import Ajv from 'ajv';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import type { BrowserContext, Frame, Page } from 'playwright-core';
import type { VideoEdge } from '../../dev/video-edge';
import { openPage, SCREENSHOTS, waitForVideoPlaying, type TestPage } from './harness';

/**
 * A stand-in for Flex: a page on its own origin (127.0.0.1, while the bundle is on localhost)
 * that embeds /agent.html in an iframe as the Flex plugin does (same allow list), answers the panel's ready message
 * with a session, and records every message the panel posts. Tests drive it through
 * window.__host.
 */

export interface HostServer {
  origin: string;
  close(): Promise<void>;
}

export interface HostSession {
  token: string;
  taskSid: string;
}

export interface ReceivedMessage {
  origin: string;
  data: unknown;
}

const hostPage = `<!doctype html>
<html><head><meta charset="utf-8"><title>Flex (test host)</title><link rel="icon" href="data:,">
<style>body{margin:0;font:14px sans-serif} iframe{display:block;border:0}</style></head>
<body>
<script>
  const query = new URLSearchParams(location.search);
  const panelUrl = query.get('panel');
  const panelOrigin = new URL(panelUrl).origin;
  // The panel in an iframe (the plugin's task canvas), or in a window of its own.
  let panelWindow = null;
  if (query.get('mode') === 'window') {
    const open = document.createElement('button');
    open.textContent = 'Open video';
    open.onclick = () => (panelWindow = window.open(panelUrl, 'video-panel', 'popup,width=' + query.get('width') + ',height=' + query.get('height')));
    document.body.append(open);
  } else {
    const frame = document.createElement('iframe');
    frame.id = 'panel';
    frame.title = 'Video';
    frame.allow = 'camera; microphone; display-capture; autoplay';
    frame.width = query.get('width');
    frame.height = query.get('height');
    frame.src = panelUrl;
    document.body.append(frame);
    panelWindow = frame.contentWindow;
  }
  window.__host = {
    // The test's session (a test host may carry it in its URL; the panel's URL never does).
    session: query.get('token') ? { token: query.get('token'), taskSid: query.get('taskSid') } : null,
    received: [],
    send(message) { panelWindow.postMessage(message, panelOrigin); },
  };
  window.addEventListener('message', (event) => {
    if (!panelWindow || event.source !== panelWindow) return;
    window.__host.received.push({ origin: event.origin, data: event.data });
    if (event.data && event.data.type === 'video-escalation:ready' && window.__host.session) {
      window.__host.send(Object.assign({ type: 'video-escalation:session' }, window.__host.session));
    }
  });
</script>
</body></html>`;

/** Serves the host page at /host.html?panel=<panel URL>&width=&height=[&token=&taskSid=]. */
export async function startHost(): Promise<HostServer> {
  const server = http.createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://host');
    if (url.pathname !== '/host.html') return void response.writeHead(404).end();
    response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(hostPage);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export interface HostedPanel extends TestPage {
  /** The panel's frame. */
  panel: Frame;
  /** The panel's own window, when the host opened one instead of an iframe. */
  popup: Page | null;
  /** Messages the panel posted to the host, in order. */
  received(): Promise<ReceivedMessage[]>;
  stateMessages(): Promise<Record<string, unknown>[]>;
  send(message: unknown): Promise<void>;
}

/** The host page and the panel in it, loaded: longer than a step's 15 s when several pages run the SDK. */
const PANEL_LOAD_MS = 45_000;

export interface HostedOptions {
  /** The iframe's size, or the opened window's (whose viewport is the context's). */
  size?: { width: number; height: number };
  mode?: 'iframe' | 'window';
}

/** Opens the host page, embedding the panel of the service at `serviceUrl` (the real SDK, through
 * the stack's Video edge); the host answers ready with `session` (none: the test sends one itself). */
export async function openHostedPanel(
  context: BrowserContext,
  host: HostServer,
  serviceUrl: string,
  session: HostSession | null,
  options: HostedOptions = {},
): Promise<HostedPanel> {
  const opened = await openPage(context);
  const page: Page = opened.page;
  // The screen captures the panel makes, for endScreenCapture.
  await page.addInitScript(() => {
    const scope = window as unknown as { __displayTracks: MediaStreamTrack[] };
    scope.__displayTracks = [];
    // eslint-disable-next-line @typescript-eslint/unbound-method -- the original, called below with the devices as `this`
    const getDisplayMedia = MediaDevices.prototype.getDisplayMedia;
    MediaDevices.prototype.getDisplayMedia = async function (constraints) {
      const stream = await getDisplayMedia.call(this, constraints);
      scope.__displayTracks.push(...stream.getTracks());
      return stream;
    };
  });
  const size = options.size ?? { width: 400, height: 600 };
  const mode = options.mode ?? 'iframe';
  const query = new URLSearchParams({
    panel: `${serviceUrl}/agent.html`,
    width: String(size.width),
    height: String(size.height),
    mode,
    ...(session ?? {}),
  });
  // "load" waits for the panel's frame too: a Function under twilio-run, slow on a busy machine.
  await page.goto(`${host.origin}/host.html?${query}`, { timeout: PANEL_LOAD_MS });
  let panel: Frame;
  let popup: Page | null = null;
  if (mode === 'window') {
    // A window of its own is a new page; its requests count.
    const opening = page.waitForEvent('popup');
    await page.getByRole('button', { name: 'Open video' }).click();
    popup = await opening;
    popup.on('request', (request) => opened.requests.push(request.url()));
    panel = popup.mainFrame();
  } else {
    panel = (await (await page.waitForSelector('#panel')).contentFrame())!;
  }
  const received = () =>
    page.evaluate(() => (window as unknown as { __host: { received: ReceivedMessage[] } }).__host.received);
  return {
    ...opened,
    panel,
    popup,
    received,
    async stateMessages() {
      return (await received())
        .map((m) => m.data as Record<string, unknown>)
        .filter((data) => data?.type === 'video-escalation:state');
    },
    send: (message) =>
      page.evaluate(
        (m) => (window as unknown as { __host: { send(x: unknown): void } }).__host.send(m),
        message,
      ),
  };
}

/** The `video-escalation:state` of src/panel-protocol.ts, exactly: these keys and no other. */
const STATE_MESSAGE_SCHEMA = {
  type: 'object',
  additionalProperties: false,
  required: ['type', 'state', 'roomSid', 'recording', 'participants'],
  properties: {
    type: { const: 'video-escalation:state' },
    state: { enum: ['idle', 'connecting', 'connected', 'reconnecting', 'ended', 'error'] },
    roomSid: { anyOf: [{ type: 'null' }, { type: 'string', pattern: '^RM[0-9a-f]{32}$' }] },
    recording: { type: 'boolean' },
    participants: { type: 'array', items: { type: 'string', minLength: 1 }, uniqueItems: true },
  },
} as const;

const validateState = new Ajv({ strict: true }).compile(STATE_MESSAGE_SCHEMA);

/** Every message the panel posted is its ready message or a well-formed state, each state a
 * change from the one before; returns the states. */
export async function checkedStates(hosted: HostedPanel): Promise<Record<string, unknown>[]> {
  const received = await hosted.received();
  expect(received[0]?.data).toEqual({ type: 'video-escalation:ready', version: 1 });
  const states = received.slice(1).map((message) => message.data as Record<string, unknown>);
  for (const state of states)
    expect([state, validateState(state) ? 'valid' : validateState.errors]).toEqual([state, 'valid']);
  for (let i = 1; i < states.length; i += 1) expect(states[i]).not.toEqual(states[i - 1]);
  return states;
}

/** Polls until the last state posted to the host matches `expected`. */
export async function lastStateIs(
  hosted: HostedPanel,
  expected: Record<string, unknown>,
  timeoutMs = 10_000,
): Promise<void> {
  const giveUpAt = Date.now() + timeoutMs;
  let last: Record<string, unknown> | undefined;
  while (Date.now() < giveUpAt) {
    last = (await hosted.stateMessages()).at(-1);
    if (
      last &&
      Object.entries(expected).every(([key, value]) => JSON.stringify(last![key]) === JSON.stringify(value))
    )
      return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  expect(last).toMatchObject(expected);
}

/** The panel's screen: data-state of its section. */
export function panelScreen(hosted: HostedPanel, state: string) {
  return hosted.panel.locator(`#app > section[data-state="${state}"]`);
}

/** The frame shows live video in `selector`. */
export function panelVideoPlaying(hosted: HostedPanel, selector: string): Promise<unknown> {
  return waitForVideoPlaying(hosted.panel, selector);
}

/** A picture of the panel alone, at the size the host gives it. */
export async function panelShot(hosted: HostedPanel, name: string): Promise<string> {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  const file = path.join(SCREENSHOTS, `${name}.png`);
  if (hosted.popup) await hosted.popup.screenshot({ path: file });
  else await hosted.page.locator('#panel').screenshot({ path: file });
  return file;
}

/**
 * A test file's Flex stand-in: started before its tests, closed after them. `env` is for the
 * file's stack (`useStack({ env })`): its ALLOWED_ORIGINS names the host once the host runs, and
 * `flex` stands for the running host.
 */
export function useFlexHost(): { flex: HostServer; env: Record<string, string> } {
  const env: Record<string, string> = {};
  let current: HostServer | undefined;
  beforeAll(async () => {
    current = await startHost();
    env.ALLOWED_ORIGINS = current.origin;
  });
  afterAll(() => current?.close());
  const flex = {
    get origin() {
      if (!current) throw new Error('the Flex host is not running yet: use it inside a test');
      return current.origin;
    },
    close: () => current?.close() ?? Promise.resolve(),
  };
  return { flex, env };
}

/** Two host pages for a test file, started before its stack: Flex (its origin added to `env`'s
 * ALLOWED_ORIGINS, which the stack reads when it starts) and a stranger on an origin of its own. */
export function useFlexAndStranger(env: Record<string, string>): { flex: HostServer; stranger: HostServer } {
  const hosts = {} as { flex: HostServer; stranger: HostServer };
  beforeAll(async () => {
    hosts.flex = await startHost();
    hosts.stranger = await startHost();
    env.ALLOWED_ORIGINS = `https://flex.twilio.com,${hosts.flex.origin}`;
  });
  afterAll(async () => {
    await hosts.flex?.close();
    await hosts.stranger?.close();
  });
  return hosts;
}

/** The customer on the real join page (and the real SDK), joined through the invite link the
 * chat carries: preview on, Join, in the call. */
export async function customerJoins(context: BrowserContext, joinUrl: string): Promise<TestPage> {
  const customer = await openPage(context);
  await customer.page.goto(joinUrl);
  // A context that has already granted the camera starts the preview by itself.
  const turnOn = customer.page.getByRole('button', { name: 'Turn on camera and microphone' });
  const join = customer.page.getByRole('button', { name: 'Join call' });
  await turnOn.or(join).first().waitFor();
  if (await turnOn.isVisible()) await turnOn.click();
  await waitForVideoPlaying(customer.page, '.preview-video video');
  await join.click();
  await customer.page.locator('#app > section.call').waitFor();
  return customer;
}

/** The participant SID the Video edge holds for `identity` in the room (the panel's own, for
 * dropSocket and refuseReconnection), once it has connected. */
export async function edgeSidOf(edge: VideoEdge, roomSid: string, identity: string): Promise<string> {
  const giveUpAt = Date.now() + 15_000;
  for (;;) {
    const held = edge.list().find((p) => p.roomSid === roomSid && p.identity === identity && !p.reconnecting);
    if (held) return held.sid;
    if (Date.now() > giveUpAt) throw new Error(`the edge holds no ${identity} in ${roomSid}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Kinds of the camera and microphone tracks the panel stopped, in order (harness.ts logs them
 * in every frame of the page). */
export function panelStoppedTracks(hosted: HostedPanel): Promise<string[]> {
  return hosted.panel.evaluate(
    () => (window as unknown as { __media: { stopped: string[] } }).__media.stopped,
  );
}

/** The browser's own "Stop sharing" for the panel's latest screen capture: the captured track
 * ends by itself (Chromium's fake capture has no such button to press). */
export function endScreenCapture(hosted: HostedPanel): Promise<void> {
  return hosted.panel.evaluate(() => {
    const capture = (window as unknown as { __displayTracks: MediaStreamTrack[] }).__displayTracks.at(-1)!;
    capture.stop();
    capture.dispatchEvent(new Event('ended'));
  });
}

/** The panel on the real SDK (through the stack's Video edge), handed the task's session. */
export function openPanelOnTask(
  context: BrowserContext,
  host: HostServer,
  serviceUrl: string,
  task: HostSession,
  options: HostedOptions = {},
): Promise<HostedPanel> {
  const session = { token: task.token, taskSid: task.taskSid };
  return openHostedPanel(context, host, serviceUrl, session, options);
}
