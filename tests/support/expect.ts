import type { ApiError, ErrorCode } from '../../src/contract';
import { ERROR_STATUS } from '../../src/contract';
import type { RawAnswer } from './stack';

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

/** Longest chain of calls where each starts only after the previous one ended: the number of
 * sequential Twilio round trips on a request's critical path. */
export function sequentialDepth(calls: { startedAt: number; endedAt: number }[]): number {
  const sorted = [...calls].sort((a, b) => a.startedAt - b.startedAt);
  const depth: number[] = [];
  sorted.forEach((call, i) => {
    const before = sorted.slice(0, i).filter((p, j) => p.endedAt <= call.startedAt && depth[j] !== undefined);
    depth[i] = 1 + Math.max(0, ...before.map((p) => depth[sorted.indexOf(p)]));
  });
  return Math.max(0, ...depth);
}

/** The Function's own duration, from its Server-Timing header: what Twilio's 10 s limit counts,
 * without the process twilio-run forks for each request locally. */
export function functionMillis(answer: RawAnswer): number {
  const match = /total;dur=(\d+)/.exec(answer.headers.get('server-timing') ?? '');
  if (!match) throw new Error('no Server-Timing header');
  return Number(match[1]);
}
