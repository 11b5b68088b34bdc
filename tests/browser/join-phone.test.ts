import fs from 'node:fs';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { NOTICE_AUTHOR } from '../../src/core/messages';
import { BUILT_IN_NOTICES } from '../../src/core/notices';
import { escalated, type Escalated } from '../support/escalated';
import { inviteOf } from '../support/expect';
import { ROOT } from '../support/stack';
import { useStack } from '../support/use-stack';
import {
  eventually,
  hasText,
  hidden,
  isFocused,
  joinAsOtherParty,
  openPage,
  screenshot,
  useBrowserContext,
  visible,
  waitForScreen,
  waitForVideoPlaying,
  type OtherParty,
} from './harness';

/** The join page on a phone (issue 20), with the real SDK through the stack's Video edge: every
 * screen's primary action within the first viewport at 360×640, 390×844 and 844×390, the agent's
 * video covering the stage, the agent's microphone and camera shown from their track events,
 * a one-tap rejoin, and the preview following the room. With UPDATE_SCREENSHOTS=1 each screen at
 * each size is written to docs/screenshots/ (the README's join-page section shows them). */

const PHONES = [
  { width: 360, height: 640 },
  { width: 390, height: 844 },
  { width: 844, height: 390 },
];
const PHONE_UA =
  'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Mobile Safari/537.36';

const stack = useStack();
const context = useBrowserContext(
  {},
  { viewport: PHONES[1], userAgent: PHONE_UA, isMobile: true, hasTouch: true },
);

async function boxOf(locator: Locator) {
  const box = await locator.boundingBox();
  if (!box) throw new Error('not displayed');
  return box;
}

/** Whole inside the first viewport (nothing to scroll to), and at least 44 px tall when tappable. */
async function inFirstViewport(page: Page, locator: Locator, tappable: boolean) {
  const viewport = page.viewportSize()!;
  const box = await boxOf(locator);
  const scrolled = await page.evaluate(() => window.scrollY);
  expect({ top: box.y + scrolled >= 0, bottom: box.y + scrolled + box.height <= viewport.height }).toEqual({
    top: true,
    bottom: true,
  });
  expect(box.x).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width).toBeLessThanOrEqual(viewport.width);
  if (tappable) expect(box.height).toBeGreaterThanOrEqual(44);
}

/** The screen at each phone size: `primary` in the first viewport, then `check`, and a picture. */
async function atEachPhoneSize(
  page: Page,
  name: string,
  primary: Locator,
  tappable: boolean,
  check: () => Promise<void> = () => Promise.resolve(),
) {
  for (const size of PHONES) {
    await page.setViewportSize(size);
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(resolve)));
    await inFirstViewport(page, primary, tappable);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(size.width);
    await check();
    const file = await screenshot(page, `phone-${name}-${size.width}x${size.height}`);
    if (process.env.UPDATE_SCREENSHOTS === '1') {
      const docs = path.join(ROOT, 'docs', 'screenshots');
      fs.mkdirSync(docs, { recursive: true });
      fs.copyFileSync(file, path.join(docs, path.basename(file)));
    }
  }
  await page.setViewportSize(PHONES[1]);
}

/** How much of the stage the agent's picture covers (0–1), from the video's own size, the
 * element's box and its object-fit. */
function stageCoverage(page: Page): Promise<number> {
  return page.evaluate(() => {
    const video = document.querySelector<HTMLVideoElement>('.agent-video')!;
    const stage = document.querySelector('.stage')!.getBoundingClientRect();
    const box = video.getBoundingClientRect();
    const scale =
      getComputedStyle(video).objectFit === 'cover'
        ? Math.max(box.width / video.videoWidth, box.height / video.videoHeight)
        : Math.min(box.width / video.videoWidth, box.height / video.videoHeight);
    const width = Math.min(video.videoWidth * scale, box.width, stage.width);
    const height = Math.min(video.videoHeight * scale, box.height, stage.height);
    return (width * height) / (stage.width * stage.height);
  });
}

async function preview(invite: Escalated) {
  const tab = await openPage(context);
  await tab.page.goto(invite.joinUrl);
  // The fake permission UI has already allowed both: the preview starts by itself.
  await waitForVideoPlaying(tab.page, '.preview-video video');
  return tab;
}

/** Runs `change` just after the preview sent its next held /video/join, and returns how many
 * /video/join requests the page had sent by then. */
async function endWhileHeld(page: Page, joinBodies: unknown[], change: () => unknown): Promise<number> {
  const held = await page.waitForRequest(
    (request) =>
      new URL(request.url()).pathname === '/video/join' &&
      request.postData()?.includes('"Wait":true') === true,
  );
  expect(held.postDataJSON()).toMatchObject({ Wait: true });
  const sent = joinBodies.length;
  await change();
  return sent;
}

const customerIn = (invite: Escalated) =>
  stack.edge.list().find((p) => p.roomSid === invite.roomSid && p.identity.startsWith('customer-'));

/** Runs `script` on the agent's page with their room's local tracks of `kind`. */
function agentTracks(agent: OtherParty, kind: 'audio' | 'video', action: 'disable' | 'enable' | 'unpublish') {
  return agent.page.evaluate(
    ([trackKind, what]) => {
      type Track = { enable(): void; disable(): void };
      const local = (
        window as unknown as {
          room: {
            localParticipant: {
              audioTracks: Map<string, { track: Track }>;
              videoTracks: Map<string, { track: Track }>;
              unpublishTrack(track: Track): void;
            };
          };
        }
      ).room.localParticipant;
      const tracks = trackKind === 'audio' ? local.audioTracks : local.videoTracks;
      for (const { track } of tracks.values()) {
        if (what === 'unpublish') local.unpublishTrack(track);
        else track[what]();
      }
    },
    [kind, action] as const,
  );
}

test('every screen of a call fits a phone: the action in the first viewport, the agent’s video over the stage', async () => {
  const invite = await escalated(stack);
  const tab = await preview(invite);
  const page = tab.page;
  await atEachPhoneSize(page, 'preview', page.getByRole('button', { name: 'Join call' }), true);

  await page.getByRole('button', { name: 'Join call' }).click();
  await waitForScreen(page, 'waiting');
  const leave = page.getByRole('button', { name: 'Leave call' });
  await atEachPhoneSize(page, 'waiting', leave, true);

  await joinAsOtherParty(context, stack.baseUrl, invite.roomName, invite.agentIdentity);
  await waitForScreen(page, 'live');
  await waitForVideoPlaying(page, '.agent-video');
  await waitForVideoPlaying(page, '.self-view video');
  await atEachPhoneSize(page, 'in-call', leave, true, async () => {
    // The agent's camera covers the stage, whatever the phone's orientation.
    expect(await stageCoverage(page)).toBeGreaterThan(0.99);
    // Labelled with the role; the call's time runs.
    await visible(page.locator('.name-tag').getByText('Agent', { exact: true }));
    expect(await page.locator('.timer').textContent()).toMatch(/^\d+:\d\d$/);
    // The self-view is whole (its tile has the camera's shape), inside the stage, mirrored.
    const self = await boxOf(page.locator('.self-view'));
    const stage = await boxOf(page.locator('.stage'));
    const camera = await page
      .locator('.self-view video')
      .evaluate((video: HTMLVideoElement) => video.videoWidth / video.videoHeight);
    expect(Math.abs(self.width / self.height - camera)).toBeLessThan(0.05);
    expect(self.x).toBeGreaterThanOrEqual(stage.x);
    expect(self.x + self.width).toBeLessThanOrEqual(stage.x + stage.width + 0.5);
    expect(self.y + self.height).toBeLessThanOrEqual(stage.y + stage.height + 0.5);
    for (const name of ['Mute microphone', 'Turn camera off', 'Leave call', 'Move your video'])
      await inFirstViewport(page, page.getByRole('button', { name }), true);
  });
  expect(await page.locator('.self-view video').evaluate((video) => getComputedStyle(video).transform)).toBe(
    'matrix(-1, 0, 0, 1, 0, 0)',
  );

  // The self-view moves out of the way, by keyboard too: bottom-end, top-end, top-start.
  const selfView = page.locator('.self-view');
  const before = await boxOf(selfView);
  await page.getByRole('button', { name: 'Move your video' }).focus();
  await page.keyboard.press('Enter');
  await eventually(() => selfView.getAttribute('data-corner'), 'top-end');
  expect((await boxOf(selfView)).y).toBeLessThan(before.y);
  await page.keyboard.press('Space');
  await eventually(() => selfView.getAttribute('data-corner'), 'top-start');
  expect((await boxOf(selfView)).x).toBeLessThan(before.x);
  // Or dragged by its middle: let go in the stage's lower right quarter, it settles in the
  // bottom-end corner.
  const stageBox = await boxOf(page.locator('.call .stage'));
  const topStart = await boxOf(selfView);
  await page.mouse.move(topStart.x + topStart.width / 2, topStart.y + topStart.height / 2);
  await page.mouse.down();
  await page.mouse.move(stageBox.x + stageBox.width * 0.7, stageBox.y + stageBox.height * 0.7, { steps: 8 });
  await page.mouse.up();
  await eventually(() => selfView.getAttribute('data-corner'), 'bottom-end');
  const settled = await boxOf(selfView);
  expect(settled.x + settled.width).toBeGreaterThan(stageBox.x + stageBox.width * 0.9);
  expect(settled.y + settled.height).toBeGreaterThan(stageBox.y + stageBox.height * 0.9);

  // Leaving offers Rejoin in the first viewport; one tap is back in the call, with no preview
  // and no second Join (the grant from before is still fresh: no new check).
  await leave.click();
  await waitForScreen(page, 'left');
  const rejoin = page.getByRole('button', { name: 'Rejoin call' });
  await atEachPhoneSize(page, 'left', rejoin, true);
  const joinsBefore = tab.joinBodies.length;
  await page.evaluate(() => {
    const seen: string[] = [];
    (window as unknown as { __screens: string[] }).__screens = seen;
    new MutationObserver(() => {
      const state = document.querySelector('#app > section')?.getAttribute('data-state') ?? '';
      if (seen[seen.length - 1] !== state) seen.push(state);
    }).observe(document.getElementById('app')!, { childList: true, subtree: true, attributes: true });
  });
  await rejoin.click();
  await waitForScreen(page, 'live');
  await waitForVideoPlaying(page, '.agent-video');
  const screens = await page.evaluate(() => (window as unknown as { __screens: string[] }).__screens);
  expect(screens).not.toContain('preview');
  expect(screens[screens.length - 1]).toBe('live');
  expect(tab.joinBodies.length).toBe(joinsBefore);
  await eventually(() => customerIn(invite)?.withMedia, true);

  // The agent removes the customer: the page says removed, and so does the chat.
  const messagesBefore = stack.fake.messages(invite.conversationSid).length;
  const { status } = await stack.post('/video/remove-participant', {
    Token: invite.token,
    TaskSid: invite.taskSid,
    Identity: customerIn(invite)!.identity,
  });
  expect(status).toBe(200);
  await waitForScreen(page, 'removed');
  await hasText(page.locator('h1'), 'You were removed from the call');
  await atEachPhoneSize(page, 'removed', page.locator('h1'), false);
  const posted = stack.fake.messages(invite.conversationSid).slice(messagesBefore);
  expect(posted.map((message) => [message.author, message.body])).toEqual([
    [NOTICE_AUTHOR, BUILT_IN_NOTICES.en['participant-removed']],
  ]);
});

test('the agent’s microphone and camera turned off and on show on the customer’s page, in words', async () => {
  const invite = await escalated(stack);
  const { page } = await preview(invite);
  await page.getByRole('button', { name: 'Join call' }).click();
  const agent = await joinAsOtherParty(context, stack.baseUrl, invite.roomName, invite.agentIdentity);
  await waitForScreen(page, 'live');
  await waitForVideoPlaying(page, '.agent-video');
  const micOff = page.locator('.name-tag .mic-off');
  const cameraOff = page.locator('.agent-off');
  await hidden(micOff);
  await hidden(cameraOff);

  await agentTracks(agent, 'audio', 'disable');
  await visible(micOff);
  await hasText(micOff, 'The agent’s microphone is off');
  await hasText(page.locator('#announcer'), 'The agent’s microphone is off');
  await agentTracks(agent, 'audio', 'enable');
  await hidden(micOff);
  await hasText(page.locator('#announcer'), 'The agent’s microphone is on.');

  // The camera disabled, then unpublished (how the panel turns it off): a placeholder with the
  // agent's initial and the words, never a dark stage.
  await agentTracks(agent, 'video', 'disable');
  await visible(cameraOff);
  await hasText(cameraOff.locator('p'), 'The agent’s camera is off');
  await hasText(cameraOff.locator('.avatar'), 'A');
  await hidden(page.locator('.agent-video'));
  await screenshot(page, 'phone-agent-camera-off');
  await agentTracks(agent, 'video', 'enable');
  await hidden(cameraOff);
  await waitForVideoPlaying(page, '.agent-video');
  await agentTracks(agent, 'video', 'unpublish');
  await visible(cameraOff);
  await hasText(page.locator('#announcer'), 'The agent’s camera is off');
});

test('the preview follows the room: an end, or the link revoked, is shown while waiting, and the error screens fit', async () => {
  const ended = await escalated(stack);
  const { page, joinBodies } = await preview(ended);
  // The room ends while the preview's held /video/join is open: that request's answer says so, no
  // later one, and there is no room connection.
  const sentBeforeEnd = await endWhileHeld(page, joinBodies, () => stack.fake.endRoom(ended.roomSid));
  await page.locator('#app > section[data-state="session-ended"]').waitFor();
  expect(joinBodies).toHaveLength(sentBeforeEnd);
  expect(customerIn(ended)).toBeUndefined();
  await isFocused(page.locator('h1'));
  await atEachPhoneSize(page, 'ended', page.locator('h1'), false);

  const revoked = await escalated(stack);
  const second = await preview(revoked);
  const identity = (await stack.post('/video/join', { Invite: inviteOf(revoked.joinUrl) })).body.identity;
  const sentBeforeRevoked = await endWhileHeld(second.page, second.joinBodies, () =>
    stack.post('/video/remove-participant', {
      Token: revoked.token,
      TaskSid: revoked.taskSid,
      Identity: identity,
    }),
  );
  await second.page.locator('#app > section[data-state="invite-revoked"]').waitFor();
  expect(second.joinBodies).toHaveLength(sentBeforeRevoked);
  await atEachPhoneSize(second.page, 'revoked', second.page.locator('h1'), false);

  // The service failing: "Try again" in the first viewport.
  const failing = await escalated(stack);
  const third = await openPage(context);
  await third.page.route('**/video/join', (route) => route.fulfill({ status: 500, body: '{}' }));
  await third.page.goto(failing.joinUrl);
  await waitForScreen(third.page, 'error');
  await atEachPhoneSize(third.page, 'error', third.page.getByRole('button', { name: 'Try again' }), true);
});

test('right to left: the call’s controls, name tag and self-view stay on the screen, mirrored', async () => {
  const invite = await escalated(stack);
  const { page } = await preview(invite);
  await page.getByRole('button', { name: 'Join call' }).click();
  await joinAsOtherParty(context, stack.baseUrl, invite.roomName, invite.agentIdentity);
  await waitForScreen(page, 'live');
  await waitForVideoPlaying(page, '.agent-video');
  // No right-to-left language ships: the direction is set as the page would set it for one.
  await page.evaluate(() => (document.documentElement.dir = 'rtl'));
  const stage = await boxOf(page.locator('.stage'));
  const self = await boxOf(page.locator('.self-view'));
  const tag = await boxOf(page.locator('.name-tag'));
  // The self-view's corner is the end (left in RTL); the name tag's the start (right).
  expect(self.x).toBeLessThan(stage.x + stage.width / 2);
  expect(tag.x + tag.width).toBeGreaterThan(stage.x + stage.width / 2);
  for (const name of ['Mute microphone', 'Turn camera off', 'Leave call', 'Move your video'])
    await inFirstViewport(page, page.getByRole('button', { name }), true);
  await screenshot(page, 'phone-rtl-in-call');
});
