import { noticeTag } from '../../dev/emulator';
import { escalated } from '../support/escalated';
import { expectError } from '../support/expect';
import { HttpAnswer, PostOptions, SeededTask, Stack } from '../support/stack';
import { postCallback, roomEvent } from '../support/twilio-callbacks';
import { useStack } from '../support/use-stack';

/** POST /video/recording under each VIDEO_RECORDING policy, against the spec-checking fake. */

type RoomTask = Pick<SeededTask, 'conversationSid'> & { roomSid: string };

const recording = (
  stack: Stack,
  task: SeededTask,
  Action: string,
  options?: PostOptions,
): Promise<HttpAnswer<'/video/recording'>> =>
  stack.post('/video/recording', { Token: task.token, TaskSid: task.taskSid, Action }, options);

const rulesOf = (stack: Stack, roomSid: string) => stack.fake.recordingRules.get(roomSid);
const started = (stack: Stack, task: RoomTask) =>
  stack.fake.noticesOf(task.conversationSid, 'recording-started', task.roomSid);
const stopped = (stack: Stack, task: RoomTask) =>
  stack.fake.noticesOf(task.conversationSid, 'recording-stopped', task.roomSid);
/** Requests that change something in Twilio (token validation is a POST that changes nothing). */
const writesSince = (stack: Stack, index: number) =>
  stack.fake.calls.slice(index).filter((c) => c.method === 'POST' && c.subdomain !== 'iam');

/** The default policy's stack, shared by the on-demand tests. */
const stack = useStack();

describe('VIDEO_RECORDING=on-demand (the default)', () => {
  test('status is a pure read; start records the whole room and tells the customer once; repeating it posts nothing', async () => {
    const task = await escalated(stack);
    expect(rulesOf(stack, task.roomSid)).toEqual([{ type: 'exclude', all: true }]);

    let mark = stack.fake.calls.length;
    const before = await recording(stack, task, 'status');
    expect(before.status).toBe(200);
    expect(before.body).toEqual({ recording: false, roomSid: task.roomSid });
    expect(writesSince(stack, mark)).toEqual([]);

    const start = await recording(stack, task, 'start');
    expect(start.status).toBe(200);
    expect(start.body).toEqual({ recording: true, roomSid: task.roomSid });
    expect(rulesOf(stack, task.roomSid)).toEqual([{ type: 'include', all: true }]);
    expect(started(stack, task)).toHaveLength(1);
    const notice = started(stack, task)[0];
    expect(JSON.parse(notice.attributes)).toEqual({
      videoEscalation: { roomSid: task.roomSid, kind: 'recording-started' },
    });
    expect(notice.body).toMatch(/recorded/i);
    expect(notice.body!.length).toBeLessThanOrEqual(160);

    mark = stack.fake.calls.length;
    const again = await recording(stack, task, 'start');
    expect(again.body).toEqual({ recording: true, roomSid: task.roomSid });
    expect(started(stack, task)).toHaveLength(1);
    expect(writesSince(stack, mark)).toEqual([]);

    mark = stack.fake.calls.length;
    const status = await recording(stack, task, 'status');
    expect(status.body).toEqual({ recording: true, roomSid: task.roomSid });
    expect(writesSince(stack, mark)).toEqual([]);
  });

  test('stop, stop again, start again: one notice per real change, in order', async () => {
    const task = await escalated(stack);
    expect((await recording(stack, task, 'stop')).body).toEqual({ recording: false, roomSid: task.roomSid });
    expect(stopped(stack, task)).toHaveLength(0); // nothing was recording: no change, no notice

    await recording(stack, task, 'start');
    const stop = await recording(stack, task, 'stop');
    expect(stop.status).toBe(200);
    expect(stop.body).toEqual({ recording: false, roomSid: task.roomSid });
    expect(rulesOf(stack, task.roomSid)).toEqual([{ type: 'exclude', all: true }]);
    await recording(stack, task, 'stop');
    expect(stopped(stack, task)).toHaveLength(1);

    await recording(stack, task, 'start');
    expect(rulesOf(stack, task.roomSid)).toEqual([{ type: 'include', all: true }]);
    const kinds = stack.fake
      .messages(task.conversationSid)
      .map((m) => noticeTag(m)?.kind)
      .filter((kind) => kind?.startsWith('recording-'));
    expect(kinds).toEqual(['recording-started', 'recording-stopped', 'recording-started']);
  });

  test('concurrent starts: every answer says recording, the customer is told once', async () => {
    const task = await escalated(stack);
    const answers = await Promise.all(Array.from({ length: 5 }, () => recording(stack, task, 'start')));
    for (const answer of answers) {
      expect(answer.status).toBe(200);
      expect(answer.body).toEqual({ recording: true, roomSid: task.roomSid });
    }
    expect(started(stack, task)).toHaveLength(1);
    expect(rulesOf(stack, task.roomSid)).toEqual([{ type: 'include', all: true }]);
  });

  test('concurrent stops after a start: one recording-stopped notice', async () => {
    const task = await escalated(stack);
    await recording(stack, task, 'start');
    const answers = await Promise.all(Array.from({ length: 4 }, () => recording(stack, task, 'stop')));
    expect(answers.map((a) => a.body.recording)).toEqual([false, false, false, false]);
    expect(stopped(stack, task)).toHaveLength(1);
    expect(rulesOf(stack, task.roomSid)).toEqual([{ type: 'exclude', all: true }]);
  });

  test('starts and stops racing: the rules end where the last decision says, one notice per decided change', async () => {
    const task = await escalated(stack);
    stack.fake.latencyMs = 40;
    const answers = await Promise.all(
      ['start', 'stop', 'start', 'stop', 'start', 'stop'].map((action) => recording(stack, task, action)),
    );
    // A call that lost every round to the others may be told to try again.
    for (const answer of answers) {
      if (answer.status !== 200) expectError(answer, 503, 'upstream_unavailable');
    }
    stack.fake.latencyMs = 0;
    const decision = [...stack.fake.documents.values()].find(
      (d) => d.unique_name === `video-recording-${task.roomSid}`,
    )!.data as { on: boolean; change: number };
    expect(rulesOf(stack, task.roomSid)).toEqual([{ type: decision.on ? 'include' : 'exclude', all: true }]);
    expect((await recording(stack, task, 'status')).body.recording).toBe(decision.on);
    // Changes alternate, starting with a start: each one told once.
    expect(started(stack, task)).toHaveLength(Math.ceil(decision.change / 2));
    expect(stopped(stack, task)).toHaveLength(Math.floor(decision.change / 2));
  });

  test('a start whose notice failed is finished by the next start, still with one notice', async () => {
    const task = await escalated(stack);
    stack.fake.faults.push({ method: 'POST', path: /\/Messages$/, times: 1, status: 400, twilioCode: 50000 });
    const failed = await recording(stack, task, 'start');
    expectError(failed, 502, 'upstream_error');
    // The customer is told before anything is recorded: no notice, no recording.
    expect(rulesOf(stack, task.roomSid)).toEqual([{ type: 'exclude', all: true }]);
    const retried = await recording(stack, task, 'start');
    expect(retried.body).toEqual({ recording: true, roomSid: task.roomSid });
    expect(started(stack, task)).toHaveLength(1);
    expect(rulesOf(stack, task.roomSid)).toEqual([{ type: 'include', all: true }]);
  });

  test('no in-progress room → 404 no_room; a task without a conversation → 409; not the holder → 403', async () => {
    const idle = stack.seedTask();
    for (const action of ['start', 'stop', 'status'])
      expectError(await recording(stack, idle, action), 404, 'no_room');

    const task = await escalated(stack);
    await stack.post('/video/complete', { Token: task.token, TaskSid: task.taskSid });
    expectError(await recording(stack, task, 'start'), 404, 'no_room');

    const voice = stack.seedTask({ attributes: { channelType: 'voice' } });
    expectError(await recording(stack, voice, 'start'), 409, 'no_conversation');

    const wrapping = stack.seedTask({ reservationStatus: 'wrapping' });
    expectError(await recording(stack, wrapping, 'status'), 403, 'forbidden');
    expectError(
      await recording(stack, { ...idle, token: 'not-a-flex-token' }, 'status'),
      401,
      'unauthenticated',
    );
  });

  test('VIDEO_COMPOSE is off by default: a room-ended asks for no composition', async () => {
    const task = await escalated(stack);
    await recording(stack, task, 'start');
    stack.fake.addRecording(task.roomSid, { type: 'video' });
    stack.fake.endRoom(task.roomSid);
    const room = stack.fake.rooms.find((r) => r.sid === task.roomSid)!;
    expect(
      (await postCallback(stack, '/video/callbacks/room-status', roomEvent(room, 'room-ended'))).status,
    ).toBe(200);
    expect(stack.fake.compositionsOf(task.roomSid)).toEqual([]);
    expect(stack.fake.noticesOf(task.conversationSid, 'session-ended', task.roomSid)).toHaveLength(1);
  });

  test('a late recording-started callback after a stop changes nothing (on-demand ignores it)', async () => {
    const task = await escalated(stack);
    await recording(stack, task, 'start');
    await recording(stack, task, 'stop');
    const room = stack.fake.rooms.find((r) => r.sid === task.roomSid)!;
    const mark = stack.fake.calls.length;
    expect(
      (await postCallback(stack, '/video/callbacks/room-status', roomEvent(room, 'recording-started')))
        .status,
    ).toBe(200);
    expect(stack.fake.calls.length).toBe(mark);
    expect(rulesOf(stack, task.roomSid)).toEqual([{ type: 'exclude', all: true }]);
    expect(started(stack, task)).toHaveLength(1);
  });
});

describe('VIDEO_RECORDING=always', () => {
  const stack = useStack({ env: { VIDEO_RECORDING: 'always' } });

  test('rooms are created recording; stop is refused before any change; start announces once', async () => {
    const task = await escalated(stack);
    expect(rulesOf(stack, task.roomSid)).toEqual([{ type: 'include', all: true }]);
    // The customer is told before joining: the invite itself says the call is recorded.
    expect(stack.fake.noticesOf(task.conversationSid, 'invite')[0].body).toMatch(
      /\nThis call will be recorded\.$/,
    );
    expect((await recording(stack, task, 'status')).body).toEqual({ recording: true, roomSid: task.roomSid });

    const mark = stack.fake.calls.length;
    expectError(await recording(stack, task, 'stop'), 403, 'recording_disabled');
    expect(writesSince(stack, mark)).toEqual([]);
    expect(stack.fake.calls.slice(mark).every((c) => c.subdomain === 'iam' || c.method === 'GET')).toBe(true);

    expect((await recording(stack, task, 'start')).body).toEqual({ recording: true, roomSid: task.roomSid });
    expect((await recording(stack, task, 'start')).body).toEqual({ recording: true, roomSid: task.roomSid });
    expect(started(stack, task)).toHaveLength(1);
    expect(stopped(stack, task)).toHaveLength(0);
  });

  test("Twilio's recording-started callbacks announce the recording once, however many arrive", async () => {
    const task = await escalated(stack);
    const room = stack.fake.rooms.find((r) => r.sid === task.roomSid)!;
    const tracks = ['agent-audio', 'agent-video', 'customer-audio', 'customer-video'];
    const answers = await Promise.all(
      tracks.map((track) =>
        postCallback(
          stack,
          '/video/callbacks/room-status',
          roomEvent(room, 'recording-started', { TrackName: track }),
        ),
      ),
    );
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200]);
    expect(started(stack, task)).toHaveLength(1);
    // Redelivered, and the agent's own start afterwards: still one.
    await postCallback(stack, '/video/callbacks/room-status', roomEvent(room, 'recording-started'));
    await recording(stack, task, 'start');
    expect(started(stack, task)).toHaveLength(1);
  });

  test('a recording-started arriving after the room ended announces nothing', async () => {
    const task = await escalated(stack);
    await stack.post('/video/complete', { Token: task.token, TaskSid: task.taskSid });
    const room = stack.fake.rooms.find((r) => r.sid === task.roomSid)!;
    expect(
      (await postCallback(stack, '/video/callbacks/room-status', roomEvent(room, 'recording-started')))
        .status,
    ).toBe(200);
    expect(started(stack, task)).toHaveLength(0);
  });
});

describe('VIDEO_RECORDING=off', () => {
  const stack = useStack({ env: { VIDEO_RECORDING: 'off' } });

  test('start is refused before any change; status and stop still answer', async () => {
    const task = await escalated(stack);
    const mark = stack.fake.calls.length;
    expectError(await recording(stack, task, 'start'), 403, 'recording_disabled');
    expect(writesSince(stack, mark)).toEqual([]);
    expect(rulesOf(stack, task.roomSid)).toEqual([{ type: 'exclude', all: true }]);
    expect((await recording(stack, task, 'status')).body).toEqual({
      recording: false,
      roomSid: task.roomSid,
    });
    expect((await recording(stack, task, 'stop')).body).toEqual({ recording: false, roomSid: task.roomSid });
    expect(
      stack.fake.messages(task.conversationSid).filter((m) => m.attributes.includes('recording-')),
    ).toEqual([]);
  });
});
