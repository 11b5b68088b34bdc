import type { HttpAnswer } from './stack';

/** API.md's error contract: the status, a JSON body `{error: {code, message}}`, nothing else. */
export function expectError(answer: HttpAnswer, status: number, code: string): void {
  expect({ status: answer.status, code: answer.body?.error?.code }).toEqual({ status, code });
  expect(Object.keys(answer.body)).toEqual(['error']);
  expect(typeof answer.body.error.message).toBe('string');
  expect(answer.body.error.message.length).toBeGreaterThan(0);
  expect(answer.headers.get('content-type')).toContain('application/json');
  expect(answer.text).not.toMatch(/\bat .+\.js:\d+|Error:|<html|fake-auth-token|fake-api-secret/i);
}

/** The invite value inside a join link. */
export const inviteOf = (joinUrl: string): string => decodeURIComponent(new URL(joinUrl).hash.replace(/^#invite=/, ''));

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
export function functionMillis(answer: HttpAnswer): number {
  const match = /total;dur=(\d+)/.exec(answer.headers.get('server-timing') ?? '');
  if (!match) throw new Error('no Server-Timing header');
  return Number(match[1]);
}
