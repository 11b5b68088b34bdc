import type { Frame, Page } from 'playwright-core';

/**
 * What a video element shows now, measured through a canvas at the element's own video size
 * (downscaling would blur every picture alike): how sharp it is, and how much of it is one colour.
 * The blur tests of both pages measure with this.
 */
export interface FrameMeasure {
  /** Mean luma difference between neighbouring pixels, raised to `exponent`: sharp edges make it
   * high. Squared (2), blurring a step edge lowers it; plain (1), only fine texture does. */
  gradient: number;
  /** Share of pixels within 60 of `colour` on every channel (0 without a colour). */
  colourShare: number;
}

export interface MeasureOptions {
  exponent: 1 | 2;
  /** Measure only the top part of the frame (a fraction of its height), e.g. where a test pattern
   * has background only. */
  topFraction?: number;
  colour?: { r: number; g: number; b: number };
}

export function measureFrame(
  frame: Frame | Page,
  selector: string,
  options: MeasureOptions,
): Promise<FrameMeasure> {
  return frame.evaluate(
    ([sel, { exponent, topFraction = 1, colour }]) => {
      const video = document.querySelector<HTMLVideoElement>(sel)!;
      const canvas = document.createElement('canvas');
      const [W, H] = [video.videoWidth, video.videoHeight];
      canvas.width = W;
      canvas.height = H;
      const context = canvas.getContext('2d')!;
      context.drawImage(video, 0, 0, W, H);
      const { data } = context.getImageData(0, 0, W, H);
      const luma = (i: number) => 0.299 * data[i * 4] + 0.587 * data[i * 4 + 1] + 0.114 * data[i * 4 + 2];
      const rows = Math.min(H - 1, Math.floor(H * topFraction));
      let gradient = 0;
      for (let y = 0; y < rows; y++) {
        for (let x = 0; x < W - 1; x++) {
          const i = y * W + x;
          gradient +=
            Math.abs(luma(i) - luma(i + 1)) ** exponent + Math.abs(luma(i) - luma(i + W)) ** exponent;
        }
      }
      let matching = 0;
      if (colour) {
        for (let i = 0; i < W * H; i++) {
          if (
            Math.abs(data[i * 4] - colour.r) < 60 &&
            Math.abs(data[i * 4 + 1] - colour.g) < 60 &&
            Math.abs(data[i * 4 + 2] - colour.b) < 60
          )
            matching++;
        }
      }
      return { gradient: gradient / ((W - 1) * rows), colourShare: matching / (W * H) };
    },
    [selector, options] as const,
  );
}

/** The raw fake camera, opened by the test itself on the service's origin at `size`, measured
 * like the page's picture: the baseline a processed picture is compared with. */
export async function measureRawCamera(
  page: Page,
  url: string,
  size: { width: number; height: number },
  options: MeasureOptions,
): Promise<FrameMeasure> {
  await page.goto(url);
  await page.evaluate(async ({ width, height }) => {
    const video = document.createElement('video');
    video.id = 'raw';
    video.muted = true;
    document.body.append(video);
    video.srcObject = await navigator.mediaDevices.getUserMedia({
      video: { width: { exact: width }, height: { exact: height } },
    });
    await video.play();
  }, size);
  await page.waitForFunction(() => document.querySelector<HTMLVideoElement>('#raw')!.videoWidth > 0);
  return measureFrame(page, '#raw', options);
}
