import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Locator, type Page } from 'playwright-core';
import chromiumArgs from '../support/chromium-args.json';
import { ROOT, type Stack } from '../support/stack';

/** Headless Chromium for the join page tests, with the Twilio network edge replaced by
 * fake-twilio-video.js. The page's own HTML, CSS and JavaScript are the built bundle, served by
 * twilio-run exactly as deployed. */

export const SCREENSHOTS = path.join(ROOT, 'test-results', 'screenshots');
const FAKE_SDK = fs.readFileSync(path.join(__dirname, 'fake-twilio-video.js'), 'utf8');

/** Chromium's fake camera (a test pattern) and microphone (a beep) stand in for real devices.
 * Background networking is off: on this machine it only produces refused connections. */
export const CHROMIUM_ARGS: string[] = chromiumArgs;

export interface LaunchOptions {
  /** Without Chromium's fake permission UI, every camera or microphone request not granted
   * beforehand is refused, as when the customer blocks it. */
  fakeUi?: boolean;
}

/**
 * One Chromium per test file and a fresh context per test, opened before it and closed after
 * it. The returned object stands for the current test's context.
 */
export function useBrowserContext(launch: LaunchOptions = {}, contextOptions: BrowserContextOptions = { viewport: { width: 1280, height: 800 } }): BrowserContext {
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
      const value = current[property as keyof BrowserContext];
      return typeof value === 'function' ? value.bind(current) : value;
    },
  });
}

export function launchChromium(options: LaunchOptions = {}): Promise<Browser> {
  const args = options.fakeUi === false ? CHROMIUM_ARGS.filter((arg) => arg !== '--use-fake-ui-for-media-stream') : CHROMIUM_ARGS;
  // Playwright gives every launch a fresh temporary user-data-dir.
  return chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args });
}

/** A customer's first visit: a fresh profile whose camera and microphone permission for the
 * service is "prompt", and a permission prompt (the fake UI) that says yes when the page asks.
 * Only the profile's default context can be given that state, hence a persistent context. */
export async function launchFirstVisit(): Promise<{ context: BrowserContext; askAgain(origin: string): Promise<void>; close(): Promise<void> }> {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'join-page-profile-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
    viewport: { width: 1280, height: 800 },
  });
  const cdp = await context.browser()!.newBrowserCDPSession();
  return {
    context,
    /** Back to "prompt": the fake UI's yes is remembered for the origin otherwise. */
    async askAgain(origin) {
      for (const name of ['camera', 'microphone']) await cdp.send('Browser.setPermission', { permission: { name }, setting: 'prompt', origin });
    },
    async close() {
      await context.close();
      fs.rmSync(profile, { recursive: true, force: true });
    },
  };
}

export interface FakeVideoOptions {
  isSupported?: boolean;
  participants?: string[];
  isRecording?: boolean;
  connectErrorCode?: number;
}

export interface TestPage {
  page: Page;
  /** Every URL the page requested, to prove nothing left this service. */
  requests: string[];
  /** Content-Security-Policy violations reported in the page. */
  cspViolations(): Promise<string[]>;
  close(): Promise<void>;
}

/** A new tab in `context` with the fake SDK served in place of /join/twilio-video.min.js. */
export async function openPage(context: BrowserContext, fakeVideo: FakeVideoOptions = {}): Promise<TestPage> {
  const page = await context.newPage();
  // Short enough that a broken step fails with its own message inside jest's 90 s.
  page.setDefaultTimeout(15_000);
  const requests: string[] = [];
  page.on('request', (request) => requests.push(request.url()));
  await page.addInitScript((options) => {
    const scope = window as unknown as { __fakeVideoOptions: unknown; __cspViolations: string[] };
    scope.__fakeVideoOptions = options;
    scope.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (event) => scope.__cspViolations.push(`${event.violatedDirective} ${event.blockedURI}`));
  }, fakeVideo);
  await page.route('**/join/twilio-video.min.js', (route) =>
    route.fulfill({ status: 200, contentType: 'application/javascript; charset=utf-8', body: FAKE_SDK }),
  );
  return {
    page,
    requests,
    cspViolations: () => page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations),
    close: () => page.close(),
  };
}

export async function screenshot(page: Page, name: string): Promise<string> {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  const file = path.join(SCREENSHOTS, `${name}.png`);
  await page.screenshot({ path: file });
  return file;
}

/** A real escalation through the bundle: the task, its invite link as posted in the chat. */
export async function escalate(stack: Stack): Promise<{ joinUrl: string; roomName: string; task: ReturnType<Stack['seedTask']> }> {
  const task = stack.seedTask();
  const answer = await stack.post('/video/escalate', { Token: task.token, TaskSid: task.taskSid });
  if (answer.status !== 200) throw new Error(`escalate failed: ${answer.status} ${answer.text}`);
  return { joinUrl: answer.body.joinUrl, roomName: answer.body.roomName, task };
}

export async function screenState(page: Page): Promise<string | null> {
  return page.locator('#app > section').getAttribute('data-state');
}

export function waitForScreen(page: Page, state: string): Promise<unknown> {
  return page.locator(`#app > section[data-state="${state}"]`).waitFor();
}

/** The preview shows live frames from the (fake) camera. */
export function waitForVideoPlaying(page: Page, selector: string): Promise<unknown> {
  return page.waitForFunction(
    (sel) => {
      const video = document.querySelector<HTMLVideoElement>(sel);
      return !!video && !video.hidden && video.readyState >= 2 && video.videoWidth > 0;
    },
    selector,
  );
}

export interface FakeVideoRecord {
  connects: { token: string; name: string; trackKinds: string[]; networkQuality: unknown }[];
  calls: string[];
  published: string[];
  unpublished: string[];
  stoppedTracks: string[];
  disconnectedByPage: boolean;
}

export function fakeVideoRecord(page: Page): Promise<FakeVideoRecord> {
  return page.evaluate(() => {
    const fake = (window as unknown as { __fakeVideo: FakeVideoRecord }).__fakeVideo;
    const { connects, calls, published, unpublished, stoppedTracks, disconnectedByPage } = fake;
    return { connects, calls, published, unpublished, stoppedTracks, disconnectedByPage };
  });
}

/** Drives the fake room from the test: `driveRoom(page, 'startRecording')`. */
export function driveRoom(page: Page, action: string, ...args: unknown[]): Promise<void> {
  return page.evaluate(
    ([name, rest]) => {
      const fake = (window as unknown as { __fakeVideo: Record<string, (...a: unknown[]) => void> }).__fakeVideo;
      fake[name as string](...(rest as unknown[]));
    },
    [action, args] as const,
  );
}

export const decodeJwt = (token: string): Record<string, any> => // eslint-disable-line @typescript-eslint/no-explicit-any -- JWT claims, asserted by the tests
  JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString('utf8'));

/** Polls until `read` gives `expected` (deep equality), then asserts it, so a failure shows the
 * last value seen. playwright-core has no auto-waiting assertions of its own. */
export async function eventually<T>(read: () => Promise<T>, expected: T, timeoutMs = 5000): Promise<void> {
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
export const hasText = (locator: Locator, text: string) => eventually(async () => (await locator.textContent())?.trim(), text);
export const isFocused = (locator: Locator) => eventually(() => locator.evaluate((el) => el === document.activeElement), true);
