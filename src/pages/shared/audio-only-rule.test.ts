import {
  AudioOnlyRule,
  NETWORK_READ_MS,
  RECOVERED_FOR_MS,
  WEAK_FOR_MS,
  watchNetwork,
} from './audio-only-rule';

test('a weak level is offered audio only once it has lasted, and only once', () => {
  const rule = new AudioOnlyRule();
  expect(rule.level(1, 0, false)).toBeNull();
  expect(rule.level(1, WEAK_FOR_MS - 1, false)).toBeNull();
  expect(rule.level(1, WEAK_FOR_MS, false)).toBe('offer-audio-only');
  expect(rule.level(1, WEAK_FOR_MS + 2000, false)).toBeNull();
});

test('a blip does not count: a good sample between weak ones starts the wait again', () => {
  const rule = new AudioOnlyRule();
  rule.level(1, 0, false);
  rule.level(4, 3000, false);
  expect(rule.level(1, 4000, false)).toBeNull();
  expect(rule.level(1, 4000 + WEAK_FOR_MS, false)).toBe('offer-audio-only');
});

test('level 0 takes audio only at once, even after the offer was ignored', () => {
  const rule = new AudioOnlyRule();
  rule.level(1, 0, false);
  expect(rule.level(1, WEAK_FOR_MS, false)).toBe('offer-audio-only');
  expect(rule.level(0, WEAK_FOR_MS + 1, false)).toBe('take-audio-only');
  expect(new AudioOnlyRule().level(0, 0, false)).toBe('take-audio-only');
});

test('audio only: video is offered back once the level has recovered for a while; then all starts over', () => {
  const rule = new AudioOnlyRule();
  expect(rule.level(0, 0, false)).toBe('take-audio-only');
  expect(rule.level(2, 1000, true)).toBeNull();
  expect(rule.level(3, 2000, true)).toBeNull();
  expect(rule.level(4, 2000 + RECOVERED_FOR_MS, true)).toBe('offer-video');
  expect(rule.level(5, 3000 + RECOVERED_FOR_MS, true)).toBeNull();
  // Video back on: the next weak spell is offered again.
  expect(rule.level(5, 4000 + RECOVERED_FOR_MS, false)).toBeNull();
  expect(rule.level(0, 5000 + RECOVERED_FOR_MS, false)).toBe('take-audio-only');
});

test('no level (not measured) advises nothing', () => {
  expect(new AudioOnlyRule().level(null, 0, false)).toBeNull();
});

describe('watchNetwork', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  test('reads the level every NETWORK_READ_MS into the rule, hands on its advice, and stops', () => {
    let level: number | null = null;
    let audioOnly = false;
    const advised: string[] = [];
    const stop = watchNetwork(
      () => level,
      () => audioOnly,
      (advice) => advised.push(advice),
    );
    // Unmeasured: no advice however long.
    jest.advanceTimersByTime(WEAK_FOR_MS * 2);
    level = 1;
    jest.advanceTimersByTime(NETWORK_READ_MS + WEAK_FOR_MS - 1);
    expect(advised).toEqual([]);
    jest.advanceTimersByTime(NETWORK_READ_MS);
    expect(advised).toEqual(['offer-audio-only']);
    level = 0;
    jest.advanceTimersByTime(NETWORK_READ_MS);
    expect(advised).toEqual(['offer-audio-only', 'take-audio-only']);
    audioOnly = true;
    level = 5;
    jest.advanceTimersByTime(NETWORK_READ_MS + RECOVERED_FOR_MS);
    expect(advised).toEqual(['offer-audio-only', 'take-audio-only', 'offer-video']);
    stop();
    expect(jest.getTimerCount()).toBe(0);
  });
});
