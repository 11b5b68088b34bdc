import SwaggerParser from '@apidevtools/swagger-parser';
import fs from 'node:fs';
import path from 'node:path';
import { AppError, ErrorCode } from '../../src/core/errors';
import { stringContaining, stringMatching } from '../support/expect';
import {
  checkAnswer,
  contractChecker,
  ContractChecker,
  CONTRACT_PATH,
  Exchange,
  newContractLog,
} from '../support/contract-check';

/** The contract checker itself: the document it reads, and answers it must accept and refuse. */

const checker = contractChecker();
/** Walking the document, which is `unknown` below its root: a member of an object (else undefined),
 * an object's entries (else none), an array's strings (else none). */
const at = (node: unknown, ...keys: string[]): unknown =>
  keys.reduce<unknown>(
    (value, key) =>
      typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[key] : undefined,
    node,
  );
const entriesOf = (node: unknown): [string, unknown][] =>
  typeof node === 'object' && node !== null ? Object.entries(node) : [];
const stringsOf = (node: unknown): string[] =>
  Array.isArray(node) ? node.filter((item): item is string => typeof item === 'string') : [];

const HEX = 'ab'.repeat(16);
const ROOM = `RM${HEX}`;
const TASK = `WT${HEX}`;
const JWT = 'eyJhbGciOiJIUzI1NiJ9.eyJleHAiOjF9.c2lnbmF0dXJl';
const INVITE = `${ROOM}.AAAAAAAAAAAAAAAA.1700000000000.1700003600.${'B'.repeat(43)}`;
const FUNCTION_HEADERS = {
  'content-type': 'application/json; charset=utf-8',
  'server-timing': 'total;dur=12',
  'cache-control': 'no-store',
  vary: 'Origin',
};

const answer = (
  path: string,
  status: number,
  body: unknown,
  headers: Record<string, string | undefined> = {},
  method = 'POST',
): Exchange => ({
  method,
  path,
  status,
  headers: Object.fromEntries(
    Object.entries({ ...FUNCTION_HEADERS, ...headers }).filter(([, v]) => v !== undefined),
  ),
  text: body === undefined ? '' : JSON.stringify(body),
  requestHeaders: { 'Content-Type': 'application/json' },
  requestBody: JSON.stringify({ Token: 'x', TaskSid: TASK }),
});
const failure = (code: string, message = 'Something went wrong.') => ({ error: { code, message } });
const escalation = (overrides: Record<string, unknown> = {}) => ({
  roomSid: ROOM,
  roomName: `flex-video-${TASK}`,
  joinUrl: `http://localhost:3000/join.html#invite=${INVITE}`,
  created: true,
  messageSid: `IM${HEX}`,
  inviteStatus: 'posted',
  agent: {
    token: JWT,
    identity: `agent-${'ab12'.repeat(10)}`,
    roomName: `flex-video-${TASK}`,
    expiresAt: '2026-01-01T04:00:00.000Z',
  },
  ...overrides,
});
const problemsOf = (exchange: Exchange) => {
  const verdict = checker.check(exchange);
  return verdict.kind === 'violated' ? verdict.problems.join('\n') : verdict.kind;
};

describe('the document', () => {
  test('is a valid OpenAPI 3.1 document whose references all resolve', async () => {
    // The file the checker reads (see 'is the file in docs/'); swagger-parser reads its own copy.
    await expect(SwaggerParser.validate(CONTRACT_PATH)).resolves.toBeDefined();
    expect(checker.document.openapi).toMatch(/^3\.1\./);
  });

  test('is loaded and compiled once per process', () => {
    expect(contractChecker()).toBe(checker);
  });

  test('documents every Function of the bundle, by its URL', () => {
    const root = path.resolve(__dirname, '..', '..', 'src', 'functions');
    const walk = (dir: string): string[] =>
      fs
        .readdirSync(dir, { withFileTypes: true })
        .flatMap((e) =>
          e.isDirectory()
            ? walk(path.join(dir, e.name))
            : e.name.endsWith('.ts') && !e.name.endsWith('.test.ts')
              ? [path.join(dir, e.name)]
              : [],
        );
    const urls = walk(root).map((file) => `/${path.relative(root, file).replace(/(\.protected)?\.ts$/, '')}`);
    expect(urls.length).toBeGreaterThanOrEqual(10);
    // The pages (join.html, agent.html) are Functions too, for their headers; browsers GET them.
    for (const url of urls)
      expect(checker.operationKeys()).toContain(`${url.endsWith('.html') ? 'GET' : 'POST'} ${url}`);
    expect(checker.operationKeys()).toContain('GET /video/agent-config');
  });

  test('every error code sits under the status the code answers it with, and every code is used', () => {
    const doc = checker.document;
    const deref = (node: unknown): unknown => {
      const ref = at(node, '$ref');
      return typeof ref === 'string' ? deref(at(doc, ...ref.slice(2).split('/'))) : node;
    };
    const used = new Set<string>();
    let checked = 0;
    for (const [, item] of entriesOf(doc.paths)) {
      for (const [, operation] of entriesOf(item)) {
        for (const [status, response] of entriesOf(at(operation, 'responses'))) {
          const codes = stringsOf(
            at(
              deref(response),
              'content',
              'application/json',
              'schema',
              'properties',
              'error',
              'properties',
              'code',
              'enum',
            ),
          );
          for (const code of codes) {
            expect({ code, status: new AppError(code as ErrorCode, 'x').status }).toEqual({
              code,
              status: Number(status),
            });
            used.add(code);
            checked++;
          }
        }
      }
    }
    expect(checked).toBeGreaterThan(50);
    expect([...used].sort()).toEqual(
      stringsOf(
        at(doc, 'components', 'schemas', 'Error', 'properties', 'error', 'properties', 'code', 'enum'),
      ).sort(),
    );
  });

  test('an OpenAPI 3.0 document is refused', () => {
    expect(() => new ContractChecker('openapi: 3.0.3\ninfo: {title: x, version: "1"}\npaths: {}\n')).toThrow(
      /OpenAPI 3\.1/,
    );
  });

  test('is the file in docs/', () => {
    expect(fs.readFileSync(CONTRACT_PATH, 'utf8')).toMatch(/^openapi: 3\.1\.0$/m);
  });
});

describe('answers that keep the contract', () => {
  test.each<[string, Exchange]>([
    ['escalate 200, invite posted', answer('/video/escalate', 200, escalation())],
    [
      'escalate 200, invite pending: messageSid null',
      answer(
        '/video/escalate',
        200,
        escalation({ inviteStatus: 'pending', messageSid: null, created: false }),
      ),
    ],
    [
      'escalate 200 from an allowed origin',
      answer('/video/escalate', 200, escalation(), {
        'access-control-allow-origin': 'https://flex.twilio.com',
      }),
    ],
    ['escalate 404 task_not_found', answer('/video/escalate', 404, failure('task_not_found'))],
    [
      'escalate 503 with Retry-After',
      answer('/video/escalate', 503, failure('upstream_unavailable'), { 'retry-after': '2' }),
    ],
    [
      'escalate preflight 204, no body',
      answer('/video/escalate', 204, undefined, { 'content-type': undefined }),
    ],
    ['agent-token 404 no_room', answer('/video/agent-token', 404, failure('no_room'))],
    ['recording 403 recording_disabled', answer('/video/recording', 403, failure('recording_disabled'))],
    ['complete 200 without a room', answer('/video/complete', 200, { completed: true, roomSid: null })],
    [
      'join 200',
      answer('/video/join', 200, {
        token: JWT,
        identity: 'customer-AAAAAAAAAAAAAAAA',
        roomName: `flex-video-${TASK}`,
        expiresAt: '2026-01-01T02:00:00Z',
      }),
    ],
    ['join 410 invite_revoked', answer('/video/join', 410, failure('invite_revoked'))],
    [
      'remove-participant 200',
      answer('/video/remove-participant', 200, { removed: false, roomSid: ROOM, identity: 'é'.repeat(64) }),
    ],
    [
      'recordings 200 with a recording failure',
      answer('/video/recordings', 200, {
        rooms: [
          {
            roomSid: ROOM,
            status: 'completed',
            startedAt: '2026-01-01T00:00:00.000Z',
            endedAt: '2026-01-01T00:30:00.000Z',
            recordings: [{ sid: `RT${HEX}`, kind: 'video', durationSeconds: 1800, status: 'completed' }],
            compositions: [{ sid: `CJ${HEX}`, status: 'enqueued', durationSeconds: null }],
            recordingFailures: [
              {
                recordingSid: null,
                trackName: null,
                reason: 'Twilio gave no reason',
                failedAt: '2026-01-01T00:10:00.000Z',
              },
            ],
          },
        ],
        nextCursor: null,
        truncated: false,
      }),
    ],
    [
      'agent-config by GET',
      answer(
        '/video/agent-config',
        200,
        {
          allowedOrigins: ['https://flex.twilio.com'],
          recordingPolicy: 'on-demand',
          agentBackground: 'image',
          agentBackgroundImage: '/backgrounds/office.jpg',
        },
        {},
        'GET',
      ),
    ],
    [
      'room-status 200 room-ended',
      answer(
        '/video/callbacks/room-status',
        200,
        { handled: 'room-ended', notice: 'already-posted', composition: 'no-recordings', transcript: 'off' },
        { vary: undefined },
      ),
    ],
    [
      'room-status 403 invalid_signature, via a query string',
      answer('/video/callbacks/room-status?Replayed=1', 403, failure('invalid_signature')),
    ],
    ['composition-status 200', answer('/video/callbacks/composition-status', 200, { handled: 'logged' })],
    [
      "the Function's own OPTIONS answer",
      answer(
        '/video/join',
        204,
        undefined,
        {
          'content-type': undefined,
          'access-control-allow-origin': 'https://flex.twilio.com',
          'access-control-max-age': '600',
        },
        'OPTIONS',
      ),
    ],
  ])('%s', (_name, exchange) => {
    expect(checker.check(exchange)).toEqual({
      kind: 'validated',
      operation: stringContaining(`${exchange.method} /video/`),
    });
  });
});

describe('answers that break it', () => {
  test.each<[string, Exchange, RegExp]>([
    [
      'a field the contract does not know',
      answer('/video/escalate', 200, escalation({ conversationSid: `CH${HEX}` })),
      /must NOT have additional properties \(conversationSid\)/,
    ],
    [
      'a field missing',
      answer('/video/escalate', 200, (({ inviteStatus: _, ...rest }) => rest)(escalation())),
      /must have required property 'inviteStatus'/,
    ],
    [
      'messageSid given while the invite is pending',
      answer('/video/escalate', 200, escalation({ inviteStatus: 'pending' })),
      /\/messageSid must be null/,
    ],
    [
      'messageSid null for a posted invite',
      answer('/video/escalate', 200, escalation({ messageSid: null })),
      /\/messageSid must be string/,
    ],
    [
      'a malformed SID',
      answer('/video/agent-token', 200, {
        token: JWT,
        identity: `agent-${'ab12'.repeat(10)}`,
        roomName: `flex-video-${TASK}`,
        roomSid: 'RM123',
        expiresAt: '2026-01-01T00:00:00Z',
      }),
      /\/roomSid must match pattern/,
    ],
    [
      'a code this response cannot carry',
      answer('/video/escalate', 404, failure('no_room')),
      /\/error\/code must be equal to one of the allowed values \(\["task_not_found"\]\)/,
    ],
    [
      'a status the operation does not document',
      answer('/video/escalate', 410, failure('invite_revoked')),
      /status 410 is not documented for POST \/video\/escalate/,
    ],
    [
      'an error body with more than {error}',
      answer('/video/join', 400, { ...failure('invalid_request'), stack: 'at x.js:1' }),
      /must NOT have additional properties \(stack\)/,
    ],
    [
      'an empty error message',
      answer('/video/join', 400, failure('invalid_request', '')),
      /\/error\/message must NOT have fewer than 1 characters/,
    ],
    [
      'a 503 without Retry-After',
      answer('/video/escalate', 503, failure('upstream_unavailable')),
      /header Retry-After is required/,
    ],
    [
      'a Retry-After that is no number of seconds',
      answer('/video/escalate', 503, failure('upstream_unavailable'), { 'retry-after': 'soon' }),
      /header Retry-After: "soon" must be integer/,
    ],
    [
      'an answer without Server-Timing',
      answer('/video/complete', 200, { completed: true, roomSid: ROOM }, { 'server-timing': undefined }),
      /header Server-Timing is required/,
    ],
    [
      'an answer that may be cached',
      answer('/video/join', 401, failure('invalid_invite'), { 'cache-control': 'max-age=60' }),
      /header Cache-Control/,
    ],
    [
      'an HTML error page from the Function',
      {
        ...answer('/video/join', 500, undefined, { 'content-type': 'text/html', 'server-timing': undefined }),
        text: '<html>Error</html>',
      },
      /Content-Type is "text\/html", not application\/json[\s\S]*the body is not JSON/,
    ],
    [
      'an identity longer than 128 bytes',
      answer('/video/remove-participant', 200, { removed: true, roomSid: ROOM, identity: 'é'.repeat(65) }),
      /\/identity must pass "x-maxBytes" keyword validation/,
    ],
    [
      'a callback outcome the code does not produce',
      answer('/video/callbacks/room-status', 200, {
        handled: 'room-ended',
        notice: 'posted',
        transcript: 'off',
      }),
      /^\(root\) must have required property 'composition'$/,
    ],
    [
      'a preflight with a body',
      answer('/video/escalate', 204, { ok: true }),
      /a body was sent where the contract documents none/,
    ],
    [
      'a preflight without Server-Timing',
      answer('/video/escalate', 204, undefined, { 'content-type': undefined, 'server-timing': undefined }),
      /Server-Timing/i,
    ],
    [
      'a callback answering a preflight',
      answer('/video/callbacks/room-status', 204, undefined, { 'content-type': undefined }),
      /204/,
    ],
    [
      'a path the contract does not have',
      answer('/video/escalate-now', 404, failure('invalid_request')),
      /\/video\/escalate-now is not a path of the contract/,
    ],
    [
      'a method the contract does not document',
      answer('/video/escalate', 401, failure('unauthenticated'), {}, 'GET'),
      /GET is not documented for \/video\/escalate/,
    ],
  ])('%s', (_name, exchange, problem) => {
    const verdict = checker.check(exchange);
    expect(verdict.kind).toBe('violated');
    expect(problemsOf(exchange)).toMatch(problem);
  });
});

describe('answers that are not the bundle’s own', () => {
  const runtimePage = (requestBody: string): Exchange => ({
    method: 'POST',
    path: '/video/escalate',
    status: 400,
    headers: { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': "default-src 'none'" },
    text: '<!DOCTYPE html><html><body><pre>SyntaxError: Unexpected token</pre></body></html>',
    requestHeaders: { 'Content-Type': 'application/json' },
    requestBody,
  });

  test.each(['{', '{"Token": }', 'null', '"TaskSid"'])(
    "twilio-run's error page for the JSON body %j is skipped",
    (body) => {
      expect(checker.check(runtimePage(body))).toEqual({
        kind: 'skipped',
        reason: stringMatching(/twilio-run's error page/),
      });
    },
  );

  test('the same page for a body the runtime can parse is a violation: the Function answered it', () => {
    expect(checker.check(runtimePage('{"Token": "x"}')).kind).toBe('violated');
    expect(
      checker.check({
        ...runtimePage('{'),
        headers: { 'content-type': 'text/html', 'server-timing': 'total;dur=3' },
      }).kind,
    ).toBe('violated');
  });

  test("twilio-run's own OPTIONS answer is skipped", () => {
    const exchange = answer(
      '/video/escalate',
      204,
      undefined,
      { 'content-type': 'text/plain', 'access-control-allow-origin': '*', 'server-timing': undefined },
      'OPTIONS',
    );
    expect(checker.check(exchange)).toEqual({ kind: 'skipped', reason: stringMatching(/OPTIONS/) });
  });

  test('static assets are skipped', () => {
    const exchange = {
      ...answer('/join.html', 200, undefined, { 'content-type': 'text/html' }, 'GET'),
      text: '<!doctype html>',
    };
    expect(checker.check(exchange)).toEqual({ kind: 'skipped', reason: stringMatching(/static asset/) });
  });
});

describe('checkAnswer', () => {
  test('counts what it checked and skipped, and records each violation with its request', () => {
    const log = newContractLog();
    checkAnswer(log, answer('/video/escalate', 200, escalation()));
    checkAnswer(log, answer('/video/escalate', 404, failure('no_room')));
    checkAnswer(log, {
      ...answer('/agent.html', 200, undefined, { 'content-type': 'text/html' }, 'GET'),
      text: '<html>',
    });
    expect(log.checked).toBe(2);
    expect(log.skipped).toBe(1);
    expect(log.violations).toEqual([
      { request: 'POST /video/escalate', status: 404, problems: [stringMatching(/\/error\/code/)] },
    ]);
  });
});
