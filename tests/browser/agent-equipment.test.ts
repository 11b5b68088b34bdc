import type { BrowserContext } from 'playwright-core';
import type { CheckReport } from '../../src/panel-protocol';
import { decodeJwt } from '../support/jwt';
import { useStack } from '../support/use-stack';
import {
  openPanelOnTask,
  panelScreen,
  panelShot,
  panelVideoPlaying,
  useFlexHost,
  type HostedPanel,
} from './agent-host';
import { launchChromium, useBrowserContext, visible, voiceWav } from './harness';
import { preflightDouble, type ProbeOutcome } from './preflight-double';

/** The equipment check in the panel, on the real SDK through the stack's Video edge, with
 * Chromium's fake camera and a fake microphone playing a voice at a good level (voiceWav): a
 * verdict and advice per item, the host told, a network that cannot reach Twilio said to be one,
 * and Chromium's own full-scale beep said to be clipping. */

const { flex, env } = useFlexHost();
const stack = useStack({ env });
const context = useBrowserContext({ fakeAudioFile: voiceWav() });

async function readyPanel(
  probe: ProbeOutcome | 'real' = 'good',
  inContext: BrowserContext = context,
): Promise<HostedPanel> {
  if (probe !== 'real') await preflightDouble(inContext, probe);
  const task = stack.fake.seedTask();
  const hosted = await openPanelOnTask(inContext, flex, stack.baseUrl, task);
  await panelScreen(hosted, 'ready').waitFor();
  return hosted;
}

const row = (hosted: HostedPanel, item: string) =>
  hosted.panel.locator(`.equipment-check li[data-item="${item}"]`);
const verdicts = (hosted: HostedPanel) =>
  hosted.panel
    .locator('.equipment-check li')
    .evaluateAll((rows) =>
      Object.fromEntries(
        rows.map((li): [string, string | null] => [
          (li as HTMLElement).dataset.item ?? '',
          (li as HTMLElement).dataset.verdict ?? null,
        ]),
      ),
    );
/** What the check measured of the microphone, as the host's check message reports it. */
const microphoneFigures = (message: Record<string, unknown>) =>
  (message.items as CheckReport).microphone.figures ?? {};
async function checkMessages(hosted: HostedPanel) {
  return (await hosted.received())
    .map((m) => m.data as Record<string, unknown>)
    .filter((data) => data?.type === 'video-escalation:check');
}

test('every item gets a verdict with advice; the meter moves; the host gets one check message', async () => {
  const hosted = await readyPanel();
  const panel = hosted.panel;
  const levels: number[] = [];
  await panel.getByRole('button', { name: 'Check my equipment' }).click();
  // The live meter while the microphone is listened to.
  await visible(panel.locator('.check-meter meter'));
  for (let i = 0; i < 5; i++) {
    levels.push(
      Number(
        await panel.locator('.check-meter meter').evaluate((meter) => (meter as HTMLMeterElement).value),
      ),
    );
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  await visible(panel.getByRole('button', { name: 'Check again' }), 30_000);
  expect(Math.max(...levels)).toBeGreaterThan(0);

  // Chromium's fake camera: a moving, lit 1280×720 picture; the microphone, a voice at a good level.
  expect(await verdicts(hosted)).toEqual({
    camera: 'good',
    microphone: 'good',
    speakers: 'good',
    network: 'good',
  });
  expect(await row(hosted, 'camera').textContent()).toMatch(
    /Camera: Good The picture is clear and moving \(\d+×\d+\)\./,
  );
  expect(await row(hosted, 'network').textContent()).toContain(
    'Network to Twilio: Good Good: connected in 180 ms, round trip 45 ms, jitter 3 ms, 0% packets lost.',
  );
  expect(await panel.locator('.check-note').textContent()).toContain('Headphones or a headset');
  // The check judged the camera the preview shows.
  await panelVideoPlaying(hosted, '.preview-video video');

  const messages = await checkMessages(hosted);
  expect(messages).toHaveLength(1);
  expect(messages[0]).toMatchObject({
    type: 'video-escalation:check',
    verdict: 'good',
    items: {
      camera: { verdict: 'good', finding: 'camera-good' },
      microphone: { verdict: 'good', finding: 'microphone-good', figures: { clippedShare: 0 } },
      speakers: { verdict: 'good', finding: 'speakers-played' },
      network: {
        verdict: 'good',
        finding: 'network-good',
        figures: { connectMs: 180, rttMs: 45, jitterMs: 3, packetLossPercent: 0 },
      },
    },
  });
  // The voice was heard at its own level or above (voiceWav), never at full scale.
  const { peak } = microphoneFigures(messages[0]);
  expect(peak).toBeGreaterThanOrEqual(0.1);
  expect(peak).toBeLessThan(0.99);
  // The preflight ran with the service's throwaway token, never the agent's room token.
  const preflights = await panel.evaluate(
    () => (window as unknown as { __preflightDouble: { runs: { token: string }[] } }).__preflightDouble.runs,
  );
  expect(preflights).toHaveLength(1);
  expect(decodeJwt(preflights[0].token).grants.video?.room).toMatch(/^preflight-/);
  await panelShot(hosted, 'agent-30-equipment-check');
});

test('a poor network is a problem with its figures and what to do', async () => {
  const hosted = await readyPanel('poor');
  await hosted.panel.getByRole('button', { name: 'Check my equipment' }).click();
  await visible(hosted.panel.getByRole('button', { name: 'Check again' }), 30_000);
  expect((await verdicts(hosted)).network).toBe('problem');
  expect(await row(hosted, 'network').textContent()).toContain(
    'Too weak for video: round trip 520 ms, jitter 90 ms, 9% packets lost.',
  );
  expect((await checkMessages(hosted))[0]).toMatchObject({ verdict: 'problem' });
});

test('without a camera the camera item says so and the rest is still judged', async () => {
  const hosted = await readyPanel();
  // Camera and microphone are allowed here, so the preview starts unasked; the agent turns the camera off.
  await panelVideoPlaying(hosted, '.preview-video video');
  await hosted.panel.locator('[data-control="camera"]').click();
  await visible(hosted.panel.locator('.preview-video .video-off'));
  await hosted.panel.getByRole('button', { name: 'Check my equipment' }).click();
  await visible(hosted.panel.getByRole('button', { name: 'Check again' }), 30_000);
  expect(await verdicts(hosted)).toMatchObject({ camera: 'problem', microphone: 'good' });
  expect(await row(hosted, 'camera').textContent()).toContain('No camera is on.');
});

test('with the real SDK and Twilio out of reach: "cannot be reached", whatever network the machine has', async () => {
  // Every connection to Twilio is refused here, so the outcome does not depend on the machine
  // being offline. How soon the check gives up is the reach deadline's, proven with a fake clock
  // in src/pages/agent/equipment-network.test.ts.
  const refused: string[] = [];
  await context.routeWebSocket(/twilio\.com/, (socket) => {
    refused.push(socket.url());
    return socket.close();
  });
  await context.route(/^https?:\/\/[^/]*twilio\.com\//, (route) => {
    refused.push(route.request().url());
    return route.abort('connectionrefused');
  });
  const hosted = await readyPanel('real');
  await hosted.panel.getByRole('button', { name: 'Check my equipment' }).click();
  await visible(hosted.panel.locator('.equipment-check li[data-item="network"][data-verdict]'), 15_000);
  expect(await row(hosted, 'network').textContent()).toContain(
    'Network to Twilio: Problem Twilio can’t be reached from this network.',
  );
  expect(refused.length).toBeGreaterThan(0);
  expect(await hosted.cspViolations()).toEqual([]);
});

test('Chromium’s own fake microphone, a full-scale beep, is clipping: a warning with its figures', async () => {
  const browser = await launchChromium();
  try {
    const hosted = await readyPanel('good', await browser.newContext());
    await hosted.panel.getByRole('button', { name: 'Check my equipment' }).click();
    await visible(hosted.panel.getByRole('button', { name: 'Check again' }), 30_000);
    expect((await verdicts(hosted)).microphone).toBe('warning');
    const [message] = await checkMessages(hosted);
    expect(message).toMatchObject({
      items: { microphone: { verdict: 'warning', finding: 'microphone-clipping' } },
    });
    const { peak, clippedShare } = microphoneFigures(message);
    expect(peak).toBeGreaterThanOrEqual(0.99);
    expect(clippedShare).toBeGreaterThan(0.2);
  } finally {
    await browser.close();
  }
});
