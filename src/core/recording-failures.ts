import type { Twilio } from 'twilio';
import { AppError } from './errors';
import { ClaimStore } from './once';

/**
 * Twilio reports a failed track recording only in a `recording-failed` room callback, with its
 * reason; the agent reads it back from /video/recordings. Each room's failures are one Sync
 * document, appended to with If-Match so concurrent callbacks do not overwrite each other.
 */

export interface RecordingFailure {
  recordingSid: string | null;
  trackName: string | null;
  reason: string;
  /** ISO-8601: Twilio's timestamp of the event when it sent a valid one, else when it arrived. */
  failedAt: string;
}

interface FailureLog {
  failures: RecordingFailure[];
}

/** A Sync document holds 16 KiB; a room with this many failures has one problem, repeated. */
const MAX_FAILURES_KEPT = 40;
const MAX_ROUNDS = 3;

export const recordingFailuresKey = (roomSid: string) => `video-recording-failures-${roomSid}`;

/** A redelivered callback is the same failure again. */
const sameFailure = (a: RecordingFailure, b: RecordingFailure) =>
  a.recordingSid === b.recordingSid &&
  a.reason === b.reason &&
  (a.recordingSid !== null || a.failedAt === b.failedAt);

export async function recordFailure(
  client: Twilio,
  syncServiceSid: string,
  roomSid: string,
  failure: RecordingFailure,
): Promise<'recorded' | 'duplicate'> {
  const store = new ClaimStore<FailureLog>(client, syncServiceSid);
  const key = recordingFailuresKey(roomSid);
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const current = await store.read(key);
    const failures = current?.record.failures ?? [];
    if (failures.some((known) => sameFailure(known, failure))) return 'duplicate';
    const next = { failures: [...failures, failure].slice(-MAX_FAILURES_KEPT) };
    if (current ? await store.replace(key, next, current.revision) : await store.create(key, next))
      return 'recorded';
  }
  throw new AppError(
    'upstream_unavailable',
    'The recording failure could not be stored; Twilio was busy.',
    1,
  );
}

export async function readFailures(
  client: Twilio,
  syncServiceSid: string,
  roomSid: string,
): Promise<RecordingFailure[]> {
  const log = await new ClaimStore<FailureLog>(client, syncServiceSid).read(recordingFailuresKey(roomSid));
  return Array.isArray(log?.record.failures) ? log.record.failures : [];
}
