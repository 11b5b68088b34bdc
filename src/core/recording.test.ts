import { AppError } from './errors';
import { assertPolicyAllows, RecordingAction, rulesRecord } from './recording';
import type { RecordingPolicy } from './recording-policy';

describe('rulesRecord: whether anything may be recorded', () => {
  test.each([
    [[], false],
    [[{ type: 'exclude', all: true }], false],
    [[{ type: 'include', all: true }], true],
    [[{ type: 'include', kind: 'audio' }], true],
    [[{ type: 'include', publisher: 'customer-x' }], true],
    [
      [
        { type: 'include', all: true },
        { type: 'exclude', all: true },
      ],
      false,
    ],
    [
      [
        { type: 'exclude', all: true },
        { type: 'include', kind: 'audio' },
      ],
      true,
    ],
    [
      [
        { type: 'include', all: true },
        { type: 'exclude', kind: 'video' },
      ],
      true,
    ],
    [[{ type: 'exclude', kind: 'video' }], false],
    [[{ type: 'unknown', all: true }], false],
  ])('%j → %p', (rules, recording) => {
    expect(rulesRecord(rules)).toBe(recording);
  });
});

describe('assertPolicyAllows', () => {
  const refusal = (policy: RecordingPolicy, action: RecordingAction) => {
    try {
      assertPolicyAllows(policy, action);
      return undefined;
    } catch (err) {
      return err as AppError;
    }
  };

  test.each([
    ['on-demand', 'start'],
    ['on-demand', 'stop'],
    ['on-demand', 'status'],
    ['always', 'start'],
    ['always', 'status'],
    ['off', 'stop'],
    ['off', 'status'],
  ] as const)('%s allows %s', (policy, action) => {
    expect(refusal(policy, action)).toBeUndefined();
  });

  test.each([
    ['off', 'start', /VIDEO_RECORDING=off/],
    ['always', 'stop', /VIDEO_RECORDING=always/],
  ] as const)('%s refuses %s with 403 recording_disabled', (policy, action, message) => {
    const err = refusal(policy, action);
    expect(err).toBeInstanceOf(AppError);
    expect(err).toMatchObject({ code: 'recording_disabled', status: 403 });
    expect(err!.message).toMatch(message);
  });
});
