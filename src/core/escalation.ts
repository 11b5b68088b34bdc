import type { Twilio } from 'twilio';
import { AppError } from './errors';
import { joinUrl, signInvite, verifyInvite } from './invites';
import { findNotice, postNotice } from './messages';
import { inviteText, NoticeTexts } from './notices';
import { ClaimStore, DeliveryOutcome, postAsOwner, postOnce } from './once';
import type { AgentPrincipal } from './ownership';
import type { RecordingPolicy } from './recording-policy';
import { completeRoom, ensureTaskRoom, fetchRoom, findInProgressRoom, listTaskRooms, VideoRoom } from './rooms';
import { requireConversation, FlexTask } from './tasks';
import {
  AGENT_TOKEN_TTL_SECONDS,
  agentIdentity,
  CUSTOMER_TOKEN_TTL_SECONDS,
  customerIdentity,
  issueVideoToken,
  TokenSigner,
} from './tokens';

/** What the escalation flow needs from its surroundings; handlers build it from their context. */
export interface EscalationDeps {
  twilio: Twilio;
  signer: TokenSigner;
  inviteKey: Buffer;
  inviteTtlSeconds: number;
  publicBaseUrl: string;
  syncServiceSid: string;
  recordingPolicy: RecordingPolicy;
  notices: NoticeTexts;
  now: () => Date;
}

export const roomStatusCallbackUrl = (publicBaseUrl: string) => `${publicBaseUrl}/video/callbacks/room-status`;
export const inviteClaimKey = (roomSid: string) => `video-invite-${roomSid}`;

function agentToken(deps: EscalationDeps, agent: AgentPrincipal, room: VideoRoom) {
  const token = issueVideoToken(deps.signer, agentIdentity(agent), room.sid, AGENT_TOKEN_TTL_SECONDS);
  return { ...token, roomName: room.uniqueName };
}

export interface EscalateResult {
  roomSid: string;
  roomName: string;
  joinUrl: string;
  created: boolean;
  /** null while another call for the same room is still posting the invite. */
  messageSid: string | null;
  inviteStatus: DeliveryOutcome;
  agent: { token: string; identity: string; roomName: string; expiresAt: string };
}

/**
 * Ensures the task's room and that its invite reached the conversation exactly once.
 * The call that created the room posts right away (three sequential Twilio round trips in all,
 * counting authorization); every other call looks for the invite and claims the right to post
 * only if nobody else has it or can still be using it.
 */
export async function escalate(deps: EscalationDeps, task: FlexTask, agent: AgentPrincipal, resend: boolean): Promise<EscalateResult> {
  const conversationSid = requireConversation(task);
  const { room, created } = await ensureTaskRoom(deps.twilio, task.sid, {
    statusCallback: roomStatusCallbackUrl(deps.publicBaseUrl),
    recordFromStart: deps.recordingPolicy === 'always',
  });
  const nowSeconds = Math.floor(deps.now().getTime() / 1000);
  const link = joinUrl(deps.publicBaseUrl, signInvite(deps.inviteKey, room.sid, nowSeconds + deps.inviteTtlSeconds));
  const post = () => postNotice(deps.twilio, conversationSid, room.sid, 'invite', inviteText(deps.notices, link, deps.recordingPolicy === 'always'));
  const delivery = {
    claims: new ClaimStore(deps.twilio, deps.syncServiceSid),
    key: inviteClaimKey(room.sid),
    find: () => findNotice(deps.twilio, conversationSid, room.sid, 'invite', room.dateCreated),
    post,
    now: deps.now,
    ownerStartedAt: room.dateCreated,
  };
  const { message, outcome } = resend
    ? { message: await post(), outcome: 'posted' as const }
    : created
      ? await postAsOwner(delivery)
      : await postOnce(delivery);
  return {
    roomSid: room.sid,
    roomName: room.uniqueName,
    joinUrl: link,
    created,
    messageSid: message?.sid ?? null,
    inviteStatus: outcome,
    agent: agentToken(deps, agent, room),
  };
}

/** A fresh token for the agent, for the task's in-progress room. */
export async function reissueAgentToken(deps: EscalationDeps, task: FlexTask, agent: AgentPrincipal) {
  const room = await findInProgressRoom(deps.twilio, task.sid);
  if (!room) throw new AppError('no_room', 'The task has no video room in progress.');
  const { token, identity, expiresAt } = agentToken(deps, agent, room);
  return { token, identity, roomName: room.uniqueName, roomSid: room.sid, expiresAt };
}

/** The customer's side: a valid, unexpired invite to a room that is still in progress. */
export async function admitCustomer(deps: EscalationDeps, invite: string, displayName?: string) {
  const { roomSid, nonce } = verifyInvite(deps.inviteKey, invite, Math.floor(deps.now().getTime() / 1000));
  const room = await fetchRoom(deps.twilio, roomSid);
  if (!room || room.status !== 'in-progress') {
    throw new AppError('session_ended', 'This video session has ended; ask the agent in the chat for a new link.');
  }
  const { token, identity, expiresAt } = issueVideoToken(deps.signer, customerIdentity(nonce, displayName), room.sid, CUSTOMER_TOKEN_TTL_SECONDS);
  return { token, identity, roomName: room.uniqueName, expiresAt };
}

export const sessionEndedClaimKey = (roomSid: string) => `video-session-ended-${roomSid}`;

/** Posts the session-ended notice for a room once, whoever notices the end first. `justEnded`:
 * the room ended moments ago, so its claim cannot have expired and is tried first. */
export async function announceSessionEnded(deps: EscalationDeps, conversationSid: string, room: VideoRoom, justEnded: boolean) {
  return postOnce({
    claimFirst: justEnded,
    claims: new ClaimStore(deps.twilio, deps.syncServiceSid),
    key: sessionEndedClaimKey(room.sid),
    find: () => findNotice(deps.twilio, conversationSid, room.sid, 'session-ended', room.dateCreated),
    post: () => postNotice(deps.twilio, conversationSid, room.sid, 'session-ended', deps.notices['session-ended']),
    now: deps.now,
  });
}

/** Ends the task's room and tells the customer. A repeat finds the room that ended and makes
 * sure its notice went out, so it also finishes what a failed earlier call left undone. */
export async function completeSession(deps: EscalationDeps, task: FlexTask) {
  const room = (await findInProgressRoom(deps.twilio, task.sid)) ?? (await listTaskRooms(deps.twilio, task.sid, 1))[0];
  if (!room) return { completed: true as const, roomSid: null };
  const endingNow = room.status === 'in-progress';
  if (endingNow) await completeRoom(deps.twilio, room.sid);
  if (task.conversationSid) await announceSessionEnded(deps, task.conversationSid, room, endingNow);
  return { completed: true as const, roomSid: room.sid };
}
