import type { Room } from '../../dev/emulator';
import type { SeededTask, Stack } from './stack';

/** A seeded task in a call: what the tests read of its escalation, and the room as the emulator
 * holds it. */
export interface Escalated extends SeededTask {
  roomSid: string;
  roomName: string;
  joinUrl: string;
  agentIdentity: string;
  room: Room;
}

/**
 * Escalates a task through the bundle, a fresh one unless `task` is given (a task's second room),
 * with any `extra` parameters (e.g. `Resend`). Reading the answer's body fails the test, with
 * the status and the text, unless it was a 200.
 */
export async function escalated(
  stack: Stack,
  options: { task?: SeededTask; extra?: Record<string, unknown> } = {},
): Promise<Escalated> {
  const task = options.task ?? stack.seedTask();
  const { body } = await stack.post('/video/escalate', {
    Token: task.token,
    TaskSid: task.taskSid,
    ...options.extra,
  });
  const room = stack.fake.rooms.find((r) => r.sid === body.roomSid);
  if (!room) throw new Error(`the emulator holds no room ${body.roomSid}`);
  return {
    ...task,
    roomSid: body.roomSid,
    roomName: body.roomName,
    joinUrl: body.joinUrl,
    agentIdentity: body.agent.identity,
    room,
  };
}
