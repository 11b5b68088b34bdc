import { createHmac } from 'node:crypto';
import { CALLBACK_PATHS, callbackUrl } from '../contract';
import { AppError, isAppError } from './errors';
import { admitCustomer, customerGrant, type EscalationDeps } from './escalation';
import { joinUrl, signInvite, verifyInvite, type Invite } from './invites';
import type { AgentPrincipal } from './ownership';
import type { PracticeSettings } from './practice-policy';
import { takeWindowQuota } from './quota';
import { completeRoom, fetchRoom, RECORD_EVERYTHING, RECORD_NOTHING, type VideoRoom } from './rooms';
import { agentIdentity, AGENT_TOKEN_TTL_SECONDS, issueVideoToken } from './tokens';
import { twilioFailure } from './twilio-errors';
import { TWILIO_ERROR } from '../twilio-errors';

/**
 * Practice calls: an agent rehearses with a trainer or a colleague who plays the customer on the
 * real join page. A practice room belongs to no task: it has no conversation, so nothing can be
 * posted or announced for it; it is named apart from every task room (`practice-…` against
 * `flex-video-WT…`), and its links are signed with keys of their own, so neither kind of link
 * can admit anyone to the other kind of room.
 */
export const PRACTICE_MINUTES = 30;
const PRACTICE_MS = PRACTICE_MINUTES * 60_000;
/** Two at once: a rehearsal, and the next one while the first winds down. Each is a slot of the
 * agent's unique names, so Twilio enforces the bound (a name is unique among in-progress rooms). */
export const PRACTICE_ROOMS_PER_AGENT = 2;
/** Each practice room is a Video write and up to 30 minutes of a room: a few an hour is rehearsal,
 * more is something else. */
export const PRACTICE_LIMIT = 6;
export const PRACTICE_WINDOW_MS = 60 * 60_000;
/** A practice room nobody joined closes after this (the agent joins at once); one everybody left
 * after this. */
const UNUSED_PRACTICE_ROOM_MINUTES = 5;
const EMPTY_PRACTICE_ROOM_MINUTES = 1;

const PRACTICE_ROOM = /^practice-([0-9a-f]{24})-([1-9])$/;

export const isPracticeRoomName = (uniqueName: string | undefined): boolean =>
  !!uniqueName && PRACTICE_ROOM.test(uniqueName);

export interface PracticeDeps extends EscalationDeps {
  practice: PracticeSettings;
}

/** The agent's practice rooms are named by an HMAC of the worker (or the Flex identity), so the
 * name a trainer's SDK sees says nothing about who the agent is. */
function ownerOf(key: Buffer, user: AgentPrincipal): string {
  const who = user.workerSid ?? `user:${user.identity}`;
  return createHmac('sha256', key).update(`${who}\npractice`).digest('hex').slice(0, 24);
}

const practiceRoomName = (owner: string, slot: number) => `practice-${owner}-${slot}`;

/** When a practice room ends on its own: 30 minutes after Twilio created it. */
export const practiceEndsAt = (room: VideoRoom): number => room.dateCreated.getTime() + PRACTICE_MS;

async function createPracticeRoom(deps: PracticeDeps, owner: string): Promise<VideoRoom> {
  for (let slot = 1; slot <= PRACTICE_ROOMS_PER_AGENT; slot++) {
    try {
      const room = await deps.twilio.video.v1.rooms.create({
        uniqueName: practiceRoomName(owner, slot),
        type: 'group',
        statusCallback: callbackUrl(deps.publicBaseUrl, CALLBACK_PATHS.roomStatus),
        statusCallbackMethod: 'POST',
        recordingRules: { rules: deps.practice.recording === 'always' ? RECORD_EVERYTHING : RECORD_NOTHING },
        // Twilio's own timer: nobody stays longer than the practice lasts (see README, "Practice calls").
        maxParticipantDuration: PRACTICE_MINUTES * 60,
        unusedRoomTimeout: UNUSED_PRACTICE_ROOM_MINUTES,
        emptyRoomTimeout: EMPTY_PRACTICE_ROOM_MINUTES,
      });
      return {
        sid: room.sid,
        uniqueName: room.uniqueName,
        status: room.status,
        dateCreated: room.dateCreated,
        endTime: null,
      };
    } catch (err) {
      if (twilioFailure(err)?.code !== TWILIO_ERROR.ROOM_EXISTS) throw err;
    }
  }
  throw new AppError(
    'rate_limited',
    `You have ${PRACTICE_ROOMS_PER_AGENT} practice calls open; end one, or wait until it closes.`,
    60,
  );
}

/** The agent's token for a practice room: it lapses when the practice ends, so nobody connects later. */
function practiceAgentToken(deps: PracticeDeps, user: AgentPrincipal, room: VideoRoom) {
  const identity = agentIdentity(deps.agentIdentityKey, { ...user, role: 'agent' }, room.sid);
  const seconds = Math.floor((practiceEndsAt(room) - deps.now().getTime()) / 1000);
  const ttl = Math.max(60, Math.min(AGENT_TOKEN_TTL_SECONDS, seconds));
  return {
    ...issueVideoToken(deps.signer, identity, room.sid, ttl),
    roomName: room.uniqueName,
    roomSid: room.sid,
  };
}

/**
 * A new practice room and its link, and the agent's token for it. Counted against the agent's
 * hour (Sync, like preflight tokens) before the room is made; at most two rooms at once.
 */
export async function startPractice(deps: PracticeDeps, user: AgentPrincipal) {
  const owner = ownerOf(deps.agentIdentityKey, user);
  const now = deps.now().getTime();
  await takeWindowQuota(
    deps.twilio,
    deps.syncServiceSid,
    {
      key: `video-practice-${owner}`,
      limit: PRACTICE_LIMIT,
      windowMs: PRACTICE_WINDOW_MS,
      refusal: `At most ${PRACTICE_LIMIT} practice calls an hour; try again later.`,
    },
    now,
  );
  const room = await createPracticeRoom(deps, owner);
  const endsAt = practiceEndsAt(room);
  const invite = signInvite(deps.practice.inviteKeys, {
    roomSid: room.sid,
    issuedAt: now,
    expiresAt: Math.floor(endsAt / 1000),
  });
  return {
    roomSid: room.sid,
    roomName: room.uniqueName,
    joinUrl: joinUrl(deps.publicBaseUrl, invite),
    endsAt: new Date(endsAt).toISOString(),
    recording: deps.practice.recording,
    agent: practiceAgentToken(deps, user, room),
  };
}

/** The caller's own in-progress practice room, or 404 `no_room` for any other room (whether it
 * exists or not, so nobody learns about rooms that are not theirs). */
async function ownPracticeRoom(
  deps: PracticeDeps,
  user: AgentPrincipal,
  roomSid: string,
): Promise<VideoRoom> {
  const room = await fetchRoom(deps.twilio, roomSid);
  const owner = PRACTICE_ROOM.exec(room?.uniqueName ?? '')?.[1];
  if (!room || room.status !== 'in-progress' || owner !== ownerOf(deps.agentIdentityKey, user))
    throw new AppError('no_room', 'You have no practice call in progress with that RoomSid.');
  return room;
}

/** A fresh agent token for the caller's practice room (a reload, a lost connection). */
export async function rejoinPractice(deps: PracticeDeps, user: AgentPrincipal, roomSid: string) {
  return practiceAgentToken(deps, user, await ownPracticeRoom(deps, user, roomSid));
}

/** Ends the caller's practice room for everyone. */
export async function endPractice(deps: PracticeDeps, user: AgentPrincipal, roomSid: string) {
  await completeRoom(deps.twilio, (await ownPracticeRoom(deps, user, roomSid)).sid);
  return { completed: true as const, roomSid };
}

/**
 * `/video/join` for either kind of link. A task's link is checked with the task links' keys and
 * admits only to a task's room (escalation.ts); a practice link only verifies with the practice
 * keys and admits only to a practice room, with nothing of a customer call's answer (no
 * revocations: a practice room has no Resend; no transcription).
 */
export async function admitByLink(deps: PracticeDeps, raw: string) {
  const nowSeconds = Math.floor(deps.now().getTime() / 1000);
  let invite: Invite;
  try {
    verifyInvite(deps.inviteKeys, raw, nowSeconds);
    return await admitCustomer(deps, raw);
  } catch (err) {
    if (!isAppError(err) || err.code !== 'invalid_invite') throw err;
    invite = verifyInvite(deps.practice.inviteKeys, raw, nowSeconds);
  }
  const room = await fetchRoom(deps.twilio, invite.roomSid);
  if (room && !isPracticeRoomName(room.uniqueName))
    throw new AppError('invalid_invite', 'This invite link is not valid.');
  if (!room || room.status !== 'in-progress')
    throw new AppError('session_ended', 'This practice call has ended; ask the agent for a new link.');
  return customerGrant(deps, room, invite.nonce, { policy: 'off', active: false });
}

/**
 * Twilio's room callbacks for a practice room: none of a customer call's work (no notice, no
 * transcript, no composition, no revocation). Its one job: a practice room 30 minutes old is
 * ended at the first event that finds it so. Twilio's `MaxParticipantDuration` disconnects each
 * participant 30 minutes after they joined, so the first such event comes at the 30-minute mark
 * at the latest after the first participant's join.
 */
export async function practiceRoomEvent(deps: PracticeDeps, roomSid: string) {
  const room = await fetchRoom(deps.twilio, roomSid);
  if (!room || !isPracticeRoomName(room.uniqueName)) return { handled: 'ignored' as const };
  const due = room.status === 'in-progress' && practiceEndsAt(room) <= deps.now().getTime();
  if (due) await completeRoom(deps.twilio, room.sid);
  return { handled: 'practice' as const, ended: due };
}
