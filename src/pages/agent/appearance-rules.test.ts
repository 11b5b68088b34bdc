import {
  echoVerdict,
  framingVerdict,
  lightingVerdict,
  measureLighting,
  voiceVerdict,
  type LightingFigures,
  type VoiceWindow,
} from './appearance-rules';
import type { FoundFace } from './appearance-script';

/** A frontal face at eye level: eyes at `eyeY`, the box from the brows to the chin. */
function face(x: number, y: number, height: number, noseRatio = 0.33): FoundFace {
  const width = height * 0.85;
  const eyeY = y + 0.35 * height;
  const chinY = y + height;
  return {
    box: { x, y, width, height },
    score: 0.9,
    landmarks: {
      leftEye: { x: x + 0.3 * width, y: eyeY },
      rightEye: { x: x + 0.7 * width, y: eyeY },
      noseTip: { x: x + 0.5 * width, y: eyeY + noseRatio * (chinY - eyeY) },
      chin: { x: x + 0.5 * width, y: chinY },
    },
  };
}
/** A face of `height` centred across the frame, its box's top at `y`. */
const centred = (y: number, height: number, noseRatio?: number) =>
  face(0.5 - (height * 0.85) / 2, y, height, noseRatio);

describe('framing', () => {
  test('a centred head-and-shoulders face is good, with its figures', () => {
    expect(framingVerdict(centred(0.25, 0.32))).toMatchObject({
      verdict: 'good',
      finding: 'appearance-framing-good',
      figures: { faceHeightPercent: 32, offCentrePercent: 0 },
    });
  });
  test('no face is a problem', () => {
    expect(framingVerdict(null)).toEqual({ verdict: 'problem', finding: 'appearance-no-face' });
  });
  test('a face over 55 % of the height is too close, under 15 % too far', () => {
    expect(framingVerdict(centred(0.3, 0.56)).finding).toBe('appearance-too-close');
    expect(framingVerdict(centred(0.3, 0.54)).finding).toBe('appearance-framing-good');
    expect(framingVerdict(centred(0.35, 0.14)).finding).toBe('appearance-too-far');
    expect(framingVerdict(centred(0.35, 0.16)).finding).toBe('appearance-framing-good');
  });
  test('more than 15 % of the width from the middle is off-centre, either side', () => {
    const height = 0.3;
    const width = height * 0.85;
    expect(framingVerdict(face(0.66 - width / 2, 0.3, height)).finding).toBe('appearance-off-centre');
    expect(framingVerdict(face(0.34 - width / 2, 0.3, height)).finding).toBe('appearance-off-centre');
    expect(framingVerdict(face(0.64 - width / 2, 0.3, height)).finding).toBe('appearance-framing-good');
  });
  test('a head whose top is past the frame is cut; eyes low in the frame leave too much headroom', () => {
    // Box top 0.1, head top 0.1 − 0.5 × 0.3 = −0.05.
    expect(framingVerdict(centred(0.1, 0.3)).finding).toBe('appearance-head-cut');
    expect(framingVerdict(centred(0.14, 0.3)).finding).toBe('appearance-framing-good');
    // Eyes at 0.55 + 0.35 × 0.3 = 0.655.
    expect(framingVerdict(centred(0.55, 0.3)).finding).toBe('appearance-too-low');
  });
  test('the nose tip near the eyes is a camera below eye level, near the chin one above', () => {
    expect(framingVerdict(centred(0.25, 0.32, 0.2))).toMatchObject({
      verdict: 'warning',
      finding: 'appearance-camera-low',
      figures: { noseRatio: 0.2 },
    });
    expect(framingVerdict(centred(0.25, 0.32, 0.5)).finding).toBe('appearance-camera-high');
    expect(framingVerdict(centred(0.25, 0.32, 0.3)).finding).toBe('appearance-framing-good');
  });
});

/** A 40×20 frame: `background` everywhere, the face's box filled with `left` and `right` halves. */
function frameWith(box: FoundFace['box'], background: number, left: number, right = left) {
  const width = 40;
  const height = 20;
  const luma = new Float32Array(width * height).fill(background);
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) {
      const fx = (x + 0.5) / width;
      const fy = (y + 0.5) / height;
      if (fx >= box.x && fx <= box.x + box.width && fy >= box.y && fy <= box.y + box.height)
        luma[y * width + x] = fx < box.x + box.width / 2 ? left : right;
    }
  return { width, height, luma };
}
const box = { x: 0.4, y: 0.25, width: 0.2, height: 0.4 };

describe('measuring light', () => {
  test('the face, its halves and the background are told apart', () => {
    const figures = measureLighting(frameWith(box, 200, 60, 120), box);
    expect(figures.face).toBeCloseTo(90, 0);
    expect(figures.left).toBe(60);
    expect(figures.right).toBe(120);
    expect(figures.background).toBe(200);
    expect(figures.faceBlown).toBe(0);
  });
  test('a face that fills the frame leaves no background to compare', () => {
    const filling = { x: 0.05, y: 0.2, width: 0.9, height: 0.9 };
    expect(measureLighting(frameWith(filling, 200, 120), filling).background).toBeNull();
  });
  test('cells at full brightness count as blown', () => {
    expect(measureLighting(frameWith(box, 100, 255), box).faceBlown).toBe(1);
  });
});

const lit = (overrides: Partial<LightingFigures> = {}): LightingFigures => ({
  face: 120,
  faceBlown: 0,
  left: 120,
  right: 120,
  background: 130,
  ...overrides,
});

describe('lighting', () => {
  test('an evenly lit face against an ordinary room is good', () => {
    expect(lightingVerdict(lit())).toMatchObject({
      verdict: 'good',
      finding: 'appearance-lighting-good',
      figures: { face: 120, background: 130 },
    });
  });
  test('no face: lighting cannot be judged', () => {
    expect(lightingVerdict(null).finding).toBe('appearance-lighting-unknown');
  });
  test('a face under 70 is dark, under 30 black', () => {
    expect(lightingVerdict(lit({ face: 65, left: 65, right: 65, background: 70 })).finding).toBe(
      'appearance-face-dark',
    );
    expect(lightingVerdict(lit({ face: 75, left: 75, right: 75, background: 70 })).finding).toBe(
      'appearance-lighting-good',
    );
    expect(lightingVerdict(lit({ face: 20, left: 20, right: 20, background: 20 })).verdict).toBe('problem');
  });
  test('a background 1.8 times the face is backlight, before the face counts as dark', () => {
    expect(lightingVerdict(lit({ face: 60, left: 60, right: 60, background: 230 })).finding).toBe(
      'appearance-backlit',
    );
    expect(lightingVerdict(lit({ face: 100, background: 185 })).finding).toBe('appearance-backlit');
    expect(lightingVerdict(lit({ face: 100, background: 175 })).finding).toBe('appearance-lighting-good');
    expect(lightingVerdict(lit({ background: null })).finding).toBe('appearance-lighting-good');
  });
  test('a fifth of the face at full brightness is blown', () => {
    expect(lightingVerdict(lit({ faceBlown: 0.25 })).finding).toBe('appearance-face-blown');
    expect(lightingVerdict(lit({ faceBlown: 0.15 })).finding).toBe('appearance-lighting-good');
  });
  test('one half under 60 % of the other is uneven', () => {
    expect(lightingVerdict(lit({ left: 60, right: 160 })).finding).toBe('appearance-uneven');
    expect(lightingVerdict(lit({ left: 110, right: 160 })).finding).toBe('appearance-lighting-good');
  });
});

/** Reading with pauses: a tenth of the windows at `noise`, the rest at `speech` (RMS), each
 * window's peak three times its RMS. */
function reading(speech: number, noise: number, clippedWindows = 0): VoiceWindow[] {
  return Array.from({ length: 200 }, (_, i) => {
    const rms = i % 5 === 0 ? noise : speech;
    return { rms, peak: i < clippedWindows ? 1 : Math.min(0.98, rms * 3) };
  });
}
const dbfs = (db: number) => 10 ** (db / 20);

describe('voice', () => {
  test('speech at −20 dBFS over a −65 dBFS room is good, with its figures', () => {
    expect(voiceVerdict(reading(dbfs(-20), dbfs(-65)))).toMatchObject({
      verdict: 'good',
      finding: 'appearance-voice-good',
      figures: { speechDb: -20, noiseDb: -65, snrDb: 45 },
    });
  });
  test('nothing recorded is a problem, and so is nothing said', () => {
    expect(voiceVerdict([]).finding).toBe('appearance-voice-missing');
    expect(voiceVerdict(reading(dbfs(-60), dbfs(-70)))).toMatchObject({
      verdict: 'problem',
      finding: 'appearance-voice-silent',
    });
  });
  test('more than 1 % of the windows clipped is distortion', () => {
    expect(voiceVerdict(reading(dbfs(-10), dbfs(-65), 4)).finding).toBe('appearance-voice-clipping');
    expect(voiceVerdict(reading(dbfs(-10), dbfs(-65), 2)).finding).toBe('appearance-voice-good');
  });
  test('under 10 dB over the noise the voice is drowned, under 20 dB noisy', () => {
    expect(voiceVerdict(reading(dbfs(-25), dbfs(-33)))).toMatchObject({
      verdict: 'problem',
      finding: 'appearance-voice-drowned',
    });
    expect(voiceVerdict(reading(dbfs(-25), dbfs(-40))).finding).toBe('appearance-voice-noisy');
  });
  test('a noise floor over −50 dBFS is a noisy room even under a loud voice', () => {
    expect(voiceVerdict(reading(dbfs(-10), dbfs(-45))).finding).toBe('appearance-room-noisy');
    expect(voiceVerdict(reading(dbfs(-10), dbfs(-55))).finding).toBe('appearance-voice-good');
  });
  test('speech under −35 dBFS is quiet', () => {
    expect(voiceVerdict(reading(dbfs(-40), dbfs(-70))).finding).toBe('appearance-voice-quiet');
  });
});

describe('echo', () => {
  test.each([
    ['Default - Speakers (Realtek(R) Audio)', 'appearance-echo-speakers'],
    ['MacBook Pro Speakers (Built-in)', 'appearance-echo-speakers'],
    ['Built-in Output', 'appearance-echo-speakers'],
    ['Jabra Evolve2 65', 'appearance-echo-headset'],
    ['Headphones (WH-1000XM4 Stereo)', 'appearance-echo-headset'],
    ['AirPods Pro', 'appearance-echo-headset'],
    ['', 'appearance-echo-unknown'],
    ['Default', 'appearance-echo-unknown'],
  ])('%j: %s', (label, finding) => {
    const result = echoVerdict(label);
    expect(result.finding).toBe(finding);
    expect(result.verdict).toBe(finding === 'appearance-echo-speakers' ? 'warning' : 'good');
  });
});
