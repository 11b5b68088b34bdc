import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Frame, Page } from 'playwright-core';
import { measureFrame, measureRawCamera } from './frame-measure';
import { ROOT, type StackOptions } from '../support/stack';
import { useStack } from '../support/use-stack';
import {
  openHostedPanel,
  panelScreen,
  panelVideoPlaying,
  startHost,
  type HostedPanel,
  type HostServer,
} from './agent-host';
import { eventually, hasText, useBrowserContext } from './harness';

/** VIDEO_AGENT_BACKGROUND in the panel, with Chromium's fake camera (a bright test pattern with
 * sharp edges and no person, so all of it is background): every view of the agent's camera is
 * the processed picture, measured from the video elements through a canvas. */

let flex: HostServer;
const FIXTURE = path.join(__dirname, 'fixtures', 'background-test.png');
const IMAGE_PATH = '/fixtures/background-test.png';
/** The fixture's colour: a saturated magenta that the fake camera never shows. */
const MAGENTA = { r: 230, g: 0, b: 200 };
let assetsDir = '';
/** Squared-gradient ratios to the raw camera, measured here: blurred ≈ 0.1, untouched ≈ 0.8–1.0
 * (the pattern moves between samples). The bounds leave room on both sides. */
const BLURRED = 0.35;
/** Below this, the element showed no picture at all (a blank frame is not a blurred one). */
const SHOWN = 0.01;
const UNTOUCHED = 0.5;
const options = (rule: string): StackOptions => ({
  env: {
    VIDEO_AGENT_BACKGROUND: rule,
    ...(rule === 'image' ? { VIDEO_AGENT_BACKGROUND_IMAGE: IMAGE_PATH } : {}),
  },
});
const stacks = { none: options('none'), blur: options('blur'), image: options('image') };
beforeAll(async () => {
  flex = await startHost();
  // The built assets plus the test picture, as a company would add its own to assets/.
  assetsDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bg-assets-'));
  fs.cpSync(path.join(ROOT, 'dist', 'assets'), assetsDir, { recursive: true });
  fs.mkdirSync(path.join(assetsDir, 'fixtures'));
  fs.copyFileSync(FIXTURE, path.join(assetsDir, IMAGE_PATH));
  for (const stack of Object.values(stacks)) {
    stack.env!.ALLOWED_ORIGINS = flex.origin;
    stack.assetsDir = assetsDir;
  }
});
afterAll(async () => {
  await flex?.close();
  fs.rmSync(assetsDir, { recursive: true, force: true });
});
const context = useBrowserContext();

/** Squared: blurring a step edge spreads it over more pixels without changing the sum of its
 * absolute differences, while the sum of their squares falls with the spread. */
const MEASURE = { exponent: 2, colour: MAGENTA } as const;

interface FrameStats {
  /** Mean squared luma difference between neighbouring pixels (frame-measure.ts). */
  gradient: number;
  /** Share of pixels within 60 of the fixture's colour on every channel. */
  magenta: number;
}

/** The fake camera's pattern moves: three frames a little apart, averaged, stand for the picture. */
async function frameStats(frame: Frame | Page, selector: string): Promise<FrameStats> {
  const samples: FrameStats[] = [];
  for (let i = 0; i < 3; i++) {
    if (i > 0) await new Promise((resolve) => setTimeout(resolve, 150));
    const { gradient, colourShare } = await measureFrame(frame, selector, MEASURE);
    samples.push({ gradient, magenta: colourShare });
  }
  const mean = (pick: (stats: FrameStats) => number) =>
    samples.reduce((sum, stats) => sum + pick(stats), 0) / samples.length;
  return { gradient: mean((stats) => stats.gradient), magenta: mean((stats) => stats.magenta) };
}

/** The raw fake camera at the size of the panel's picture: the gradient per pixel depends on the
 * size, so only equal sizes compare. */
async function rawCamera(baseUrl: string, size: { width: number; height: number }): Promise<FrameStats> {
  const page = await context.newPage();
  const { gradient, colourShare } = await measureRawCamera(page, `${baseUrl}/agent/panel.css`, size, MEASURE);
  await page.close();
  return { gradient, magenta: colourShare };
}

async function readyPanel(baseUrl: string, stack: ReturnType<typeof useStack>): Promise<HostedPanel> {
  const task = stack.fake.seedTask();
  const hosted = await openHostedPanel(context, flex, baseUrl, { token: task.token, taskSid: task.taskSid });
  await panelScreen(hosted, 'ready').waitFor();
  return hosted;
}

const shownSize = (hosted: HostedPanel, selector: string) =>
  hosted.panel.evaluate((sel) => {
    const video = document.querySelector<HTMLVideoElement>(sel)!;
    return { width: video.videoWidth, height: video.videoHeight };
  }, selector);

/** A ready panel whose preview plays, and the raw camera measured at the size it is shown. */
async function previewingPanel(
  stack: ReturnType<typeof useStack>,
): Promise<{ hosted: HostedPanel; raw: FrameStats }> {
  const hosted = await readyPanel(stack.baseUrl, stack);
  await panelVideoPlaying(hosted, '.preview-video video');
  const raw = await rawCamera(stack.baseUrl, await shownSize(hosted, '.preview-video video'));
  return { hosted, raw };
}

/** Blurred: a picture (above SHOWN), but softer than the raw camera (below BLURRED). */
function expectBlurred(view: FrameStats, raw: FrameStats): void {
  expect(view.gradient).toBeLessThan(raw.gradient * BLURRED);
  expect(view.gradient).toBeGreaterThan(raw.gradient * SHOWN);
}

const shownTrack = (hosted: HostedPanel, selector: string) =>
  hosted.panel.evaluate(
    (sel) => (document.querySelector<HTMLVideoElement>(sel)!.srcObject as MediaStream).getVideoTracks()[0].id,
    selector,
  );

/** Into the call: the self-view shows, and the call was joined with, the preview's own track. */
async function inCall(hosted: HostedPanel) {
  const preview = await shownTrack(hosted, '.preview-video video');
  await hosted.panel.getByRole('button', { name: 'Start video call' }).click();
  await panelVideoPlaying(hosted, '.self-view video');
  expect(await shownTrack(hosted, '.self-view video')).toBe(preview);
  const connects = await hosted.panel.evaluate(
    () =>
      (window as unknown as { __fakeVideo: { connects: { mediaStreamTrackIds: string[] }[] } }).__fakeVideo
        .connects,
  );
  expect(connects.at(-1)!.mediaStreamTrackIds).toContain(preview);
  // The raw camera track is never shown or sent: the only camera-kind track in play is a canvas capture.
  expect(
    await hosted.panel.evaluate((id) => {
      const shown = (
        document.querySelector<HTMLVideoElement>('.self-view video')!.srcObject as MediaStream
      ).getVideoTracks()[0];
      const raw = (window as unknown as { __media: { tracks: MediaStreamTrack[] } }).__media.tracks.filter(
        (track) => track.kind === 'video',
      );
      return shown.id === id && raw.every((track) => track.id !== id);
    }, preview),
  ).toBe(true);
}

describe('blur', () => {
  const stack = useStack(stacks.blur);
  test('the preview, the self-view and the published track are all blurred; the raw camera is never shown', async () => {
    const { hosted, raw } = await previewingPanel(stack);
    expectBlurred(await frameStats(hosted.panel, '.preview-video video'), raw);
    // The processors came from this service, not a CDN, under the page's CSP.
    expect(
      hosted.requests.some(
        (url) => url.startsWith(`${stack.baseUrl}/processors/`) && url.endsWith('.tflite'),
      ),
    ).toBe(true);
    expect(
      hosted.requests.filter((url) => !url.startsWith(stack.baseUrl) && !url.startsWith(flex.origin)),
    ).toEqual([]);
    expect(await hosted.cspViolations()).toEqual([]);

    await inCall(hosted);
    expectBlurred(await frameStats(hosted.panel, '.self-view video'), raw);
  });

  test('where the processor cannot run, the camera stays off with the reason; the microphone still works', async () => {
    // As a browser that cannot load or run the processors: their files never arrive.
    await context.route('**/processors/**', (route) => route.abort('failed'));
    try {
      const hosted = await readyPanel(stack.baseUrl, stack);
      await hasText(
        hosted.panel.locator('.media-notes p'),
        'Your company requires a background effect that this browser can’t apply, so your camera stays off. The customer can still hear you. Use an up-to-date Chrome or Edge to be seen.',
      );
      expect(await hosted.panel.locator('.preview-video video').isHidden()).toBe(true);
      // The camera was opened and stopped at once; the microphone stays live.
      const live = await hosted.panel.evaluate(() =>
        (window as unknown as { __media: { tracks: MediaStreamTrack[] } }).__media.tracks.map(
          (track) => `${track.kind}:${track.readyState}`,
        ),
      );
      expect(live).toEqual(expect.arrayContaining(['audio:live', 'video:ended']));
      expect(live).not.toContain('video:live');
    } finally {
      await context.unroute('**/processors/**');
    }
  });
});

describe('image', () => {
  const stack = useStack(stacks.image);
  test('the company picture replaces the background in every view', async () => {
    const { hosted, raw } = await previewingPanel(stack);
    expect(raw.magenta).toBeLessThan(0.05);
    await eventually(
      async () => (await frameStats(hosted.panel, '.preview-video video')).magenta > 0.6,
      true,
      10_000,
    );
    await inCall(hosted);
    expect((await frameStats(hosted.panel, '.self-view video')).magenta).toBeGreaterThan(0.6);
  });
});

describe('none', () => {
  const stack = useStack(stacks.none);
  test('the camera as it is, and no processor file is fetched', async () => {
    const { hosted, raw } = await previewingPanel(stack);
    const preview = await frameStats(hosted.panel, '.preview-video video');
    // The same pattern, sharp: within the frame-to-frame variation of the moving pattern.
    expect(preview.gradient).toBeGreaterThan(raw.gradient * UNTOUCHED);
    expect(hosted.requests.filter((url) => url.includes('/processors/'))).toEqual([]);
  });
});
