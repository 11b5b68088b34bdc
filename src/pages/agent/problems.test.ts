import { isRetryable, problemOf, type ProblemKind } from './problems';

const failure = (status: number, code: string, retryAfterSeconds: number | null = null) => ({
  status,
  code,
  retryAfterSeconds,
});

// Each problem, and the failures (status, code) that are it. Codes the panel does not know, and
// names every object has, are judged by the status alone.
test.each<[ProblemKind, [number, string][]]>([
  [
    'signed-out',
    [
      [401, 'unauthenticated'],
      [401, 'unknown'],
      [401, 'constructor'],
    ],
  ],
  ['not-your-task', [[403, 'forbidden']]],
  ['recording-disabled', [[403, 'recording_disabled']]],
  ['no-task', [[404, 'task_not_found']]],
  ['no-room', [[404, 'no_room']]],
  ['not-chat', [[409, 'no_conversation']]],
  ['offline', [[0, 'offline']]],
  [
    'service',
    [
      [502, 'upstream_error'],
      [500, 'misconfigured'],
      [200, 'bad_answer'],
      [500, 'toString'],
    ],
  ],
])('%s', (kind, failures) => {
  for (const [status, code] of failures)
    expect([status, code, problemOf(failure(status, code)).kind]).toEqual([status, code, kind]);
});

test('a 503 keeps its Retry-After, whatever its body says', () => {
  expect(problemOf(failure(503, 'upstream_unavailable', 7))).toEqual({ kind: 'busy', retryAfterSeconds: 7 });
  expect(problemOf(failure(503, 'unknown', 10))).toEqual({ kind: 'busy', retryAfterSeconds: 10 });
  expect(problemOf(failure(502, 'upstream_error', 3))).toEqual({ kind: 'service', retryAfterSeconds: null });
});

test('only passing troubles offer a retry', () => {
  const retryable: ProblemKind[] = ['busy', 'offline', 'service', 'connect', 'config'];
  const lasting: ProblemKind[] = [
    'signed-out',
    'not-your-task',
    'no-task',
    'not-chat',
    'recording-disabled',
    'no-room',
    'unsupported',
  ];
  expect(retryable.filter((kind) => !isRetryable(kind))).toEqual([]);
  expect(lasting.filter(isRetryable)).toEqual([]);
});
