import { noticeTag } from '../../dev/emulator';
import { LIMITS } from '../../src/contract';
import { Escalated, escalated } from '../support/escalated';
import { expectError } from '../support/expect';
import { HttpAnswer, Stack } from '../support/stack';
import { participantConnected, postCallback, roomEvent } from '../support/twilio-callbacks';
import { useStack } from '../support/use-stack';

/** POST /video/transcription and /video/transcript under each VIDEO_TRANSCRIPTION policy and
 * VIDEO_TRANSCRIPT_DESTINATION, against the spec-checking emulator. */

const CUSTOMER = 'customer-AAAAAAAAAAAAAAAA';

const transcription = (
  stack: Stack,
  task: Escalated,
  Action: string,
): Promise<HttpAnswer<'/video/transcription'>> =>
  stack.post('/video/transcription', { Token: task.token, TaskSid: task.taskSid, Action });

interface Said {
  who: string;
  text: string;
  /** Seconds after the room was created. */
  at: number;
  seq: number;
}

const report = (stack: Stack, task: Escalated, said: Said[]): Promise<HttpAnswer<'/video/transcript'>> =>
  stack.post('/video/transcript', {
    Token: task.token,
    TaskSid: task.taskSid,
    Results: said.map((s) => ({
      Participant: s.who,
      Text: s.text,
      Timestamp: new Date(Date.parse(task.room.date_created) + s.at * 1000).toISOString(),
      Sequence: s.seq,
    })),
  });

const noticesOf = (stack: Stack, task: Escalated, kind: string) =>
  stack.fake.noticesOf(task.conversationSid, kind, task.roomSid);
const transcriptOf = (stack: Stack, task: Escalated) =>
  noticesOf(stack, task, 'transcript').map((m) => m.body!);
/** Requests that change something in Twilio (token validation is a POST that changes nothing). */
const writesSince = (stack: Stack, index: number) =>
  stack.fake.calls.slice(index).filter((c) => c.method === 'POST' && c.subdomain !== 'iam');
const roomEnded = (stack: Stack, task: Escalated) =>
  postCallback(
    stack,
    '/video/callbacks/room-status',
    roomEvent(
      stack.fake.rooms.find((r) => r.sid === task.roomSid)!,
      'room-ended',
    ),
  );
const complete = (stack: Stack, task: Escalated) =>
  stack.post('/video/complete', { Token: task.token, TaskSid: task.taskSid });

describe('VIDEO_TRANSCRIPTION=on-demand', () => {
  const stack = useStack({ env: { VIDEO_TRANSCRIPTION: 'on-demand' } });

  test('start transcribes and tells the customer once; repeats change nothing; stop stops and tells once', async () => {
    const task = await escalated(stack);
    expect(stack.fake.transcriptionsOf(task.roomSid)).toEqual([]);
    let mark = stack.fake.calls.length;
    expect((await transcription(stack, task, 'status')).body).toEqual({
      transcribing: false,
      roomSid: task.roomSid,
    });
    expect(writesSince(stack, mark)).toEqual([]);

    const start = await transcription(stack, task, 'start');
    expect(start.status).toBe(200);
    expect(start.body).toEqual({ transcribing: true, roomSid: task.roomSid });
    expect(stack.fake.isTranscribing(task.roomSid)).toBe(true);
    expect(stack.fake.transcriptionsOf(task.roomSid)[0].configuration).toEqual({ LanguageCode: 'en-US' });
    expect(noticesOf(stack, task, 'transcription-started').map((m) => m.body)).toEqual([
      'This video call is now being transcribed.',
    ]);

    mark = stack.fake.calls.length;
    expect((await transcription(stack, task, 'start')).body).toEqual({
      transcribing: true,
      roomSid: task.roomSid,
    });
    expect(writesSince(stack, mark)).toEqual([]);

    expect((await transcription(stack, task, 'stop')).body).toEqual({
      transcribing: false,
      roomSid: task.roomSid,
    });
    expect(stack.fake.isTranscribing(task.roomSid)).toBe(false);
    expect((await transcription(stack, task, 'stop')).body).toEqual({
      transcribing: false,
      roomSid: task.roomSid,
    });
    expect((await transcription(stack, task, 'start')).body.transcribing).toBe(true);
    // The one resource is restarted, never a second one created.
    expect(stack.fake.transcriptionsOf(task.roomSid)).toHaveLength(1);
    const kinds = stack.fake
      .messages(task.conversationSid)
      .map((m) => noticeTag(m)?.kind)
      .filter((kind) => kind?.startsWith('transcription-'));
    expect(kinds).toEqual(['transcription-started', 'transcription-stopped', 'transcription-started']);
  });

  test('concurrent starts: every answer says transcribing, the customer is told once', async () => {
    const task = await escalated(stack);
    const answers = await Promise.all(Array.from({ length: 5 }, () => transcription(stack, task, 'start')));
    for (const answer of answers) expect(answer.body).toEqual({ transcribing: true, roomSid: task.roomSid });
    expect(noticesOf(stack, task, 'transcription-started')).toHaveLength(1);
    expect(stack.fake.transcriptionsOf(task.roomSid)).toHaveLength(1);
  });

  test('the join answer and the panel’s configuration tell the policy and whether it runs', async () => {
    const task = await escalated(stack);
    const invite = decodeURIComponent(new URL(task.joinUrl).hash.slice('#invite='.length));
    expect((await stack.post('/video/join', { Invite: invite })).body.transcription).toEqual({
      policy: 'on-demand',
      active: false,
    });
    await transcription(stack, task, 'start');
    expect((await stack.post('/video/join', { Invite: invite })).body.transcription).toEqual({
      policy: 'on-demand',
      active: true,
    });
    expect((await stack.post('/video/agent-config', {})).body).toMatchObject({
      transcriptionPolicy: 'on-demand',
      transcriptDestination: 'conversation',
    });
  });

  test('at stop the transcript is posted once: in order, labelled, timed; empty, unknown and repeated results are dropped', async () => {
    const task = await escalated(stack);
    expect((await report(stack, task, [{ who: CUSTOMER, text: 'too early', at: 1, seq: 1 }])).body).toEqual({
      roomSid: task.roomSid,
      kept: 0,
      dropped: 1,
    });
    await transcription(stack, task, 'start');
    const first = await report(stack, task, [
      { who: CUSTOMER, text: 'My order never came.', at: 12, seq: 2 },
      { who: task.agentIdentity, text: 'Hello, how can I help?', at: 5, seq: 1 },
      { who: CUSTOMER, text: '   ', at: 13, seq: 3 },
      { who: 'someone-else', text: 'I am not in this call.', at: 14, seq: 1 },
    ]);
    expect(first.body).toEqual({ roomSid: task.roomSid, kept: 2, dropped: 2 });
    const second = await report(stack, task, [
      { who: task.agentIdentity, text: 'Hello, how can I help?', at: 5, seq: 1 },
      { who: task.agentIdentity, text: 'Let me\nlook   into it.', at: 75, seq: 4 },
    ]);
    expect(second.body).toEqual({ roomSid: task.roomSid, kept: 1, dropped: 1 });

    await transcription(stack, task, 'stop');
    expect(transcriptOf(stack, task)).toEqual([
      '[00:05] Agent: Hello, how can I help?\n[00:12] Customer: My order never came.\n[01:15] Agent: Let me look into it.',
    ]);
    const [message] = noticesOf(stack, task, 'transcript');
    expect(message.author).toBe('system');
    expect(message.body).not.toContain(task.agentIdentity);
    expect(message.body).not.toContain(CUSTOMER);
    // The stopped notice comes first, then the transcript.
    const kinds = stack.fake.messages(task.conversationSid).map((m) => noticeTag(m)?.kind);
    expect(kinds.slice(-2)).toEqual(['transcription-stopped', 'transcript']);

    // Results after the stop are not kept; the repeated stop and the room's end post nothing more.
    expect(
      (await report(stack, task, [{ who: CUSTOMER, text: 'Late words.', at: 80, seq: 9 }])).body.kept,
    ).toBe(0);
    await transcription(stack, task, 'stop');
    await complete(stack, task);
    expect((await roomEnded(stack, task)).body).toMatchObject({
      handled: 'room-ended',
      transcript: 'already-posted',
    });
    expect(transcriptOf(stack, task)).toHaveLength(1);
  });

  test('at the room’s end a long transcript is split within 1,600 characters between words, once however often the callback arrives', async () => {
    const task = await escalated(stack);
    await transcription(stack, task, 'start');
    const sentence = (i: number) =>
      `Sentence number ${i} says something about the order and the parcel it was in.`;
    const said = Array.from({ length: 60 }, (_, i) => ({
      who: i % 2 ? CUSTOMER : task.agentIdentity,
      text: sentence(i),
      at: 59 - i, // reported newest first
      seq: i,
    }));
    for (let batch = 0; batch < 3; batch++) {
      const answer = await report(stack, task, said.slice(batch * 20, batch * 20 + 20));
      expect(answer.body.kept).toBe(20);
    }
    await complete(stack, task);
    const answers = await Promise.all([
      roomEnded(stack, task),
      roomEnded(stack, task),
      roomEnded(stack, task),
    ]);
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200]);
    const parts = transcriptOf(stack, task);
    expect(parts.length).toBeGreaterThan(3);
    for (const part of parts) expect(part.length).toBeLessThanOrEqual(LIMITS.messageBodyLength);
    const lines = parts.join('\n').split('\n');
    const expected = [...said]
      .sort((a, b) => a.at - b.at)
      .map(
        (s) =>
          `[00:${String(s.at).padStart(2, '0')}] ${s.who === CUSTOMER ? 'Customer' : 'Agent'}: ${s.text}`,
      );
    expect(lines).toEqual(expected);
    // Once more, later: nothing new; and results after the end have no room to go to.
    await roomEnded(stack, task);
    expect(transcriptOf(stack, task)).toEqual(parts);
    expectError(
      await report(stack, task, [{ who: CUSTOMER, text: 'After the end.', at: 99, seq: 99 }]),
      404,
      'no_room',
    );
  });

  test('Twilio refusing transcription is said in plain words; the call goes on and the customer is told it stopped', async () => {
    const task = await escalated(stack);
    stack.fake.faults.push({
      method: 'POST',
      path: /\/Transcriptions$/,
      times: 1,
      status: 400,
      twilioCode: 53120,
    });
    const refused = expectError(await transcription(stack, task, 'start'), 503, 'transcription_unavailable');
    expect(refused.error.message).toMatch(/region.*goes on/);
    expect(stack.fake.rooms.find((r) => r.sid === task.roomSid)!.status).toBe('in-progress');
    expect(stack.fake.isTranscribing(task.roomSid)).toBe(false);
    const kinds = stack.fake
      .messages(task.conversationSid)
      .map((m) => noticeTag(m)?.kind)
      .filter((kind) => kind?.startsWith('transcription-'));
    expect(kinds).toEqual(['transcription-started', 'transcription-stopped']);

    stack.fake.faults.push({
      method: 'POST',
      path: /\/Transcriptions$/,
      times: Infinity,
      status: 429,
      twilioCode: 20429,
    });
    const throttled = await transcription(stack, task, 'start');
    expectError(throttled, 503, 'transcription_unavailable');
    expect(throttled.headers.get('retry-after')).toBe('2');
    expect((throttled.json as { error: { message: string } }).error.message).toMatch(/too many/);
    stack.fake.faults.length = 0;
    expect((await transcription(stack, task, 'start')).body.transcribing).toBe(true);
  });
});

describe('VIDEO_TRANSCRIPTION=always', () => {
  const stack = useStack({ env: { VIDEO_TRANSCRIPTION: 'always', VIDEO_TRANSCRIPTION_LANGUAGE: 'es-MX' } });
  const connected = (task: Escalated, identity: string) =>
    participantConnected(stack, task.room, { sid: `PA${'b'.repeat(32)}`, identity });

  test('rooms start transcribed in the configured language; the invite and the join answer say so; stop is refused', async () => {
    const task = await escalated(stack);
    expect(stack.fake.transcriptionsOf(task.roomSid).map((t) => [t.status, t.configuration])).toEqual([
      ['started', { LanguageCode: 'es-MX' }],
    ]);
    expect(noticesOf(stack, task, 'invite')[0].body).toMatch(/\nThis call will be transcribed\.$/);
    const invite = decodeURIComponent(new URL(task.joinUrl).hash.slice('#invite='.length));
    expect((await stack.post('/video/join', { Invite: invite })).body.transcription).toEqual({
      policy: 'always',
      active: true,
    });
    const mark = stack.fake.calls.length;
    expectError(await transcription(stack, task, 'stop'), 403, 'transcription_disabled');
    expect(writesSince(stack, mark)).toEqual([]);
    expect(stack.fake.isTranscribing(task.roomSid)).toBe(true);
  });

  test('the first connections announce it once, however many arrive; the transcript is posted at the end once', async () => {
    const task = await escalated(stack);
    const answers = await Promise.all([
      connected(task, task.agentIdentity),
      connected(task, CUSTOMER),
      connected(task, task.agentIdentity),
    ]);
    for (const answer of answers)
      expect(answer.body).toMatchObject({ handled: 'participant-connected', transcribing: true });
    expect(noticesOf(stack, task, 'transcription-started')).toHaveLength(1);
    expect((await transcription(stack, task, 'start')).body.transcribing).toBe(true);
    expect(noticesOf(stack, task, 'transcription-started')).toHaveLength(1);

    expect((await report(stack, task, [{ who: CUSTOMER, text: 'Hola.', at: 3, seq: 1 }])).body.kept).toBe(1);
    await complete(stack, task);
    await Promise.all([roomEnded(stack, task), roomEnded(stack, task)]);
    expect(transcriptOf(stack, task)).toEqual(['[00:03] Customer: Hola.']);
  });
});

describe('VIDEO_TRANSCRIPTION=off (the default)', () => {
  const stack = useStack();

  test('start is refused before any change; status and stop answer; results are not kept', async () => {
    const task = await escalated(stack);
    const mark = stack.fake.calls.length;
    expectError(await transcription(stack, task, 'start'), 403, 'transcription_disabled');
    expect(writesSince(stack, mark)).toEqual([]);
    expect(stack.fake.transcriptionsOf(task.roomSid)).toEqual([]);
    expect((await transcription(stack, task, 'status')).body).toEqual({
      transcribing: false,
      roomSid: task.roomSid,
    });
    expect((await transcription(stack, task, 'stop')).body).toEqual({
      transcribing: false,
      roomSid: task.roomSid,
    });
    expect((await report(stack, task, [{ who: CUSTOMER, text: 'Hello', at: 1, seq: 1 }])).body).toEqual({
      roomSid: task.roomSid,
      kept: 0,
      dropped: 1,
    });
    expect(noticesOf(stack, task, 'invite')[0].body).not.toMatch(/transcribed/);
    expect(
      stack.fake.messages(task.conversationSid).filter((m) => noticeTag(m)?.kind?.startsWith('transcri')),
    ).toEqual([]);
  });
});

describe('VIDEO_TRANSCRIPT_DESTINATION=none', () => {
  const stack = useStack({ env: { VIDEO_TRANSCRIPTION: 'on-demand', VIDEO_TRANSCRIPT_DESTINATION: 'none' } });

  test('transcription runs and is disclosed, but no result is kept and no transcript is posted', async () => {
    const task = await escalated(stack);
    await transcription(stack, task, 'start');
    const mark = stack.fake.calls.length;
    expect((await report(stack, task, [{ who: CUSTOMER, text: 'Keep this?', at: 2, seq: 1 }])).body).toEqual({
      roomSid: task.roomSid,
      kept: 0,
      dropped: 1,
    });
    expect(stack.fake.calls.slice(mark).filter((c) => c.path.includes('/Documents'))).toEqual([]);
    await transcription(stack, task, 'stop');
    await complete(stack, task);
    expect((await roomEnded(stack, task)).body).toMatchObject({ transcript: 'off' });
    expect(
      [...stack.fake.documents.values()].filter((d) => d.unique_name?.startsWith('video-transcript-')),
    ).toEqual([]);
    expect(transcriptOf(stack, task)).toEqual([]);
    expect(noticesOf(stack, task, 'transcription-stopped')).toHaveLength(1);
  });
});
