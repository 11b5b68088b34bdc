import type { ApiError, ErrorCode } from '../../src/contract';
import { ERROR_STATUS } from '../../src/contract';
import type { RecordedCall } from '../../dev/emulator';
import type { RawAnswer } from './stack';

type EmulatorCall = Pick<RecordedCall, 'arrived' | 'answered'>;

/** Whether a value is the contract's failure body, `{error: {code, message}}` with a known code. */
export function isApiError(value: unknown): value is ApiError {
  if (typeof value !== 'object' || value === null || !('error' in value)) return false;
  const { error } = value;
  return (
    typeof error === 'object' &&
    error !== null &&
    'code' in error &&
    typeof error.code === 'string' &&
    Object.hasOwn(ERROR_STATUS, error.code) &&
    'message' in error &&
    typeof error.message === 'string'
  );
}

/** The contract's error shape (docs/openapi.yaml, `Error`): the status, a JSON body `{error: {code, message}}`, nothing else.
 * Returns that body, typed, for a test that reads the message. */
export function expectError(answer: RawAnswer, status: number, code: ErrorCode): ApiError {
  const body = answer.json;
  expect({ status: answer.status, code: isApiError(body) ? body.error.code : body }).toEqual({
    status,
    code,
  });
  if (!isApiError(body)) throw new Error(`not the contract's error body: ${answer.text.slice(0, 300)}`);
  expect(Object.keys(body)).toEqual(['error']);
  expect(body.error.message.length).toBeGreaterThan(0);
  expect(answer.headers.get('content-type')).toContain('application/json');
  expect(answer.text).not.toMatch(/\bat .+\.js:\d+|Error:|<html|fake-auth-token|fake-api-secret/i);
  return body;
}

/** What `fn` threw (undefined when it returned), for asserting on its fields with toMatchObject:
 * jest's `toThrow(expect.objectContaining(...))` would pass an `any` matcher. */
export function thrownBy(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  return undefined;
}

/** jest's asymmetric matchers for the places of an expected value, as `unknown`: @types/jest
 * types them `any`, which would spread through every expected value they sit in. */
export const anyString = (): unknown => expect.any(String);
export const stringMatching = (pattern: RegExp): unknown => expect.stringMatching(pattern);
export const stringContaining = (text: string): unknown => expect.stringContaining(text);

/** The invite value inside a join link. */
export const inviteOf = (joinUrl: string): string =>
  decodeURIComponent(new URL(joinUrl).hash.replace(/^#invite=/, ''));

/** `later` may have waited on `earlier`: Twilio (the emulator) had answered `earlier` before
 * `later` arrived. Order of events, not time (RecordedCall in dev/emulator). */
export const answeredBefore = (earlier: EmulatorCall, later: EmulatorCall): boolean =>
  earlier.answered > 0 && earlier.answered < later.arrived;

/** The emulator's latency while a test counts sequential round trips: calls sent together must all
 * arrive before the first of them is answered, and on a loaded machine the sender can be starved
 * between them. At 150 ms, a run at load 15–20 counted 7 round trips where the code makes 6. */
export const OVERLAP_LATENCY_MS = 400;

/** Longest chain of calls where each arrived only after the previous one was answered: the number
 * of sequential Twilio round trips on a request's critical path. Calls sent together overlap once
 * the test injects latency; without it the count can only come out too high, never too low, since
 * a call that needs another's answer always arrives after it. */
export function sequentialDepth(calls: EmulatorCall[]): number {
  const depth = new Map<EmulatorCall, number>();
  for (const call of [...calls].sort((a, b) => a.arrived - b.arrived)) {
    const waitedOn = calls.filter((p) => depth.has(p) && answeredBefore(p, call));
    depth.set(call, 1 + Math.max(0, ...waitedOn.map((p) => depth.get(p)!)));
  }
  return Math.max(0, ...depth.values());
}

/** The Function's own duration, from its Server-Timing header: what Twilio's 10 s limit counts,
 * without twilio-run's own work around it. */
export function functionMillis(answer: RawAnswer): number {
  const match = /total;dur=(\d+)/.exec(answer.headers.get('server-timing') ?? '');
  if (!match) throw new Error('no Server-Timing header');
  return Number(match[1]);
}
