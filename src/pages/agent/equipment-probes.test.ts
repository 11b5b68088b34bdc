import { levelsOf } from './equipment-probes';

/** 8192 samples of silence with `value` over [from, to). */
function bufferWith(from: number, to: number, value: number): Float32Array {
  const samples = new Float32Array(8192);
  samples.fill(value, from, to);
  return samples;
}

test('a beep older than the RMS window still sets the peak, and leaves the RMS at silence', () => {
  // A 20 ms beep (960 samples at 48 kHz) ending 134 ms back: between two readings 100 ms apart.
  const { rms, peak } = levelsOf(bufferWith(800, 1760, -0.5), 2048);
  expect(peak).toBe(0.5);
  expect(rms).toBe(0);
});

test('the RMS is of the newest window only', () => {
  // Full scale over the older three quarters, 0.25 over the newest 2048 samples.
  const samples = bufferWith(0, 6144, 1);
  samples.fill(0.25, 6144);
  const { rms, peak } = levelsOf(samples, 2048);
  expect(rms).toBeCloseTo(0.25, 6);
  expect(peak).toBe(1);
});

test('a buffer shorter than the RMS window is measured whole', () => {
  expect(levelsOf(new Float32Array([0.5, -0.5]), 2048)).toEqual({ rms: 0.5, peak: 0.5 });
});
