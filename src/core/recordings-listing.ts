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

/** One page: this many rooms, read together. Each costs three reads, so a request makes at most
 * 3 (token, task, reservations) + 2 (room lists) + 4 × 3 Twilio requests, plus the Sync service
 * check on a cold instance, whatever the task has had. */
export const ROOMS_PER_PAGE = 4;
/** The completed rooms of a task that are listed at all (the in-progress one comes on top). */
const MAX_COMPLETED_ROOMS = 20;
/** One page of Twilio's list each: more is `truncated`. */
const MAX_RECORDINGS_PER_ROOM = 100;
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
): Promise<RoomRecordings & { truncated: boolean }> {
  const [recordings, compositions, recordingFailures] = await Promise.all([
    client.video.v1
      .rooms(room.sid)
      .recordings.list({ limit: MAX_RECORDINGS_PER_ROOM, pageSize: MAX_RECORDINGS_PER_ROOM }),
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
    truncated:
      recordings.length >= MAX_RECORDINGS_PER_ROOM || compositions.length >= MAX_COMPOSITIONS_PER_ROOM,
  };
}

/** Where a page ends: the last room's creation (epoch seconds, Twilio's precision) and SID. Rooms
 * are ordered by both, newest first, so a room created while a caller pages never moves one
 * already listed to a later page. Nothing is kept between requests: the cursor is the state. */
const cursorOf = (room: VideoRoom) => `${Math.floor(room.dateCreated.getTime() / 1000)}-${room.sid}`;
const cursorKey = (room: VideoRoom) => [Math.floor(room.dateCreated.getTime() / 1000), room.sid] as const;
const isAfter = (room: VideoRoom, cursor: string) => {
  const [seconds, sid] = cursor.split('-');
  const [roomSeconds, roomSid] = cursorKey(room);
  return roomSeconds < Number(seconds) || (roomSeconds === Number(seconds) && roomSid < sid);
};

/**
 * One page of the task's rooms, newest first. What cannot change (a completed room's finished
 * recordings and compositions) is not cached between requests: a Function instance may stay warm
 * but nothing may depend on it, so the bound has to hold without a cache. The cursor is what
 * bounds each request instead.
 */
export async function listTaskRecordings(
  deps: { twilio: Twilio; syncServiceSid: string },
  taskSid: string,
  cursor?: string,
): Promise<ApiAnswer<'/video/recordings'>> {
  const listed = await listTaskRooms(deps.twilio, taskSid, MAX_COMPLETED_ROOMS);
  const rooms = [...listed].sort((a, b) => {
    const [aSeconds, aSid] = cursorKey(a);
    const [bSeconds, bSid] = cursorKey(b);
    return bSeconds - aSeconds || (aSid < bSid ? 1 : aSid > bSid ? -1 : 0);
  });
  const remaining = cursor === undefined ? rooms : rooms.filter((room) => isAfter(room, cursor));
  const page = remaining.slice(0, ROOMS_PER_PAGE);
  const answers = await Promise.all(
    page.map((room) => roomRecordings(deps.twilio, deps.syncServiceSid, room)),
  );
  const lastPage = remaining.length <= ROOMS_PER_PAGE;
  const completed = listed.filter((room) => room.status !== 'in-progress').length;
  return {
    rooms: answers.map(({ truncated: _truncated, ...room }) => room),
    nextCursor: lastPage ? null : cursorOf(page[page.length - 1]),
    truncated: answers.some((room) => room.truncated) || (lastPage && completed >= MAX_COMPLETED_ROOMS),
  };
}
