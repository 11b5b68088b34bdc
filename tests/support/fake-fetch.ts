/** For the tests of api.ts: fetch functions that answer every call alike and keep what was sent. */
import { ERROR_STATUS, type ApiError, type ErrorCode } from '../../src/contract';

export interface SentRequest {
  url: string;
  method: string | undefined;
  /** The JSON body, parsed. */
  body: unknown;
}

/** Answers `body` (as it is when a string, else as JSON) with `status`. */
export function answering(status: number, body: unknown, headers: Record<string, string> = {}) {
  const sent: SentRequest[] = [];
  const fetchFn = (url: string, init: RequestInit): Promise<Response> => {
    const sentBody: unknown = typeof init.body === 'string' ? JSON.parse(init.body) : undefined;
    sent.push({ url, method: init.method, body: sentBody });
    return Promise.resolve(
      new Response(typeof body === 'string' ? body : JSON.stringify(body), { status, headers }),
    );
  };
  return { fetchFn, sent };
}

/** The contract's failure for `code`, with the status the contract gives it. */
export function failing(code: ErrorCode, headers: Record<string, string> = {}) {
  return answering(ERROR_STATUS[code], { error: { code, message: 'm' } } satisfies ApiError, headers);
}

/** What fetch does when the network is down. */
export const unreachable = (): Promise<Response> => Promise.reject(new TypeError('Failed to fetch'));
