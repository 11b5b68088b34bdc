import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import type { Look } from '../../src/pages/agent/appearance-script';
import { ROOT } from '../support/stack';
import { launchChromium } from './harness';

/** The labelled pictures (tests/fixtures/appearance/README.md) made into camera frames in
 * Chromium, where the appearance check's own detector (the built /agent/appearance.js) looks at
 * them: the accuracy test judges them, the check's page test turns them into fake-camera clips. */

export const FIXTURES = path.join(ROOT, 'tests', 'fixtures', 'appearance');

export interface Shot {
  eyeToChin: number;
  eyesAt: [number, number];
  exposure?: number;
  backdrop?: number;
  /** Light from the picture's left: brightness falls across the face to this share on its right. */
  sideLight?: number;
}

export interface LabelledShot {
  id: string;
  source: string;
  shot: Shot;
  framing: 'good' | 'off-centre' | 'too-close' | 'too-far';
  lighting: 'good' | 'dark' | 'backlit' | 'uneven';
}

interface Anchor {
  eyes: [number, number];
  eyeToChin: number;
}

export interface Labels {
  frame: { width: number; height: number };
  sources: Record<string, Anchor>;
  cases: LabelledShot[];
}

export const labels = JSON.parse(fs.readFileSync(path.join(FIXTURES, 'labels.json'), 'utf8')) as Labels;

/** The built assets of the panel (/agent/…) and the pictures (/fixtures/…), on loopback. The
 * detector needs nothing else, so these tests run without the whole stack. */
export function serveShots(): { origin: () => string } {
  let server: http.Server | undefined;
  const roots: Record<string, string> = {
    '/agent/': path.join(ROOT, 'dist', 'assets', 'agent'),
    '/fixtures/': FIXTURES,
  };
  beforeAll(async () => {
    server = http.createServer((request, response) => {
      const url = new URL(request.url ?? '/', 'http://localhost');
      for (const [prefix, dir] of Object.entries(roots)) {
        if (!url.pathname.startsWith(prefix)) continue;
        const file = path.join(dir, path.normalize(url.pathname.slice(prefix.length)));
        if (file.startsWith(dir) && fs.existsSync(file) && fs.statSync(file).isFile()) {
          const type = file.endsWith('.wasm') ? 'application/wasm' : 'application/octet-stream';
          response.writeHead(200, { 'Content-Type': type }).end(fs.readFileSync(file));
          return;
        }
      }
      response
        .writeHead(url.pathname === '/' ? 200 : 404, { 'Content-Type': 'text/html' })
        .end('<!doctype html>');
    });
    await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  });
  afterAll(() => new Promise((resolve) => server?.close(resolve)));
  return {
    origin: () => {
      const address = server?.address();
      if (!address || typeof address === 'string') throw new Error('the shots server is not listening');
      return `http://127.0.0.1:${address.port}`;
    },
  };
}

/** Draws `labelled` into the page's canvas `window.__shot` (640×360): the photograph moved and
 * scaled so its eyes land at `eyesAt` and its eye-to-chin distance is `eyeToChin` of the height,
 * on a grey wall; then the exposure, and a bright backdrop around the person's outline. */
export async function renderShot(page: Page, labelled: LabelledShot): Promise<void> {
  const anchor = labels.sources[labelled.source];
  await page.evaluate(
    async ({ source, anchor, shot, frame }) => {
      const image = new Image();
      image.src = `/fixtures/${source}`;
      await image.decode();
      const canvas = document.createElement('canvas');
      canvas.width = frame.width;
      canvas.height = frame.height;
      const context = canvas.getContext('2d', { willReadFrequently: true })!;
      const length = shot.eyeToChin * frame.height;
      const scale = length / (anchor.eyeToChin * image.naturalHeight);
      const eyeX = shot.eyesAt[0] * frame.width;
      const eyeY = shot.eyesAt[1] * frame.height;
      context.fillStyle = 'rgb(128,128,128)';
      context.fillRect(0, 0, frame.width, frame.height);
      context.drawImage(
        image,
        eyeX - anchor.eyes[0] * image.naturalWidth * scale,
        eyeY - anchor.eyes[1] * image.naturalHeight * scale,
        image.naturalWidth * scale,
        image.naturalHeight * scale,
      );
      if (shot.exposure !== undefined) {
        // The whole room darker, wall included.
        const level = Math.round(255 * shot.exposure);
        context.globalCompositeOperation = 'multiply';
        context.fillStyle = `rgb(${level},${level},${level})`;
        context.fillRect(0, 0, frame.width, frame.height);
        context.globalCompositeOperation = 'source-over';
      }
      if (shot.sideLight !== undefined) {
        // A lamp to one side: full light on the left of the face, falling across its middle to
        // `sideLight` on its right.
        const level = Math.round(255 * shot.sideLight);
        const gradient = context.createLinearGradient(eyeX - 0.4 * length, 0, eyeX + 0.4 * length, 0);
        gradient.addColorStop(0, 'rgb(255,255,255)');
        gradient.addColorStop(1, `rgb(${level},${level},${level})`);
        context.globalCompositeOperation = 'multiply';
        context.fillStyle = gradient;
        context.fillRect(0, 0, frame.width, frame.height);
        context.globalCompositeOperation = 'source-over';
      }
      if (shot.backdrop !== undefined) {
        // Everything but the head, the neck and the shoulders, filled with the backdrop.
        const outline = new Path2D();
        outline.rect(0, 0, frame.width, frame.height);
        outline.ellipse(eyeX, eyeY - 0.15 * length, 1.05 * length, 1.5 * length, 0, 0, 2 * Math.PI);
        outline.rect(eyeX - 0.6 * length, eyeY + 0.8 * length, 1.2 * length, length);
        outline.moveTo(eyeX - length, eyeY + 1.5 * length);
        outline.lineTo(eyeX + length, eyeY + 1.5 * length);
        outline.lineTo(eyeX + 2.8 * length, eyeY + 2.6 * length);
        outline.lineTo(eyeX + 2.8 * length, frame.height);
        outline.lineTo(eyeX - 2.8 * length, frame.height);
        outline.lineTo(eyeX - 2.8 * length, eyeY + 2.6 * length);
        outline.closePath();
        const level = shot.backdrop;
        context.fillStyle = `rgb(${level},${level},${level})`;
        context.fill(outline, 'evenodd');
      }
      (window as unknown as { __shot: HTMLCanvasElement }).__shot = canvas;
    },
    { source: labelled.source, anchor, shot: labelled.shot, frame: labels.frame },
  );
}

/** Loads the check's detector into the page (script, models, WebAssembly), as the panel does. */
export async function loadDetector(page: Page, origin: string): Promise<void> {
  await page.goto(`${origin}/`);
  await page.evaluate(async () => {
    await new Promise((resolve, reject) => {
      const script = document.createElement('script');
      script.src = '/agent/appearance.js';
      script.onload = resolve;
      script.onerror = reject;
      document.head.append(script);
    });
    type Scope = { __agentFaceFinder: (path: string) => Promise<unknown>; __finder: unknown };
    const scope = window as unknown as Scope;
    scope.__finder = await scope.__agentFaceFinder('/agent/appearance-models/');
  });
}

/** The detector's look at the current shot, as the check's rules receive it. */
export async function lookAtShot(page: Page): Promise<Look> {
  const look = await page.evaluate(async () => {
    type Scope = {
      __finder: { look(frame: HTMLCanvasElement): Promise<Look> };
      __shot: HTMLCanvasElement;
    };
    const scope = window as unknown as Scope;
    const seen = await scope.__finder.look(scope.__shot);
    return { ...seen, luma: { ...seen.luma, luma: Array.from(seen.luma.luma) } };
  });
  return look;
}

/** The current shot's pixels, RGBA row by row. */
export async function shotPixels(page: Page): Promise<Buffer> {
  const base64 = await page.evaluate(() => {
    const canvas = (window as unknown as { __shot: HTMLCanvasElement }).__shot;
    const data = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
    let binary = '';
    for (let i = 0; i < data.length; i += 0x8000)
      binary += String.fromCharCode(...data.subarray(i, Math.min(i + 0x8000, data.length)));
    return btoa(binary);
  });
  return Buffer.from(base64, 'base64');
}

/** A y4m clip (what Chromium's fake camera plays, looping) of `frames` copies of an RGBA picture:
 * 4:2:0 with BT.601 studio-range luma and chroma, as a camera delivers them. Each copy is one luma
 * level brighter than the one before, as a live picture never repeats exactly (sensor noise,
 * auto-exposure): identical frames are what the equipment check calls a frozen camera. */
export function y4mClip(rgba: Buffer, width: number, height: number, frames = 5): Buffer {
  const y = Buffer.alloc(width * height);
  const u = Buffer.alloc((width / 2) * (height / 2));
  const v = Buffer.alloc((width / 2) * (height / 2));
  for (let row = 0; row < height; row++)
    for (let column = 0; column < width; column++) {
      const i = (row * width + column) * 4;
      const [r, g, b] = [rgba[i], rgba[i + 1], rgba[i + 2]];
      y[row * width + column] = Math.round(16 + (65.481 * r + 128.553 * g + 24.966 * b) / 255);
      if (row % 2 === 0 && column % 2 === 0) {
        const c = (row / 2) * (width / 2) + column / 2;
        u[c] = Math.round(128 + (-37.797 * r - 74.203 * g + 112 * b) / 255);
        v[c] = Math.round(128 + (112 * r - 93.786 * g - 18.214 * b) / 255);
      }
    }
  const frame = (index: number) =>
    Buffer.concat([Buffer.from('FRAME\n'), y.map((level) => Math.min(235, level + index)), u, v]);
  return Buffer.concat([
    Buffer.from(`YUV4MPEG2 W${width} H${height} F30:1 Ip A1:1 C420jpeg\n`),
    ...Array.from({ length: frames }, (_, index) => frame(index)),
  ]);
}

/** Fake-camera clips of the labelled cases `ids`, made in Chromium before the file's tests and
 * removed after them: `clip(id)` is the file to launch Chromium with (`fakeVideoFile`). The path
 * is known at once, so a `useBrowserContext` registered after this can be given it. */
export function useFakeCameraClips<Id extends string>(ids: readonly Id[]): { clip: (id: Id) => string } {
  const shots = serveShots();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'appearance-clips-'));
  const clip = (id: Id) => path.join(dir, `${id}.y4m`);
  beforeAll(async () => {
    const browser = await launchChromium();
    try {
      const page = await browser.newPage();
      await page.goto(`${shots.origin()}/`);
      for (const id of ids) {
        const labelled = labels.cases.find((one) => one.id === id);
        if (!labelled) throw new Error(`no labelled case ${id} in ${FIXTURES}/labels.json`);
        await renderShot(page, labelled);
        const { width, height } = labels.frame;
        fs.writeFileSync(clip(id), y4mClip(await shotPixels(page), width, height));
      }
    } finally {
      await browser.close();
    }
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
  return { clip };
}
