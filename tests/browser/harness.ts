import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import {
  chromium,
  type Browser,
  type BrowserContext,
  type BrowserContextOptions,
  type Frame,
  type Locator,
  type Page,
  type Request,
} from 'playwright-core';
import { ACCOUNT_SID } from '../../dev/emulator';
import { EDGE_PATH } from '../../dev/video-edge';
import { issueVideoToken } from '../../src/core/tokens';
import chromiumArgs from '../support/chromium-args.json';
import { API_KEY, API_SECRET, ROOT } from '../support/stack';

/** Headless Chromium for the page tests. The pages run the unmodified SDK from the build, which the
 * test stack's front points at the local Video edge (dev/video-edge); the page's own HTML, CSS and
 * JavaScript are the built bundle, served by twilio-run exactly as deployed. */

export const SCREENSHOTS = path.join(ROOT, 'test-results', 'screenshots');

/** Chromium's fake camera (a test pattern) and microphone (a beep) stand in for real devices.
 * Background networking is off: on this machine it only produces refused connections. */
export const CHROMIUM_ARGS: string[] = chromiumArgs;

export interface LaunchOptions {
  /** Without Chromium's fake permission UI, every camera or microphone request not granted
   * beforehand is refused, as when the customer blocks it. */
  fakeUi?: boolean;
  /** A video file for the fake camera to show in place of its test pattern (.y4m or .mjpeg). */
  fakeVideoFile?: string;
  /** A WAV file for the fake microphone to play, looping, in place of its beep (voiceWav). */
  fakeAudioFile?: string;
  /** How many fake cameras Chromium offers (its flag's `device-count`; one by default). Each is a
   * `fake_device_<n>`; the second shows a dark grey frame, not the first's coloured pattern, and
   * none reports a facingMode or a torch. */
  cameras?: number;
}

/**
 * One Chromium per test file and a fresh context per test, opened before it and closed after
 * it. The returned object stands for the current test's context.
 */
export function useBrowserContext(
  launch: LaunchOptions = {},
  contextOptions: BrowserContextOptions = { viewport: { width: 1280, height: 800 } },
): BrowserContext {
  let browser: Browser | undefined;
  let current: BrowserContext | undefined;
  beforeAll(async () => {
    browser = await launchChromium(launch);
  });
  afterAll(() => browser?.close());
  beforeEach(async () => {
    current = await browser!.newContext(contextOptions);
  });
  afterEach(() => current?.close());
  return new Proxy({} as BrowserContext, {
    get(_target, property) {
      if (!current) throw new Error('no browser context outside a test');
      // eslint-disable-next-line @typescript-eslint/unbound-method -- a method is bound to the context just below
      const value: unknown = current[property as keyof BrowserContext];
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(current) : value;
    },
  });
}

export function launchChromium(options: LaunchOptions = {}): Promise<Browser> {
  const fakeDevices = '--use-fake-device-for-media-stream';
  const args = [
    ...(options.fakeUi === false
      ? CHROMIUM_ARGS.filter((arg) => arg !== '--use-fake-ui-for-media-stream')
      : CHROMIUM_ARGS
    ).map((arg) =>
      arg === fakeDevices && options.cameras ? `${fakeDevices}=device-count=${options.cameras}` : arg,
    ),
    ...(options.fakeVideoFile ? [`--use-file-for-fake-video-capture=${options.fakeVideoFile}`] : []),
    ...(options.fakeAudioFile ? [`--use-file-for-fake-audio-capture=${options.fakeAudioFile}`] : []),
  ];
  // Playwright gives every launch a fresh temporary user-data-dir.
  return chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args });
}

/**
 * A voice for the fake microphone at a level a good headset gives: 400 ms of a 220 Hz tone
 * peaking at 0.1 (−20 dBFS), then 300 ms of silence, as words and the pauses between them; 16-bit
 * mono at 48 kHz, written once to the temporary folder. The browser's voice processing first lifts it up to
 * about 0.56, then lets it settle back to 0.1 over some 3 s: never clipped, never silent.
 * Chromium's own fake microphone beeps a full-scale square wave: a clipped signal, which the
 * equipment check rightly says is one.
 */
export function voiceWav(): string {
  const file = path.join(os.tmpdir(), 'flex-video-escalation-test-voice.wav');
  if (fs.existsSync(file)) return file;
  const rate = 48_000;
  const samples = new Int16Array(rate * 2.1);
  for (let i = 0; i < samples.length; i++) {
    const speaking = (i / rate) % 0.7 < 0.4;
    samples[i] = speaking ? Math.round(0.1 * 32767 * Math.sin((2 * Math.PI * 220 * i) / rate)) : 0;
  }
  const header = Buffer.alloc(44);
  header.write('RIFF', 0);
  header.writeUInt32LE(36 + samples.byteLength, 4);
  header.write('WAVEfmt ', 8);
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(1, 20); // PCM
  header.writeUInt16LE(1, 22); // mono
  header.writeUInt32LE(rate, 24);
  header.writeUInt32LE(rate * 2, 28);
  header.writeUInt16LE(2, 32);
  header.writeUInt16LE(16, 34);
  header.write('data', 36);
  header.writeUInt32LE(samples.byteLength, 40);
  // Whole or not at all, for the other jest worker that may be reading it.
  const partial = `${file}.${process.pid}`;
  fs.writeFileSync(partial, Buffer.concat([header, Buffer.from(samples.buffer)]));
  fs.renameSync(partial, file);
  return file;
}

/** A customer's first visit: a fresh profile whose camera and microphone permission for the
 * service is "prompt", and a permission prompt (the fake UI) that says yes when the page asks.
 * Only the profile's default context can be given that state, hence a persistent context. */
export async function launchFirstVisit(): Promise<{
  context: BrowserContext;
  askAgain(origin: string): Promise<void>;
  allow(origin: string): Promise<void>;
  close(): Promise<void>;
}> {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'join-page-profile-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
    viewport: { width: 1280, height: 800 },
  });
  const cdp = await context.browser()!.newBrowserCDPSession();
  const setPermissions = async (origin: string, setting: 'prompt' | 'granted') => {
    for (const name of ['camera', 'microphone'])
      await cdp.send('Browser.setPermission', { permission: { name }, setting, origin });
  };
  return {
    context,
    /** Back to "prompt": the fake UI's yes is remembered for the origin otherwise. */
    askAgain: (origin) => setPermissions(origin, 'prompt'),
    /** A returning customer: both already allowed, so the preview starts by itself. */
    allow: (origin) => setPermissions(origin, 'granted'),
    async close() {
      await context.close();
      fs.rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** How /join/twilio-video.min.js reaches the page: the real SDK from the build (`real`), the
 * same only when the test calls deliverSdk (`held`: a slow network) or a failed download until
 * then (`unavailable`); or `unsupported-double`, a double of the SDK that only says
 * `isSupported: false` (a browser the edge cannot make). */
export type SdkDelivery = 'real' | 'held' | 'unavailable' | 'unsupported-double';

const UNSUPPORTED_SDK_DOUBLE = 'window.Twilio = { Video: { isSupported: false } };';

export interface TestPage {
  page: Page;
  /** Every URL the page requested, to prove nothing left this service. */
  requests: string[];
  /** The bodies the page posted to /video/join. */
  joinBodies: unknown[];
  /** Content-Security-Policy violations reported in the page. */
  cspViolations(): Promise<string[]>;
  /** Lets a held or unavailable SDK through from now on. */
  deliverSdk(): void;
  close(): Promise<void>;
}

/** A new tab in `context`, its SDK delivered as `delivery` says. */
export async function openPage(context: BrowserContext, delivery: SdkDelivery = 'real'): Promise<TestPage> {
  const page = await context.newPage();
  // Short enough that a broken step fails with its own message inside jest's 90 s.
  page.setDefaultTimeout(15_000);
  const requests: string[] = [];
  const joinBodies: unknown[] = [];
  page.on('request', (request) => {
    requests.push(request.url());
    if (request.method() === 'POST' && new URL(request.url()).pathname === '/video/join')
      joinBodies.push(request.postDataJSON());
  });
  await page.addInitScript(() => {
    const scope = window as unknown as { __cspViolations: string[]; __media: MediaLog };
    scope.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (event) =>
      scope.__cspViolations.push(`${event.violatedDirective} ${event.blockedURI}`),
    );
    // What the page does with the camera and microphone itself, with or without the SDK.
    const log: MediaLog = { requests: [], stopped: [], tracks: [] };
    scope.__media = log;
    const getUserMedia = MediaDevices.prototype.getUserMedia.bind(navigator.mediaDevices);
    MediaDevices.prototype.getUserMedia = async function (constraints) {
      log.requests.push((['audio', 'video'] as const).filter((kind) => constraints?.[kind]).join('+'));
      const stream = await getUserMedia(constraints);
      log.tracks.push(...stream.getTracks());
      return stream;
    };
    // eslint-disable-next-line @typescript-eslint/unbound-method -- the original, called below with the track as `this`
    const stop = MediaStreamTrack.prototype.stop;
    MediaStreamTrack.prototype.stop = function () {
      if (log.tracks.includes(this) && this.readyState === 'live') log.stopped.push(this.kind);
      stop.call(this);
    };
  });
  let mode = delivery;
  let deliver = () => {};
  const delivered = new Promise<void>((resolve) => (deliver = resolve));
  if (delivery !== 'real') {
    await page.route('**/join/twilio-video.min.js', async (route) => {
      if (mode === 'unavailable') return route.abort('connectionfailed');
      if (mode === 'held') await delivered;
      if (mode === 'real') return route.continue();
      return route.fulfill({
        status: 200,
        contentType: 'application/javascript; charset=utf-8',
        body: UNSUPPORTED_SDK_DOUBLE,
      });
    });
  }
  return {
    page,
    requests,
    joinBodies,
    cspViolations: () =>
      page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations),
    deliverSdk() {
      if (mode !== 'unsupported-double') mode = 'real';
      deliver();
    },
    close: () => page.close(),
  };
}

export interface MediaRecord {
  /** One entry per getUserMedia call: 'audio+video', 'audio' or 'video'. */
  requests: string[];
  /** Kinds of the camera and microphone tracks stopped, in order, each once. */
  stopped: string[];
  /** Kinds of the camera and microphone tracks still running. */
  live: string[];
}

interface MediaLog {
  requests: string[];
  stopped: string[];
  tracks: MediaStreamTrack[];
}

export function mediaRecord(page: Page): Promise<MediaRecord> {
  return page.evaluate(() => {
    const log = (window as unknown as { __media: MediaLog }).__media;
    const live = log.tracks.filter((track) => track.readyState === 'live').map((track) => track.kind);
    return { requests: log.requests, stopped: log.stopped, live: live.sort() };
  });
}

/** The id of the camera track the preview or self-view is playing. */
export function shownTrackId(page: Page, selector: string): Promise<string | null> {
  return page
    .locator(selector)
    .evaluate(
      (video: HTMLVideoElement) => (video.srcObject as MediaStream | null)?.getVideoTracks()[0]?.id ?? null,
    );
}

export async function screenshot(page: Page, name: string): Promise<string> {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  const file = path.join(SCREENSHOTS, `${name}.png`);
  await page.screenshot({ path: file });
  return file;
}

export async function screenState(page: Page): Promise<string | null> {
  return page.locator('#app > section').getAttribute('data-state');
}

export function waitForScreen(page: Page, state: string): Promise<unknown> {
  return page.locator(`#app > section[data-state="${state}"]`).waitFor();
}

/** The preview shows live frames from the (fake) camera; `page` is the join page or the agent
 * panel's frame. */
export function waitForVideoPlaying(page: Page | Frame, selector: string): Promise<unknown> {
  return page.waitForFunction((sel) => {
    const video = document.querySelector<HTMLVideoElement>(sel);
    return !!video && !video.hidden && video.readyState >= 2 && video.videoWidth > 0;
  }, selector);
}

/** In a call, on the join page or in the agent panel's frame: the camera turned off and on
 * again, which the page does with a new track (so the old one is unpublished and stopped). */
export async function turnCameraOffAndOn(page: Page | Frame): Promise<void> {
  await page.getByRole('button', { name: 'Turn camera off' }).click();
  await visible(page.locator('.self-view .video-off'));
  await page.getByRole('button', { name: 'Turn camera on' }).click();
  await waitForVideoPlaying(page, '.self-view video');
}

export interface FakeVideoRecord {
  connects: {
    token: string;
    name: string;
    trackKinds: string[];
    networkQuality: unknown;
    mediaStreamTrackIds: string[];
  }[];
  calls: string[];
  wrapped: string[];
  published: string[];
  unpublished: string[];
  stoppedTracks: string[];
  disconnectedByPage: boolean;
}

/** A string parameter of the JSON body a page sent (undefined when absent or not a string). */
export function sentParameter(request: Request, name: string): string | undefined {
  const body: unknown = JSON.parse(request.postData() ?? '{}');
  if (typeof body !== 'object' || body === null || !(name in body)) return undefined;
  const value: unknown = (body as Record<string, unknown>)[name];
  return typeof value === 'string' ? value : undefined;
}

/** Polls until `read` gives `expected` (deep equality), then asserts it, so a failure shows the
 * last value seen. playwright-core has no auto-waiting assertions of its own. */
export async function eventually<T>(
  read: () => T | Promise<T>,
  expected: T,
  timeoutMs = 5000,
): Promise<void> {
  const giveUpAt = Date.now() + timeoutMs;
  let last = await read();
  while (!isDeepStrictEqual(last, expected) && Date.now() < giveUpAt) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    last = await read();
  }
  expect(last).toEqual(expected);
}

export const visible = (locator: Locator, timeout = 5000) => locator.waitFor({ state: 'visible', timeout });
export const hidden = (locator: Locator, timeout = 5000) => locator.waitFor({ state: 'hidden', timeout });
export const hasText = (locator: Locator, text: string) =>
  eventually(async () => (await locator.textContent())?.trim(), text);
export const isFocused = (locator: Locator) =>
  eventually(() => locator.evaluate((el) => el === document.activeElement), true);

/** Another participant of the customer's call, on the real SDK through the stack's edge: a page of
 * its own on the stack's origin, with the SDK from the build, that joins `roomName` as
 * `identity`, with the fake camera and microphone unless `media` is false, and reports what it
 * receives from the others. */
export interface OtherParty {
  page: Page;
  /** What it receives from `identity`: each subscribed track's kind, name and whether it is enabled. */
  tracksFrom(identity: string): Promise<{ kind: string; name: string; enabled: boolean }[]>;
  /** The kinds `identity` publishes, as signalled (null while it is not in the room). */
  publishedBy(identity: string): Promise<string[] | null>;
  /** Waits until it decoded frames of `identity`'s video. */
  seesVideoOf(identity: string): Promise<unknown>;
  leave(): Promise<void>;
}

const PARTY_SCRIPT = `
window.remote = new Map();
window.joinAs = async (token, media) => {
  const room = await Twilio.Video.connect(token, {
    wsServer: 'ws://' + location.host + '${EDGE_PATH}', insights: false, iceServers: [],
    audio: media, video: media && { width: 320, height: 240, frameRate: 15 },
  });
  window.room = room;
  room.on('trackSubscribed', (track, _publication, p) => {
    if (!window.remote.has(p.identity)) window.remote.set(p.identity, new Set());
    window.remote.get(p.identity).add(track);
    if (track.kind === 'video') { const el = track.attach(); el.dataset.from = p.identity; el.muted = true; document.body.append(el); }
  });
  room.on('trackUnsubscribed', (track, _publication, p) => {
    window.remote.get(p.identity)?.delete(track);
    // A data track (every page's visual assist) has nothing to detach.
    if (track.kind !== 'data') track.detach().forEach((el) => el.remove());
  });
};`;

export async function joinAsOtherParty(
  context: BrowserContext,
  baseUrl: string,
  roomName: string,
  identity: string,
  media = true,
): Promise<OtherParty> {
  const page = await context.newPage();
  page.setDefaultTimeout(20_000);
  // A document the stack itself serves (the SDK's file, shown as text), so Chromium counts the
  // page as local and lets it reach the edge: a page made up by the test would count as public.
  await page.goto(`${baseUrl}/join/twilio-video.min.js`);
  await page.addScriptTag({ url: '/join/twilio-video.min.js' });
  await page.addScriptTag({ content: PARTY_SCRIPT });
  const credentials = { accountSid: ACCOUNT_SID, apiKey: API_KEY, apiSecret: API_SECRET };
  const token = issueVideoToken(credentials, identity, roomName, 600).token;
  await page.evaluate(
    ([t, m]) => (window as unknown as { joinAs(t: string, m: boolean): Promise<void> }).joinAs(t, m),
    [token, media] as const,
  );
  return {
    page,
    tracksFrom: (from) =>
      page.evaluate((who) => {
        type Track = { kind: string; name: string; isEnabled: boolean };
        const tracks = (window as unknown as { remote: Map<string, Set<Track>> }).remote.get(who);
        return [...(tracks ?? [])]
          .map((track) => ({ kind: track.kind, name: track.name, enabled: track.isEnabled }))
          .sort((a, b) => a.kind.localeCompare(b.kind));
      }, from),
    publishedBy: (from) =>
      page.evaluate((who) => {
        type Participant = { identity: string; tracks: Map<string, { kind: string }> };
        const room = (window as unknown as { room: { participants: Map<string, Participant> } }).room;
        const found = [...room.participants.values()].find((p) => p.identity === who);
        return found ? [...found.tracks.values()].map((publication) => publication.kind).sort() : null;
      }, from),
    seesVideoOf: (from) =>
      page.waitForFunction((who) => {
        const video = document.querySelector<HTMLVideoElement>(`video[data-from="${who}"]`);
        return !!video && video.getVideoPlaybackQuality().totalVideoFrames > 2;
      }, from),
    leave: () =>
      page.evaluate(() => (window as unknown as { room: { disconnect(): void } }).room.disconnect()),
  };
}
