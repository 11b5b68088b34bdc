import { useStack } from '../support/use-stack';
import { escalated } from '../support/escalated';
import {
  eventually,
  hasText,
  hidden,
  joinAsOtherParty,
  openPage,
  useBrowserContext,
  screenshot,
  visible,
  waitForScreen,
  waitForVideoPlaying,
} from './harness';

/** The customer blocks the camera, the microphone or both. Chromium runs without its fake
 * permission UI here, so whatever the context has not been granted is refused, as when a
 * customer taps "Block". The page explains it for this browser and still lets them join. */

const stack = useStack();
const context = useBrowserContext({ fakeUi: false }, { viewport: { width: 1280, height: 800 } });

const CHROME_HELP =
  'Select the camera icon at the right of the address bar, choose “Always allow”, then select “Try again”.';

async function previewWithMedia(allowed: ('camera' | 'microphone')[]) {
  if (allowed.length) await context.grantPermissions(allowed, { origin: stack.baseUrl });
  const invite = await escalated(stack);
  const { page } = await openPage(context);
  await page.goto(invite.joinUrl);
  await waitForScreen(page, 'preview');
  await page.getByRole('button', { name: 'Turn on camera and microphone' }).click();
  await visible(page.locator('.join-form'));
  return { page, invite };
}

/** Joins with that button; the kinds of media track the agent (a second page, itself without
 * camera or microphone) sees the customer publish, beside the visual assist's data track that
 * every call has. */
async function joinedTrackKinds(
  { page, invite }: Awaited<ReturnType<typeof previewWithMedia>>,
  joinLabel: string,
  expected: string[],
) {
  await page.getByRole('button', { name: joinLabel }).click();
  await page.locator('#app > section.call').waitFor();
  const customer = stack.edge.list().find((p) => p.roomSid === invite.roomSid)!;
  const agent = await joinAsOtherParty(context, stack.baseUrl, invite.roomName, invite.agentIdentity, false);
  await eventually(() => agent.publishedBy(customer.identity), ['data', ...expected].sort(), 15_000);
}

test('both blocked: explained for this browser, retry once allowed, or join without media', async () => {
  const { page } = await previewWithMedia([]);
  await visible(page.getByRole('alert').getByText('Your browser blocked the camera and microphone.'));
  await visible(page.getByRole('alert').getByText(CHROME_HELP));
  await hasText(page.locator('.preview-video .video-off'), 'No camera');
  expect(await page.getByRole('button', { name: 'Unmute microphone' }).isDisabled()).toBe(true);
  await screenshot(page, '30-permission-denied');

  // The customer allows both in the address bar and tries again.
  await context.grantPermissions(['camera', 'microphone'], { origin: stack.baseUrl });
  await page.getByRole('button', { name: 'Try again' }).click();
  await waitForVideoPlaying(page, '.preview-video video');
  await hidden(page.locator('.problems'));
  await visible(page.getByRole('button', { name: 'Join call' }));
});

test('both blocked and joining anyway: the call has no local tracks', async () => {
  await joinedTrackKinds(await previewWithMedia([]), 'Join without camera and microphone', []);
});

test('camera blocked, microphone allowed: audio only', async () => {
  const preview = await previewWithMedia(['microphone']);
  const page = preview.page;
  await visible(page.getByRole('alert').getByText('Your browser blocked the camera.'));
  await visible(page.getByRole('alert').getByText(CHROME_HELP));
  await visible(page.getByRole('button', { name: 'Mute microphone' }));
  await screenshot(page, '31-camera-denied');
  await joinedTrackKinds(preview, 'Join with audio only', ['audio']);
});

test('microphone blocked, camera allowed: video only', async () => {
  const preview = await previewWithMedia(['camera']);
  await waitForVideoPlaying(preview.page, '.preview-video video');
  await visible(preview.page.getByRole('alert').getByText('Your browser blocked the microphone.'));
  await joinedTrackKinds(preview, 'Join with video only', ['video']);
});
