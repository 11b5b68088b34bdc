/**
 * Malformed requests, one table per endpoint: every parameter missing, of the wrong type, too
 * long or of the wrong format, as JSON (any type) and as form strings (strings only). Each case
 * names the answer docs/openapi.yaml requires: 400 invalid_request, except an absent or empty `Token`,
 * which is 401 unauthenticated. The values that must be real (the seeded task's token and SID)
 * are placeholders, filled in by `withSeeded` once the stack runs.
 */

export type Body = Record<string, unknown>;
export type Expected = readonly [400, 'invalid_request'] | readonly [401, 'unauthenticated'];

export interface MalformedCase {
  name: string;
  body: Body;
  form: boolean;
  expected: Expected;
}

export const SEEDED_TOKEN = '<seeded token>';
export const SEEDED_TASK = '<seeded task>';
const HEX = 'a'.repeat(32);

const INVALID: Expected = [400, 'invalid_request'];
const ABSENT_TOKEN: Expected = [401, 'unauthenticated'];

interface ParamValues {
  json: unknown[];
  form: string[];
  /** Whether leaving the parameter out is malformed (it is required). */
  required: boolean;
}

/** Malformed values of one parameter of `base`, each with what it must be answered. */
function variants(base: Body, param: string, values: ParamValues): MalformedCase[] {
  const expectedFor = (value: unknown): Expected =>
    param === 'Token' && (value === undefined || value === null || value === '') ? ABSENT_TOKEN : INVALID;
  const without = () => Object.fromEntries(Object.entries(base).filter(([name]) => name !== param));
  const shown = (value: unknown) => (JSON.stringify(value) ?? String(value)).slice(0, 40);
  return [
    ...(values.required
      ? [
          { name: `${param} missing (JSON)`, body: without(), form: false, expected: expectedFor(undefined) },
          { name: `${param} missing (form)`, body: without(), form: true, expected: expectedFor(undefined) },
        ]
      : []),
    ...values.json.map((value) => ({
      name: `${param}=${shown(value)} (JSON)`,
      body: { ...base, [param]: value },
      form: false,
      expected: expectedFor(value),
    })),
    ...values.form.map((value) => ({
      name: `${param}=${shown(value)} (form)`,
      body: { ...base, [param]: value },
      form: true,
      expected: expectedFor(value),
    })),
  ];
}

const TOKEN: ParamValues = {
  json: ['', 12345, true, null, [], ['a', 'b'], { token: 'x' }, 'x'.repeat(8193)],
  form: ['', 'x'.repeat(9000)],
  required: true,
};

const TASK_SID: ParamValues = {
  json: [
    '',
    'WT123',
    `XX${HEX}`,
    `WT${HEX}0`,
    `WT${'g'.repeat(32)}`,
    `wt${HEX}`,
    ` WT${HEX}`,
    `WT${HEX}\n`,
    42,
    true,
    null,
    [`WT${HEX}`],
    { sid: `WT${HEX}` },
    `WT${HEX}/../x`,
    'W'.repeat(100_000),
  ],
  form: ['', 'WT123', `RM${HEX}`, `WT${HEX} `, 'WT%00', '../../etc/passwd', `WT${HEX}\u0000`],
  required: true,
};

const AGENT_BASE: Body = { Token: SEEDED_TOKEN, TaskSid: SEEDED_TASK };

/** Token and TaskSid, plus the endpoint's own parameters. */
function agentCases(own: Record<string, ParamValues> = {}, ownBase: Body = {}): MalformedCase[] {
  const base = { ...AGENT_BASE, ...ownBase };
  return [
    ...variants(base, 'Token', TOKEN),
    ...variants(base, 'TaskSid', TASK_SID),
    ...Object.entries(own).flatMap(([param, values]) => variants(base, param, values)),
  ];
}

/** Token plus the endpoint's own parameters, for the agent endpoints that act on no task. */
function userCases(own: Record<string, ParamValues>, ownBase: Body): MalformedCase[] {
  const base = { Token: SEEDED_TOKEN, ...ownBase };
  return [
    ...variants(base, 'Token', TOKEN),
    ...Object.entries(own).flatMap(([param, values]) => variants(base, param, values)),
  ];
}

/** A well-formed check item, for /video/readiness's cases. */
const CHECK_ITEM = { verdict: 'good', finding: 'camera-good', figures: { width: 1280 } };

/** A well-formed transcription result, for /video/transcript's cases. */
const AGENT_SPEAKER = `agent-${'0'.repeat(40)}`;
const RESULT = {
  Participant: AGENT_SPEAKER,
  Text: 'Hello',
  Timestamp: '2026-01-01T10:00:00.000Z',
  Sequence: 1,
};

export const MALFORMED: Record<string, MalformedCase[]> = {
  '/video/escalate': agentCases({
    Resend: {
      json: ['yes', 1, 0, 'TRUE', [], { value: true }, null],
      form: ['yes', '1', 'on'],
      required: false,
    },
  }),
  '/video/agent-token': agentCases(),
  '/video/agent-call': agentCases(),
  '/video/preflight-token': agentCases(),
  '/video/complete': agentCases(),
  '/video/recordings': agentCases({
    Cursor: {
      json: [
        '',
        'next',
        7,
        true,
        null,
        [],
        { at: 1 },
        `1-RM${HEX.toUpperCase()}`,
        `-1-RM${HEX}`,
        `1-WT${HEX}`,
      ],
      form: ['', 'next', `1-RM${HEX} `, `99999999999999-RM${HEX}`],
      required: false,
    },
  }),
  '/video/recording': agentCases(
    {
      Action: {
        json: [
          '',
          'START',
          'start ',
          'begin',
          'pause',
          1,
          true,
          null,
          ['start'],
          { start: true },
          's'.repeat(200_000),
        ],
        form: ['', 'Stop', 'start;stop'],
        required: true,
      },
    },
    { Action: 'start' },
  ),
  '/video/transcription': agentCases(
    {
      Action: {
        json: ['', 'START', 'begin', 'pause', 0, false, null, ['stop'], { stop: true }, 'a'.repeat(100_000)],
        form: ['', 'Start', 'stop;start'],
        required: true,
      },
    },
    { Action: 'start' },
  ),
  '/video/transcript': agentCases(
    {
      Results: {
        json: [
          [],
          'results',
          5,
          true,
          null,
          { Participant: AGENT_SPEAKER },
          Array.from({ length: 21 }, (_, i) => ({ ...RESULT, Sequence: i })),
          [{ ...RESULT, Participant: '' }],
          [{ ...RESULT, Participant: 'a/b' }],
          [{ ...RESULT, Participant: 'i'.repeat(129) }],
          [{ ...RESULT, Text: 7 }],
          [{ ...RESULT, Text: 't'.repeat(1_001) }],
          [{ ...RESULT, Timestamp: 'yesterday' }],
          [{ ...RESULT, Timestamp: '2026-13-45T99:00:00Z' }],
          [{ ...RESULT, Timestamp: 1_767_225_600_000 }],
          [{ ...RESULT, Sequence: -1 }],
          [{ ...RESULT, Sequence: 1.5 }],
          [{ ...RESULT, Sequence: '3' }],
          [{ ...RESULT, Extra: 'x' }],
          [RESULT, null],
          [[RESULT]],
          (({ Text: _text, ...rest }) => [rest])(RESULT),
        ],
        form: ['', 'x', JSON.stringify([RESULT])],
        required: true,
      },
    },
    { Results: [RESULT] },
  ),
  '/video/remove-participant': agentCases(
    {
      Identity: {
        json: [
          '',
          7,
          true,
          null,
          ['customer-x'],
          { identity: 'x' },
          'i'.repeat(129),
          'é'.repeat(65),
          'a/b',
          'a?b',
          'a#b',
          '100%',
          'x\u0000y',
          'x\u202ey',
        ],
        form: ['', 'i'.repeat(5_000), '../Participants', 'a\nb'],
        required: true,
      },
    },
    { Identity: 'customer-AAAAAAAAAAAAAAAA' },
  ),
  '/video/readiness': userCases(
    {
      Action: { json: ['', 'REPORT', 'pass', 1, null, ['report']], form: ['', 'Report'], required: true },
      Items: {
        json: [
          'camera',
          [],
          {},
          7,
          null,
          [CHECK_ITEM],
          { camera: null },
          { camera: { ...CHECK_ITEM, verdict: 'fine' } },
          { camera: { ...CHECK_ITEM, finding: 'Camera Good' } },
          { camera: { ...CHECK_ITEM, figures: { width: '1280' } } },
          {
            camera: { ...CHECK_ITEM, figures: Object.fromEntries('abcdefghi'.split('').map((k) => [k, 1])) },
          },
          { camera: { ...CHECK_ITEM, extra: 1 } },
          { '../camera': CHECK_ITEM },
          Object.fromEntries(Array.from({ length: 17 }, (_, i) => [`item-${i}`, CHECK_ITEM])),
        ],
        form: ['', 'camera', JSON.stringify({ camera: CHECK_ITEM })],
        required: true,
      },
      PolicyAcknowledged: { json: ['yes', 1, null, []], form: ['yes', '1'], required: false },
    },
    { Action: 'report', Items: { camera: CHECK_ITEM } },
  ),
  '/video/practice': userCases(
    {
      Action: { json: ['', 'START', 'begin', 0, null, ['start']], form: ['', 'Start'], required: true },
      RoomSid: {
        json: ['', 'RM123', `WT${HEX}`, `RM${HEX}0`, 7, null, [`RM${HEX}`]],
        form: ['', `RM${HEX} `, '../Rooms'],
        required: true,
      },
    },
    { Action: 'end', RoomSid: `RM${HEX}` },
  ),
  '/video/snapshot-request': agentCases(),
  '/video/snapshot': snapshotCases(),
  '/video/join': [
    ...variants({ Invite: `RM${HEX}.${'A'.repeat(16)}.1.1.${'B'.repeat(43)}` }, 'Invite', {
      json: ['', 7, false, null, ['x'], { invite: 'x' }, 'i'.repeat(561), 'i'.repeat(1_000_000)],
      form: ['', 'i'.repeat(5_000)],
      required: true,
    }),
    ...variants({ Invite: `RM${HEX}.${'A'.repeat(16)}.1.1.${'B'.repeat(43)}` }, 'Name', {
      json: ['N'.repeat(65), 12, true, ['Ana'], { first: 'Ana' }, 'é'.repeat(65)],
      form: ['N'.repeat(65), 'x'.repeat(10_000)],
      required: false,
    }),
  ],
};

/** /video/snapshot: every parameter of a well-formed post broken in turn. */
function snapshotCases(): MalformedCase[] {
  const base: Body = {
    Invite: `RM${HEX}.${'A'.repeat(16)}.1.1.${'B'.repeat(43)}`,
    RequestId: 'R'.repeat(22),
    ContentType: 'image/jpeg',
    Image: '/9j/4AAQSkZJRg==',
  };
  return [
    ...variants(base, 'Invite', {
      json: ['', 7, null, ['x'], 'i'.repeat(561)],
      form: ['', 'i'.repeat(5_000)],
      required: true,
    }),
    ...variants(base, 'RequestId', {
      json: ['', 'short', 'R'.repeat(23), `${'R'.repeat(21)}!`, 22, null, ['R'.repeat(22)]],
      form: ['', `${'R'.repeat(22)} `, '../../x'],
      required: true,
    }),
    ...variants(base, 'ContentType', {
      json: ['', 'image/gif', 'IMAGE/JPEG', 'image/svg+xml', 'text/html', 1, null, ['image/png']],
      form: ['', 'image/webp', 'application/octet-stream'],
      required: true,
    }),
    ...variants(base, 'Image', {
      json: ['', 'abc', 'not base64!', '====', '/9j/\n4AAQ', 42, true, null, [], { data: 'x' }],
      form: ['', '%%%%', 'data:image/jpeg;base64,/9j/4AAQ'],
      required: true,
    }),
  ];
}

/** Bodies that are no parameters at all. They carry no Token, so an agent endpoint answers 401;
 * the customer's endpoints 400. */
export const CUSTOMER_ENDPOINTS = ['/video/join', '/video/snapshot'];
export const NOT_PARAMETERS = ['', '[]', '[1,2,3]', '"TaskSid"', 'null', '{"request":{"headers":5}}'];

export const withSeeded = (body: Body, seeded: { token: string; taskSid: string }): Body =>
  Object.fromEntries(
    Object.entries(body).map(([k, v]) => [
      k,
      v === SEEDED_TOKEN ? seeded.token : v === SEEDED_TASK ? seeded.taskSid : v,
    ]),
  );
