import type { Browser } from 'playwright-core';
import { startSandbox, type Sandbox } from '../../dev/sandbox/server';
import { freePort } from '../../dev/twilio-run';
import { seriousViolations } from '../browser/axe';
import { launchChromium, visible } from '../browser/harness';

/** The sandbox's console (the page a newcomer meets first, playing Flex around the real agent
 * panel) as assistive technology meets it: an axe audit of the whole page, its frame included,
 * before and during a call. */

let sandbox: Sandbox;
let browser: Browser;
beforeAll(async () => {
  sandbox = await startSandbox({ port: await freePort(), log: () => undefined });
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await sandbox?.stop();
});

test('the console, before and during a call: no serious or critical violation', async () => {
  const context = await browser.newContext({ viewport: { width: 1400, height: 860 } });
  const console_ = await context.newPage();
  console_.setDefaultTimeout(20_000);
  await console_.goto(`${sandbox.url}/`);
  await visible(console_.getByText('Development sandbox'));
  const panel = console_.frameLocator('#panel');
  await panel.getByRole('button', { name: 'Start video call' }).waitFor();
  expect(await seriousViolations(console_)).toEqual([]);

  await panel.getByRole('button', { name: 'Start video call' }).click();
  await panel.locator('#app > section[data-state="waiting"]').waitFor();
  await visible(console_.locator('#messages li[data-kind="invite"] a'));
  expect(await seriousViolations(console_)).toEqual([]);
  await context.close();
});
