import { isSid, SUPERVISOR_IDENTITY_PREFIX, type ApiAnswer } from '../contract';
import { composeRoomOnce } from './compositions';
import { isAppError } from './errors';
import { announceSessionEnd } from './escalation';
import { isPracticeRoomName, practiceRoomEvent, type PracticeDeps } from './practice';
import { ensureRoomRecording } from './recording';
import { recordFailure, RecordingFailure } from './recording-failures';
import { findNotice, isConversationGone, postNotice } from './messages';
import { customerChatOf, type CustomerChat } from './notices';
import { isCustomerRevoked, nonceOfCustomer, readRevocations } from './links';
import { disconnect } from './participants';
import { fetchRoom, taskSidOfRoom, VideoRoom } from './rooms';
import { fetchTask } from './tasks';
import { ClaimStore, postClaimingFirst } from './once';
import { ensureRoomTranscription, transcriptAtEnd, type TranscriptOutcome } from './transcription';

/**
 * Twilio's room status callbacks. Each may arrive twice or late, so every handler checks the
 * room in Twilio first and does only what is still to be done (the once-only claims make a
 * second delivery find the work done). Work per callback stays at a few requests.
 */

export interface RoomEventDeps extends PracticeDeps {
  workspaceSid: string;
  compose: boolean;
}

export interface RoomEvent {
  roomSid: string;
  event: string;
  recordingSid?: string;
  trackName?: string;
  /** Why a recording failed, as Twilio put it. */
  reason?: string;
  /** Twilio's ISO-8601 time of the event. */
  timestamp?: string;
  participantSid?: string;
  participantIdentity?: string;
  /** The room's unique name, as Twilio's callback gives it. */
  roomName?: string;
}

export type RoomEventOutcome = ApiAnswer<'/video/callbacks/room-status'>;

const IGNORED = { handled: 'ignored' } as const;

/** The room, when it is one of the bundle's (named after its task). */
async function taskRoom(
  deps: RoomEventDeps,
  roomSid: string,
): Promise<{ room: VideoRoom; taskSid: string } | undefined> {
  const room = await fetchRoom(deps.twilio, roomSid);
  const taskSid = room && taskSidOfRoom(room.uniqueName);
  return room && taskSid ? { room, taskSid } : undefined;
}

/** The task's chat, in the customer's language; undefined once the task or its conversation is
 * gone (nothing can be told then). */
async function chatOfTask(deps: RoomEventDeps, taskSid: string): Promise<CustomerChat | undefined> {
  try {
    return customerChatOf(deps.notices, await fetchTask(deps.twilio, deps.workspaceSid, taskSid));
  } catch (err) {
    if (isAppError(err) && err.code === 'task_not_found') return undefined;
    throw err;
  }
}

/** Conversations end too: a notice that cannot be delivered is logged, not retried. */
function undeliverable(err: unknown, roomSid: string): boolean {
  if (!isConversationGone(err)) return false;
  console.warn(`room ${roomSid}: its conversation no longer exists; the notice was not posted`);
  return true;
}

/**
 * `room-ended`, whether /video/complete or Twilio's empty-room timeout ended the room: its
 * session-ended notice once (the claim shared with /video/complete), then the transcript of the
 * transcription still running once (its own claim); and with VIDEO_COMPOSE its composition once.
 * The chat and the composition are independent; one failing does not hold back the other.
 */
async function roomEnded(deps: RoomEventDeps, roomSid: string): Promise<RoomEventOutcome> {
  const found = await taskRoom(deps, roomSid);
  // A room-ended for a room Twilio still shows in progress is not (yet) true: nothing to do.
  if (!found || found.room.status === 'in-progress') return IGNORED;
  const { room, taskSid } = found;
  const tellCustomer = async () => {
    const deliverTranscript = transcriptAtEnd(deps, room);
    const chat = await chatOfTask(deps, taskSid);
    if (!chat) return { notice: 'no-conversation' as const, transcript: 'empty' as const };
    const notice = (await announceSessionEnd(deps, chat, room)).outcome;
    let transcript: TranscriptOutcome | 'undeliverable';
    try {
      transcript = await deliverTranscript(chat);
    } catch (err) {
      if (!undeliverable(err, room.sid)) throw err;
      transcript = 'undeliverable';
    }
    return { notice, transcript };
  };
  const [notice, composition] = await Promise.allSettled([
    tellCustomer(),
    deps.compose ? composeRoomOnce(deps, room.sid) : Promise.resolve('off' as const),
  ]);
  if (composition.status === 'rejected')
    console.error(`room ${room.sid}: the composition could not be requested`);
  if (notice.status === 'rejected' && !undeliverable(notice.reason, room.sid)) throw notice.reason;
  if (composition.status === 'rejected') throw composition.reason;
  return {
    handled: 'room-ended',
    ...(notice.status === 'fulfilled'
      ? notice.value
      : { notice: 'undeliverable' as const, transcript: 'undeliverable' as const }),
    composition: composition.value,
  };
}

/**
 * Under VIDEO_RECORDING=always rooms record from the start, with no /video/recording call to
 * announce it: Twilio's first `recording-started` does, once per room. Under on-demand every
 * recording starts from /video/recording, which announces it; acting on a late callback there
 * could announce a recording the agent has stopped since.
 */
async function recordingStarted(deps: RoomEventDeps, roomSid: string): Promise<RoomEventOutcome> {
  if (deps.recordingPolicy !== 'always') return IGNORED;
  const found = await taskRoom(deps, roomSid);
  if (!found || found.room.status !== 'in-progress') return IGNORED;
  const chat = await chatOfTask(deps, found.taskSid);
  if (!chat) return IGNORED;
  try {
    return {
      handled: 'recording-started',
      recording: await ensureRoomRecording(deps, found.room, chat, true),
    };
  } catch (err) {
    if (undeliverable(err, roomSid) || (isAppError(err) && err.code === 'no_room')) return IGNORED;
    throw err;
  }
}

const ISO_TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:?\d{2})$/;

export function failureOf(event: RoomEvent, now: Date): RecordingFailure {
  const valid =
    event.timestamp && ISO_TIMESTAMP.test(event.timestamp) && !Number.isNaN(Date.parse(event.timestamp));
  return {
    recordingSid: isSid('RT', event.recordingSid) ? event.recordingSid : null,
    trackName: event.trackName || null,
    reason: event.reason || 'Twilio gave no reason',
    failedAt: valid ? new Date(event.timestamp!).toISOString() : now.toISOString(),
  };
}

async function recordingFailed(deps: RoomEventDeps, event: RoomEvent): Promise<RoomEventOutcome> {
  const failure = failureOf(event, deps.now());
  console.error(
    `recording failed: room ${event.roomSid}, recording ${failure.recordingSid ?? 'unknown'}, track ${failure.trackName ?? 'unknown'}: ${failure.reason}`,
  );
  return {
    handled: 'recording-failed',
    stored: await recordFailure(deps.twilio, deps.syncServiceSid, event.roomSid, failure),
  };
}

export const supervisorNoticeClaimKey = (participantSid: string) => `video-supervisor-${participantSid}`;

/**
 * Nobody watches the customer unannounced: each time a supervisor (ownership.ts) enters a
 * task's room, the customer's chat says so, once per participant whatever the redeliveries. The
 * participant is new, so every poster claims first. Three round trips: the room, the task, then
 * the claim and the post.
 */
async function supervisorConnected(
  deps: RoomEventDeps,
  roomSid: string,
  participantSid: string,
): Promise<RoomEventOutcome> {
  const found = await taskRoom(deps, roomSid);
  if (!found || found.room.status !== 'in-progress') return IGNORED;
  const chat = await chatOfTask(deps, found.taskSid);
  if (!chat) return { handled: 'supervisor-connected', notice: 'no-conversation' };
  const { conversationSid, notices } = chat;
  try {
    const { outcome } = await postClaimingFirst({
      claims: new ClaimStore(deps.twilio, deps.syncServiceSid),
      key: supervisorNoticeClaimKey(participantSid),
      find: () =>
        findNotice(
          deps.twilio,
          conversationSid,
          roomSid,
          'supervisor-joined',
          found.room.dateCreated,
          participantSid,
        ),
      post: () =>
        postNotice(
          deps.twilio,
          conversationSid,
          roomSid,
          'supervisor-joined',
          notices['supervisor-joined'],
          participantSid,
        ),
      now: deps.now,
    });
    return { handled: 'supervisor-connected', notice: outcome };
  } catch (err) {
    if (undeliverable(err, roomSid)) return { handled: 'supervisor-connected', notice: 'undeliverable' };
    throw err;
  }
}

/**
 * A customer whose link was revoked may still hold a Video token issued before (until it
 * expires), and a copied token works for anyone: whoever connects under a revoked link's
 * identity is disconnected at once. One Sync read per customer who connects. Undefined for anyone
 * but a customer.
 */
async function disconnectIfRevoked(deps: RoomEventDeps, event: RoomEvent): Promise<boolean | undefined> {
  const identity = event.participantIdentity;
  if (!identity || !nonceOfCustomer(identity)) return undefined;
  const revocations = await readRevocations(deps.twilio, deps.syncServiceSid, event.roomSid);
  if (!isCustomerRevoked(revocations, identity)) return false;
  const participant = isSid('PA', event.participantSid) ? event.participantSid : identity;
  console.warn(`room ${event.roomSid}: a participant of a revoked link connected; disconnecting it`);
  return disconnect(deps.twilio, event.roomSid, participant);
}

/**
 * Under VIDEO_TRANSCRIPTION=always rooms are transcribed from the first participant
 * (TranscribeParticipantsOnConnect), with no /video/transcription call to announce it: the
 * first connection does, once per room (room-switch.ts); later ones find it told. Undefined
 * under any other policy, or for a room that is not (or no longer) the bundle's.
 */
async function transcribedFromStart(deps: RoomEventDeps, roomSid: string): Promise<boolean | undefined> {
  if (deps.transcription.policy !== 'always') return undefined;
  const found = await taskRoom(deps, roomSid);
  if (!found || found.room.status !== 'in-progress') return undefined;
  const chat = await chatOfTask(deps, found.taskSid);
  if (!chat) return undefined;
  try {
    return await ensureRoomTranscription(deps, found.room, chat, true);
  } catch (err) {
    if (undeliverable(err, roomSid) || (isAppError(err) && err.code === 'no_room')) return undefined;
    if (isAppError(err) && err.code === 'transcription_unavailable') {
      console.warn(`room ${roomSid}: ${err.message}`);
      return false;
    }
    throw err;
  }
}

/** A supervisor's entry is told in the chat; a customer of a revoked link is disconnected; under
 * VIDEO_TRANSCRIPTION=always the first connection announces the transcription. The agent connects
 * first, so a supervisor's entry never is that first connection. */
async function participantConnected(deps: RoomEventDeps, event: RoomEvent): Promise<RoomEventOutcome> {
  if (event.participantIdentity?.startsWith(SUPERVISOR_IDENTITY_PREFIX) && isSid('PA', event.participantSid))
    return supervisorConnected(deps, event.roomSid, event.participantSid);
  const [disconnected, transcribing] = await Promise.all([
    disconnectIfRevoked(deps, event),
    transcribedFromStart(deps, event.roomSid),
  ]);
  if (disconnected === undefined && transcribing === undefined) return IGNORED;
  return {
    handled: 'participant-connected',
    disconnected: disconnected ?? false,
    ...(transcribing !== undefined && { transcribing }),
  };
}

export function handleRoomEvent(deps: RoomEventDeps, event: RoomEvent): Promise<RoomEventOutcome> {
  // A practice room's events do none of a customer call's work (practice.ts).
  if (isPracticeRoomName(event.roomName)) return practiceRoomEvent(deps, event.roomSid);
  switch (event.event) {
    case 'room-ended':
      return roomEnded(deps, event.roomSid);
    case 'recording-started':
      return recordingStarted(deps, event.roomSid);
    case 'recording-failed':
      return recordingFailed(deps, event);
    case 'participant-connected':
      return participantConnected(deps, event);
    default:
      return Promise.resolve(IGNORED);
  }
}
