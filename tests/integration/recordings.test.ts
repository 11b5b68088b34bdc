import { escalated } from '../support/escalated';
import { anyString, expectError } from '../support/expect';
import { newSid } from '../../dev/emulator';
import type { SeededTask } from '../support/stack';
import { postCallback, roomEvent } from '../support/twilio-callbacks';
import { useStack } from '../support/use-stack';

/** POST /video/recordings: every room a task has had, with its recordings, compositions and
 * recording failures, newest first, against the spec-checking fake (VIDEO_COMPOSE=true). */

const stack = useStack({ env: { VIDEO_COMPOSE: 'true' } });

const list = (task: Pick<SeededTask, 'token' | 'taskSid'>) =>
  stack.post('/video/recordings', { Token: task.token, TaskSid: task.taskSid });

const escalate = async (task: SeededTask): Promise<string> => (await escalated(stack, { task })).roomSid;

test('two rooms of the same task: both listed, newest first, with recordings, compositions and failures, and no media URL', async () => {
  const task = stack.seedTask();
  const t0 = Date.now() - 60_000;

  // The first call: recorded, completed by the agent, composed after Twilio's room-ended.
  const first = await escalate(task);
  await stack.post('/video/recording', { Token: task.token, TaskSid: task.taskSid, Action: 'start' });
  const firstAudio = stack.fake.addRecording(first, { type: 'audio', duration: 61, createdAt: t0 });
  const firstVideo = stack.fake.addRecording(first, { type: 'video', duration: 60, createdAt: t0 + 1_000 });
  expect((await stack.post('/video/complete', { Token: task.token, TaskSid: task.taskSid })).status).toBe(
    200,
  );
  const firstRoom = stack.fake.rooms.find((r) => r.sid === first)!;
  expect(
    (await postCallback(stack, '/video/callbacks/room-status', roomEvent(firstRoom, 'room-ended'))).status,
  ).toBe(200);
  const [composition] = stack.fake.compositionsOf(first);
  // Twilio's creation times have whole seconds: the first call began a minute ago, so the two
  // rooms are never created in the same second (where the order would fall to their SIDs).
  firstRoom.date_created = new Date(t0).toISOString();

  // The second call, same task, same unique name: still in progress, one recording still
  // processing, one failed and reported by Twilio.
  const second = await escalate(task);
  expect(second).not.toBe(first);
  const processing = stack.fake.addRecording(second, {
    type: 'audio',
    status: 'processing',
    createdAt: t0 + 30_000,
  });
  const failed = stack.fake.addRecording(second, {
    type: 'video',
    status: 'failed',
    duration: null,
    createdAt: t0 + 31_000,
  });
  const secondRoom = stack.fake.rooms.find((r) => r.sid === second)!;
  const failure = roomEvent(secondRoom, 'recording-failed', {
    RecordingSid: failed,
    TrackName: 'customer-camera',
    FailedOperation: 'media_upload',
    Timestamp: '2026-03-04T05:06:07Z',
  });
  expect((await postCallback(stack, '/video/callbacks/room-status', failure)).status).toBe(200);

  const answer = await list(task);
  expect(answer.status).toBe(200);
  expect(answer.body).toEqual({
    rooms: [
      {
        roomSid: second,
        status: 'in-progress',
        startedAt: anyString(),
        endedAt: null,
        recordings: [
          { sid: failed, kind: 'video', durationSeconds: null, status: 'failed' },
          { sid: processing, kind: 'audio', durationSeconds: null, status: 'processing' },
        ],
        compositions: [],
        recordingFailures: [
          {
            recordingSid: failed,
            trackName: 'customer-camera',
            reason: 'media_upload',
            failedAt: '2026-03-04T05:06:07.000Z',
          },
        ],
      },
      {
        roomSid: first,
        status: 'completed',
        startedAt: anyString(),
        endedAt: anyString(),
        recordings: [
          { sid: firstVideo, kind: 'video', durationSeconds: 60, status: 'completed' },
          { sid: firstAudio, kind: 'audio', durationSeconds: 61, status: 'completed' },
        ],
        compositions: [{ sid: composition.sid, status: 'enqueued', durationSeconds: null }],
        recordingFailures: [],
      },
    ],
    nextCursor: null,
    truncated: false,
  });
  const [newer, older] = answer.body.rooms;
  expect(Date.parse(newer.startedAt)).toBeGreaterThanOrEqual(Date.parse(older.startedAt));
  expect(Date.parse(older.endedAt!)).toBeGreaterThanOrEqual(Date.parse(older.startedAt));
  // Media stays with Twilio: no URL, no media link, no external location.
  expect(answer.text).not.toMatch(/https?:|\/Media|"media_external_location"|"url"|"links"/i);

  // A completed composition reports its duration.
  Object.assign(composition, { status: 'completed', duration: 59 });
  expect((await list(task)).body.rooms[1].compositions).toEqual([
    { sid: composition.sid, status: 'completed', durationSeconds: 59 },
  ]);
});

test('a task that never had a room has none', async () => {
  const task = stack.seedTask();
  const answer = await list(task);
  expect(answer.status).toBe(200);
  expect(answer.body).toEqual({ rooms: [], nextCursor: null, truncated: false });
});

test('accepted, wrapping and completed reservations may list; pending, rejected and other workers may not', async () => {
  for (const status of ['accepted', 'wrapping', 'completed']) {
    expect((await list(stack.seedTask({ reservationStatus: status }))).status).toBe(200);
  }
  for (const status of ['pending', 'rejected', 'timeout']) {
    expectError(await list(stack.seedTask({ reservationStatus: status })), 403, 'forbidden');
  }
  const task = stack.seedTask();
  const stranger = stack.fake.addFlexUser({
    identity: 'other@example.com',
    worker_sid: newSid('WK'),
    roles: ['agent'],
  });
  expectError(await list({ token: stranger, taskSid: task.taskSid }), 403, 'forbidden');
  const supervisor = stack.fake.addFlexUser({ identity: 'lead@example.com', roles: ['supervisor'] });
  expect((await list({ token: supervisor, taskSid: task.taskSid })).status).toBe(200);
  // Not held, whether it exists or not: the same 403 (no probing for task SIDs).
  expectError(await list({ token: task.token, taskSid: newSid('WT') }), 403, 'forbidden');
  expectError(await list({ token: supervisor, taskSid: newSid('WT') }), 404, 'task_not_found');
  expectError(await list({ token: 'expired-token', taskSid: task.taskSid }), 401, 'unauthenticated');
});
