import { LIMITS } from '../contract';
import { isAppError } from './errors';
import { decodeSnapshot, imageTypeOf, MAX_SNAPSHOT_BASE64 } from './snapshots';

const JPEG_START = [0xff, 0xd8, 0xff, 0xe0];
const PNG_START = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

const codeOf = (run: () => unknown) => {
  try {
    run();
  } catch (err) {
    return isAppError(err) ? err.code : String(err);
  }
  return 'no error';
};

test('an image is what its first bytes say, not what it is called', () => {
  expect(imageTypeOf(Buffer.from([...JPEG_START, 1, 2]))).toBe('image/jpeg');
  expect(imageTypeOf(Buffer.from([...PNG_START, 0]))).toBe('image/png');
  expect(imageTypeOf(Buffer.from('GIF89a'))).toBeUndefined();
  expect(imageTypeOf(Buffer.from('<svg/>'))).toBeUndefined();
  expect(imageTypeOf(Buffer.from([0xff, 0xd8]))).toBeUndefined();
  expect(imageTypeOf(Buffer.alloc(0))).toBeUndefined();
});

test('a picture is decoded only within the cap and as the type declared', () => {
  const jpeg = Buffer.from([...JPEG_START, 9, 9, 9]);
  expect(decodeSnapshot(jpeg.toString('base64'), 'image/jpeg').equals(jpeg)).toBe(true);
  expect(codeOf(() => decodeSnapshot(jpeg.toString('base64'), 'image/png'))).toBe('unsupported_image');
  const atCap = Buffer.concat([jpeg, Buffer.alloc(LIMITS.snapshotBytes - jpeg.length)]);
  expect(decodeSnapshot(atCap.toString('base64'), 'image/jpeg')).toHaveLength(LIMITS.snapshotBytes);
  const overCap = Buffer.concat([atCap, Buffer.alloc(1)]);
  expect(codeOf(() => decodeSnapshot(overCap.toString('base64'), 'image/jpeg'))).toBe('image_too_large');
  // Refused by its length, before anything is decoded.
  expect(codeOf(() => decodeSnapshot('A'.repeat(MAX_SNAPSHOT_BASE64 + 4), 'image/jpeg'))).toBe(
    'image_too_large',
  );
});
