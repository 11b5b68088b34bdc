import { cameraFacingChoice, facingOf, nextCamera, otherFacing } from './camera-switch';
import { hasTorch, reportedFacing, setTorch } from './camera-track';

const cameras = [{ deviceId: 'front' }, { deviceId: 'back' }, { deviceId: 'wide' }];

test('the facing the browser reports wins; else the label; else unknown', () => {
  expect(facingOf('user', 'camera2 0, facing back')).toBe('user');
  expect(facingOf(null, 'camera2 0, facing back')).toBe('environment');
  expect(facingOf(null, 'Back Dual Wide Camera')).toBe('environment');
  expect(facingOf(null, 'FaceTime HD Camera')).toBe('user');
  expect(facingOf(null, 'fake_device_0')).toBeNull();
});

test('cameras are taken in turn, round to the first; one camera has no next', () => {
  expect(nextCamera(cameras, 'front')).toBe('back');
  expect(nextCamera(cameras, 'wide')).toBe('front');
  expect(nextCamera(cameras, undefined)).toBe('front');
  expect(nextCamera([{ deviceId: 'only' }], 'only')).toBeNull();
});

test('a known facing asks for the facing wanted; an unknown one for the next camera; the same, nothing', () => {
  expect(cameraFacingChoice('environment', 'user', cameras, 'front')).toEqual({ facing: 'environment' });
  expect(cameraFacingChoice('environment', null, cameras, 'front')).toEqual({ deviceId: 'back' });
  expect(cameraFacingChoice('environment', 'environment', cameras, 'back')).toBeNull();
  expect(cameraFacingChoice('user', null, [{ deviceId: 'only' }], 'only')).toBeNull();
  expect(otherFacing('user')).toBe('environment');
});

test('camera-track: the facing the camera reports, and a torch only where its capabilities have one', async () => {
  const applied: unknown[] = [];
  const camera = (settings: object, capabilities: object, refuse = false) =>
    ({
      getSettings: () => settings,
      getCapabilities: () => capabilities,
      applyConstraints: (constraints: unknown) => {
        applied.push(constraints);
        return refuse ? Promise.reject(new Error('OverconstrainedError')) : Promise.resolve();
      },
    }) as unknown as MediaStreamTrack;
  expect(reportedFacing(camera({ facingMode: 'environment' }, {}))).toBe('environment');
  expect(reportedFacing(camera({ facingMode: 'left' }, {}))).toBeNull();
  expect(reportedFacing(null)).toBeNull();
  const back = camera({}, { torch: [true, false] });
  expect(hasTorch(back)).toBe(true);
  expect(await setTorch(back, true)).toBe(true);
  expect(applied).toEqual([{ advanced: [{ torch: true }] }]);
  expect(hasTorch(camera({}, {}))).toBe(false);
  expect(await setTorch(camera({}, {}), true)).toBe(false);
  expect(await setTorch(camera({}, { torch: [true] }, true), true)).toBe(false);
  expect(applied).toHaveLength(2);
});
