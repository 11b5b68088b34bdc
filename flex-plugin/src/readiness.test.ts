import { ageText, compareReadiness, readinessLabel, readinessOf } from './readiness';

const NOW = Date.parse('2026-03-10T15:00:00.000Z');
const attributes = (checkedAt: string, verdict = 'good') => ({
  full_name: 'Ada',
  videoReadiness: { checkedAt, verdict, items: {}, policy: null, signature: 'x' },
});

describe('readinessOf', () => {
  it('reads the verdict and time the service kept on the worker', () => {
    expect(readinessOf(attributes('2026-03-10T12:00:00.000Z', 'warning'))).toEqual({
      verdict: 'warning',
      checkedAt: Date.parse('2026-03-10T12:00:00.000Z'),
    });
  });

  it.each([
    ['no attributes', undefined],
    ['no record', { full_name: 'Ada' }],
    ['a record that is not an object', { videoReadiness: 'good' }],
    ['an unknown verdict', attributes('2026-03-10T12:00:00.000Z', 'great')],
    ['a time that is not one', attributes('yesterday')],
  ])('is null for %s', (_name, value) => {
    expect(readinessOf(value)).toBeNull();
  });
});

describe('the cell', () => {
  it('says the verdict and its age', () => {
    expect(readinessLabel(readinessOf(attributes('2026-03-10T12:00:00.000Z')), NOW)).toBe('Passed · 3 h ago');
    expect(readinessLabel(readinessOf(attributes('2026-03-10T14:50:00.000Z', 'problem')), NOW)).toBe(
      'Problem · 10 min ago',
    );
    expect(readinessLabel(readinessOf(attributes('2026-03-08T15:00:00.000Z', 'warning')), NOW)).toBe(
      'Passed with warnings · 2 d ago',
    );
    expect(readinessLabel(null, NOW)).toBe('No check');
  });

  it('rounds ages down into one unit', () => {
    expect([0, 59_999, 60_000, 3_599_999, 3_600_000, 86_399_999, 86_400_000].map(ageText)).toEqual([
      'just now',
      'just now',
      '1 min ago',
      '59 min ago',
      '1 h ago',
      '23 h ago',
      '1 d ago',
    ]);
  });

  it('sorts the most recent check first and workers without one last', () => {
    const older = attributes('2026-03-09T12:00:00.000Z');
    const newer = attributes('2026-03-10T12:00:00.000Z');
    const none = { full_name: 'Bo' };
    expect([none, older, newer].sort(compareReadiness)).toEqual([newer, older, none]);
  });
});
