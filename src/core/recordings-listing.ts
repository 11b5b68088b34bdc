import type { Twilio } from 'twilio';
import type { CompositionInstance } from 'twilio/lib/rest/video/v1/composition';
import type { RoomRecordingInstance } from 'twilio/lib/rest/video/v1/room/roomRecording';
import type { ApiAnswer, ApiSchema } from '../contract';
import { readFailures } from './recording-failures';
import { listTaskRooms, VideoRoom } from './rooms';

/**
 * A task's rooms with what Twilio recorded and composed in each, newest first. Only sids,
 * statuses and durations: media URLs stay out of the answer, so the agent's browser never holds
 * a link to the media (fetching it needs the account's credentials, e.g. in the Console).
 */

export type RoomRecordings = ApiSchema['RoomRecordings'];
export type RecordingSummary = RoomRecordings['recordings'][number];
export type CompositionSummary = RoomRecordings['compositions'][number];

/** Rooms are few per task, but each costs three reads: this many rooms are read at a time. */
const ROOMS_IN_PARALLEL = 4;
const MAX_RECORDINGS_PER_ROOM = 200;
const MAX_COMPOSITIONS_PER_ROOM = 20;

const newestFirst = <T extends { dateCreated: Date }>(items: T[]) =>
  [...items].sort((a, b) => b.dateCreated.getTime() - a.dateCreated.getTime());

export function summarizeRecording(
  recording: Pick<RoomRecordingInstance, 'sid' | 'type' | 'duration' | 'status'>,
): RecordingSummary {
  return {
    sid: recording.sid,
    kind: recording.type,
    durationSeconds: recording.duration ?? null,
    status: recording.status,
  };
}

/** Twilio reports 0 until a composition is done. */
export function summarizeComposition(
  composition: Pick<CompositionInstance, 'sid' | 'status' | 'duration'>,
): CompositionSummary {
  return {
    sid: composition.sid,
    status: composition.status,
    durationSeconds: composition.status === 'completed' ? composition.duration : null,
  };
}

async function roomRecordings(
  client: Twilio,
  syncServiceSid: string,
  room: VideoRoom,
): Promise<RoomRecordings> {
  const [recordings, compositions, recordingFailures] = await Promise.all([
    client.video.v1.rooms(room.sid).recordings.list({ limit: MAX_RECORDINGS_PER_ROOM, pageSize: 100 }),
    client.video.v1.compositions.list({
      roomSid: room.sid,
      limit: MAX_COMPOSITIONS_PER_ROOM,
      pageSize: MAX_COMPOSITIONS_PER_ROOM,
    }),
    readFailures(client, syncServiceSid, room.sid),
  ]);
  return {
    roomSid: room.sid,
    // listTaskRooms lists no other status.
    status: room.status === 'in-progress' ? 'in-progress' : 'completed',
    startedAt: room.dateCreated.toISOString(),
    endedAt: room.endTime ? room.endTime.toISOString() : null,
    recordings: newestFirst(recordings).map(summarizeRecording),
    compositions: newestFirst(compositions).map(summarizeComposition),
    recordingFailures,
  };
}

export async function listTaskRecordings(
  deps: { twilio: Twilio; syncServiceSid: string },
  taskSid: string,
): Promise<ApiAnswer<'/video/recordings'>> {
  const rooms = await listTaskRooms(deps.twilio, taskSid);
  const answers: RoomRecordings[] = [];
  for (let start = 0; start < rooms.length; start += ROOMS_IN_PARALLEL) {
    const batch = rooms.slice(start, start + ROOMS_IN_PARALLEL);
    answers.push(
      ...(await Promise.all(batch.map((room) => roomRecordings(deps.twilio, deps.syncServiceSid, room)))),
    );
  }
  return { rooms: answers };
}
