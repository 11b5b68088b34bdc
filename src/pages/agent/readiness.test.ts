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

test('every item of the checks is reported by its name, appearance items too', () => {
  const equipment = {
    camera: { verdict: 'good', finding: 'camera-good', figures: { width: 1280 } },
    speakers: { verdict: 'good', finding: 'speakers-played' },
  } as const;
  // The appearance check's items share the shape, with ids of their own.
  const appearance = {
    'appearance-framing': { verdict: 'warning', finding: 'appearance-off-centre' },
  } as const;
  expect(
    checkItems(
      [
        { items: equipment, at: NOW - HOUR },
        { items: appearance, at: NOW },
      ],
      12,
      NOW,
    ),
  ).toEqual({
    ...equipment,
    'appearance-framing': { verdict: 'warning', finding: 'appearance-off-centre' },
  });
  expect(checkItems([undefined, { items: appearance, at: NOW }], 12, NOW)).toEqual(appearance);
});

test('a check older than the period is left out of the report: a new one is not passed off with it', () => {
  const equipment = { camera: { verdict: 'good', finding: 'camera-good' } } as const;
  const appearance = { 'appearance-voice': { verdict: 'good', finding: 'appearance-voice-good' } } as const;
  const checks = [
    { items: equipment, at: NOW - 12 * HOUR },
    { items: appearance, at: NOW },
  ];
  expect(checkItems(checks, 12, NOW)).toEqual(appearance);
  expect(checkItems(checks, 12, NOW - 1)).toEqual({ ...equipment, ...appearance });
});
