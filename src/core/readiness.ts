import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import type { Twilio } from 'twilio';
import { missingReadinessItems, READINESS_ATTRIBUTE } from '../contract';
import { AppError } from './errors';
import type { ReadinessSettings } from './readiness-policy';
import { readWorkerAttributes, setWorkerAttribute } from './workers';

/**
 * The agent's readiness: the result of the panel's checks (equipment and appearance), kept
 * per worker with its time and figures, signed by the bundle. It lives in the worker's
 * TaskRouter attributes (`videoReadiness`) so that Flex's Teams view, which has every worker's
 * attributes already, shows it to supervisors without another request; a worker can write its
 * own attributes from Flex, so the record carries an HMAC under a key only the bundle holds, and
 * escalate trusts nothing else (README, "Readiness").
 */
export { READINESS_ATTRIBUTE };

export type Verdict = 'good' | 'warning' | 'problem';

/** One item of the check, whatever its name (`camera`, `appearance-framing`, ...). */
export interface ReadinessItem {
  verdict: Verdict;
  finding: string;
  figures?: Readonly<Record<string, number>>;
}

export interface ReadinessRecord {
  /** When the bundle received the result (its clock, not the panel's), ISO 8601. */
  checkedAt: string;
  /** The worst verdict of the items. */
  verdict: Verdict;
  items: Readonly<Record<string, ReadinessItem>>;
  /** The policy text acknowledged (a hash of it) and when; null when none was. */
  policy: { version: string; acknowledgedAt: string } | null;
  signature: string;
}

export type UnsignedRecord = Omit<ReadinessRecord, 'signature'>;

const RANK: Record<Verdict, number> = { good: 0, warning: 1, problem: 2 };

export const worstVerdict = (items: Readonly<Record<string, ReadinessItem>>): Verdict =>
  Object.values(items).reduce<Verdict>(
    (worst, item) => (RANK[item.verdict] > RANK[worst] ? item.verdict : worst),
    'good',
  );

/** Which text was acknowledged: a changed policy needs a new acknowledgement. */
export const policyVersion = (text: string): string =>
  createHash('sha256').update(text).digest('hex').slice(0, 16);

/** The signed bytes: the worker and every field, in a fixed order, so a record can move neither
 * to another worker nor change a verdict, a figure or a time. */
function signature(key: Buffer, workerSid: string, record: UnsignedRecord): string {
  const payload = JSON.stringify([workerSid, record.checkedAt, record.verdict, record.items, record.policy]);
  return createHmac('sha256', key).update(payload).digest('base64url');
}

export const signedRecord = (key: Buffer, workerSid: string, record: UnsignedRecord): ReadinessRecord => ({
  ...record,
  signature: signature(key, workerSid, record),
});

function signedBy(key: Buffer, workerSid: string, record: ReadinessRecord): boolean {
  const expected = Buffer.from(signature(key, workerSid, record));
  const given = Buffer.from(record.signature);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** The worker's record, if it is one the bundle signed for this worker; anything else (absent,
 * written by hand, copied from another worker, tampered with) is no record. */
export function verifiedRecord(key: Buffer, workerSid: string, stored: unknown): ReadinessRecord | undefined {
  if (typeof stored !== 'object' || stored === null) return undefined;
  const record = stored as Partial<ReadinessRecord>;
  if (
    typeof record.checkedAt !== 'string' ||
    typeof record.verdict !== 'string' ||
    typeof record.items !== 'object' ||
    record.items === null ||
    typeof record.signature !== 'string' ||
    record.policy === undefined
  )
    return undefined;
  return signedBy(key, workerSid, record as ReadinessRecord) ? (record as ReadinessRecord) : undefined;
}

const HOUR_MS = 60 * 60 * 1000;

/** What the panel and escalate need to know of a record, now. */
export interface ReadinessStatus {
  rule: ReadinessSettings['rule'];
  hours: number;
  checkedAt: string | null;
  verdict: Verdict | null;
  /** The required items the last result lacks or could not measure; all of them without one. */
  missingItems: string[];
  /** A passing result (every required item measured, none a problem) within the period, with the
   * current policy acknowledged within it when there is a policy text. */
  ready: boolean;
  /** Until when `ready` holds; null when it does not. */
  readyUntil: string | null;
  policyAcknowledged: boolean;
}

function acknowledgedNow(settings: ReadinessSettings, record: ReadinessRecord | undefined, now: number) {
  if (settings.policyText === null) return true;
  const policy = record?.policy;
  return (
    !!policy &&
    policy.version === policyVersion(settings.policyText) &&
    Date.parse(policy.acknowledgedAt) + settings.hours * HOUR_MS > now
  );
}

export function readinessStatus(
  settings: ReadinessSettings,
  record: ReadinessRecord | undefined,
  now: number,
): ReadinessStatus {
  const checkedAt = record ? Date.parse(record.checkedAt) : NaN;
  const until = checkedAt + settings.hours * HOUR_MS;
  const policyAcknowledged = acknowledgedNow(settings, record, now);
  const missing = missingReadinessItems(record?.items);
  const ready =
    !!record &&
    record.verdict !== 'problem' &&
    missing.length === 0 &&
    until > now &&
    checkedAt <= now &&
    policyAcknowledged;
  const policyUntil = record?.policy
    ? Date.parse(record.policy.acknowledgedAt) + settings.hours * HOUR_MS
    : until;
  return {
    rule: settings.rule,
    hours: settings.hours,
    checkedAt: record?.checkedAt ?? null,
    verdict: record?.verdict ?? null,
    missingItems: missing,
    ready,
    readyUntil: ready
      ? new Date(Math.min(until, settings.policyText === null ? until : policyUntil)).toISOString()
      : null,
    policyAcknowledged,
  };
}

export async function readReadiness(
  client: Twilio,
  workspaceSid: string,
  settings: ReadinessSettings,
  workerSid: string,
  now: number,
): Promise<ReadinessStatus> {
  const worker = await readWorkerAttributes(client, workspaceSid, workerSid);
  const record = verifiedRecord(settings.signingKey, workerSid, worker?.attributes[READINESS_ATTRIBUTE]);
  return readinessStatus(settings, record, now);
}

/**
 * Keeps the check's result on the worker, signed, with the bundle's time. The policy's
 * acknowledgement is kept with it: given now, or carried over from the worker's previous record
 * while that one's acknowledgement of the same text is within its period (once per period).
 */
export async function keepReadiness(
  client: Twilio,
  workspaceSid: string,
  settings: ReadinessSettings,
  workerSid: string,
  result: { items: Readonly<Record<string, ReadinessItem>>; acknowledged: boolean },
  now: number,
): Promise<ReadinessStatus> {
  const checkedAt = new Date(now).toISOString();
  let kept: ReadinessRecord | undefined;
  const written = await setWorkerAttribute(client, workspaceSid, workerSid, READINESS_ATTRIBUTE, (stored) => {
    const previous = verifiedRecord(settings.signingKey, workerSid, stored);
    let policy: UnsignedRecord['policy'] = null;
    if (settings.policyText !== null) {
      const version = policyVersion(settings.policyText);
      if (result.acknowledged) policy = { version, acknowledgedAt: checkedAt };
      else if (acknowledgedNow(settings, previous, now)) policy = previous!.policy;
    }
    kept = signedRecord(settings.signingKey, workerSid, {
      checkedAt,
      verdict: worstVerdict(result.items),
      items: result.items,
      policy,
    });
    return kept;
  });
  if (!written)
    throw new AppError('forbidden', 'Your Flex user has no TaskRouter worker to keep the result on.');
  return readinessStatus(settings, kept, now);
}

/** Escalate's gate under `require`: a fresh passing result of both checks, the policy acknowledged. */
export function assertReady(status: ReadinessStatus, now: number): void {
  if (status.rule !== 'require' || status.ready) return;
  const stale = !!status.checkedAt && Date.parse(status.checkedAt) + status.hours * HOUR_MS <= now;
  const why = !status.checkedAt
    ? 'there is no equipment and appearance check on record'
    : status.verdict === 'problem'
      ? 'the last check found a problem'
      : stale
        ? `the last check is older than ${status.hours} hours`
        : status.missingItems.length
          ? `the last check did not cover or could not measure ${status.missingItems.join(', ')}`
          : 'the video policy has not been acknowledged';
  throw new AppError(
    'readiness_required',
    `Your company requires a passing check before video calls, and ${why}; run the check, then start the call.`,
  );
}
