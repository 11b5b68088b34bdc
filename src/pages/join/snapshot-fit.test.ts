import { FIT_QUALITIES, fitSnapshot, MIN_LONG_SIDE, type Encoded } from './snapshot-fit';

/** A model of a JPEG encoder: bytes grow with the pixels and with the quality. */
const model = (bytesPerPixelAtBest: number) => {
  const calls: [number, number, number][] = [];
  const encode = (width: number, height: number, quality: number): Promise<Encoded> => {
    calls.push([width, height, quality]);
    return Promise.resolve({ bytes: Math.round(width * height * bytesPerPixelAtBest * quality) });
  };
  return { encode, calls };
};

const CAP = 3 * 1024 * 1024;

test('a picture that fits at the best quality is sent at full size and that quality', async () => {
  const { encode, calls } = model(0.2);
  const fitted = await fitSnapshot(4032, 3024, CAP, encode);
  expect(fitted).toEqual({
    encoded: { bytes: expect.any(Number) as number },
    width: 4032,
    height: 3024,
    quality: 0.92,
  });
  expect(calls).toHaveLength(1);
});

test('the quality goes down in steps before the resolution does', async () => {
  const { encode, calls } = model(0.35);
  const fitted = await fitSnapshot(4032, 3024, CAP, encode);
  expect(fitted?.width).toBe(4032);
  expect(fitted?.quality).toBe(0.6);
  expect(calls.map((c) => c[2])).toEqual([...FIT_QUALITIES]);
});

test('only when the lowest quality does not fit is it scaled down, keeping its shape, as little as needed', async () => {
  const { encode } = model(1);
  const fitted = await fitSnapshot(4032, 3024, CAP, encode);
  expect(fitted).not.toBeNull();
  expect(fitted!.encoded.bytes).toBeLessThanOrEqual(CAP);
  expect(fitted!.width / fitted!.height).toBeCloseTo(4032 / 3024, 2);
  // One step larger would not have fitted.
  const larger = Math.round(fitted!.width / 0.8) * Math.round(fitted!.height / 0.8) * 0.6;
  expect(larger).toBeGreaterThan(CAP);
});

test('a picture that cannot fit above the smallest useful size is given up', async () => {
  const { encode, calls } = model(1_000);
  expect(await fitSnapshot(1920, 1080, CAP, encode)).toBeNull();
  expect(Math.min(...calls.map((c) => Math.max(c[0], c[1])))).toBeGreaterThanOrEqual(MIN_LONG_SIDE);
});
