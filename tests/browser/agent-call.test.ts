import { escalated } from '../support/escalated';
import { expectError, inviteOf } from '../support/expect';
import { useStack } from '../support/use-stack';
import { DEFAULT_NETWORK_QUALITY } from '../../dev/video-edge/edge';
import {
  checkedStates,
  customerJoins,
  edgeSidOf,
  endScreenCapture,
  lastStateIs,
  openPanelOnTask,
  panelScreen,
  panelShot,
  panelStoppedTracks,
  panelVideoPlaying,
  useFlexHost,
} from './agent-host';
import {
  eventually,
  hasText,
  hidden,
  isFocused,
  turnCameraOffAndOn,
  useBrowserContext,
  visible,
  waitForVideoPlaying,
} from './harness';

/** The agent in a call: the customer arrives, the controls, who is in the room, a new link,
 * removing someone, the connection coming and going, and ending the call. The panel runs the
 * real SDK through the stack's Video edge; the customer is the real join page opened from the
 * chat's link, or a participant with signalling only; faults are the edge's (a dropped socket, a
 * refused reconnection) and the emulator's (a REST removal, the room ended). */

const { flex, env } = useFlexHost();
const stack = useStack({ env });
const context = useBrowserContext();

/** A task escalated (room and invite) and the panel alone in the room. */
async function inCall() {
  const task = await escalated(stack);
  const invite = inviteOf(task.joinUrl);
  const hosted = await openPanelOnTask(context, flex, stack.baseUrl, task);
  await panelScreen(hosted, 'waiting').waitFor();
  return { hosted, task, roomSid: task.roomSid, agent: task.agentIdentity, invite };
}

/** The identity the bundle gave the customer who opened `invite`. */
async function customerIdentity(invite: string): Promise<string> {
  const joined = await stack.post('/video/join', { Invite: invite });
  return joined.body.identity;
}

test('the customer arrives: their video large, the agent small, all announced; "Live" only with them', async () => {
  const { hosted, task, roomSid, agent } = await inCall();
  const panel = hosted.panel;
  await panelVideoPlaying(hosted, '.self-view video');
  // Alone in the room the call is not live yet (issue 20).
  await hasText(panel.locator('.status-pill'), 'Waiting for the customer');

  const customerPage = await customerJoins(context, task.joinUrl);
  const customer = stack.fake.connectedIdentities(roomSid).find((identity) => identity !== agent)!;
  await panelScreen(hosted, 'live').waitFor();
  await panelVideoPlaying(hosted, '.customer-video');
  await hasText(panel.locator('.status-pill'), 'Live');
  await hidden(panel.locator('.waiting'));
  await hasText(panel.locator('#announcer'), 'Customer joined the call.');
  const stage = (await panel.locator('.stage').boundingBox())!;
  const self = (await panel.locator('.self-view').boundingBox())!;
  expect(self.width * self.height).toBeLessThan((stage.width * stage.height) / 6);
  await lastStateIs(hosted, { state: 'connected', roomSid, participants: [agent, customer] });
  // The customer sees the agent too, through the same edge.
  await waitForVideoPlaying(customerPage.page, '.agent-video');

  // The participants: the agent and the customer, labelled, only the customer removable.
  const rows = panel.locator('.participant');
  await eventually(
    () =>
      rows.evaluateAll((items) =>
        items.map((item) => [
          item.getAttribute('data-kind'),
          item.querySelector('.participant-name')!.textContent,
        ]),
      ),
    [
      ['you', 'You'],
      ['customer', 'Customer'],
    ],
  );
  await visible(panel.getByRole('button', { name: 'Remove Customer' }));
  expect(await panel.locator('.participant[data-kind="you"] button').count()).toBe(0);
  await panelShot(hosted, 'agent-10-in-call-canvas');

  // The customer leaves (their page's Leave): the stage says so, the host is told.
  await customerPage.page.getByRole('button', { name: 'Leave call' }).click();
  await panelScreen(hosted, 'waiting').waitFor();
  await hasText(
    panel.locator('.waiting p'),
    'The customer left the call. They can rejoin from the same link.',
  );
  await hasText(panel.locator('#announcer'), 'Customer left the call.');
  await lastStateIs(hosted, { participants: [agent] });
  await checkedStates(hosted);
  await customerPage.close();
});

test('the panel shows its own and the customer’s network as Twilio reports them over media signalling', async () => {
  const { hosted, task, roomSid, agent } = await inCall();
  const panel = hosted.panel;
  await customerJoins(context, task.joinUrl);
  await panelScreen(hosted, 'live').waitFor();
  const customer = stack.fake.connectedIdentities(roomSid).find((identity) => identity !== agent)!;
  // The panel asks for remote levels too: the customer's arrives with its own.
  await visible(panel.getByRole('img', { name: `Customer’s network: ${DEFAULT_NETWORK_QUALITY} of 5` }));
  expect(stack.edge.setNetworkQuality(await edgeSidOf(stack.edge, roomSid, customer), 2)).toBe(true);
  await visible(panel.getByRole('img', { name: 'Customer’s network: 2 of 5' }));
  expect(stack.edge.setNetworkQuality(await edgeSidOf(stack.edge, roomSid, agent), 3)).toBe(true);
  await visible(panel.getByRole('img', { name: 'Your network: 3 of 5' }));
});

test('mute and camera work in the call, and the camera is republished', async () => {
  const { hosted, task } = await inCall();
  const customerPage = await customerJoins(context, task.joinUrl);
  await waitForVideoPlaying(customerPage.page, '.agent-video');
  const panel = hosted.panel;
  await panel.getByRole('button', { name: 'Mute microphone' }).click();
  await visible(panel.getByRole('button', { name: 'Unmute microphone' }));
  await turnCameraOffAndOn(panel);
  // The camera was stopped while off, and a new one reaches the customer.
  expect(await panelStoppedTracks(hosted)).toEqual(['video']);
  await waitForVideoPlaying(customerPage.page, '.agent-video');
  await customerPage.close();
});

test('someone unexpected is highlighted; Remove asks first, then disconnects them and revokes their link', async () => {
  const { hosted, roomSid, agent, invite } = await inCall();
  const panel = hosted.panel;
  const customer = await customerIdentity(invite);
  stack.edge.addSignallingOnly(roomSid, customer);
  stack.edge.addSignallingOnly(roomSid, 'eavesdropper');
  const unexpected = panel.locator('.participant[data-kind="unexpected"]');
  await visible(unexpected);
  await hasText(unexpected.locator('.identity'), 'eavesdropper');
  await hasText(panel.locator('#announcer'), 'Unexpected participant “eavesdropper” joined the call.');

  // Remove: a confirmation first, focused; Escape backs out without removing anyone.
  const remove = panel.getByRole('button', { name: 'Remove Customer' });
  await remove.click();
  const confirm = panel.locator('.participant[data-kind="customer"] [data-control="confirm"]');
  await isFocused(confirm);
  await panelShot(hosted, 'agent-11-remove-confirm');
  await hosted.page.keyboard.press('Escape');
  await isFocused(remove);
  expect(stack.fake.connectedIdentities(roomSid).sort()).toEqual([agent, customer, 'eavesdropper'].sort());

  await remove.click();
  await confirm.click();
  await hasText(panel.locator('.notice'), 'Customer was removed from the call.');
  expect(stack.fake.connectedIdentities(roomSid).sort()).toEqual([agent, 'eavesdropper'].sort());
  // Twilio tells the room; the row goes and focus stays in the list's heading.
  await hidden(panel.locator('.participant[data-kind="customer"]'));
  await isFocused(panel.locator('#participants-heading'));
  const rejoin = await stack.post('/video/join', { Invite: invite });
  expectError(rejoin, 410, 'invite_revoked');
});

test('after Remove the stage does not say the customer can rejoin from their link (it is revoked)', async () => {
  const { hosted, roomSid, invite } = await inCall();
  const panel = hosted.panel;
  stack.edge.addSignallingOnly(roomSid, await customerIdentity(invite));
  await panelScreen(hosted, 'live').waitFor();
  await panel.getByRole('button', { name: 'Remove Customer' }).click();
  await panel.locator('.participant[data-kind="customer"] [data-control="confirm"]').click();
  await panelScreen(hosted, 'waiting').waitFor();
  await hasText(
    panel.locator('.waiting p'),
    'You removed the customer. Their link no longer works: send a new link to let them back in.',
  );
});

test('Send a new link posts a second invite and retires the first', async () => {
  const { hosted, task, roomSid, invite } = await inCall();
  await hosted.panel.getByRole('button', { name: 'Send a new link' }).click();
  await hasText(hosted.panel.locator('.notice'), 'A new link was posted in the chat.');
  await hasText(hosted.panel.locator('#announcer'), 'A new link was posted in the chat.');
  expect(stack.fake.noticesOf(task.conversationSid, 'invite', roomSid)).toHaveLength(2);
  const old = await stack.post('/video/join', { Invite: invite });
  expectError(old, 410, 'invite_revoked');
});

test('reconnecting and reconnected come from the SDK, with the words in between', async () => {
  const { hosted, roomSid, agent } = await inCall();
  const panel = hosted.panel;
  // The SDK is back within moments on localhost: what the banner and the announcer said is
  // recorded as it changes, rather than read while it lasts.
  await panel.evaluate(() => {
    const said: string[] = [];
    (window as unknown as { __said: string[] }).__said = said;
    const note = () => {
      for (const selector of ['.banner', '#announcer']) {
        const words = document.querySelector(selector)?.textContent ?? '';
        if (words && said.at(-1) !== `${selector} ${words}`) said.push(`${selector} ${words}`);
      }
    };
    new MutationObserver(note).observe(document.body, {
      subtree: true,
      childList: true,
      characterData: true,
    });
  });
  // The edge cuts the panel's socket: the SDK reports reconnecting, then reconnected by itself.
  stack.edge.dropSocket(await edgeSidOf(stack.edge, roomSid, agent));
  await panelScreen(hosted, 'waiting').waitFor();
  await hasText(panel.locator('.banner'), 'Reconnected.');
  await lastStateIs(hosted, { state: 'connected', roomSid, participants: [agent] });
  const said = await panel.evaluate(() => (window as unknown as { __said: string[] }).__said);
  expect(said).toEqual(
    expect.arrayContaining([
      '.banner Connection lost. Reconnecting…',
      '#announcer Connection lost. Reconnecting…',
      '.banner Reconnected.',
    ]),
  );
  expect(said.indexOf('.banner Connection lost. Reconnecting…')).toBeLessThan(
    said.indexOf('.banner Reconnected.'),
  );
  const states = (await checkedStates(hosted)).map((s) => s.state);
  expect(states.slice(-2)).toEqual(['reconnecting', 'connected']);
  await checkedStates(hosted);
});

test('a refused reconnection (53204: the server no longer holds the participant) rejoins with a token', async () => {
  const { hosted, roomSid, agent } = await inCall();
  const first = await edgeSidOf(stack.edge, roomSid, agent);
  stack.edge.refuseReconnection(first);
  stack.edge.dropSocket(first);
  await eventually(async () => (await edgeSidOf(stack.edge, roomSid, agent)) !== first, true);
  await panelScreen(hosted, 'waiting').waitFor();
  await lastStateIs(hosted, { state: 'connected', roomSid, participants: [agent] });
  const states = (await checkedStates(hosted)).map((s) => s.state);
  expect(states.slice(-2)).toEqual(['reconnecting', 'connected']);
});

test('End video call asks first, then ends the room for everyone and tells the customer', async () => {
  const { hosted, task, roomSid } = await inCall();
  const panel = hosted.panel;
  const end = panel.getByRole('button', { name: 'End video call' });
  await end.click();
  await isFocused(panel.getByRole('button', { name: 'End call' }));
  await panel.getByRole('button', { name: 'Cancel' }).click();
  await isFocused(end);
  expect(stack.fake.rooms.find((r) => r.sid === roomSid)!.status).toBe('in-progress');

  await end.click();
  await panel.getByRole('button', { name: 'End call' }).click();
  await panelScreen(hosted, 'ended').waitFor();
  await hasText(panel.locator('h1'), 'The video call has ended');
  await isFocused(panel.locator('h1'));
  expect(stack.fake.rooms.find((r) => r.sid === roomSid)!.status).toBe('completed');
  // The notice is posted once the room has ended, which the panel may show first.
  await eventually(() => stack.fake.noticesOf(task.conversationSid, 'session-ended', roomSid).length, 1);
  await eventually(() => stack.edge.list().filter((p) => p.roomSid === roomSid).length, 0);
  expect(await panelStoppedTracks(hosted)).toEqual(expect.arrayContaining(['audio', 'video']));
  await lastStateIs(hosted, { state: 'ended', roomSid, recording: false, participants: [] });
  await panelShot(hosted, 'agent-13-ended');

  // A new call can follow for the same task.
  await panel.getByRole('button', { name: 'Start a new video call' }).click();
  await panelScreen(hosted, 'ready').waitFor();
  await lastStateIs(hosted, { state: 'idle', roomSid: null });
  await checkedStates(hosted);
});

test('the room closing from elsewhere ends the panel’s call', async () => {
  const { hosted, roomSid } = await inCall();
  stack.fake.endRoom(roomSid);
  await panelScreen(hosted, 'ended').waitFor();
  await lastStateIs(hosted, { state: 'ended', roomSid });
  // Ended, not rejoined: the panel holds no participant at the edge.
  expect(stack.edge.list().filter((p) => p.roomSid === roomSid)).toEqual([]);
});

test('screen share: an extra named track, stopped here or by the browser’s own button', async () => {
  const { hosted, task } = await inCall();
  const customerPage = await customerJoins(context, task.joinUrl);
  await waitForVideoPlaying(customerPage.page, '.agent-video');
  const featured = () =>
    customerPage.page.locator('.agent-video').evaluate((video: HTMLVideoElement) => {
      const track = (video.srcObject as MediaStream | null)?.getVideoTracks()[0];
      return track?.id ?? null;
    });
  const camera = await featured();
  const panel = hosted.panel;
  await panel.getByRole('button', { name: 'Share screen' }).click();
  await visible(panel.getByRole('button', { name: 'Stop sharing screen' }));
  await hasText(panel.locator('#announcer'), 'You are sharing your screen.');
  // The customer's page features the track named "screen" over the camera.
  await eventually(async () => (await featured()) !== camera, true);

  await panel.getByRole('button', { name: 'Stop sharing screen' }).click();
  await visible(panel.getByRole('button', { name: 'Share screen' }));
  await eventually(featured, camera);

  await panel.getByRole('button', { name: 'Share screen' }).click();
  await visible(panel.getByRole('button', { name: 'Stop sharing screen' }));
  await eventually(async () => (await featured()) !== camera, true);
  // The browser's own "Stop sharing": the captured track ends by itself.
  await endScreenCapture(hosted);
  await visible(panel.getByRole('button', { name: 'Share screen' }));
  await hasText(panel.locator('#announcer'), 'Screen sharing stopped.');
  await eventually(featured, camera);
  // The camera was never touched.
  expect(await panelStoppedTracks(hosted)).toEqual([]);
  await customerPage.close();
});

test('the customer muting shows on the panel in words, and goes when they unmute (issue 20)', async () => {
  const { hosted, task } = await inCall();
  const customerPage = await customerJoins(context, task.joinUrl);
  await panelScreen(hosted, 'live').waitFor();
  const micOff = hosted.panel.locator('.stage .mic-off');
  await hidden(micOff);
  await customerPage.page.getByRole('button', { name: 'Mute microphone' }).click();
  await visible(micOff, 15_000);
  await hasText(micOff, 'The customer’s microphone is off');
  await customerPage.page.getByRole('button', { name: 'Unmute microphone' }).click();
  await hidden(micOff, 15_000);
  await customerPage.close();
});
