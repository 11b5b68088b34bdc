import { iso } from '../../dev/emulator';
import { expectError } from '../support/expect';
import type { SeededTask } from '../support/stack';
import { useStack } from '../support/use-stack';

/** POST /video/recordings in pages: bounded Twilio work per request, whatever the task has had,
 * and `truncated` when a cap cut the answer (README, "Security model"). */

const stack = useStack();

const list = (task: Pick<SeededTask, 'token' | 'taskSid'>, cursor?: string) =>
  stack.post('/video/recordings', {
    Token: task.token,
    TaskSid: task.taskSid,
    ...(cursor === undefined ? {} : { Cursor: cursor }),
  });

/** A task that has had `count` completed rooms, one minute apart, newest last; each with one recording. */
function taskWithRooms(count: number): { task: SeededTask; roomSids: string[] } {
  const task = stack.seedTask();
  const roomSids: string[] = [];
  for (let n = 0; n < count; n++) {
    const room = stack.fake.createRoom(
      { unique_name: `flex-video-${task.taskSid}`, status_callback: null, type: 'group' },
      [],
    );
    room.date_created = iso(Date.now() - (count - n) * 60_000);
    stack.fake.endRoom(room.sid);
    stack.fake.addRecording(room.sid, { duration: 10 });
    roomSids.push(room.sid);
  }
  return { task, roomSids: roomSids.reverse() };
}

/** What one call of the endpoint cost in Twilio requests (the token check included). */
async function costOf<T>(call: () => Promise<T>): Promise<{ answer: T; calls: number }> {
  const before = stack.fake.calls.length;
  const answer = await call();
  return { answer, calls: stack.fake.calls.length - before };
}

/** The README's worst case: token check, task, reservations, 2 room lists, and per room of the
 * page its recordings, compositions and failures (4 rooms), plus the Sync service check of a cold
 * instance (every request under twilio-run). */
const WORST_CASE_CALLS = 3 + 2 + 4 * 3 + 1;

test('nine rooms come in pages of four, newest first, each page a bounded number of Twilio calls', async () => {
  const { task, roomSids } = taskWithRooms(9);
  const seen: string[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < 5; page++) {
    const { answer, calls } = await costOf(() => list(task, cursor));
    expect(calls).toBeLessThanOrEqual(WORST_CASE_CALLS);
    expect(answer.body.rooms.length).toBeLessThanOrEqual(4);
    expect(answer.body.truncated).toBe(false);
    seen.push(...answer.body.rooms.map((room) => room.roomSid));
    cursor = answer.body.nextCursor ?? undefined;
    if (!cursor) break;
  }
  expect(seen).toEqual(roomSids);
});

test('a room with more recordings than one page holds says truncated', async () => {
  const { task, roomSids } = taskWithRooms(1);
  for (let n = 0; n < 100; n++) stack.fake.addRecording(roomSids[0], { duration: 1 });
  const { body } = await list(task);
  expect(body.rooms[0].recordings).toHaveLength(100);
  expect(body.truncated).toBe(true);
  expect(body.nextCursor).toBeNull();
});

test('a cursor that is not one the endpoint gave is a 400', async () => {
  const { task } = taskWithRooms(1);
  expectError(await list(task, 'not-a-cursor'), 400, 'invalid_request');
});
