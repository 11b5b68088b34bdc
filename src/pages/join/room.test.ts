import type { RemoteMediaTrack } from '../shared/sdk';
import { featuredAgentVideo } from './room';

const track = (sid: string, name = sid): RemoteMediaTrack => ({
  kind: 'video',
  sid,
  name,
  attach: () => document.createElement('video'),
  detach: () => [],
});

test('the agent’s screen share is featured while it exists, then the camera again', () => {
  const camera = track('MT1', 'camera');
  const screen = track('MT2', 'screen');
  expect(featuredAgentVideo([camera])).toBe(camera);
  expect(featuredAgentVideo([camera, screen])).toBe(screen);
  expect(featuredAgentVideo([screen, track('MT3', 'camera')])).toBe(screen);
  expect(featuredAgentVideo([camera, screen].filter((t) => t !== screen))).toBe(camera);
  expect(featuredAgentVideo([])).toBeNull();
});

test('a replaced camera: the newest camera track is shown', () => {
  const older = track('MT1', 'camera-a');
  const newer = track('MT2', 'camera-b');
  expect(featuredAgentVideo([older, newer])).toBe(newer);
});
