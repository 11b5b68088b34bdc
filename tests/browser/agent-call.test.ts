import { escalated } from '../support/escalated';
import { expectError, inviteOf } from '../support/expect';
import { useStack } from '../support/use-stack';
import {
  checkedStates,
  drivePanelRoom,
  lastStateIs,
  openHostedPanel,
  panelScreen,
  panelShot,
  panelVideoPlaying,
  panelVideoRecord,
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
} from './harness';

/** The agent in a call: the customer arrives, the controls, who is in the room, a new link,
 * removing someone, the connection coming and going, and ending the call. The room's events
 * come from the fake SDK in the panel's frame; everything the panel asks of the service is the
 * real bundle against the fake Twilio. */

const { flex, env } = useFlexHost();
const stack = useStack({ env });
const context = useBrowserContext();

/** A task escalated (room and invite), the customer's link opened (so their identity is real),
 * and the panel joined to the room. */
async function inCall() {
  const task = await escalated(stack);
  const invite = inviteOf(task.joinUrl);
  const joined = await stack.post('/video/join', { Invite: invite });
  const hosted = await openHostedPanel(context, flex, stack.baseUrl, {
    token: task.token,
    taskSid: task.taskSid,
  });
  await panelScreen(hosted, 'waiting').waitFor();
  return {
    hosted,
    task,
    roomSid: task.roomSid,
    agent: task.agentIdentity,
    customer: joined.body.identity,
    invite,
  };
}

test('the customer arrives: their video large, the agent small, both networks shown, all announced', async () => {
  const { hosted, roomSid, agent, customer } = await inCall();
  const panel = hosted.panel;
  await panelVideoPlaying(hosted, '.self-view video');
  await hasText(panel.locator('.status-pill'), 'Live');

  await drivePanelRoom(hosted, 'addParticipant', customer);
  await panelScreen(hosted, 'live').waitFor();
  await panelVideoPlaying(hosted, '.customer-video');
  await hidden(panel.locator('.waiting'));
  await hasText(panel.locator('#announcer'), 'Customer joined the call.');
  const stage = (await panel.locator('.stage').boundingBox())!;
  const self = (await panel.locator('.self-view').boundingBox())!;
  expect(self.width * self.height).toBeLessThan((stage.width * stage.height) / 6);
  await lastStateIs(hosted, { state: 'connected', roomSid, participants: [agent, customer] });

  await drivePanelRoom(hosted, 'setNetworkQuality', 4);
  await drivePanelRoom(hosted, 'setRemoteNetworkQuality', customer, 2);
  await visible(panel.getByRole('img', { name: 'Your network: 4 of 5' }));
  await visible(panel.getByRole('img', { name: 'Customer’s network: 2 of 5' }));

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

  // The customer leaves: the stage says so, the host is told.
  await drivePanelRoom(hosted, 'removeParticipant', customer);
  await panelScreen(hosted, 'waiting').waitFor();
  await hasText(
    panel.locator('.waiting p'),
    'The customer left the call. They can rejoin from the same link.',
  );
  await hasText(panel.locator('#announcer'), 'Customer left the call.');
  await lastStateIs(hosted, { participants: [agent] });
  await checkedStates(hosted);
});

test('mute and camera work in the call, and the camera is republished', async () => {
  const { hosted } = await inCall();
  const panel = hosted.panel;
  await panel.getByRole('button', { name: 'Mute microphone' }).click();
  await visible(panel.getByRole('button', { name: 'Unmute microphone' }));
  await turnCameraOffAndOn(panel);
  const record = await panelVideoRecord(hosted);
  expect(record.unpublished).toEqual(['video']);
  expect(record.published).toEqual(['video']);
  expect(record.stoppedTracks).toEqual(['video']);
});

test('someone unexpected is highlighted; Remove asks first, then disconnects them and revokes their link', async () => {
  const { hosted, roomSid, customer, invite } = await inCall();
  const panel = hosted.panel;
  stack.fake.addParticipant(roomSid, customer);
  await drivePanelRoom(hosted, 'addParticipant', customer);
  await drivePanelRoom(hosted, 'addParticipant', 'eavesdropper');
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
  expect(stack.fake.connectedIdentities(roomSid)).toEqual([customer]);

  await remove.click();
  await confirm.click();
  await hasText(panel.locator('.notice'), 'Customer was removed from the call.');
  expect(stack.fake.connectedIdentities(roomSid)).toEqual([]);
  // Twilio tells the room; the row goes and focus stays in the list's heading.
  await drivePanelRoom(hosted, 'removeParticipant', customer);
  await hidden(panel.locator('.participant[data-kind="customer"]'));
  await isFocused(panel.locator('#participants-heading'));
  const rejoin = await stack.post('/video/join', { Invite: invite });
  expectError(rejoin, 410, 'invite_revoked');
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

test('reconnecting and reconnected come from the SDK; a signalling loss rejoins with a token', async () => {
  const { hosted, roomSid, agent } = await inCall();
  const panel = hosted.panel;
  await drivePanelRoom(hosted, 'reconnecting');
  await panelScreen(hosted, 'reconnecting').waitFor();
  await hasText(panel.locator('.banner'), 'Connection lost. Reconnecting…');
  await hasText(panel.locator('#announcer'), 'Connection lost. Reconnecting…');
  await lastStateIs(hosted, { state: 'reconnecting', roomSid, participants: [agent] });
  await panelShot(hosted, 'agent-12-reconnecting');
  await drivePanelRoom(hosted, 'reconnected');
  await panelScreen(hosted, 'waiting').waitFor();
  await hasText(panel.locator('.banner'), 'Reconnected.');
  await lastStateIs(hosted, { state: 'connected' });

  // Twilio gives up on the signalling connection: the panel joins again by itself.
  await drivePanelRoom(hosted, 'disconnect', 53001);
  await eventually(async () => (await panelVideoRecord(hosted)).connects.length, 2);
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
  expect(stack.fake.noticesOf(task.conversationSid, 'session-ended', roomSid)).toHaveLength(1);
  const record = await panelVideoRecord(hosted);
  expect(record.disconnectedByPage).toBe(true);
  expect(record.stoppedTracks).toEqual(expect.arrayContaining(['audio', 'video']));
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
  await drivePanelRoom(hosted, 'disconnect', 53118);
  await panelScreen(hosted, 'ended').waitFor();
  await lastStateIs(hosted, { state: 'ended', roomSid });
  expect((await panelVideoRecord(hosted)).connects).toHaveLength(1);
});

test('screen share: an extra named track, stopped here or by the browser’s own button', async () => {
  const { hosted } = await inCall();
  const panel = hosted.panel;
  await panel.getByRole('button', { name: 'Share screen' }).click();
  await visible(panel.getByRole('button', { name: 'Stop sharing screen' }));
  await hasText(panel.locator('#announcer'), 'You are sharing your screen.');
  let record = await panelVideoRecord(hosted);
  expect(record.publishedNames).toEqual(['screen']);
  expect(record.published).toEqual(['video']);

  await panel.getByRole('button', { name: 'Stop sharing screen' }).click();
  await visible(panel.getByRole('button', { name: 'Share screen' }));
  record = await panelVideoRecord(hosted);
  expect(record.unpublished).toEqual(['video']);

  await panel.getByRole('button', { name: 'Share screen' }).click();
  await visible(panel.getByRole('button', { name: 'Stop sharing screen' }));
  await drivePanelRoom(hosted, 'endScreenCapture');
  await visible(panel.getByRole('button', { name: 'Share screen' }));
  await hasText(panel.locator('#announcer'), 'Screen sharing stopped.');
  record = await panelVideoRecord(hosted);
  expect(record.unpublished).toEqual(['video', 'video']);
  // The camera was never touched.
  expect(record.stoppedTracks).toEqual([]);
});
