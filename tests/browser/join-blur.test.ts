import type { Page } from 'playwright-core';
import { useStack } from '../support/use-stack';
import { escalated, type Escalated } from '../support/escalated';
import { measureFrame, measureRawCamera } from './frame-measure';
import {
  eventually,
  hasText,
  isFocused,
  joinAsOtherParty,
  mediaRecord,
  openPage,
  shownTrackId,
  useBrowserContext,
  waitForScreen,
  waitForVideoPlaying,
  type TestPage,
} from './harness';

/** The customer's "Blur my background" on the join page, with Chromium's fake camera (a bright
 * test pattern with sharp edges and no person, so all of it is background) and the real
 * processors from the build: blur is measured as in agent-background.test.ts, by the mean
 * luminance gradient of what the video elements show. The SDK is the real one, through the
 * stack's edge; what is published is read by the agent's page (harness joinAsOtherParty). */

const stack = useStack();
const context = useBrowserContext();

/** The mean absolute luma gradient (frame-measure.ts) over the top fifth of the frame, the fake
 * camera's running clock and corner squares: the segmentation takes the pattern's large disc in
 * the middle for a person and keeps it sharp, as it should a face, so the whole frame's figure
 * swings with the disc's edge; the top band is background in every frame. */
const MEASURE = { exponent: 1, topFraction: 0.2 } as const;

const gradient = async (page: Page, selector: string): Promise<number> =>
  (await measureFrame(page, selector, MEASURE)).gradient;

/** The raw fake camera at the size the page asks for under blur (640×480), opened by the test
 * itself on the service's origin: the preview's own camera is 1280×720, whose pattern has fewer
 * edges per pixel, so it is no baseline for a 640×480 picture. */
async function rawGradient(): Promise<number> {
  const page = await context.newPage();
  const { gradient: value } = await measureRawCamera(
    page,
    `${stack.baseUrl}/join/app.css`,
    { width: 640, height: 480 },
    MEASURE,
  );
  await page.close();
  return value;
}

/** Whether a track id is one of the cameras the page opened itself (getUserMedia), not a canvas capture. */
const isRawCamera = (page: Page, id: string | null) =>
  page.evaluate(
    (trackId) =>
      (window as unknown as { __media: { tracks: MediaStreamTrack[] } }).__media.tracks.some(
        (track) => track.id === trackId,
      ),
    id,
  );

/** Blurred, and still a picture: a blank frame (gradient 0) would pass "less than" alone, and an
 * element switching tracks shows one for a moment, so the first frame with a picture is judged. */
async function expectBlurred(page: Page, selector: string, sharp: number): Promise<void> {
  let value = 0;
  for (let attempt = 0; attempt < 20 && value <= sharp * 0.02; attempt++) {
    if (attempt > 0) await new Promise((resolve) => setTimeout(resolve, 100));
    value = await gradient(page, selector);
  }
  expect(value).toBeGreaterThan(sharp * 0.02);
  expect(value).toBeLessThan(sharp * 0.6);
}

const processorRequests = (session: TestPage) =>
  session.requests.filter((url) => new URL(url).pathname.startsWith('/processors/'));
const blurSwitch = (page: Page) => page.getByRole('switch', { name: 'Blur my background' });
const PREVIEW = '.preview-video video';

let session: TestPage | undefined;
afterEach(async () => {
  await session?.close();
  session = undefined;
});

let invite: Escalated;

async function preview(init?: () => void): Promise<Page> {
  invite = await escalated(stack);
  session = await openPage(context);
  if (init) await session.page.addInitScript(init);
  const page = session.page;
  await page.goto(invite.joinUrl);
  await waitForScreen(page, 'preview');
  // A fresh context's permission may already be granted (then the preview starts by itself).
  const start = page.getByRole('button', { name: 'Turn on camera and microphone' });
  if (await start.isVisible()) await start.click();
  await waitForVideoPlaying(page, PREVIEW);
  return page;
}

/** The id of the camera track the customer publishes, as the agent (a second page, without
 * camera or microphone) receives it: the SDK names a track by its id. */
async function agentSeesCamera(): Promise<() => Promise<string | undefined>> {
  const agent = await joinAsOtherParty(context, stack.baseUrl, invite.roomName, invite.agentIdentity, false);
  const customer = stack.edge
    .list()
    .find((p) => p.roomSid === invite.roomSid && p.identity.startsWith('customer-'))!;
  return async () =>
    (await agent.tracksFrom(customer.identity)).find((track) => track.kind === 'video')?.name;
}

/** Waits until the switch says `on` and nothing is under way any more. */
async function blurSettled(page: Page, on: boolean) {
  await eventually(() => blurSwitch(page).getAttribute('aria-checked'), String(on), 20_000);
  await eventually(() => page.locator('.blur-switch').getAttribute('aria-busy'), 'false', 20_000);
}

test('off by default, nothing of the processors fetched; on: the preview and the track handed to the call are the blurred one', async () => {
  const page = await preview();
  const toggle = blurSwitch(page);
  expect(await toggle.getAttribute('aria-checked')).toBe('false');
  expect(await page.locator('#blur-hint').textContent()).toBe(
    'Only you stay sharp. This may take a few seconds to start.',
  );
  const rawTrack = await shownTrackId(page, PREVIEW);
  expect(await isRawCamera(page, rawTrack)).toBe(true);
  expect(processorRequests(session!)).toEqual([]);
  const previewSharp = await gradient(page, PREVIEW);
  const sharp = await rawGradient();

  // By keyboard: the switch is a button, Space toggles it.
  await toggle.focus();
  await page.keyboard.press('Space');
  await blurSettled(page, true);
  await isFocused(toggle);
  await waitForVideoPlaying(page, PREVIEW);
  const blurredTrack = await shownTrackId(page, PREVIEW);
  expect(blurredTrack).not.toBe(rawTrack);
  expect(await isRawCamera(page, blurredTrack)).toBe(false);
  await expectBlurred(page, PREVIEW, sharp);
  // The raw camera behind the blur is the only camera open; the first one was released.
  const media = await mediaRecord(page);
  expect(media.live).toEqual(['audio', 'video']);
  expect(media.stopped).toEqual(['video']);
  // The processors came from this service, under the page's CSP, and were announced.
  expect(processorRequests(session!).some((url) => url.endsWith('.tflite'))).toBe(true);
  expect(session!.requests.filter((url) => !url.startsWith(stack.baseUrl))).toEqual([]);
  expect(await session!.cspViolations()).toEqual([]);
  await hasText(page.locator('#announcer'), 'Your background is blurred.');

  // Join: the SDK gets the blurred track, and the self-view in the call shows it.
  await page.getByRole('button', { name: 'Join call' }).click();
  await waitForScreen(page, 'waiting');
  const publishedCamera = await agentSeesCamera();
  await eventually(publishedCamera, blurredTrack, 15_000);
  await waitForVideoPlaying(page, '.self-view video');
  expect(await shownTrackId(page, '.self-view video')).toBe(blurredTrack);
  await expectBlurred(page, '.self-view video', sharp);

  // In the call: a toggle button, pressed. Off republishes the camera as it is.
  const callToggle = page.getByRole('button', { name: 'Blur my background' });
  expect(await callToggle.getAttribute('aria-pressed')).toBe('true');
  await callToggle.click();
  await eventually(() => callToggle.getAttribute('aria-pressed'), 'false');
  await eventually(
    async () => {
      const id = await publishedCamera();
      return !!id && (await isRawCamera(page, id));
    },
    true,
    15_000,
  );
  await waitForVideoPlaying(page, '.self-view video');
  // The element may show a blank frame while it switches to the new track: sharp soon after.
  await eventually(
    async () => (await gradient(page, '.self-view video')) > previewSharp * 0.75,
    true,
    10_000,
  );
  await hasText(page.locator('#announcer'), 'Your background is no longer blurred.');
});

test('in the call too: turned on there, the published camera becomes the blurred one', async () => {
  const page = await preview();
  const sharp = await rawGradient();
  await page.getByRole('button', { name: 'Join call' }).click();
  await waitForScreen(page, 'waiting');
  expect(processorRequests(session!)).toEqual([]);
  const callToggle = page.getByRole('button', { name: 'Blur my background' });
  expect(await callToggle.getAttribute('aria-pressed')).toBe('false');
  await callToggle.click();
  await eventually(() => callToggle.getAttribute('aria-busy'), 'false', 20_000);
  expect(await callToggle.getAttribute('aria-pressed')).toBe('true');
  await waitForVideoPlaying(page, '.self-view video');
  const shown = await shownTrackId(page, '.self-view video');
  expect(await isRawCamera(page, shown)).toBe(false);
  await eventually(await agentSeesCamera(), shown!, 15_000);
  await expectBlurred(page, '.self-view video', sharp);
});

test('a customer who never turns it on loads nothing of the processors, preview to call', async () => {
  const page = await preview();
  await page.getByRole('button', { name: 'Join call' }).click();
  await waitForScreen(page, 'waiting');
  await waitForVideoPlaying(page, '.self-view video');
  expect(processorRequests(session!)).toEqual([]);
  expect(
    await page.evaluate(
      () =>
        'Twilio' in window && 'VideoProcessors' in ((window as unknown as { Twilio: object }).Twilio ?? {}),
    ),
  ).toBe(false);
});

test('where the processors cannot run, no switch is offered and the camera works as before', async () => {
  // As Safari before 16.4: no OffscreenCanvas, which the processors need.
  const page = await preview(() => {
    delete (window as { OffscreenCanvas?: unknown }).OffscreenCanvas;
  });
  expect(await page.locator('.blur-switch').isHidden()).toBe(true);
  expect(await blurSwitch(page).count()).toBe(0);
  await page.getByRole('button', { name: 'Join call' }).click();
  await waitForScreen(page, 'waiting');
  expect(await page.locator('[data-control="blur"]').isHidden()).toBe(true);
  expect(processorRequests(session!)).toEqual([]);
});

test('if blur cannot start, the camera stays off with the reason until the customer chooses', async () => {
  const page = await preview();
  // As a network or browser that cannot load the processors: their files never arrive.
  await page.route('**/processors/**', (route) => route.abort('failed'));
  await blurSwitch(page).click();
  await blurSettled(page, true);
  await hasText(
    page.locator('.problems p').first(),
    'Your background couldn’t be blurred in this browser, so your camera stays off. Select “Try again”, or turn off “Blur my background” and then turn your camera on without blur.',
  );
  expect(await page.locator(PREVIEW).isHidden()).toBe(true);
  expect((await mediaRecord(page)).live).toEqual(['audio']);
  expect(await page.getByRole('button', { name: 'Turn camera on' }).isDisabled()).toBe(true);
  // Joining now is with audio only: the unblurred camera is never sent.
  expect(await page.locator('.join-form button[type="submit"]').textContent()).toBe('Join with audio only');

  // Blur off: the reason goes, the camera stays off until turned on, then it is the camera as it is.
  await blurSwitch(page).click();
  await blurSettled(page, false);
  expect(await page.locator('.problems').isHidden()).toBe(true);
  expect((await mediaRecord(page)).live).toEqual(['audio']);
  await page.getByRole('button', { name: 'Turn camera on' }).click();
  await waitForVideoPlaying(page, PREVIEW);
  expect(await isRawCamera(page, await shownTrackId(page, PREVIEW))).toBe(true);

  // Once the files can be fetched, turning it on again works.
  await page.unroute('**/processors/**');
  await blurSwitch(page).click();
  await blurSettled(page, true);
  await waitForVideoPlaying(page, PREVIEW);
  expect(await isRawCamera(page, await shownTrackId(page, PREVIEW))).toBe(false);
});
