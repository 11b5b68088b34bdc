import { useStack } from '../support/use-stack';
import { escalated } from '../support/escalated';
import {
  eventually,
  joinAsOtherParty,
  type OtherParty,
  mediaRecord,
  useBrowserContext,
  openPage,
  screenshot,
  waitForScreen,
  waitForVideoPlaying,
} from './harness';

/** An iPhone-sized portrait screen with an iPhone's user agent: the layout fits, the camera is
 * released while the page is hidden and comes back after, and leaving the page ends the call. */

const IPHONE = {
  viewport: { width: 390, height: 844 },
  userAgent:
    'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1',
  isMobile: true,
  hasTouch: true,
};

const stack = useStack();
/** What the customer publishes besides the visual assist's data track (issue 21), which stays. */
const mediaPublishedBy = async (agent: OtherParty, identity: string) =>
  (await agent.publishedBy(identity))?.filter((kind) => kind !== 'data') ?? null;

const context = useBrowserContext({}, IPHONE);

async function boxOf(page: import('playwright-core').Page, selector: string) {
  const box = await page.locator(selector).boundingBox();
  if (!box) throw new Error(`${selector} is not displayed`);
  return box;
}

/** Headless Chromium never hides a tab, so the test plays the browser's part: the page reads
 * document.visibilityState when visibilitychange fires, as it does on a real phone. */
function setPageVisibility(page: import('playwright-core').Page, state: 'hidden' | 'visible') {
  return page.evaluate((visibility) => {
    Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => visibility });
    Object.defineProperty(document, 'hidden', { configurable: true, get: () => visibility === 'hidden' });
    document.dispatchEvent(new Event('visibilitychange'));
  }, state);
}

test('portrait phone: preview and call fit the screen; the self-view is small, whole and mirrored', async () => {
  const invite = await escalated(stack);
  const { page } = await openPage(context);
  await page.goto(invite.joinUrl);
  await waitForScreen(page, 'preview');
  // Already allowed (the fake permission UI), so the preview starts without asking again.
  await waitForVideoPlaying(page, '.preview-video video');
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  const preview = await boxOf(page, '.preview-stage');
  expect(preview.width).toBeGreaterThan(340);
  await screenshot(page, '40-mobile-preview');

  await page.getByRole('button', { name: 'Join call' }).click();
  await waitForScreen(page, 'waiting');
  await joinAsOtherParty(context, stack.baseUrl, invite.roomName, invite.agentIdentity);
  stack.fake.setRecordingRules(invite.room, [{ type: 'include', all: true }]);
  await waitForScreen(page, 'live');
  await waitForVideoPlaying(page, '.agent-video');
  await waitForVideoPlaying(page, '.self-view video');

  const self = await boxOf(page, '.self-view');
  const controls = await boxOf(page, '.controls');
  expect(self.x + self.width).toBeLessThanOrEqual(390);
  expect(self.width).toBeLessThan(390 / 2);
  // Whole: the tile takes the camera's own shape (issue 20), never a crop of it.
  const camera = await page
    .locator('.self-view video')
    .evaluate((video: HTMLVideoElement) => video.videoWidth / video.videoHeight);
  expect(Math.abs(self.width / self.height - camera)).toBeLessThan(0.05);
  expect(controls.y + controls.height).toBeLessThanOrEqual(844);
  for (const name of ['Mute microphone', 'Turn camera off', 'Leave call']) {
    const button = await page.getByRole('button', { name }).boundingBox();
    expect(button!.height).toBeGreaterThanOrEqual(44);
  }
  expect(await page.locator('.self-view video').evaluate((video) => getComputedStyle(video).transform)).toBe(
    'matrix(-1, 0, 0, 1, 0, 0)',
  );
  await screenshot(page, '41-mobile-in-call');
});

test('hidden page releases the camera and republishes it when shown; pagehide leaves the call', async () => {
  const invite = await escalated(stack);
  const { page } = await openPage(context);
  await page.goto(invite.joinUrl);
  await waitForVideoPlaying(page, '.preview-video video');
  await page.getByRole('button', { name: 'Join call' }).click();
  await waitForScreen(page, 'waiting');
  const agent = await joinAsOtherParty(context, stack.baseUrl, invite.roomName, invite.agentIdentity, false);
  const customer = stack.edge
    .list()
    .find((p) => p.identity.startsWith('customer-') && p.roomSid === invite.roomSid)!;
  await eventually(() => mediaPublishedBy(agent, customer.identity), ['audio', 'video'], 15_000);

  await setPageVisibility(page, 'hidden');
  await eventually(() => mediaPublishedBy(agent, customer.identity), ['audio'], 15_000);
  expect(await mediaRecord(page)).toMatchObject({ stopped: ['video'], live: ['audio'] });

  await setPageVisibility(page, 'visible');
  await waitForVideoPlaying(page, '.self-view video');
  await eventually(() => mediaPublishedBy(agent, customer.identity), ['audio', 'video'], 15_000);
  expect((await mediaRecord(page)).requests).toEqual(['audio+video', 'video']);

  await page.evaluate(() => window.dispatchEvent(new PageTransitionEvent('pagehide', { persisted: false })));
  await eventually(() => mediaPublishedBy(agent, customer.identity), null, 15_000);
  expect((await mediaRecord(page)).live).toEqual([]);
});
