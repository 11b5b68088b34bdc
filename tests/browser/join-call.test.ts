import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { ROOT } from '../support/stack';
import { version as SDK_VERSION } from 'twilio-video/package.json';
import { useStack } from '../support/use-stack';
import { escalated } from '../support/escalated';
import { decodeJwt } from '../support/jwt';
import {
  driveRoom,
  eventually,
  fakeVideoRecord,
  hasText,
  hidden,
  isFocused,
  launchFirstVisit,
  mediaRecord,
  openPage,
  publishedTracks,
  screenshot,
  screenState,
  shownTrackId,
  turnCameraOffAndOn,
  waitForScreen,
  visible,
  waitForVideoPlaying,
  type FakeVideoOptions,
  type SdkDelivery,
  type TestPage,
} from './harness';

/** A customer opens a real invite link: preview, join, the agent arrives, the call runs its
 * course. The page and /video/join are the built bundle under twilio-run; only Twilio's media
 * and signalling are the fake SDK (the real one where a test says so). */

const stack = useStack();
let chromium: Awaited<ReturnType<typeof launchFirstVisit>>;
let session: TestPage | undefined;

beforeAll(async () => {
  chromium = await launchFirstVisit();
});
afterAll(() => chromium?.close());
afterEach(async () => {
  await session?.close();
  session = undefined;
});

async function openCustomerTab(
  fakeVideo: FakeVideoOptions = {},
  delivery: SdkDelivery = 'fake',
): Promise<TestPage> {
  await chromium.askAgain(stack.baseUrl);
  return openPage(chromium.context, fakeVideo, delivery);
}

/** A fresh invite's link, opened in the customer's tab (closed after the test). */
async function openFreshInvite(fakeVideo: FakeVideoOptions = {}, delivery: SdkDelivery = 'fake') {
  const invite = await escalated(stack);
  const tab = await openCustomerTab(fakeVideo, delivery);
  session = tab;
  await tab.page.goto(invite.joinUrl);
  return { invite, tab, page: tab.page };
}

/** A fresh invite's preview with the camera and microphone on, not yet joined. */
async function previewFreshInvite(fakeVideo: FakeVideoOptions = {}, delivery: SdkDelivery = 'fake') {
  const opened = await openFreshInvite(fakeVideo, delivery);
  await waitForScreen(opened.page, 'preview');
  await opened.page.getByRole('button', { name: 'Turn on camera and microphone' }).click();
  await waitForVideoPlaying(opened.page, '.preview-video video');
  return opened;
}

/** Opens a fresh invite and joins the call. */
async function joinFreshCall(fakeVideo: FakeVideoOptions = {}) {
  const { page, invite } = await previewFreshInvite(fakeVideo);
  await page.getByRole('button', { name: 'Join call' }).click();
  await page.locator('#app > section.call').waitFor();
  return { page, invite };
}

/** Twilio ends the call with `code`: a final screen, its heading focused, nothing left to press,
 * the camera and microphone released. */
async function endedByTwilio(page: Page, code: number, state: string, heading: string) {
  await driveRoom(page, 'disconnect', code);
  await waitForScreen(page, state);
  await hasText(page.locator('h1'), heading);
  await isFocused(page.locator('h1'));
  expect(await page.getByRole('button').count()).toBe(0);
  expect((await mediaRecord(page)).live).toEqual([]);
}

test('valid invite → preview → join → the agent arrives, all from this service only', async () => {
  const { invite, tab, page } = await openFreshInvite();

  // The invite is read, then taken out of the address bar.
  await waitForScreen(page, 'preview');
  expect(page.url()).toBe(`${stack.baseUrl}/join.html`);
  await isFocused(page.locator('h1'));
  expect(await page.locator('h1').textContent()).toBe('Ready to join?');
  expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');

  // Media is asked for only from the button, in one request; the button is reachable by keyboard.
  expect((await mediaRecord(page)).requests).toEqual([]);
  await screenshot(page, '01-preview-before-media');
  await page.keyboard.press('Tab');
  await isFocused(page.getByRole('button', { name: 'Turn on camera and microphone' }));
  await page.keyboard.press('Enter');
  await waitForVideoPlaying(page, '.preview-video video');
  expect((await mediaRecord(page)).requests).toEqual(['audio+video']);
  // No name is asked for: the link alone says who the customer is.
  expect(await page.locator('input').count()).toBe(0);

  // The self-view is mirrored with a 2D transform.
  const transform = await page
    .locator('.preview-video video')
    .evaluate((video) => getComputedStyle(video).transform);
  expect(transform).toBe('matrix(-1, 0, 0, 1, 0, 0)');

  // Devices are listed and labelled; speaker choice exists because Chromium has setSinkId.
  await visible(page.getByLabel('Camera', { exact: true }));
  await visible(page.getByLabel('Microphone', { exact: true }));
  await visible(page.getByLabel('Speaker', { exact: true }));
  expect(await page.getByLabel('Camera', { exact: true }).locator('option').count()).toBeGreaterThan(0);

  // Mute and camera toggles before joining.
  await page.getByRole('button', { name: 'Mute microphone' }).click();
  await visible(page.getByRole('button', { name: 'Unmute microphone' }));
  await page.getByRole('button', { name: 'Turn camera off' }).click();
  await visible(page.locator('.preview-video .video-off'));
  expect((await mediaRecord(page)).stopped).toEqual(['video']);
  await page.getByRole('button', { name: 'Turn camera on' }).click();
  await waitForVideoPlaying(page, '.preview-video video');
  await page.getByRole('button', { name: 'Unmute microphone' }).click();
  await screenshot(page, '02-preview');

  // Join: the grant from opening the page is still fresh, so /video/join is not asked again, and
  // the SDK gets the very tracks the preview shows.
  const previewTrack = await shownTrackId(page, '.preview-video video');
  await page.getByRole('button', { name: 'Join call' }).click();
  await waitForScreen(page, 'waiting');
  await visible(page.locator('.waiting').getByText('Waiting for the agent to join…'));
  const { connects, wrapped } = await fakeVideoRecord(page);
  expect(connects).toHaveLength(1);
  expect(connects[0]).toMatchObject({
    name: invite.roomName,
    trackKinds: ['audio', 'video'],
    networkQuality: { local: 1, remote: 0 },
  });
  expect(connects[0].mediaStreamTrackIds).toContain(previewTrack);
  expect(wrapped.sort()).toEqual(['audio', 'video']);
  expect(decodeJwt(connects[0].token).grants.identity).toMatch(/^customer-/);
  expect(tab.joinBodies).toHaveLength(1);
  expect(Object.keys(tab.joinBodies[0] as object)).toEqual(['Invite']);
  await waitForVideoPlaying(page, '.self-view video');
  expect(await shownTrackId(page, '.self-view video')).toBe(previewTrack);
  await screenshot(page, '03-waiting-for-agent');

  // The agent arrives: their video large, ours small; a screen reader hears it.
  await driveRoom(page, 'addParticipant', `agent-${invite.workerSid}`);
  await waitForScreen(page, 'live');
  await waitForVideoPlaying(page, '.agent-video');
  await hidden(page.locator('.waiting'));
  await hasText(page.locator('#announcer'), 'The agent has joined the call.');
  await driveRoom(page, 'setNetworkQuality', 4);
  await visible(page.getByRole('img', { name: 'Network quality: 4 out of 5' }));
  const stage = await page.locator('.stage').boundingBox();
  const self = await page.locator('.self-view').boundingBox();
  expect(self!.width * self!.height).toBeLessThan((stage!.width * stage!.height) / 8);
  await screenshot(page, '04-in-call');

  // In-call controls: mute reaches the SDK's track (so the agent is told); a camera turned off
  // and on again is a new track, published in place of the old one.
  await page.getByRole('button', { name: 'Mute microphone' }).click();
  await visible(page.getByRole('button', { name: 'Unmute microphone' }));
  expect((await publishedTracks(page)).map(({ kind, enabled }) => [kind, enabled])).toEqual([
    ['audio', false],
    ['video', true],
  ]);
  await turnCameraOffAndOn(page);
  const record = await fakeVideoRecord(page);
  expect(record.unpublished).toEqual(['video']);
  expect(record.published).toEqual(['video']);
  const republished = (await publishedTracks(page)).find((track) => track.kind === 'video');
  expect(republished).toMatchObject({ live: true, id: await shownTrackId(page, '.self-view video') });
  expect(republished?.id).not.toBe(previewTrack);

  // Nothing but this service was contacted, and the CSP was never tripped.
  expect(tab.requests.filter((url) => !url.startsWith(stack.baseUrl) && !url.startsWith('data:'))).toEqual(
    [],
  );
  expect(await tab.cspViolations()).toEqual([]);
  const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  expect(csp).toContain("default-src 'none'");
  expect(csp).toContain(
    "connect-src 'self' wss://global.vss.twilio.com wss://*.vss.twilio.com wss://sdkgw.us1.twilio.com",
  );

  // Leaving ends the call and releases the camera and microphone.
  await page.getByRole('button', { name: 'Leave call' }).click();
  await waitForScreen(page, 'left');
  await isFocused(page.locator('h1'));
  expect((await fakeVideoRecord(page)).disconnectedByPage).toBe(true);
  await eventually(async () => (await mediaRecord(page)).live, []);
  await visible(page.getByRole('button', { name: 'Rejoin call' }));
});

test('recording indicator follows the room and is announced', async () => {
  const { page } = await joinFreshCall();
  await hidden(page.locator('.recording-badge'));

  await driveRoom(page, 'startRecording');
  await visible(page.locator('.recording-badge'));
  await hasText(page.locator('.recording-badge'), 'Recording');
  await hasText(page.locator('#announcer'), 'This call is now being recorded.');
  await driveRoom(page, 'addParticipant', 'agent-WKrecording');
  await waitForVideoPlaying(page, '.agent-video');
  await visible(page.locator('.recording-badge'));
  await page.mouse.move(0, 0);
  // The README's picture: the call with the agent, the self-view and the recording badge.
  // Refreshed on request only (UPDATE_SCREENSHOTS=1), so a test run leaves the tree clean.
  const inCall = await screenshot(page, '05-in-call-recording');
  if (process.env.UPDATE_SCREENSHOTS === '1')
    fs.copyFileSync(inCall, path.join(ROOT, 'docs', 'join-page-in-call.png'));

  await driveRoom(page, 'stopRecording');
  await hidden(page.locator('.recording-badge'));
  await hasText(page.locator('#announcer'), 'Recording has stopped.');
});

test('a room already recording shows the indicator from the first moment', async () => {
  const { page } = await joinFreshCall({ isRecording: true, participants: ['agent-WKalready'] });
  await waitForScreen(page, 'live');
  await visible(page.locator('.recording-badge'));
  await hasText(
    page.locator('#announcer'),
    'This call is now being recorded. The agent has joined the call.',
  );
});

test('reconnecting and reconnected come from the SDK; a lost connection offers a rejoin', async () => {
  const { page } = await joinFreshCall();
  await driveRoom(page, 'addParticipant', 'agent-WKreconnect');
  await waitForScreen(page, 'live');

  await driveRoom(page, 'reconnecting');
  await waitForScreen(page, 'reconnecting');
  await hasText(page.locator('.banner'), 'Connection lost. Reconnecting…');
  await hasText(page.locator('#announcer'), 'Connection lost. Reconnecting…');
  await screenshot(page, '06-reconnecting');

  await driveRoom(page, 'reconnected');
  await waitForScreen(page, 'live');
  await hasText(page.locator('.banner'), 'Reconnected.');
  await hasText(page.locator('#announcer'), 'Reconnected.');
  await hidden(page.locator('.banner'), 5000);

  await driveRoom(page, 'setNetworkQuality', 1);
  await hasText(page.locator('.banner'), 'Your connection is weak. Video may pause.');
  await driveRoom(page, 'setNetworkQuality', 3);
  await hidden(page.locator('.banner'));

  await driveRoom(page, 'reconnecting');
  await driveRoom(page, 'disconnect', 53001);
  await waitForScreen(page, 'connection-lost');
  await hasText(page.locator('h1'), 'The call was disconnected');
  await screenshot(page, '07-disconnected');
  // The page never reconnects by itself: one connect so far, the next only from the button.
  expect((await fakeVideoRecord(page)).connects).toHaveLength(1);
  await page.getByRole('button', { name: 'Rejoin call' }).click();
  await waitForScreen(page, 'preview');
});

test('the agent ending the session shows a clear end screen', async () => {
  const { page } = await joinFreshCall({ participants: ['agent-WKend'] });
  await waitForScreen(page, 'live');
  await driveRoom(page, 'removeParticipant', 'agent-WKend');
  await waitForScreen(page, 'waiting');
  await visible(
    page.locator('.waiting').getByText('The agent left the call. Waiting for them to come back…'),
  );

  await endedByTwilio(page, 53118, 'ended', 'The call has ended');
  await screenshot(page, '08-ended-by-agent');
});

test('an unsupported browser is told so instead of a preview', async () => {
  const { page } = await openFreshInvite({ isSupported: false });
  await waitForScreen(page, 'unsupported');
  await hasText(page.locator('h1'), 'This browser can’t make video calls');
  expect(await page.locator('.preview').count()).toBe(0);
});

test('an SDK that finds the browser unsupported after the preview started releases the camera', async () => {
  const invite = await escalated(stack);
  await chromium.allow(stack.baseUrl);
  session = await openPage(chromium.context, { isSupported: false });
  await session.page.goto(invite.joinUrl);
  await waitForScreen(session.page, 'unsupported');
  const media = await mediaRecord(session.page);
  expect(media.requests).toEqual(['audio+video']);
  expect(media.live).toEqual([]);
});

test('the preview does not wait for the SDK; Join does', async () => {
  const { tab, page } = await previewFreshInvite({}, 'held');
  await page.getByRole('button', { name: 'Mute microphone' }).click();
  expect(await page.evaluate(() => 'Twilio' in window)).toBe(false);

  await page.getByRole('button', { name: 'Join call' }).click();
  await visible(page.getByRole('button', { name: 'Joining…' }));
  expect(await page.getByRole('button', { name: 'Joining…' }).isDisabled()).toBe(true);
  tab.deliverSdk();
  await waitForScreen(page, 'waiting');
  const { connects } = await fakeVideoRecord(page);
  expect(connects.map((c) => c.trackKinds)).toEqual([['audio', 'video']]);
  // Muted in the preview, before the SDK existed: still muted for the agent.
  expect((await publishedTracks(page)).find((track) => track.kind === 'audio')?.enabled).toBe(false);
  await visible(page.getByRole('button', { name: 'Unmute microphone' }));
});

test('an SDK that fails to download is fetched again by the next Join', async () => {
  const { tab, page } = await previewFreshInvite({}, 'unavailable');
  await page.getByRole('button', { name: 'Join call' }).click();
  await hasText(
    page.locator('.join-error'),
    'We couldn’t connect the call. Check your connection and try again.',
  );
  await waitForVideoPlaying(page, '.preview-video video');

  tab.deliverSdk();
  await page.getByRole('button', { name: 'Join call' }).click();
  await waitForScreen(page, 'waiting');
  expect((await fakeVideoRecord(page)).connects).toHaveLength(1);
});

test('the same link on a second device joins as the same customer and replaces the first', async () => {
  const { page: first, invite } = await joinFreshCall({ participants: ['agent-WKsecond'] });
  const firstIdentity = decodeJwt((await fakeVideoRecord(first)).connects[0].token).grants.identity;
  await chromium.allow(stack.baseUrl);
  const second = await openPage(chromium.context);
  try {
    await second.page.goto(invite.joinUrl);
    await waitForVideoPlaying(second.page, '.preview-video video');
    await second.page.getByRole('button', { name: 'Join call' }).click();
    await second.page.locator('#app > section.call').waitFor();
    expect(decodeJwt((await fakeVideoRecord(second.page)).connects[0].token).grants.identity).toBe(
      firstIdentity,
    );
  } finally {
    await second.close();
  }

  // Twilio disconnects the older connection of a duplicate identity with 53205.
  await endedByTwilio(first, 53205, 'replaced', 'You joined from somewhere else');
});

test('the real twilio-video loads under the page’s CSP', async () => {
  const { tab, page } = await openFreshInvite({}, 'real');
  await waitForScreen(page, 'preview');
  await page.waitForFunction(() => 'Twilio' in window);
  const sdk = await page.evaluate(() => {
    const video = (
      window as unknown as {
        Twilio: { Video: { version: string; isSupported: boolean; LocalVideoTrack: unknown } };
      }
    ).Twilio.Video;
    return { version: video.version, isSupported: video.isSupported, wraps: typeof video.LocalVideoTrack };
  });
  expect(sdk).toEqual({ version: SDK_VERSION, isSupported: true, wraps: 'function' });
  expect(await tab.cspViolations()).toEqual([]);
  expect(await screenState(page)).toBe('preview');
});
