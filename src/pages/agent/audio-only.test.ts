import type { AssistState } from '../shared/assist-channel';
import { NETWORK_READ_MS, RECOVERED_FOR_MS, WEAK_FOR_MS } from '../shared/audio-only-rule';
import { agentAudioOnly, type AudioOnlyState } from './audio-only';

beforeEach(() => jest.useFakeTimers());
afterEach(() => jest.useRealTimers());

/** The agent's panel with its network at `level`: what the camera was told, what the customer's
 * page was told, and what the view was shown. */
function setUp() {
  const network = { level: null as number | null };
  const camera: boolean[] = [];
  const told: AssistState[] = [];
  const shown: AudioOnlyState[] = [];
  const taken: boolean[] = [];
  const audioOnly = agentAudioOnly(
    { setCameraOn: (on) => (camera.push(on), Promise.resolve()) },
    { setState: (message) => told.push(message) },
    () => network.level,
    (state, byNetwork) => (shown.push(state), taken.push(byNetwork)),
  );
  const last = () => shown.at(-1);
  return { network, camera, told, shown, taken, last, audioOnly };
}

test('a weak network of the agent’s own is offered audio only; accepting stops the camera and tells the customer', () => {
  const { network, camera, told, taken, last, audioOnly } = setUp();
  network.level = 1;
  jest.advanceTimersByTime(NETWORK_READ_MS + WEAK_FOR_MS - 1);
  expect(last()).toBeUndefined();
  jest.advanceTimersByTime(NETWORK_READ_MS);
  expect(last()).toEqual({ on: false, reason: 'chosen', offer: 'audio-only' });
  expect(camera).toEqual([]);
  audioOnly.accept();
  expect(last()).toEqual({ on: true, reason: 'network', offer: null });
  expect(camera).toEqual([false]);
  expect(told).toEqual([{ type: 'audio-only', on: true, reason: 'network' }]);
  // Accepted, not taken: the offer, then the agent's yes.
  expect(taken).toEqual([false, false]);
  audioOnly.stop();
});

test('level 0 takes audio only without asking; a recovered network offers video back, which the agent may decline', () => {
  const { network, camera, told, taken, last, audioOnly } = setUp();
  network.level = 0;
  jest.advanceTimersByTime(NETWORK_READ_MS);
  expect(last()).toEqual({ on: true, reason: 'network', offer: null });
  expect(taken).toEqual([true]);
  expect(camera).toEqual([false]);
  expect(told).toEqual([{ type: 'audio-only', on: true, reason: 'network' }]);

  network.level = 4;
  jest.advanceTimersByTime(NETWORK_READ_MS + RECOVERED_FOR_MS);
  expect(last()).toEqual({ on: true, reason: 'network', offer: 'video' });
  audioOnly.dismiss();
  expect(last()).toEqual({ on: true, reason: 'network', offer: null });
  expect(camera).toEqual([false]);
  // Dismissed, it is not offered again in this episode; the agent's button still works.
  jest.advanceTimersByTime(RECOVERED_FOR_MS * 2);
  expect(last()?.offer).toBeNull();
  audioOnly.toggle();
  expect(last()).toEqual({ on: false, reason: 'chosen', offer: null });
  expect(camera).toEqual([false, true]);
  expect(told.at(-1)).toEqual({ type: 'audio-only', on: false, reason: 'chosen' });
  audioOnly.stop();
  expect(jest.getTimerCount()).toBe(0);
});

test('accepting video back turns the camera on and tells the customer; nothing offered, accept does nothing', () => {
  const { network, camera, told, last, audioOnly } = setUp();
  audioOnly.accept();
  expect(camera).toEqual([]);
  audioOnly.toggle();
  network.level = 5;
  jest.advanceTimersByTime(NETWORK_READ_MS + RECOVERED_FOR_MS);
  expect(last()?.offer).toBe('video');
  audioOnly.accept();
  expect(last()).toEqual({ on: false, reason: 'network', offer: null });
  expect(camera).toEqual([false, true]);
  expect(told).toEqual([
    { type: 'audio-only', on: true, reason: 'chosen' },
    { type: 'audio-only', on: false, reason: 'network' },
  ]);
  audioOnly.stop();
});
