import type { Twilio } from 'twilio';
import { AppError } from './errors';
import { requireCustomerChat, type CustomerChat, type NoticeSettings } from './notices';
import type { RecordingPolicy } from './recording-policy';
import { ensureRoomSwitch, type RoomSwitch } from './room-switch';
import { RECORD_EVERYTHING, RECORD_NOTHING, requireRoom, VideoRoom } from './rooms';
import { FlexTask, requireConversation } from './tasks';
import { twilioFailure } from './twilio-errors';

/**
 * Recording of a whole room with Video Recording Rules, under the company's VIDEO_RECORDING
 * policy, told to the customer in the conversation once per real change (room-switch.ts: a Sync
 * document per room, `video-recording-<RoomSid>`, holds the decision; the rules are what Twilio
 * records).
 */

export type RecordingAction = 'start' | 'stop' | 'status';

/** What recording needs from its surroundings; EscalationDeps provides all of it. */
export interface RecordingDeps {
  twilio: Twilio;
  syncServiceSid: string;
  recordingPolicy: RecordingPolicy;
  notices: NoticeSettings;
  now: () => Date;
}

export interface RecordingAnswer {
  recording: boolean;
  roomSid: string;
}

/** One Video Recording Rule, as Twilio lists it. */
export interface RecordingRule {
  type?: string;
  all?: boolean;
  publisher?: string;
  track?: string;
  kind?: string;
}

/** Whether any track may be recorded under these rules. Twilio applies them in order, so an
 * `exclude all` cancels what came before it; any include after that records something (the
 * customer must be told about a partial recording too). No rules at all record nothing. */
export function rulesRecord(rules: readonly RecordingRule[]): boolean {
  let recording = false;
  for (const rule of rules) {
    if (rule.type === 'include') recording = true;
    else if (rule.type === 'exclude' && rule.all === true) recording = false;
  }
  return recording;
}

/** The company's policy, checked before anything else: `off` never starts, `always` never stops. */
export function assertPolicyAllows(policy: RecordingPolicy, action: RecordingAction): void {
  if (policy === 'off' && action === 'start') {
    throw new AppError(
      'recording_disabled',
      'Recording is turned off for this service (VIDEO_RECORDING=off).',
    );
  }
  if (policy === 'always' && action === 'stop') {
    throw new AppError(
      'recording_disabled',
      'Every video call is recorded on this service (VIDEO_RECORDING=always); recording cannot be stopped.',
    );
  }
}

export const recordingDecisionKey = (roomSid: string) => `video-recording-${roomSid}`;
export const recordingNoticeKey = (roomSid: string, change: number) => `video-recording-${roomSid}-${change}`;

/** The room's recording as a switch: on is the Recording Rules recording anything. */
export const recordingSwitch = (client: Twilio): RoomSwitch => ({
  decisionKey: recordingDecisionKey,
  noticeKey: recordingNoticeKey,
  started: 'recording-started',
  stopped: 'recording-stopped',
  read: async (roomSid) => rulesRecord(await fetchRules(client, roomSid)),
  write: (roomSid, on) => writeRules(client, roomSid, on),
  busy: 'Recording is being changed by another request right now; try again.',
});

async function fetchRules(client: Twilio, roomSid: string): Promise<RecordingRule[]> {
  try {
    return (await client.video.v1.rooms(roomSid).recordingRules.fetch()).rules ?? [];
  } catch (err) {
    if (twilioFailure(err)?.status === 404) throw new AppError('no_room', 'The video room has ended.');
    throw err;
  }
}

async function writeRules(client: Twilio, roomSid: string, recording: boolean): Promise<void> {
  try {
    await client.video.v1
      .rooms(roomSid)
      .recordingRules.update({ rules: [...(recording ? RECORD_EVERYTHING : RECORD_NOTHING)] });
  } catch (err) {
    // Twilio refuses rules for a room that is no longer in progress.
    const status = twilioFailure(err)?.status;
    if (status === 404 || status === 400) throw new AppError('no_room', 'The video room has ended.');
    throw err;
  }
}

/** Brings the room's recording to `recording` (room-switch.ts); answers whether it records now. */
export async function ensureRoomRecording(
  deps: RecordingDeps,
  room: VideoRoom,
  chat: CustomerChat,
  recording: boolean,
): Promise<boolean> {
  return (await ensureRoomSwitch(deps, recordingSwitch(deps.twilio), room, chat, recording)).on;
}

/** POST /video/recording with Action start or stop. */
export async function changeRecording(
  deps: RecordingDeps,
  task: FlexTask,
  inProgress: VideoRoom | undefined,
  action: 'start' | 'stop',
): Promise<RecordingAnswer> {
  assertPolicyAllows(deps.recordingPolicy, action);
  const chat = requireCustomerChat(deps.notices, task);
  const room = requireRoom(inProgress);
  const recording = await ensureRoomRecording(deps, room, chat, action === 'start');
  return { recording, roomSid: room.sid };
}

/** POST /video/recording with Action status: what Twilio records now; reads only. */
export async function recordingStatus(
  deps: Pick<RecordingDeps, 'twilio'>,
  task: FlexTask,
  inProgress: VideoRoom | undefined,
): Promise<RecordingAnswer> {
  requireConversation(task);
  const room = requireRoom(inProgress);
  return { recording: rulesRecord(await fetchRules(deps.twilio, room.sid)), roomSid: room.sid };
}
