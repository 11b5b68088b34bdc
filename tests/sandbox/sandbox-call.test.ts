import type { Browser, Frame, Page } from 'playwright-core';
import { startSandbox, type Sandbox } from '../../dev/sandbox/server';
import { freePort } from '../../dev/twilio-run';
import { hasText, hidden, launchChromium, screenshot, visible } from '../browser/harness';

/** The sandbox as a newcomer sees it: the console plays Flex, the real agent panel and the real
 * join page call each other with the real twilio-video SDK (the built file, byte for byte),
 * signalling through the local Video edge and media over local WebRTC, Chromium's fake camera
 * and microphone on both sides. Nothing is faked in the pages, the SDK or the bundle. */

let sandbox: Sandbox;
let browser: Browser;
beforeAll(async () => {
  sandbox = await startSandbox({
    port: await freePort(),
    log: (line) => process.env.SANDBOX_LOG && console.log(line),
  });
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await sandbox?.stop();
});

/** Two videos showing live frames: the page's own camera and the other side's. */
const twoLiveVideos = (where: Page | Frame) =>
  where.waitForFunction(
    () =>
      [...document.querySelectorAll('video')].filter(
        (v) => !v.hidden && v.readyState >= 2 && v.videoWidth > 0,
      ).length >= 2,
    undefined,
    {
      timeout: 20_000,
    },
  );

test('the console’s agent calls the customer: two live videos each side, recording shown, the customer’s typed speech captioned, the end ends both and posts the transcript', async () => {
  const context = await browser.newContext({ viewport: { width: 1400, height: 860 } });
  const console_ = await context.newPage();
  console_.setDefaultTimeout(20_000);
  await console_.goto(`${sandbox.url}/`);
  await visible(console_.getByText('Development sandbox'));
  expect(await console_.locator('#messages li').count()).toBe(3);

  const panel = console_.frameLocator('#panel');
  const panelFrame = () => console_.frames().find((f) => f.url().endsWith('/agent.html'))!;
  await panel.getByRole('button', { name: 'Start video call' }).click();

  // The invite arrives in the customer's chat as a link.
  const link = console_.locator('#messages li[data-kind="invite"] a');
  await visible(link, 20_000);
  const joinUrl = (await link.getAttribute('href'))!;
  expect(joinUrl).toMatch(new RegExp(`^${sandbox.url}/join\\.html#invite=`));

  const [opened] = await Promise.all([context.waitForEvent('page'), link.click()]);
  opened.setDefaultTimeout(20_000);
  const turnOn = opened.getByRole('button', { name: 'Turn on camera and microphone' });
  const join = opened.getByRole('button', { name: 'Join call' });
  await turnOn.or(join).first().waitFor();
  if (await turnOn.isVisible()) await turnOn.click();
  await join.click();
  await opened.locator('#app > section[data-state="live"]').waitFor();

  // Both sides: their own camera and the other's, live, over WebRTC on this machine.
  await twoLiveVideos(opened);
  await twoLiveVideos(panelFrame());
  const roomSid = sandbox.emulator.rooms[0].sid;
  expect(sandbox.emulator.connectedIdentities(roomSid)).toHaveLength(2);

  // Recording on: the join page shows it, the chat tells the customer.
  await hidden(opened.locator('.recording-badge'));
  await panel.getByRole('button', { name: 'Start recording' }).click();
  await visible(opened.locator('.recording-badge'), 30_000);
  await visible(console_.locator('#messages li[data-kind="recording-started"]'));
  await hasText(
    console_.locator('#panel-state'),
    `connected, recording, in the room: ${sandbox.emulator.connectedIdentities(roomSid).join(', ')}`,
  );

  // Transcription, which the sandbox offers on demand: what the console types as the customer's
  // speech reaches the panel's captions through the local Video edge.
  // The notice follows the service's start (Twilio's Transcriptions create, then the guarded post):
  // on a loaded machine that has taken more than the default 5 s.
  await panel.getByRole('button', { name: 'Start transcription' }).click();
  await visible(console_.locator('#messages li[data-kind="transcription-started"]'), 30_000);
  await panel.getByRole('button', { name: 'Captions' }).click();
  await console_.getByLabel('The customer says…').fill('The router blinks orange.');
  await console_.locator('#say-customer').getByRole('button', { name: 'Say' }).click();
  await hasText(console_.locator('#speech-status'), 'The customer said: “The router blinks orange.”');
  await hasText(panel.locator('.captions .caption-line'), 'The router blinks orange.');
  await screenshot(console_, 'sandbox-console-in-call');
  await screenshot(opened, 'sandbox-join-in-call');

  // The agent ends the session: both pages end, the notice is posted once.
  await panel.getByRole('button', { name: 'End video call' }).click();
  await panel.getByRole('button', { name: 'End call' }).click();
  await panel.locator('#app > section[data-state="ended"]').waitFor();
  await opened.locator('#app > section[data-state="ended"]').waitFor();
  await visible(console_.locator('#messages li[data-kind="session-ended"]'));
  await sandbox.emulator.callbacks.idle();
  expect(sandbox.emulator.noticesOf(sandbox.session().conversationSid, 'session-ended')).toHaveLength(1);
  // The transcript follows the end into the chat, once.
  await visible(console_.locator('#messages li[data-kind="transcript"]'));
  const transcript = sandbox.emulator.noticesOf(sandbox.session().conversationSid, 'transcript');
  expect(transcript.map((message) => message.body?.replace(/^\[\d\d:\d\d\] /, ''))).toEqual([
    'Customer: The router blinks orange.',
  ]);
  // The room's callbacks reached the bundle, signed, and were accepted.
  const roomEnded = sandbox.emulator.callbacks.deliveries.filter((d) => d.event === 'room-ended');
  expect(roomEnded.map((d) => d.status)).toEqual([200]);
  expect(sandbox.emulator.violations).toEqual([]);
  await context.close();
});
