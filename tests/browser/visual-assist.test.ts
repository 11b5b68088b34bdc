import type { Frame, Page } from 'playwright-core';
import { escalated } from '../support/escalated';
import { useStack } from '../support/use-stack';
import { elementToFrame, type FrameView } from '../../src/pages/shared/frame-point';
import { customerJoins, edgeSidOf, openPanelOnTask, panelScreen, panelShot, useFlexHost } from './agent-host';
import { eventually, hasText, hidden, screenshot, useBrowserContext, visible } from './harness';

/** The visual assist (issue 21) between the agent's panel and the customer's join page, both on
 * the real SDK through the stack's Video edge, talking over their `assist` data tracks.
 *
 * Chromium's fake capture offers more cameras with `--use-fake-device-for-media-stream=
 * device-count=<n>` (fake_device_0, _1, _2). None reports a facingMode (getUserMedia with
 * facingMode exact fails with OverconstrainedError) or a torch. fake_device_1 is a 16-bit grey
 * (depth-like) camera: it plays locally, but its frames never reach the other page (the agent's
 * picture froze on the last frame of the first camera), so the back camera here is fake_device_2,
 * a coloured pattern like fake_device_0. The pages are given the facing a phone reports
 * (getSettings(): `environment` for fake_device_2, `user` for the others): the join page asks for
 * facingMode exact, is refused, and tries the cameras in turn until one faces that way, the path
 * of a phone whose browser cannot pick a camera by facing. What the customer's page sends is read
 * from its RTCPeerConnections' senders (recorded by the same init script). */

const { flex, env } = useFlexHost();
const stack = useStack({ env });
const context = useBrowserContext({ cameras: 3 });

/** A phone's cameras: front ones and a back one, as getSettings() reports them; and the page's
 * peer connections, to read what it sends. */
const PHONE_FACING = () => {
  const Original = window.RTCPeerConnection;
  const pcs: RTCPeerConnection[] = [];
  (window as unknown as { __pcs: RTCPeerConnection[] }).__pcs = pcs;
  window.RTCPeerConnection = function (this: unknown, config?: RTCConfiguration) {
    const pc = new Original(config);
    pcs.push(pc);
    return pc;
  } as unknown as typeof RTCPeerConnection;
  window.RTCPeerConnection.prototype = Original.prototype;
  // eslint-disable-next-line @typescript-eslint/unbound-method -- the original, called below with the track as `this`
  const getSettings = MediaStreamTrack.prototype.getSettings;
  MediaStreamTrack.prototype.getSettings = function () {
    const settings = getSettings.call(this);
    if (this.kind !== 'video' || !this.label.startsWith('fake_device_')) return settings;
    return { ...settings, facingMode: this.label === 'fake_device_2' ? 'environment' : 'user' };
  };
};

/** The panel and the customer in a call, each seeing the other. */
async function inCall() {
  await context.addInitScript(PHONE_FACING);
  const task = await escalated(stack);
  const hosted = await openPanelOnTask(context, flex, stack.baseUrl, task);
  await panelScreen(hosted, 'waiting').waitFor();
  const customer = await customerJoins(context, task.joinUrl);
  await panelScreen(hosted, 'live').waitFor();
  const customerIdentity = stack.fake
    .connectedIdentities(task.roomSid)
    .find((identity) => identity !== task.agentIdentity)!;
  return { hosted, panel: hosted.panel, customer: customer.page, task, customerIdentity };
}

/** The cameras the customer's page sends: the labels of its video senders' tracks. */
const sentCameras = (customer: Page) =>
  customer.evaluate(() => [
    ...new Set(
      (window as unknown as { __pcs: RTCPeerConnection[] }).__pcs
        .filter((pc) => pc.connectionState === 'connected')
        .flatMap((pc) => pc.getSenders())
        .filter((sender) => sender.track?.kind === 'video' && sender.track.readyState === 'live')
        .map((sender) => sender.track!.label),
    ),
  ]);

/** Waits until the panel decoded 10 more frames of the customer's video. */
async function framesFlow(panel: Frame): Promise<void> {
  const decoded = () =>
    panel
      .locator('.customer-video')
      .evaluate((video: HTMLVideoElement) => video.getVideoPlaybackQuality().totalVideoFrames);
  const start = await decoded();
  await eventually(async () => (await decoded()) >= start + 10, true, 15_000);
}

/** The id of the video track a remote video element plays: a republished track is a new one. */
const receivedTrackId = (frame: Frame, selector: string) =>
  frame
    .locator(selector)
    .evaluate((video: HTMLVideoElement) => (video.srcObject as MediaStream).getVideoTracks()[0].id);

/** What frame-point.ts needs of a video element, read in its page. */
function viewOf(frame: Frame | Page, selector: string): Promise<FrameView & { left: number; top: number }> {
  return frame.locator(selector).evaluate((video: HTMLVideoElement) => {
    const box = video.getBoundingClientRect();
    return {
      left: box.left,
      top: box.top,
      element: { width: box.width, height: box.height },
      frame: { width: video.videoWidth, height: video.videoHeight },
      fit: getComputedStyle(video).objectFit === 'cover' ? ('cover' as const) : ('contain' as const),
      mirrored: video.classList.contains('mirrored'),
      rotation: 0 as const,
    };
  });
}

test('the agent asks for the back camera; one tap switches it, on the same published track, and the agent’s view follows', async () => {
  const { hosted, panel, customer } = await inCall();
  await hasText(panel.locator('.customer-camera'), 'Customer’s camera: front');
  await eventually(() => sentCameras(customer), ['fake_device_0']);
  const trackBefore = await receivedTrackId(panel, '.customer-video');
  await framesFlow(panel);
  await visible(customer.locator('.self-view video.mirrored'));

  await panel.getByRole('button', { name: 'Show me with your back camera' }).click();
  const prompt = customer.getByRole('alertdialog');
  await hasText(prompt.locator('p'), 'The agent asks to see it with your back camera.');
  // Nothing switches without the customer's tap.
  await new Promise((resolve) => setTimeout(resolve, 1000));
  expect(await sentCameras(customer)).toEqual(['fake_device_0']);
  await hasText(panel.locator('.customer-camera'), 'Customer’s camera: front');
  await screenshot(customer, 'assist-10-back-camera-asked');

  await prompt.getByRole('button', { name: 'Use back camera' }).click();
  await hasText(panel.locator('.customer-camera'), 'Customer’s camera: back');
  await hasText(panel.locator('.notice'), 'The customer switched to their back camera.');
  // The same sender now sends the back camera; the agent keeps decoding the same received track.
  await eventually(() => sentCameras(customer), ['fake_device_2']);
  await framesFlow(panel);
  expect(await receivedTrackId(panel, '.customer-video')).toBe(trackBefore);
  // The back camera is not mirrored on the customer's own view.
  await visible(customer.locator('.self-view[data-facing="environment"] video:not(.mirrored)'));
  await hidden(prompt);
  await screenshot(customer, 'assist-11-back-camera-customer');
  await panelShot(hosted, 'assist-11-panel-back-camera');

  // The customer's own button switches back, again on the same track.
  await customer.getByRole('button', { name: 'Switch camera' }).click();
  await hasText(panel.locator('.customer-camera'), 'Customer’s camera: front');
  await eventually(() => sentCameras(customer), ['fake_device_0']);
  await framesFlow(panel);
  expect(await receivedTrackId(panel, '.customer-video')).toBe(trackBefore);
});

test('with blur on, the back camera is sent as it is (a blurred "background" would be all of it); the front camera blurred again', async () => {
  const { panel, customer } = await inCall();
  const blur = customer.getByRole('button', { name: 'Blur my background' });
  await blur.click();
  await eventually(() => blur.getAttribute('aria-busy'), 'false', 20_000);
  expect(await blur.getAttribute('aria-pressed')).toBe('true');
  // The processed track the blur makes is not a camera of its own: no fake_device_ label.
  const sendsRawCamera = async () => (await sentCameras(customer)).some((label) => label.startsWith('fake_'));
  await eventually(sendsRawCamera, false, 15_000);

  await panel.getByRole('button', { name: 'Show me with your back camera' }).click();
  await customer.getByRole('alertdialog').getByRole('button', { name: 'Use back camera' }).click();
  await eventually(() => sentCameras(customer), ['fake_device_2'], 15_000);
  await framesFlow(panel);

  await customer.getByRole('button', { name: 'Switch camera' }).click();
  await hasText(panel.locator('.customer-camera'), 'Customer’s camera: front');
  await eventually(sendsRawCamera, false, 15_000);
  await framesFlow(panel);
});

test('a mark the agent places shows on the customer’s own view at the same spot of the frame; a drag leaves a trail that fades', async () => {
  const { hosted, panel, customer } = await inCall();
  const agentView = await viewOf(panel, '.customer-video');
  await eventually(async () => (await viewOf(panel, '.customer-video')).frame.width > 0, true);
  const panelBox = (await hosted.page.locator('#panel').boundingBox())!;
  const target = { x: agentView.element.width * 0.3, y: agentView.element.height * 0.4 };
  const aimed = elementToFrame(target, { ...agentView, ...(await viewOf(panel, '.customer-video')) })!;
  await hosted.page.mouse.click(
    panelBox.x + agentView.left + target.x,
    panelBox.y + agentView.top + target.y,
  );

  const mark = customer.locator('.pointer-mark').first();
  await mark.waitFor();
  // Where the mark's centre is on the customer's (mirrored, contained) self-view, as a frame point.
  const customerView = await viewOf(customer, '.self-view video');
  const markBox = (await mark.boundingBox())!;
  const shown = elementToFrame(
    {
      x: markBox.x + markBox.width / 2 - customerView.left,
      y: markBox.y + markBox.height / 2 - customerView.top,
    },
    customerView,
  )!;
  expect(customerView.mirrored).toBe(true);
  expect(Math.abs(shown.x - aimed.x)).toBeLessThan(0.02);
  expect(Math.abs(shown.y - aimed.y)).toBeLessThan(0.02);
  await screenshot(customer, 'assist-12-pointer-on-customer');

  // A drag: a trail of smaller marks; all fade within a few seconds.
  const start = { x: panelBox.x + agentView.left + 40, y: panelBox.y + agentView.top + 40 };
  await hosted.page.mouse.move(start.x, start.y);
  await hosted.page.mouse.down();
  for (let step = 1; step <= 8; step++) {
    await hosted.page.mouse.move(start.x + step * 20, start.y + step * 10);
    await new Promise((resolve) => setTimeout(resolve, 60));
  }
  await hosted.page.mouse.up();
  await eventually(async () => (await customer.locator('.pointer-mark.trail').count()) >= 3, true);
  await eventually(async () => customer.locator('.pointer-mark').count(), 0, 10_000);
});

test('audio only: offered when the network stays weak, taken at level 0, told to the agent, video offered back on recovery', async () => {
  const { panel, customer, task, customerIdentity } = await inCall();
  const customerSid = await edgeSidOf(stack.edge, task.roomSid, customerIdentity);
  expect(stack.edge.setNetworkQuality(customerSid, 1)).toBe(true);
  const offer = customer.locator('.assist-prompt[data-offer="audio-only"]');
  await hasText(offer.locator('p'), 'Your connection is weak. Switch to audio only?');
  await screenshot(customer, 'assist-13-audio-only-offered');
  // Ignored; then the network falls to 0: audio only is taken, and the agent told.
  expect(stack.edge.setNetworkQuality(customerSid, 0)).toBe(true);
  await hidden(customer.locator('.self-view video'));
  await visible(customer.getByRole('button', { name: 'Video on' }));
  await hasText(panel.locator('.assist-note'), 'The customer’s network is too weak for video: audio only.');
  await visible(panel.locator('.waiting'));

  // Recovered for long enough: video is offered back, and the customer's tap brings it.
  expect(stack.edge.setNetworkQuality(customerSid, 5)).toBe(true);
  const back = customer.locator('.assist-prompt[data-offer="video"]');
  await eventually(
    async () => (await back.locator('p').textContent())?.trim(),
    'Your connection is better again. Turn your video back on?',
    20_000,
  );
  await back.getByRole('button', { name: 'Video on' }).click();
  await visible(customer.locator('.self-view video'));
  await hidden(panel.locator('.assist-note'));

  // The agent's own choice reaches the customer.
  await panel.getByRole('button', { name: 'Audio only' }).click();
  await hasText(customer.locator('.assist-note'), 'The agent switched to audio only.');
});

test('the agent’s own network: audio only offered in the panel when it stays weak; taken, the customer is told why', async () => {
  const { hosted, panel, customer, task } = await inCall();
  const agentSid = await edgeSidOf(stack.edge, task.roomSid, task.agentIdentity);
  expect(stack.edge.setNetworkQuality(agentSid, 1)).toBe(true);
  const offer = panel.locator('.assist-offer[data-offer="audio-only"]');
  // The rule's 5 s of a weak level, after the level reaches the panel's SDK.
  await eventually(
    async () => (await offer.isVisible()) && (await offer.locator('p').textContent()),
    'Your connection is weak. Switch to audio only?',
    20_000,
  );
  await visible(offer.getByRole('button', { name: 'Not now' }));
  await panelShot(hosted, 'assist-14-agent-audio-only-offered');
  await offer.getByRole('button', { name: 'Audio only' }).click();
  await hidden(offer);
  await visible(panel.locator('[data-control="audio-only"][aria-pressed="true"]'));
  await hasText(
    customer.locator('.assist-note'),
    'The agent’s connection is too weak for video: you hear them without seeing them.',
  );
});
