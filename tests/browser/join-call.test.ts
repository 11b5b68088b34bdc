import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { ROOT } from '../support/stack';
import { version as SDK_VERSION } from 'twilio-video/package.json';
import { useStack } from '../support/use-stack';
import { DEFAULT_NETWORK_QUALITY } from '../../dev/video-edge/edge';
import { escalated, type Escalated } from '../support/escalated';
import { inviteOf } from '../support/expect';
import {
  eventually,
  hasText,
  hidden,
  isFocused,
  joinAsOtherParty,
  launchFirstVisit,
  mediaRecord,
  openPage,
  screenshot,
  screenState,
  shownTrackId,
  turnCameraOffAndOn,
  waitForScreen,
  visible,
  waitForVideoPlaying,
  type SdkDelivery,
  type TestPage,
} from './harness';

/** A customer opens a real invite link: preview, join, the agent arrives, the call runs its
 * course. The page and /video/join are the built bundle under twilio-run; the SDK is the real
 * one from the build, through the stack's local Video edge; the agent is a second page on the
 * real SDK, and Twilio's doings come from the emulator (REST) and the edge's fault controls. */

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
  for (const page of chromium.context.pages()) await page.close();
});

async function openCustomerTab(delivery: SdkDelivery = 'real'): Promise<TestPage> {
  await chromium.askAgain(stack.baseUrl);
  return openPage(chromium.context, delivery);
}

/** A fresh invite's link, opened in the customer's tab (closed after the test). */
async function openFreshInvite(delivery: SdkDelivery = 'real') {
  const invite = await escalated(stack);
  const tab = await openCustomerTab(delivery);
  session = tab;
  await tab.page.goto(invite.joinUrl);
  return { invite, tab, page: tab.page };
}

/** A fresh invite's preview with the camera and microphone on, not yet joined. */
async function previewFreshInvite(delivery: SdkDelivery = 'real') {
  const opened = await openFreshInvite(delivery);
  await waitForScreen(opened.page, 'preview');
  await opened.page.getByRole('button', { name: 'Turn on camera and microphone' }).click();
  await waitForVideoPlaying(opened.page, '.preview-video video');
  return opened;
}

/** Opens a fresh invite and joins the call. */
async function joinFreshCall() {
  const { page, invite } = await previewFreshInvite();
  await page.getByRole('button', { name: 'Join call' }).click();
  await page.locator('#app > section.call').waitFor();
  return { page, invite };
}

/** The agent joins the invite's room from a page of their own, camera and microphone on. */
const agentJoins = (invite: Escalated) =>
  joinAsOtherParty(chromium.context, stack.baseUrl, invite.roomName, invite.agentIdentity);

/** A camera or microphone track, not the visual assist's data track (issue 21). */
const isMedia = (track: { kind: string }) => track.kind !== 'data';

/** The participants the edge holds in the invite's room. */
const inRoom = (invite: Escalated) => stack.edge.list().filter((p) => p.roomSid === invite.roomSid);
const customerIn = (invite: Escalated) => inRoom(invite).find((p) => p.identity.startsWith('customer-'));

/** The call ended for the customer: a final screen, its heading focused, nothing left to press,
 * the camera and microphone released. */
async function endedOn(page: Page, state: string, heading: string) {
  await waitForScreen(page, state);
  await hasText(page.locator('h1'), heading);
  await isFocused(page.locator('h1'));
  expect(await page.getByRole('button').count()).toBe(0);
  await eventually(async () => (await mediaRecord(page)).live, []);
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

  // Join: the grant the preview holds is fresh (its held /video/join answers every 5 s while it
  // waits), so Join does not ask again. Every ask sends the invite and nothing of the customer:
  // the first alone, the preview's with Wait.
  const previewTrack = await shownTrackId(page, '.preview-video video');
  const asked = tab.joinBodies.length;
  await page.getByRole('button', { name: 'Join call' }).click();
  await waitForScreen(page, 'waiting');
  await visible(page.locator('.waiting').getByText('Waiting for the agent to join…'));
  expect(inRoom(invite).map((p) => [p.identity.replace(/-.*/, ''), p.withMedia])).toEqual([
    ['customer', true],
  ]);
  expect(tab.joinBodies).toHaveLength(asked);
  const [first, ...held] = tab.joinBodies;
  expect(first).toEqual({ Invite: inviteOf(invite.joinUrl) });
  for (const body of held) expect(body).toEqual({ Invite: inviteOf(invite.joinUrl), Wait: true });
  await waitForVideoPlaying(page, '.self-view video');
  expect(await shownTrackId(page, '.self-view video')).toBe(previewTrack);
  await screenshot(page, '03-waiting-for-agent');

  // The agent arrives: their video large, ours small; a screen reader hears it. The agent
  // receives the very tracks the preview showed (the SDK names a track by its id).
  const customer = customerIn(invite)!.identity;
  const agent = await agentJoins(invite);
  await waitForScreen(page, 'live');
  await waitForVideoPlaying(page, '.agent-video');
  await hidden(page.locator('.waiting'));
  await hasText(page.locator('#announcer'), 'The agent has joined the call.');
  await agent.seesVideoOf(customer);
  // Microphone, the preview's camera track, and the visual assist's data track (issue 21).
  const byKind = (a: { kind: string }, b: { kind: string }) => a.kind.localeCompare(b.kind);
  expect((await agent.tracksFrom(customer)).sort(byKind)).toEqual([
    { kind: 'audio', name: expect.any(String) as string, enabled: true },
    { kind: 'data', name: 'assist', enabled: true },
    { kind: 'video', name: previewTrack, enabled: true },
  ]);
  const stage = await page.locator('.stage').boundingBox();
  const self = await page.locator('.self-view').boundingBox();
  expect(self!.width * self!.height).toBeLessThan((stage!.width * stage!.height) / 8);
  await screenshot(page, '04-in-call');

  // In-call controls: mute reaches the SDK's track (so the agent is told); a camera turned off
  // and on again is a new track, published in place of the old one.
  await page.getByRole('button', { name: 'Mute microphone' }).click();
  await visible(page.getByRole('button', { name: 'Unmute microphone' }));
  const kindsAndStates = async () =>
    (await agent.tracksFrom(customer)).filter(isMedia).map(({ kind, enabled }) => [kind, enabled]);
  await eventually(kindsAndStates, [
    ['audio', false],
    ['video', true],
  ]);
  await turnCameraOffAndOn(page);
  const newCamera = await shownTrackId(page, '.self-view video');
  expect(newCamera).not.toBe(previewTrack);
  await eventually(
    async () => (await agent.tracksFrom(customer)).filter((t) => t.kind === 'video').map((t) => t.name),
    [newCamera],
    15_000,
  );
  await agent.seesVideoOf(customer);

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
  await eventually(() => customerIn(invite), undefined);
  await eventually(async () => (await mediaRecord(page)).live, []);
  await visible(page.getByRole('button', { name: 'Rejoin call' }));
});

test('recording indicator follows the room and is announced', async () => {
  const { page, invite } = await joinFreshCall();
  await hidden(page.locator('.recording-badge'));

  stack.fake.setRecordingRules(invite.room, [{ type: 'include', all: true }]);
  await visible(page.locator('.recording-badge'));
  await hasText(page.locator('.recording-badge'), 'Recording');
  await hasText(page.locator('#announcer'), 'This call is now being recorded.');
  await agentJoins(invite);
  await waitForVideoPlaying(page, '.agent-video');
  await visible(page.locator('.recording-badge'));
  await page.mouse.move(0, 0);
  // The README's picture: the call with the agent, the self-view and the recording badge.
  // Refreshed on request only (UPDATE_SCREENSHOTS=1), so a test run leaves the tree clean.
  const inCall = await screenshot(page, '05-in-call-recording');
  if (process.env.UPDATE_SCREENSHOTS === '1')
    fs.copyFileSync(inCall, path.join(ROOT, 'docs', 'join-page-in-call.png'));

  stack.fake.setRecordingRules(invite.room, [{ type: 'exclude', all: true }]);
  await hidden(page.locator('.recording-badge'));
  await hasText(page.locator('#announcer'), 'Recording has stopped.');
});

test('network bars follow the level Twilio reports over the media-signalling channel', async () => {
  const { page, invite } = await joinFreshCall();
  // The level Twilio gives a good connection (the local edge's default), until the network changes.
  await visible(page.getByRole('img', { name: `Network quality: ${DEFAULT_NETWORK_QUALITY} out of 5` }));
  await hidden(page.locator('.banner'));
  const setLevel = (level: number) =>
    fetch(`${stack.baseUrl}/__video-edge/control/network-quality`, {
      method: 'POST',
      body: JSON.stringify({ participant: customerIn(invite)!.sid, level }),
    });
  expect((await setLevel(1)).status).toBe(200);
  await visible(page.getByRole('img', { name: 'Network quality: 1 out of 5' }));
  await hasText(page.locator('.banner'), 'Your connection is weak. Video may pause.');
  expect((await setLevel(4)).status).toBe(200);
  await visible(page.getByRole('img', { name: 'Network quality: 4 out of 5' }));
  await hidden(page.locator('.banner'));
});

test('a room already recording shows the indicator from the first moment', async () => {
  const { page, invite } = await previewFreshInvite();
  await agentJoins(invite);
  stack.fake.setRecordingRules(invite.room, [{ type: 'include', all: true }]);
  await page.getByRole('button', { name: 'Join call' }).click();
  await waitForScreen(page, 'live');
  await visible(page.locator('.recording-badge'));
  await hasText(
    page.locator('#announcer'),
    'This call is now being recorded. The agent has joined the call.',
  );
});

test('reconnecting and reconnected come from the SDK; a lost connection offers a rejoin', async () => {
  const { page, invite } = await joinFreshCall();
  await agentJoins(invite);
  await waitForScreen(page, 'live');

  // On localhost the SDK reconnects within moments: the page's screen states and banner texts are
  // recorded as they change, so the reconnecting state is seen however briefly it lasts.
  await page.evaluate(() => {
    const seen: string[] = [];
    (window as unknown as { __seen: string[] }).__seen = seen;
    const note = () => {
      const state = document.querySelector('#app > section')?.getAttribute('data-state') ?? '';
      const banner = document.querySelector('.banner:not([hidden])')?.textContent?.trim() ?? '';
      const entry = `${state}: ${banner}`;
      if (seen[seen.length - 1] !== entry) seen.push(entry);
    };
    new MutationObserver(note).observe(document.body, {
      subtree: true,
      childList: true,
      attributes: true,
      characterData: true,
    });
  });
  const customer = customerIn(invite)!;
  stack.edge.dropSocket(customer.sid);
  await waitForScreen(page, 'live');
  await eventually(
    async () =>
      (await page.evaluate(() => (window as unknown as { __seen: string[] }).__seen)).includes(
        'reconnecting: Connection lost. Reconnecting…',
      ),
    true,
    15_000,
  );
  await waitForScreen(page, 'live');
  await hasText(page.locator('#announcer'), 'Reconnected.');
  await hidden(page.locator('.banner'), 5000);

  stack.edge.refuseReconnection(customer.sid);
  stack.edge.dropSocket(customer.sid);
  await waitForScreen(page, 'connection-lost');
  await hasText(page.locator('h1'), 'The call was disconnected');
  await screenshot(page, '07-disconnected');
  // The page never reconnects by itself: the next connection only from the button, which goes
  // straight back into the call (issue 20: one tap, no preview).
  expect(customerIn(invite)).toBeUndefined();
  await page.getByRole('button', { name: 'Rejoin call' }).click();
  await waitForScreen(page, 'live');
  expect(customerIn(invite)).toBeDefined();
});

test('the agent leaving, then ending the session, shows a clear end screen', async () => {
  const { page, invite } = await previewFreshInvite();
  const agent = await agentJoins(invite);
  await page.getByRole('button', { name: 'Join call' }).click();
  await waitForScreen(page, 'live');
  await agent.leave();
  await waitForScreen(page, 'waiting');
  await visible(
    page.locator('.waiting').getByText('The agent left the call. Waiting for them to come back…'),
  );

  stack.fake.endRoom(invite.roomSid);
  await endedOn(page, 'ended', 'The call has ended');
  await screenshot(page, '08-ended-by-agent');
});

test('no silent watcher: whoever joins, even without camera or microphone, is listed and announced', async () => {
  const { page, invite } = await previewFreshInvite();
  await agentJoins(invite);
  await page.getByRole('button', { name: 'Join call' }).click();
  await waitForScreen(page, 'live');
  await waitForVideoPlaying(page, '.agent-video');
  const people = page.locator('.people');
  await hasText(people, 'In this call (2): You, Agent');

  // The holder of an older link, a supervisor with the identity the bundle gives one (a Flex
  // supervisor without a reservation on the task), then a second agent, each with no camera and
  // no microphone: no page, only signalling.
  const watcher = stack.edge.addSignallingOnly(invite.roomSid, 'customer-olderlink')!;
  await hasText(people, 'In this call (3): You, Agent, Another participant');
  await hasText(page.locator('#announcer'), 'Another participant joined the call.');
  const lead = stack.fake.addFlexUser({ identity: 'lead@example.com', roles: ['supervisor'] });
  const asLead = await stack.post('/video/agent-token', { Token: lead, TaskSid: invite.taskSid });
  const supervisor = stack.edge.addSignallingOnly(invite.roomSid, asLead.body.identity)!;
  await hasText(people, 'In this call (4): You, Agent, Another participant, Supervisor');
  await hasText(page.locator('#announcer'), 'Supervisor joined the call.');
  const secondAgent = stack.edge.addSignallingOnly(invite.roomSid, `agent-${'f'.repeat(40)}`)!;
  await hasText(people, 'In this call (5): You, Agent, Another participant, Supervisor, Agent');
  await hasText(page.locator('#announcer'), 'Agent joined the call.');
  stack.fake.disconnect(watcher);
  await hasText(people, 'In this call (4): You, Agent, Supervisor, Agent');
  await hasText(page.locator('#announcer'), 'Another participant left the call.');
  stack.fake.disconnect(supervisor);
  await hasText(page.locator('#announcer'), 'Supervisor left the call.');
  stack.fake.disconnect(secondAgent);
  await hasText(people, 'In this call (2): You, Agent');

  // The agent's camera is still the main video.
  await waitForScreen(page, 'live');
  await waitForVideoPlaying(page, '.agent-video');
  await screenshot(page, '09-someone-else-in-call');
});

test('the agent removing the customer reads as a removal, not as the end of the call', async () => {
  const { page, invite } = await joinFreshCall();
  const { status } = await stack.post('/video/remove-participant', {
    Token: invite.token,
    TaskSid: invite.taskSid,
    Identity: customerIn(invite)!.identity,
  });
  expect(status).toBe(200);
  // The SDK reports a REST removal as a disconnect without an error; the page asks its link.
  await endedOn(page, 'removed', 'You were removed from the call');
  await visible(page.getByText('Go back to the chat and open the newest link to join the call.'));
});

test('a reload during the call gets back into it; the end of the call forgets the link', async () => {
  const { page, invite } = await previewFreshInvite();
  await agentJoins(invite);
  await page.getByRole('button', { name: 'Join call' }).click();
  await waitForScreen(page, 'live');
  const kept = () => page.evaluate(() => Object.keys(sessionStorage).length);
  expect(await kept()).toBe(1);

  // The link left the address bar; the tab's storage brings the customer back.
  await chromium.allow(stack.baseUrl);
  await page.reload();
  await waitForVideoPlaying(page, '.preview-video video');
  await page.getByRole('button', { name: 'Join call' }).click();
  await waitForScreen(page, 'live');
  await waitForVideoPlaying(page, '.agent-video');

  stack.fake.endRoom(invite.roomSid);
  await waitForScreen(page, 'ended');
  expect(await kept()).toBe(0);
  await page.reload();
  await waitForScreen(page, 'invite-missing');
});

test('an unsupported browser is told so instead of a preview (an SDK double saying so)', async () => {
  const { page } = await openFreshInvite('unsupported-double');
  await waitForScreen(page, 'unsupported');
  await hasText(page.locator('h1'), 'This browser can’t make video calls');
  expect(await page.locator('.preview').count()).toBe(0);
});

test('an SDK that finds the browser unsupported after the preview started releases the camera', async () => {
  const invite = await escalated(stack);
  await chromium.allow(stack.baseUrl);
  session = await openPage(chromium.context, 'unsupported-double');
  await session.page.goto(invite.joinUrl);
  await waitForScreen(session.page, 'unsupported');
  const media = await mediaRecord(session.page);
  expect(media.requests).toEqual(['audio+video']);
  expect(media.live).toEqual([]);
});

test('the preview does not wait for the SDK; Join does', async () => {
  const { tab, page, invite } = await previewFreshInvite('held');
  await page.getByRole('button', { name: 'Mute microphone' }).click();
  expect(await page.evaluate(() => 'Twilio' in window)).toBe(false);

  await page.getByRole('button', { name: 'Join call' }).click();
  await visible(page.getByRole('button', { name: 'Joining…' }));
  expect(await page.getByRole('button', { name: 'Joining…' }).isDisabled()).toBe(true);
  tab.deliverSdk();
  await waitForScreen(page, 'waiting');
  // Muted in the preview, before the SDK existed: still muted for the agent.
  const agent = await agentJoins(invite);
  const customer = customerIn(invite)!.identity;
  await eventually(
    async () =>
      (await agent.tracksFrom(customer)).filter(isMedia).map(({ kind, enabled }) => [kind, enabled]),
    [
      ['audio', false],
      ['video', true],
    ],
    15_000,
  );
  await visible(page.getByRole('button', { name: 'Unmute microphone' }));
});

test('an SDK that fails to download is fetched again by the next Join', async () => {
  const { tab, page, invite } = await previewFreshInvite('unavailable');
  await page.getByRole('button', { name: 'Join call' }).click();
  await hasText(
    page.locator('.join-error'),
    'We couldn’t connect the call. Check your connection and try again.',
  );
  await waitForVideoPlaying(page, '.preview-video video');

  tab.deliverSdk();
  await page.getByRole('button', { name: 'Join call' }).click();
  await waitForScreen(page, 'waiting');
  expect(inRoom(invite)).toHaveLength(1);
});

test('the same link on a second device joins as the same customer and replaces the first', async () => {
  const { page: first, invite } = await joinFreshCall();
  const firstIdentity = customerIn(invite)!.identity;
  await chromium.allow(stack.baseUrl);
  const second = await openPage(chromium.context);
  try {
    await second.page.goto(invite.joinUrl);
    await waitForVideoPlaying(second.page, '.preview-video video');
    await second.page.getByRole('button', { name: 'Join call' }).click();
    await second.page.locator('#app > section.call').waitFor();
    // Twilio disconnects the older connection of a duplicate identity with 53205.
    await endedOn(first, 'replaced', 'You joined from somewhere else');
    expect(inRoom(invite).map((p) => p.identity)).toEqual([firstIdentity]);
  } finally {
    await second.close();
  }
});

test('the real twilio-video loads under the page’s CSP', async () => {
  const { tab, page } = await openFreshInvite();
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
