import type { SeededTask } from '../../dev/emulator';
import { escalate } from '../../src/core/escalation';
import { CLAIM_LEASE_MS } from '../../src/core/once';
import { handleRoomEvent } from '../../src/core/room-events';
import { findInProgressRoom, type VideoRoom } from '../../src/core/rooms';
import type { FlexTask } from '../../src/core/tasks';
import { changeTranscription, reportResults } from '../../src/core/transcription';
import { useInProcess } from '../support/in-process';

/** The transcript's once-only delivery, in-process against the spec-checking emulator with the
 * real client: a stop and the room's end racing, callbacks arriving together, a part that fails. */

const env = useInProcess({ VIDEO_TRANSCRIPTION: 'on-demand' });
const CUSTOMER = 'customer-AAAAAAAAAAAAAAAA';
const flexTask = (task: SeededTask): FlexTask => ({
  sid: task.taskSid,
  conversationSid: task.conversationSid,
});
const transcriptOf = (task: SeededTask, room: VideoRoom) =>
  env.fake.noticesOf(task.conversationSid, 'transcript', room.sid).map((m) => m.body!);

/** A room in a call, transcribed, with `count` results of about 100 characters kept. */
async function transcribedRoom(count: number) {
  const task = env.fake.seedTask();
  const { agent } = await escalate(env.deps(), flexTask(task), env.agentOf(task), false);
  const room = (await findInProgressRoom(env.deps().twilio, task.taskSid))!;
  await changeTranscription(env.deps(), flexTask(task), room, 'start');
  const said = Array.from({ length: count }, (_, i) => ({
    participant: i % 2 ? CUSTOMER : agent.identity,
    text: `Result ${i}: ${'words and more words '.repeat(4).trim()}`,
    at: room.dateCreated.getTime() + (count - i) * 1000,
    seq: i,
  }));
  for (let from = 0; from < count; from += 20)
    await reportResults(env.deps(), room, said.slice(from, from + 20));
  const lines = [...said].sort((a, b) => a.at - b.at).map((s) => s.text);
  return { task, room, lines };
}

const linesOf = (parts: string[]) =>
  parts
    .join('\n')
    .split('\n')
    .map((line) => line.replace(/^\[\d\d:\d\d\] (Agent|Customer): /, ''));

test.each([1, 2, 3])(
  'round %i: a stop and five room-ended callbacks racing post the transcript once, in order',
  async () => {
    const { task, room, lines } = await transcribedRoom(40);
    env.fake.latencyMs = 3;
    const stop = changeTranscription(env.deps(), flexTask(task), room, 'stop');
    await new Promise((resolve) => setTimeout(resolve, 20));
    env.fake.endRoom(room.sid);
    const ends = Array.from({ length: 5 }, () =>
      handleRoomEvent(env.deps(), { roomSid: room.sid, event: 'room-ended' }),
    );
    const outcomes = await Promise.allSettled([stop, ...ends]);
    // The stop may find the room ended under it; nothing else may fail.
    for (const outcome of outcomes)
      if (outcome.status === 'rejected') expect(outcome.reason).toMatchObject({ code: 'no_room' });
    // A call that found the posting still in another's hands leaves it to that call; once its
    // lease is over, a late callback finds everything done.
    await handleRoomEvent(env.deps({ clockOffsetMs: CLAIM_LEASE_MS + 1_000 }), {
      roomSid: room.sid,
      event: 'room-ended',
    });
    expect(linesOf(transcriptOf(task, room))).toEqual(lines);
  },
);

test('a part whose post failed is posted by the next call, without repeating the parts already out', async () => {
  const { task, room, lines } = await transcribedRoom(40);
  // The second transcript message fails, once.
  let posted = 0;
  const stopWatching = env.fake.onEvent((event) => {
    if (event.type === 'message' && event.message.attributes.includes('"transcript"') && ++posted === 1)
      env.fake.faults.push({ method: 'POST', path: /\/Messages$/, times: 1, status: 400, twilioCode: 50000 });
  });
  await expect(changeTranscription(env.deps(), flexTask(task), room, 'stop')).rejects.toBeDefined();
  stopWatching();
  expect(transcriptOf(task, room)).toHaveLength(1);
  env.fake.endRoom(room.sid);
  const outcome = await handleRoomEvent(env.deps(), { roomSid: room.sid, event: 'room-ended' });
  expect(outcome).toMatchObject({ handled: 'room-ended', transcript: 'posted' });
  const parts = transcriptOf(task, room);
  expect(parts.length).toBeGreaterThan(2);
  expect(linesOf(parts)).toEqual(lines);
});
