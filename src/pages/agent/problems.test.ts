import { isRetryable, problemOf, type ProblemKind } from './problems';

const failure = (status: number, code: string, retryAfterSeconds: number | null = null) => ({ status, code, retryAfterSeconds });

test.each([
  [401, 'unauthenticated', 'signed-out'],
  [403, 'forbidden', 'not-your-task'],
  [403, 'recording_disabled', 'recording-disabled'],
  [404, 'task_not_found', 'no-task'],
  [404, 'no_room', 'no-room'],
  [409, 'no_conversation', 'not-chat'],
  [0, 'offline', 'offline'],
  [502, 'upstream_error', 'service'],
  [500, 'misconfigured', 'service'],
  [200, 'bad_answer', 'service'],
  [401, 'unknown', 'signed-out'],
  // Names every object has are no codes.
  [500, 'toString', 'service'],
  [401, 'constructor', 'signed-out'],
])('%i %s is %s', (status, code, kind) => {
  expect(problemOf(failure(status, code)).kind).toBe(kind);
});

test('a 503 keeps its Retry-After, whatever its body says', () => {
  expect(problemOf(failure(503, 'upstream_unavailable', 7))).toEqual({ kind: 'busy', retryAfterSeconds: 7 });
  expect(problemOf(failure(503, 'unknown', 10))).toEqual({ kind: 'busy', retryAfterSeconds: 10 });
  expect(problemOf(failure(502, 'upstream_error', 3))).toEqual({ kind: 'service', retryAfterSeconds: null });
});

test('only passing troubles offer a retry', () => {
  const retryable: ProblemKind[] = ['busy', 'offline', 'service', 'connect', 'config'];
  const lasting: ProblemKind[] = ['signed-out', 'not-your-task', 'no-task', 'not-chat', 'recording-disabled', 'no-room', 'unsupported'];
  expect(retryable.filter((kind) => !isRetryable(kind))).toEqual([]);
  expect(lasting.filter(isRetryable)).toEqual([]);
});
