import type { Twilio } from 'twilio';
import type { RoomInstance } from 'twilio/lib/rest/video/v1/room';
import { AppError } from './errors';
import { twilioFailure } from './twilio-errors';
import { TWILIO_ERROR } from '../twilio-errors';

export interface VideoRoom {
  sid: string;
  uniqueName: string;
  status: string;
  dateCreated: Date;
  /** null while the room is in progress. */
  endTime: Date | null;
}

/** Twilio's answer to a create whose unique name an in-progress room already has. */
const ROOM_EXISTS = TWILIO_ERROR.ROOM_EXISTS;
/** Twilio's answers to completing a room that is no longer in progress: status invalid for the
 * room's state, room completed. */
const ROOM_NOT_IN_PROGRESS: number[] = [TWILIO_ERROR.ROOM_STATUS_INVALID, TWILIO_ERROR.ROOM_COMPLETED];
/** Minutes a room waits for its first participant, and after its last one left. The agent
 * usually joins at once; the customer may take a while to open the link. */
const UNUSED_ROOM_TIMEOUT_MINUTES = 15;
const EMPTY_ROOM_TIMEOUT_MINUTES = 5;

/** The task's room is found by name: Twilio keeps unique names unique among in-progress rooms,
 * which is the only lock "one room per task" needs. */
export const roomNameForTask = (taskSid: string) => `flex-video-${taskSid}`;

/** The task a room was made for, or undefined for a room this bundle did not name. */
export function taskSidOfRoom(uniqueName: string): string | undefined {
  return /^flex-video-(WT[0-9a-fA-F]{32})$/.exec(uniqueName)?.[1];
}

const toVideoRoom = (room: RoomInstance): VideoRoom => ({
  sid: room.sid,
  uniqueName: room.uniqueName,
  status: room.status,
  dateCreated: room.dateCreated,
  endTime: room.endTime ?? null,
});

export async function findInProgressRoom(client: Twilio, taskSid: string): Promise<VideoRoom | undefined> {
  try {
    const room = await client.video.v1.rooms(roomNameForTask(taskSid)).fetch();
    return room.status === 'in-progress' ? toVideoRoom(room) : undefined;
  } catch (err) {
    if (twilioFailure(err)?.status === 404) return undefined;
    throw err;
  }
}

/** The room an endpoint acts on: 404 no_room when the task has none in progress. */
export function requireRoom(room: VideoRoom | undefined): VideoRoom {
  if (!room) throw new AppError('no_room', 'The task has no video room in progress.');
  return room;
}

export async function fetchRoom(client: Twilio, roomSid: string): Promise<VideoRoom | undefined> {
  try {
    return toVideoRoom(await client.video.v1.rooms(roomSid).fetch());
  } catch (err) {
    if (twilioFailure(err)?.status === 404) return undefined;
    throw err;
  }
}

/** Every room the task has had, newest first. Completed rooms keep the task's unique name, and
 * Twilio lists rooms of one status at a time. */
export async function listTaskRooms(client: Twilio, taskSid: string, limit = 20): Promise<VideoRoom[]> {
  const uniqueName = roomNameForTask(taskSid);
  const [inProgress, completed] = await Promise.all([
    client.video.v1.rooms.list({ uniqueName, status: 'in-progress', limit: 1, pageSize: 1 }),
    client.video.v1.rooms.list({ uniqueName, status: 'completed', limit, pageSize: limit }),
  ]);
  return [...inProgress, ...completed]
    .map(toVideoRoom)
    .sort((a, b) => b.dateCreated.getTime() - a.dateCreated.getTime())
    .slice(0, limit);
}

export interface RoomSettings {
  statusCallback: string;
  recordFromStart: boolean;
  /** Twilio's TranscriptionsConfiguration, for a room transcribed from the start (`always`). */
  transcribeFromStart?: object;
}

/** The bundle records the whole room or nothing (recording.ts applies the same two rules). */
export const RECORD_EVERYTHING = [{ type: 'include', all: true }] as const;
export const RECORD_NOTHING = [{ type: 'exclude', all: true }] as const;

/**
 * Creates the task's room, or joins the race's winner. `created` is true only for the call
 * whose create Twilio accepted. A loser fetches the winner; if that room ended in between, the
 * create is tried once more.
 */
export async function ensureTaskRoom(
  client: Twilio,
  taskSid: string,
  settings: RoomSettings,
): Promise<{ room: VideoRoom; created: boolean }> {
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const room = await client.video.v1.rooms.create({
        uniqueName: roomNameForTask(taskSid),
        type: 'group',
        statusCallback: settings.statusCallback,
        statusCallbackMethod: 'POST',
        // Explicit rules rather than RecordParticipantsOnConnect alone, whose rooms may report
        // no rules at all: then every reader of the rules (recording status, the agent's
        // panel) agrees with what Twilio records from the first second.
        recordingRules: { rules: settings.recordFromStart ? RECORD_EVERYTHING : RECORD_NOTHING },
        ...(settings.transcribeFromStart && {
          transcribeParticipantsOnConnect: true,
          transcriptionsConfiguration: settings.transcribeFromStart,
        }),
        unusedRoomTimeout: UNUSED_ROOM_TIMEOUT_MINUTES,
        emptyRoomTimeout: EMPTY_ROOM_TIMEOUT_MINUTES,
      });
      return { room: toVideoRoom(room), created: true };
    } catch (err) {
      if (twilioFailure(err)?.code !== ROOM_EXISTS) throw err;
    }
    const existing = await findInProgressRoom(client, taskSid);
    if (existing) return { room: existing, created: false };
  }
  throw new AppError(
    'upstream_unavailable',
    'The video room changed while it was being set up; try again.',
    1,
  );
}

/** Ends a room; ending one that already ended is not an error. */
export async function completeRoom(client: Twilio, roomSid: string): Promise<void> {
  try {
    await client.video.v1.rooms(roomSid).update({ status: 'completed' });
  } catch (err) {
    const failure = twilioFailure(err);
    if (failure?.status === 404 || ROOM_NOT_IN_PROGRESS.includes(failure?.code ?? 0)) return;
    throw err;
  }
}
