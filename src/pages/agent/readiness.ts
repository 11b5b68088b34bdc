/** The readiness rule as the panel applies it (VIDEO_AGENT_READINESS): whether Start video call
 * may be pressed, whether to suggest the check, and what the check's result is reported as. The
 * service enforces `require` at escalate whatever the panel does; the panel only says it first. */
import type { CheckItems, Readiness, ReadinessRule } from '../shared/api';
import type { ItemResult } from '../../panel-protocol';

export interface ReadinessGate {
  rule: ReadinessRule['rule'];
  /** Start video call may be pressed (always, but under `require` without a fresh passing check). */
  startAllowed: boolean;
  /** `advise`: no check yet today (the agent's day, in the browser's time zone). */
  suggestCheck: boolean;
  /** `require`: the last check is fresh and passed. */
  passed: boolean;
  policyText: string | null;
  /** `require` with a policy text not acknowledged within the period: the check asks for it. */
  acknowledgementNeeded: boolean;
}

export const noReadinessRule: ReadinessGate = {
  rule: 'off',
  startAllowed: true,
  suggestCheck: false,
  passed: false,
  policyText: null,
  acknowledgementNeeded: false,
};

const sameDay = (a: number, b: number) => new Date(a).toDateString() === new Date(b).toDateString();

/** `status` null: not known yet (or the service could not say): under `require` Start waits. */
export function readinessGate(rule: ReadinessRule, status: Readiness | null, now: number): ReadinessGate {
  const fresh = !!status?.ready && status.readyUntil !== null && status.readyUntil > now;
  return {
    rule: rule.rule,
    startAllowed: rule.rule !== 'require' || fresh,
    suggestCheck: rule.rule === 'advise' && !(status?.checkedAt && sameDay(status.checkedAt, now)),
    passed: rule.rule === 'require' && fresh,
    policyText: rule.rule === 'off' ? null : rule.policyText,
    acknowledgementNeeded: rule.rule === 'require' && rule.policyText !== null && !status?.policyAcknowledged,
  };
}

/** One check's result (equipment or appearance), and when the panel got it. */
export interface TimedReport {
  items: Readonly<Record<string, ItemResult>>;
  at: number;
}

const HOUR_MS = 60 * 60 * 1000;

/** What the panel reports after a check: the items of every check run within the period, by their
 * names (the service judges which it requires). The service stamps the report with its own time,
 * so a check older than the period must not ride along with a new one: a panel left open all day
 * would otherwise pass this evening's appearance check off with this morning's equipment check. */
export function checkItems(
  checks: readonly (TimedReport | undefined)[],
  hours: number,
  now: number,
): CheckItems {
  const items: CheckItems = {};
  const fresh = checks.filter((check): check is TimedReport => !!check && now - check.at < hours * HOUR_MS);
  for (const [name, result] of fresh.flatMap((check) => Object.entries(check.items))) {
    items[name] = {
      verdict: result.verdict,
      finding: result.finding,
      ...(result.figures && { figures: { ...result.figures } }),
    };
  }
  return items;
}
