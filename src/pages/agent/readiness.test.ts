import { checkItems, readinessGate } from './readiness';
import type { Readiness, ReadinessRule } from '../shared/api';

const NOW = Date.parse('2026-03-10T15:00:00');
const HOUR = 3_600_000;
const rule = (r: ReadinessRule['rule'], policyText: string | null = null): ReadinessRule => ({
  rule: r,
  hours: 12,
  policyText,
});
const status = (fields: Partial<Readiness>): Readiness => ({
  ready: false,
  verdict: null,
  checkedAt: null,
  readyUntil: null,
  policyAcknowledged: true,
  ...fields,
});
const passed = status({ ready: true, verdict: 'good', checkedAt: NOW - HOUR, readyUntil: NOW + 11 * HOUR });

test('under require, Start waits for a fresh passing check (and for the answer saying so)', () => {
  expect(readinessGate(rule('require'), null, NOW)).toMatchObject({ startAllowed: false, passed: false });
  expect(readinessGate(rule('require'), status({}), NOW).startAllowed).toBe(false);
  expect(readinessGate(rule('require'), passed, NOW)).toMatchObject({ startAllowed: true, passed: true });
  // The period ran out while the panel stayed open.
  expect(readinessGate(rule('require'), passed, NOW + 12 * HOUR).startAllowed).toBe(false);
});

test('under advise the check is suggested until one ran today; Start is never held back', () => {
  expect(readinessGate(rule('advise'), null, NOW)).toMatchObject({ startAllowed: true, suggestCheck: true });
  const yesterday = status({ checkedAt: NOW - 20 * HOUR, verdict: 'good' });
  expect(readinessGate(rule('advise'), yesterday, NOW).suggestCheck).toBe(true);
  const thisMorning = status({ checkedAt: NOW - 6 * HOUR, verdict: 'problem' });
  expect(readinessGate(rule('advise'), thisMorning, NOW).suggestCheck).toBe(false);
  expect(readinessGate(rule('off'), null, NOW)).toMatchObject({ startAllowed: true, suggestCheck: false });
});

test('the policy is shown under advise and require, and asked for under require until acknowledged', () => {
  expect(readinessGate(rule('advise', 'Dress code'), null, NOW)).toMatchObject({
    policyText: 'Dress code',
    acknowledgementNeeded: false,
  });
  expect(readinessGate(rule('off', 'Dress code'), null, NOW).policyText).toBeNull();
  expect(readinessGate(rule('require', 'Dress code'), null, NOW).acknowledgementNeeded).toBe(true);
  const acknowledged = status({ ...passed, policyAcknowledged: true });
  expect(readinessGate(rule('require', 'Dress code'), acknowledged, NOW).acknowledgementNeeded).toBe(false);
});

test('every item of the check is reported by its name, appearance items too', () => {
  expect(
    checkItems({
      camera: { verdict: 'good', finding: 'camera-good', figures: { width: 1280 } },
      speakers: { verdict: 'good', finding: 'speakers-played' },
      // The appearance check's items share the shape, with ids of their own.
      'appearance-framing': { verdict: 'warning', finding: 'camera-good' },
    }),
  ).toEqual({
    camera: { verdict: 'good', finding: 'camera-good', figures: { width: 1280 } },
    speakers: { verdict: 'good', finding: 'speakers-played' },
    'appearance-framing': { verdict: 'warning', finding: 'camera-good' },
  });
});
