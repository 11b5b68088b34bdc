import fs from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { useStack } from '../support/use-stack';
import { openPanelOnTask, panelScreen, panelShot, useFlexHost, type HostedPanel } from './agent-host';
import { useFakeCameraClips } from './appearance-shots';
import { launchChromium, visible } from './harness';
import { ROOT } from '../support/stack';

/** The appearance check in the panel, on the stack, with Chromium's fake camera playing a clip
 * made from a labelled photograph (tests/fixtures/appearance/): the verdicts the agent sees, the
 * face box and guide frame on the preview. */

const { flex, env } = useFlexHost();
const stack = useStack({ env });
const CLIPS = ['obama-good', 'astronaut-backlit', 'hopper-off-centre-left'] as const;
const clips = useFakeCameraClips(CLIPS);

let browser: Browser | undefined;
afterEach(() => browser?.close());

/** The panel on a task, its fake camera playing `clip`, after the appearance check has judged
 * the picture. */
async function checkedWith(clip: (typeof CLIPS)[number]): Promise<HostedPanel> {
  browser = await launchChromium({ fakeVideoFile: clips.clip(clip) });
  const context = await browser.newContext({ viewport: { width: 1280, height: 1400 } });
  // Tall enough for the preview and both checks in one picture (the README's screenshot).
  const hosted = await openPanelOnTask(context, flex, stack.baseUrl, stack.fake.seedTask(), {
    size: { width: 420, height: 1300 },
  });
  await panelScreen(hosted, 'ready').waitFor();
  await hosted.panel.getByRole('button', { name: 'Check how I look and sound' }).click();
  for (const item of ['framing', 'lighting'])
    await hosted.panel
      .locator(`.appearance-check li[data-item="appearance-${item}"][data-verdict]`)
      .waitFor({ timeout: 60_000 });
  return hosted;
}

const finding = (hosted: HostedPanel, item: string) =>
  hosted.panel.locator(`.appearance-check li[data-item="appearance-${item}"]`).getAttribute('data-finding');

test('a centred, lit face: framing and lighting are good, the face box sits in the guide frame', async () => {
  const hosted = await checkedWith('obama-good');
  expect(await finding(hosted, 'framing')).toBe('appearance-framing-good');
  expect(await finding(hosted, 'lighting')).toBe('appearance-lighting-good');
  const row = hosted.panel.locator('.appearance-check li[data-item="appearance-framing"]');
  expect(await row.textContent()).toBe(
    'Framing: Good Your face is centred at a good size, with the camera near eye level.',
  );

  // The marks on the preview, in the frame's pixels: the face inside the guide, give or take.
  const overlay = hosted.panel.locator('.appearance-overlay');
  expect(await overlay.getAttribute('data-face')).toBe('found');
  const box = async (selector: string) =>
    overlay
      .locator(selector)
      .evaluate((rect) => ['x', 'y', 'width', 'height'].map((name) => Number(rect.getAttribute(name))));
  const [gx, gy, gw, gh] = await box('.appearance-guide');
  const [fx, fy, fw, fh] = await box('.appearance-face');
  expect(fw).toBeGreaterThan(0);
  expect(Math.abs(fx + fw / 2 - (gx + gw / 2))).toBeLessThan(gw / 2);
  expect(Math.abs(fy + fh / 2 - (gy + gh / 2))).toBeLessThan(gh / 2);

  // The voice and echo items come after the agent has read the sentence.
  await hosted.panel
    .locator('.appearance-check li[data-item="appearance-voice"][data-verdict]')
    .waitFor({ timeout: 30_000 });
  await visible(hosted.panel.locator('.appearance-check li[data-item="appearance-echo"][data-verdict]'));
  const shot = await panelShot(hosted, 'appearance-check');
  fs.mkdirSync(path.join(ROOT, 'docs', 'screenshots'), { recursive: true });
  fs.copyFileSync(shot, path.join(ROOT, 'docs', 'screenshots', 'agent-appearance-check.png'));
});

test('a window behind the agent: lighting warns of backlight, framing stays good', async () => {
  const hosted = await checkedWith('astronaut-backlit');
  expect(await finding(hosted, 'lighting')).toBe('appearance-backlit');
  expect(await finding(hosted, 'framing')).toBe('appearance-framing-good');
  expect(
    await hosted.panel
      .locator('.appearance-check li[data-item="appearance-lighting"]')
      .getAttribute('data-verdict'),
  ).toBe('warning');
});

test('a face to one side: framing warns it is off-centre', async () => {
  const hosted = await checkedWith('hopper-off-centre-left');
  expect(await finding(hosted, 'framing')).toBe('appearance-off-centre');
  expect(await hosted.panel.locator('.appearance-overlay').getAttribute('data-verdict')).toBe('warning');
});
