import type { Browser } from 'playwright-core';
import { startSandbox, type Sandbox } from '../../dev/sandbox/server';
import { freePort } from '../../dev/twilio-run';
import { launchChromium, screenshot, visible } from '../browser/harness';

/** The sandbox under VIDEO_SNAPSHOTS=ask: the console's agent takes a picture, the customer
 * allows it on the real join page, and the console's customer chat shows the picture itself. */

let sandbox: Sandbox;
let browser: Browser;
beforeAll(async () => {
  sandbox = await startSandbox({
    port: await freePort(),
    log: () => undefined,
    env: { VIDEO_SNAPSHOTS: 'ask' },
  });
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await sandbox?.stop();
});

test('a picture the customer allowed shows in the console’s customer chat', async () => {
  const context = await browser.newContext({ viewport: { width: 1400, height: 860 } });
  const console_ = await context.newPage();
  console_.setDefaultTimeout(20_000);
  await console_.goto(`${sandbox.url}/`);
  const panel = console_.frameLocator('#panel');
  await panel.getByRole('button', { name: 'Start video call' }).click();
  const link = console_.locator('#messages li[data-kind="invite"] a');
  await visible(link, 20_000);
  const [customer] = await Promise.all([context.waitForEvent('page'), link.click()]);
  customer.setDefaultTimeout(20_000);
  const turnOn = customer.getByRole('button', { name: 'Turn on camera and microphone' });
  const join = customer.getByRole('button', { name: 'Join call' });
  await turnOn.or(join).first().waitFor();
  if (await turnOn.isVisible()) await turnOn.click();
  await join.click();
  await customer.locator('#app > section[data-state="live"]').waitFor();
  await customer.waitForFunction(() => '__joinAssist' in window);

  await panel.getByRole('button', { name: 'Take picture' }).click();
  await customer.getByRole('alertdialog').getByRole('button', { name: 'Allow' }).click();
  const picture = console_.locator('#messages li[data-kind="snapshot-taken"] img.media');
  await visible(picture, 20_000);
  await console_.waitForFunction(
    () => (document.querySelector<HTMLImageElement>('#messages img.media')?.naturalWidth ?? 0) > 0,
  );
  const shown = await picture.evaluate((img: HTMLImageElement) => [img.naturalWidth, img.naturalHeight]);
  expect(shown[0]).toBeGreaterThan(0);
  expect(shown[1]).toBeGreaterThan(0);
  await screenshot(console_, 'sandbox-snapshot');
  await context.close();
});
