import { cameraVerdict, microphoneVerdict, networkVerdict, type FrameSample } from './equipment-rules';

const frame = (level: number, width = 1280, height = 720, noise = 4): FrameSample => ({
  width,
  height,
  luma: Array.from({ length: 64 }, (_, i) =>
    Math.min(255, Math.max(0, level + ((i * 7 + level) % (2 * noise + 1)) - noise)),
  ),
});
/** A live picture: every frame differs a little from the one before. */
const live = (level: number, width?: number, height?: number) =>
  [0, 1, 2, 3].map((n) => frame(level + n * 2, width, height));

describe('camera', () => {
  test('a lit, moving picture at 720p is good', () => {
    expect(cameraVerdict(live(110))).toMatchObject({
      verdict: 'good',
      finding: 'camera-good',
      figures: { width: 1280, height: 720 },
    });
  });
  test('too dark is a warning, a covered lens a problem', () => {
    expect(cameraVerdict(live(40)).finding).toBe('camera-dark');
    expect(cameraVerdict(live(40)).verdict).toBe('warning');
    expect(cameraVerdict(live(5))).toMatchObject({ verdict: 'problem', finding: 'camera-black' });
  });
  test('the brightness threshold sits between 59 and 61', () => {
    expect(cameraVerdict(live(55)).finding).toBe('camera-dark'); // frames 55..61, mean 58
    expect(cameraVerdict(live(60)).finding).toBe('camera-good'); // mean 63
  });
  test('identical frames are a frozen camera, whatever their brightness', () => {
    const still = frame(120);
    expect(cameraVerdict([still, still, still])).toMatchObject({
      verdict: 'problem',
      finding: 'camera-frozen',
    });
  });
  test('under 640×360 is a warning', () => {
    expect(cameraVerdict(live(110, 320, 240))).toMatchObject({
      verdict: 'warning',
      finding: 'camera-low-resolution',
    });
    expect(cameraVerdict(live(110, 640, 360)).finding).toBe('camera-good');
  });
  test('fewer than two frames: the camera delivers nothing', () => {
    expect(cameraVerdict([frame(110)])).toEqual({ verdict: 'problem', finding: 'camera-no-frames' });
  });
});

describe('microphone', () => {
  test('speech-like peaks are good', () => {
    expect(microphoneVerdict([0.05, 0.3, 0.6, 0.2])).toMatchObject({
      verdict: 'good',
      finding: 'microphone-good',
    });
  });
  test('nothing above −40 dBFS is silence', () => {
    expect(microphoneVerdict([0.001, 0.009, 0.002])).toMatchObject({
      verdict: 'warning',
      finding: 'microphone-silent',
    });
    expect(microphoneVerdict([]).finding).toBe('microphone-silent');
  });
  test('clipping in more than a fifth of the windows is a warning; an occasional clip is not', () => {
    expect(microphoneVerdict([1, 1, 0.5, 0.5, 0.5])).toMatchObject({
      verdict: 'warning',
      finding: 'microphone-clipping',
      figures: { clippedShare: 0.4 },
    });
    expect(microphoneVerdict([1, 0.5, 0.5, 0.5, 0.5]).finding).toBe('microphone-good');
  });
});

describe('network', () => {
  const good = { connectMs: 800, rttMs: 80, jitterMs: 5, packetLossPercent: 0 };
  test('within Twilio’s guidance is good', () => {
    expect(networkVerdict(good)).toEqual({ verdict: 'good', finding: 'network-good', figures: good });
  });
  test.each([
    ['rttMs', 250],
    ['jitterMs', 45],
    ['packetLossPercent', 3],
    ['connectMs', 7000],
  ])('%s = %s is fair', (key, value) => {
    expect(networkVerdict({ ...good, [key]: value })).toMatchObject({
      verdict: 'warning',
      finding: 'network-fair',
    });
  });
  test.each([
    ['rttMs', 450],
    ['jitterMs', 80],
    ['packetLossPercent', 8],
  ])('%s = %s is poor', (key, value) => {
    expect(networkVerdict({ ...good, [key]: value })).toMatchObject({
      verdict: 'problem',
      finding: 'network-poor',
    });
  });
});
