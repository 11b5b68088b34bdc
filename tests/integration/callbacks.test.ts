import { expectError, OVERLAP_LATENCY_MS, sequentialDepth } from '../support/expect';
import { newSid } from '../../dev/emulator';
import { Escalated, escalated } from '../support/escalated';
import { CallbackPath, postCallback, roomEvent, signatureOf } from '../support/twilio-callbacks';
import { useStack } from '../support/use-stack';

/** Twilio's room and composition status callbacks, signed and not, against the spec-checking
 * fake, with VIDEO_COMPOSE=true. */

const ROOM_STATUS: CallbackPath = '/video/callbacks/room-status';
const COMPOSITION_STATUS: CallbackPath = '/video/callbacks/composition-status';

const stack = useStack({ env: { VIDEO_COMPOSE: 'true' } });

const without = <T extends object>(params: T, name: string) =>
  Object.fromEntries(Object.entries(params).filter(([k]) => k !== name));
const sessionEnded = (task: Escalated) =>
  stack.fake.noticesOf(task.conversationSid, 'session-ended', task.room.sid);
const compositionCalls = (since: number) => stack.fake.callsTo('POST', /^\/video\/v1\/Compositions$/, since);

describe('signatures', () => {
  let task: Escalated;
  let params: Record<string, string>;
  beforeAll(async () => {
    task = await escalated(stack);
    stack.fake.endRoom(task.room.sid);
    params = roomEvent(task.room, 'room-ended');
  });

  const url = () => `${stack.baseUrl}${ROOM_STATUS}`;
  const wrong: [
    string,
    () => { params?: Record<string, string>; signature?: string | null; path?: string },
  ][] = [
    ['no X-Twilio-Signature header', () => ({ signature: null })],
    ['an empty signature', () => ({ signature: '' })],
    ['a signature that is not base64', () => ({ signature: 'not a signature!' })],
    [
      'signed with another auth token',
      () => ({ signature: signatureOf(url(), params, 'someone-elses-token') }),
    ],
    [
      'signed for https instead of http',
      () => ({ signature: signatureOf(url().replace('http:', 'https:'), params) }),
    ],
    [
      'signed for another host',
      () => ({ signature: signatureOf(url().replace('localhost', 'evil.example'), params) }),
    ],
    [
      'signed for the composition callback URL',
      () => ({ signature: signatureOf(`${stack.baseUrl}${COMPOSITION_STATUS}`, params) }),
    ],
    ['signed for the URL with a trailing slash', () => ({ signature: signatureOf(`${url()}/`, params) })],
    ['signed without the parameters', () => ({ signature: signatureOf(url(), {}) })],
    [
      'RoomSid changed after signing',
      () => ({ signature: signatureOf(url(), params), params: { ...params, RoomSid: newSid('RM') } }),
    ],
    [
      'a parameter added after signing',
      () => ({ signature: signatureOf(url(), params), params: { ...params, Extra: '1' } }),
    ],
    [
      'a parameter removed after signing',
      () => ({ signature: signatureOf(url(), params), params: without(params, 'Timestamp') }),
    ],
    ['the signature in lower case', () => ({ signature: signatureOf(url(), params).toLowerCase() })],
    [
      'a query string added to the URL',
      () => ({ signature: signatureOf(url(), params), path: `${ROOM_STATUS}?Replayed=1` }),
    ],
    [
      'a body parameter named request (hides the headers)',
      () => ({
        params: { ...params, request: 'x' },
        signature: signatureOf(url(), { ...params, request: 'x' }),
      }),
    ],
  ];

  test.each(wrong)('room-status: %s → 403 invalid_signature, no Twilio call', async (_name, make) => {
    const variant = make();
    const body = variant.params ?? params;
    const mark = stack.fake.calls.length;
    const headers: Record<string, string> = { 'Content-Type': 'application/x-www-form-urlencoded' };
    if (variant.signature !== null)
      headers['X-Twilio-Signature'] = variant.signature ?? signatureOf(url(), body);
    const answer = await stack.post(variant.path ?? ROOM_STATUS, new URLSearchParams(body).toString(), {
      headers,
    });
    expectError(answer, 403, 'invalid_signature');
    expect(stack.fake.calls.length).toBe(mark);
    expect(sessionEnded(task)).toHaveLength(0);
  });

  test('composition-status: unsigned and wrongly signed → 403; signed → 200', async () => {
    const composition = {
      CompositionSid: newSid('CJ'),
      RoomSid: task.room.sid,
      StatusCallbackEvent: 'composition-available',
      Duration: '30',
    };
    const mark = stack.fake.calls.length;
    expectError(
      await postCallback(stack, COMPOSITION_STATUS, composition, { signature: null }),
      403,
      'invalid_signature',
    );
    expectError(
      await postCallback(stack, COMPOSITION_STATUS, composition, {
        signature: signatureOf(`${stack.baseUrl}${ROOM_STATUS}`, composition),
      }),
      403,
      'invalid_signature',
    );
    const signed = await postCallback(stack, COMPOSITION_STATUS, composition);
    expect(signed.status).toBe(200);
    expect(stack.fake.calls.length).toBe(mark);
  });

  test('the correctly signed room-ended is accepted', async () => {
    const answer = await postCallback(stack, ROOM_STATUS, params);
    expect(answer.status).toBe(200);
    expect(sessionEnded(task)).toHaveLength(1);
  });
});

describe('room-ended', () => {
  test('after /video/complete: no second session-ended notice', async () => {
    const task = await escalated(stack);
    await stack.post('/video/complete', { Token: task.token, TaskSid: task.taskSid });
    expect(sessionEnded(task)).toHaveLength(1);
    expect((await postCallback(stack, ROOM_STATUS, roomEvent(task.room, 'room-ended'))).status).toBe(200);
    expect(sessionEnded(task)).toHaveLength(1);
  });

  test("ended by Twilio's empty-room timeout: one notice, however often and concurrently room-ended arrives", async () => {
    const task = await escalated(stack);
    stack.fake.endRoom(task.room.sid);
    const answers = await Promise.all(
      [1, 2, 3].map(() => postCallback(stack, ROOM_STATUS, roomEvent(task.room, 'room-ended'))),
    );
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200]);
    expect((await postCallback(stack, ROOM_STATUS, roomEvent(task.room, 'room-ended'))).status).toBe(200);
    expect(sessionEnded(task)).toHaveLength(1);
    expect(JSON.parse(sessionEnded(task)[0].attributes)).toEqual({
      videoEscalation: { roomSid: task.room.sid, kind: 'session-ended' },
    });
    // And /video/complete afterwards finds it told.
    await stack.post('/video/complete', { Token: task.token, TaskSid: task.taskSid });
    expect(sessionEnded(task)).toHaveLength(1);
  });

  test('out of order: a room-ended for a room still in progress changes nothing; the real one does', async () => {
    const task = await escalated(stack);
    const mark = stack.fake.calls.length;
    expect((await postCallback(stack, ROOM_STATUS, roomEvent(task.room, 'room-ended'))).status).toBe(200);
    expect(stack.fake.calls.slice(mark).filter((c) => c.method === 'POST')).toEqual([]);
    expect(sessionEnded(task)).toHaveLength(0);
    // Earlier events arriving after the end are ignored too.
    stack.fake.endRoom(task.room.sid);
    expect((await postCallback(stack, ROOM_STATUS, roomEvent(task.room, 'room-ended'))).status).toBe(200);
    expect(
      (await postCallback(stack, ROOM_STATUS, roomEvent(task.room, 'participant-connected'))).status,
    ).toBe(200);
    expect(sessionEnded(task)).toHaveLength(1);
  });

  test('a room with recordings is composed once, even when room-ended arrives twice at once and again later', async () => {
    const task = await escalated(stack);
    stack.fake.addRecording(task.room.sid, { type: 'audio' });
    stack.fake.addRecording(task.room.sid, { type: 'video' });
    stack.fake.endRoom(task.room.sid);
    const mark = stack.fake.calls.length;
    await Promise.all([
      postCallback(stack, ROOM_STATUS, roomEvent(task.room, 'room-ended')),
      postCallback(stack, ROOM_STATUS, roomEvent(task.room, 'room-ended')),
    ]);
    await postCallback(stack, ROOM_STATUS, roomEvent(task.room, 'room-ended'));
    expect(stack.fake.compositionsOf(task.room.sid)).toHaveLength(1);
    const [request] = compositionCalls(mark);
    expect(request.form).toEqual({
      RoomSid: task.room.sid,
      AudioSources: '*',
      VideoLayout: JSON.stringify({ grid: { video_sources: ['*'] } }),
      Format: 'mp4',
      StatusCallback: `${stack.baseUrl}${COMPOSITION_STATUS}`,
      StatusCallbackMethod: 'POST',
    });
    expect(sessionEnded(task)).toHaveLength(1);
  });

  test('a composition request that failed is tried again by the next delivery', async () => {
    const task = await escalated(stack);
    stack.fake.addRecording(task.room.sid, { type: 'video' });
    stack.fake.endRoom(task.room.sid);
    stack.fake.faults.push({
      method: 'POST',
      path: /^\/video\/v1\/Compositions$/,
      times: 1,
      status: 400,
      twilioCode: 53120,
    });
    const first = await postCallback(stack, ROOM_STATUS, roomEvent(task.room, 'room-ended'));
    expect(first.status).toBe(502);
    expect(sessionEnded(task)).toHaveLength(1); // the notice did not wait for the composition
    expect((await postCallback(stack, ROOM_STATUS, roomEvent(task.room, 'room-ended'))).status).toBe(200);
    expect(stack.fake.compositionsOf(task.room.sid)).toHaveLength(1);
  });

  test('no composition for a room without recordings, or with failed ones only', async () => {
    const bare = await escalated(stack);
    const failed = await escalated(stack);
    stack.fake.addRecording(failed.room.sid, { status: 'failed' });
    const mark = stack.fake.calls.length;
    for (const task of [bare, failed]) {
      stack.fake.endRoom(task.room.sid);
      expect((await postCallback(stack, ROOM_STATUS, roomEvent(task.room, 'room-ended'))).status).toBe(200);
      expect(sessionEnded(task)).toHaveLength(1);
    }
    expect(compositionCalls(mark)).toEqual([]);
  });

  test('at most six sequential Twilio round trips and thirteen requests, notice and composition included', async () => {
    const task = await escalated(stack);
    stack.fake.addRecording(task.room.sid, { type: 'video' });
    stack.fake.endRoom(task.room.sid);
    // Latency makes overlap visible: calls sent together are all in flight at once.
    stack.fake.latencyMs = OVERLAP_LATENCY_MS;
    const mark = stack.fake.calls.length;
    expect((await postCallback(stack, ROOM_STATUS, roomEvent(task.room, 'room-ended'))).status).toBe(200);
    // room → task → (messages, claim) → claim → notice → claim, and beside it
    // room → recordings → (compositions, claim) → claim → composition → claim.
    expect(sequentialDepth(stack.fake.calls.slice(mark))).toBeLessThanOrEqual(6);
    expect(stack.fake.calls.length - mark).toBeLessThanOrEqual(13);
  });
});

describe('recording-failed', () => {
  test('is stored with its room and reason once, and the agent sees it in /video/recordings', async () => {
    const task = await escalated(stack);
    const recordingSid = newSid('RT');
    const failure = roomEvent(task.room, 'recording-failed', {
      RecordingSid: recordingSid,
      TrackName: 'customer-video',
      FailedOperation: 'media_upload',
      Timestamp: '2026-01-02T03:04:05.000Z',
    });
    expect((await postCallback(stack, ROOM_STATUS, failure)).status).toBe(200);
    expect((await postCallback(stack, ROOM_STATUS, failure)).status).toBe(200); // redelivered
    const listed = await stack.post('/video/recordings', { Token: task.token, TaskSid: task.taskSid });
    expect(listed.status).toBe(200);
    expect(listed.body.rooms[0].recordingFailures).toEqual([
      {
        recordingSid,
        trackName: 'customer-video',
        reason: 'media_upload',
        failedAt: '2026-01-02T03:04:05.000Z',
      },
    ]);
  });
});

describe('malformed payloads, correctly signed: a 4xx in the error shape or a harmless 200, never a 5xx', () => {
  let task: Escalated;
  beforeAll(async () => {
    task = await escalated(stack);
  });

  const base = () => roomEvent(task.room, 'room-ended');
  type Params = Record<string, string | string[]>;
  const cases: [string, CallbackPath, () => Params, 'rejected' | 'harmless'][] = [
    ['an empty body', ROOM_STATUS, () => ({}), 'rejected'],
    ['RoomSid missing', ROOM_STATUS, () => without(base(), 'RoomSid'), 'rejected'],
    ['RoomSid empty', ROOM_STATUS, () => ({ ...base(), RoomSid: '' }), 'rejected'],
    ['RoomSid not a room sid', ROOM_STATUS, () => ({ ...base(), RoomSid: 'RM123' }), 'rejected'],
    ['RoomSid a task sid', ROOM_STATUS, () => ({ ...base(), RoomSid: newSid('WT') }), 'rejected'],
    [
      'RoomSid with a path',
      ROOM_STATUS,
      () => ({ ...base(), RoomSid: `${task.room.sid}/Recordings` }),
      'rejected',
    ],
    ['RoomSid huge', ROOM_STATUS, () => ({ ...base(), RoomSid: 'R'.repeat(100_000) }), 'rejected'],
    [
      'RoomSid given twice',
      ROOM_STATUS,
      () => ({ ...base(), RoomSid: [task.room.sid, newSid('RM')] }),
      'rejected',
    ],
    ['StatusCallbackEvent missing', ROOM_STATUS, () => without(base(), 'StatusCallbackEvent'), 'rejected'],
    ['StatusCallbackEvent empty', ROOM_STATUS, () => ({ ...base(), StatusCallbackEvent: '' }), 'rejected'],
    [
      'StatusCallbackEvent huge',
      ROOM_STATUS,
      () => ({ ...base(), StatusCallbackEvent: 'e'.repeat(5_000) }),
      'rejected',
    ],
    [
      'StatusCallbackEvent given twice',
      ROOM_STATUS,
      () => ({ ...base(), StatusCallbackEvent: ['room-ended', 'room-created'] }),
      'rejected',
    ],
    [
      'FailedOperation huge',
      ROOM_STATUS,
      () => ({ ...base(), StatusCallbackEvent: 'recording-failed', FailedOperation: 'x'.repeat(10_000) }),
      'rejected',
    ],
    [
      'an unknown event',
      ROOM_STATUS,
      () => ({ ...base(), StatusCallbackEvent: 'room-exploded' }),
      'harmless',
    ],
    [
      'participant-connected (not acted on)',
      ROOM_STATUS,
      () => ({ ...base(), StatusCallbackEvent: 'participant-connected' }),
      'harmless',
    ],
    [
      'room-ended for a room Twilio does not know',
      ROOM_STATUS,
      () => ({ ...base(), RoomSid: newSid('RM') }),
      'harmless',
    ],
    [
      'room-ended with a foreign RoomName',
      ROOM_STATUS,
      () => ({ ...base(), RoomName: 'someone-elses-room' }),
      'harmless',
    ],
    [
      'room-ended with RoomStatus nonsense',
      ROOM_STATUS,
      () => ({ ...base(), RoomStatus: '<script>' }),
      'harmless',
    ],
    [
      'recording-failed without a RecordingSid',
      ROOM_STATUS,
      () => ({ ...base(), StatusCallbackEvent: 'recording-failed' }),
      'harmless',
    ],
    [
      'recording-failed with a bad RecordingSid and Timestamp',
      ROOM_STATUS,
      () => ({
        ...base(),
        StatusCallbackEvent: 'recording-failed',
        RecordingSid: 'RT-nope',
        Timestamp: 'yesterday',
      }),
      'harmless',
    ],
    [
      'recording-failed with control characters and emoji',
      ROOM_STATUS,
      () => ({
        ...base(),
        StatusCallbackEvent: 'recording-failed',
        TrackName: '\u0000\u202e🎥',
        FailedOperation: '\r\nfake log line',
      }),
      'harmless',
    ],
    [
      'recording-started for a room Twilio does not know',
      ROOM_STATUS,
      () => ({ ...base(), RoomSid: newSid('RM'), StatusCallbackEvent: 'recording-started' }),
      'harmless',
    ],
    [
      'composition: CompositionSid missing',
      COMPOSITION_STATUS,
      () => ({ StatusCallbackEvent: 'composition-failed', RoomSid: task.room.sid }),
      'rejected',
    ],
    [
      'composition: CompositionSid a room sid',
      COMPOSITION_STATUS,
      () => ({ CompositionSid: task.room.sid, StatusCallbackEvent: 'composition-failed' }),
      'rejected',
    ],
    [
      'composition: RoomSid malformed',
      COMPOSITION_STATUS,
      () => ({ CompositionSid: newSid('CJ'), RoomSid: 'RM1', StatusCallbackEvent: 'composition-failed' }),
      'rejected',
    ],
    [
      'composition: ErrorMessage huge',
      COMPOSITION_STATUS,
      () => ({
        CompositionSid: newSid('CJ'),
        StatusCallbackEvent: 'composition-failed',
        ErrorMessage: 'x'.repeat(10_000),
      }),
      'rejected',
    ],
    [
      'composition: an unknown event',
      COMPOSITION_STATUS,
      () => ({ CompositionSid: newSid('CJ'), StatusCallbackEvent: 'composition-exploded' }),
      'harmless',
    ],
    [
      'composition: composition-failed with a reason',
      COMPOSITION_STATUS,
      () => ({
        CompositionSid: newSid('CJ'),
        RoomSid: task.room.sid,
        StatusCallbackEvent: 'composition-failed',
        FailedOperation: 'media_processing',
      }),
      'harmless',
    ],
  ];

  test.each(cases)('%s', async (_name, path, make, expected) => {
    const params = make();
    const mark = stack.fake.calls.length;
    const answer = await postCallback(stack, path, params);
    if (expected === 'rejected') {
      expectError(answer, 400, 'invalid_request');
      expect(stack.fake.calls.length).toBe(mark);
    } else {
      expect(answer.status).toBe(200);
    }
    expect(sessionEnded(task)).toHaveLength(0); // the seeded room is in progress: nothing told
  });

  test('JSON bodies Twilio never sends (objects, numbers) cannot carry a valid signature → 403', async () => {
    const mark = stack.fake.calls.length;
    for (const body of [
      { ...base(), RoomSid: { sid: task.room.sid } },
      { ...base(), SequenceNumber: 1 },
      { ...base(), StatusCallbackEvent: null },
    ]) {
      const signature = signatureOf(
        `${stack.baseUrl}${ROOM_STATUS}`,
        body as unknown as Record<string, string>,
      );
      const answer = await stack.post(ROOM_STATUS, body, { headers: { 'X-Twilio-Signature': signature } });
      expectError(answer, 403, 'invalid_signature');
    }
    expect(stack.fake.calls.length).toBe(mark);
  });
});
