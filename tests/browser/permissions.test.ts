import { useStack } from '../support/use-stack';
import { escalated } from '../support/escalated';
import {
  fakeVideoRecord,
  hasText,
  hidden,
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
  const { joinUrl } = await escalated(stack);
  const { page } = await openPage(context);
  await page.goto(joinUrl);
  await waitForScreen(page, 'preview');
  await page.getByRole('button', { name: 'Turn on camera and microphone' }).click();
  await visible(page.locator('.join-form'));
  return page;
}

async function joinedTrackKinds(page: Awaited<ReturnType<typeof previewWithMedia>>, joinLabel: string) {
  await page.getByRole('button', { name: joinLabel }).click();
  await page.locator('#app > section.call').waitFor();
  return (await fakeVideoRecord(page)).connects[0].trackKinds;
}

test('both blocked: explained for this browser, retry once allowed, or join without media', async () => {
  const page = await previewWithMedia([]);
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
  const page = await previewWithMedia([]);
  expect(await joinedTrackKinds(page, 'Join without camera and microphone')).toEqual([]);
});

test('camera blocked, microphone allowed: audio only', async () => {
  const page = await previewWithMedia(['microphone']);
  await visible(page.getByRole('alert').getByText('Your browser blocked the camera.'));
  await visible(page.getByRole('alert').getByText(CHROME_HELP));
  await visible(page.getByRole('button', { name: 'Mute microphone' }));
  await screenshot(page, '31-camera-denied');
  expect(await joinedTrackKinds(page, 'Join with audio only')).toEqual(['audio']);
});

test('microphone blocked, camera allowed: video only', async () => {
  const page = await previewWithMedia(['camera']);
  await waitForVideoPlaying(page, '.preview-video video');
  await visible(page.getByRole('alert').getByText('Your browser blocked the microphone.'));
  expect(await joinedTrackKinds(page, 'Join with video only')).toEqual(['video']);
});
