import { REQUIRED_READINESS_ITEMS } from '../../src/contract';
import { ageText, compareReadiness, readinessLabel, readinessOf } from './readiness';

const NOW = Date.parse('2026-03-10T15:00:00.000Z');
/** Both checks' items, as the panel reports them. */
const BOTH_CHECKS: Record<string, unknown> = Object.fromEntries(
  REQUIRED_READINESS_ITEMS.map((name) => [name, { verdict: 'good', finding: `${name}-good` }]),
);
const EQUIPMENT_ONLY = {
  camera: BOTH_CHECKS.camera,
  microphone: BOTH_CHECKS.microphone,
  speakers: BOTH_CHECKS.speakers,
  network: BOTH_CHECKS.network,
};
const attributes = (checkedAt: string, verdict = 'good', items: Record<string, unknown> = BOTH_CHECKS) => ({
  full_name: 'Ada',
  videoReadiness: { checkedAt, verdict, items, policy: null, signature: 'x' },
});

describe('readinessOf', () => {
  it('reads the verdict and time the service kept on the worker', () => {
    expect(readinessOf(attributes('2026-03-10T12:00:00.000Z', 'warning'))).toEqual({
      verdict: 'warning',
      checkedAt: Date.parse('2026-03-10T12:00:00.000Z'),
      complete: true,
    });
  });

  it.each([
    ['the equipment check alone', EQUIPMENT_ONLY],
    [
      'an item that could not be measured',
      { ...BOTH_CHECKS, microphone: { verdict: 'problem', finding: 'microphone-missing' } },
    ],
    [
      'the face model unavailable, as a warning',
      { ...BOTH_CHECKS, 'appearance-framing': { verdict: 'warning', finding: 'appearance-unavailable' } },
    ],
    ['no items', {}],
  ])('is incomplete with %s, as the service judges it', (_name, items) => {
    expect(readinessOf(attributes('2026-03-10T12:00:00.000Z', 'good', items))?.complete).toBe(false);
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

  it('says a check without a problem is incomplete when it lacks the appearance items; a problem stays one', () => {
    expect(
      readinessLabel(readinessOf(attributes('2026-03-10T14:00:00.000Z', 'good', EQUIPMENT_ONLY)), NOW),
    ).toBe('Incomplete · 1 h ago');
    expect(
      readinessLabel(readinessOf(attributes('2026-03-10T14:00:00.000Z', 'problem', EQUIPMENT_ONLY)), NOW),
    ).toBe('Problem · 1 h ago');
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
