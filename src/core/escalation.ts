import { CALLBACK_PATHS, callbackUrl, type SnapshotPolicy } from '../contract';
import type { Twilio } from 'twilio';
import { AppError } from './errors';
import { InviteKeys, joinUrl, signInvite, verifyInvite } from './invites';
import { isRevoked, readRevocations, revokeLinks } from './links';
import { findNotice, isConversationGone, postNotice } from './messages';
import { customerChatOf, inviteText, NoticeSettings, noticesFor, type CustomerChat } from './notices';
import { disconnectRevokedCustomers } from './participants';
import {
  ClaimStore,
  DeliveryOutcome,
  OnceDelivery,
  postAsOwner,
  postClaimingFirst,
  postUnlessFound,
} from './once';
import type { TaskCaller } from './ownership';
import type { RecordingPolicy } from './recording-policy';
import { isTranscribing, transcriptionsConfiguration } from './transcription';
import type { TranscriptionSettings } from './transcription-policy';
import {
  completeRoom,
  ensureTaskRoom,
  fetchRoom,
  listTaskRooms,
  requireRoom,
  taskSidOfRoom,
  VideoRoom,
} from './rooms';
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
  inviteKeys: InviteKeys;
  /** Keys the agent's participant identity (tokens.ts). */
  agentIdentityKey: Buffer;
  inviteTtlSeconds: number;
  publicBaseUrl: string;
  syncServiceSid: string;
  recordingPolicy: RecordingPolicy;
  transcription: TranscriptionSettings;
  notices: NoticeSettings;
  snapshots: SnapshotPolicy;
  now: () => Date;
}

export const inviteClaimKey = (roomSid: string) => `video-invite-${roomSid}`;

function agentToken(deps: EscalationDeps, agent: TaskCaller, room: VideoRoom) {
  const identity = agentIdentity(deps.agentIdentityKey, agent, room.sid);
  const token = issueVideoToken(deps.signer, identity, room.sid, AGENT_TOKEN_TTL_SECONDS);
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
 * The call that created the room posts right away (four sequential Twilio round trips in all,
 * counting authentication and authorization); every other call looks for the invite and claims
 * the right to post only if nobody else has it or can still be using it. `resend` posts a fresh
 * link after revoking every earlier one, so a customer never holds two working links at once,
 * and disconnects whoever an earlier link admitted before it answers.
 */
export async function escalate(
  deps: EscalationDeps,
  task: FlexTask,
  agent: TaskCaller,
  resend: boolean,
): Promise<EscalateResult> {
  const conversationSid = requireConversation(task);
  const { room, created } = await ensureTaskRoom(deps.twilio, task.sid, {
    statusCallback: callbackUrl(deps.publicBaseUrl, CALLBACK_PATHS.roomStatus),
    recordFromStart: deps.recordingPolicy === 'always',
    transcribeFromStart:
      deps.transcription.policy === 'always' ? transcriptionsConfiguration(deps.transcription) : undefined,
  });
  const issuedAt = deps.now().getTime();
  const invite = signInvite(deps.inviteKeys, {
    roomSid: room.sid,
    issuedAt,
    expiresAt: Math.floor(issuedAt / 1000) + deps.inviteTtlSeconds,
  });
  const link = joinUrl(deps.publicBaseUrl, invite);
  const post = () =>
    postNotice(
      deps.twilio,
      conversationSid,
      room.sid,
      'invite',
      inviteText(
        noticesFor(deps.notices, task.attributes),
        link,
        deps.recordingPolicy === 'always',
        deps.transcription.policy === 'always',
        deps.snapshots === 'on',
      ),
    );
  const delivery: OnceDelivery = {
    claims: new ClaimStore(deps.twilio, deps.syncServiceSid),
    key: inviteClaimKey(room.sid),
    find: () => findNotice(deps.twilio, conversationSid, room.sid, 'invite', room.dateCreated),
    post,
    now: deps.now,
  };
  let delivered: { message?: { sid: string }; outcome: DeliveryOutcome };
  if (created) delivered = await postAsOwner(delivery);
  else if (resend) {
    // Revoked before the new link goes out: should the post fail, no link works until the agent
    // sends another, rather than the old one working on.
    await revokeLinks(deps.twilio, deps.syncServiceSid, room.sid, { revokedBefore: issuedAt }, issuedAt);
    const [message] = await Promise.all([
      post(),
      disconnectRevokedCustomers(deps.twilio, room.sid, { revokedBefore: issuedAt, revokedNonces: [] }),
    ]);
    delivered = { message, outcome: 'posted' };
  } else delivered = await postUnlessFound(delivery, { startedAt: room.dateCreated });
  return {
    roomSid: room.sid,
    roomName: room.uniqueName,
    joinUrl: link,
    created,
    messageSid: delivered.message?.sid ?? null,
    inviteStatus: delivered.outcome,
    agent: agentToken(deps, agent, room),
  };
}

/** A fresh token for the agent, for the task's in-progress room. */
export function reissueAgentToken(
  deps: EscalationDeps,
  inProgress: VideoRoom | undefined,
  agent: TaskCaller,
) {
  const room = requireRoom(inProgress);
  const { token, identity, expiresAt } = agentToken(deps, agent, room);
  return { token, identity, roomName: room.uniqueName, roomSid: room.sid, expiresAt };
}

/** The task's call as a panel opening on it needs it: the agent's token, or none without a call. */
export function agentCallOfTask(deps: EscalationDeps, inProgress: VideoRoom | undefined, agent: TaskCaller) {
  return { call: inProgress ? reissueAgentToken(deps, inProgress, agent) : null };
}

/** Whether the room is transcribed now, for the join page's badge: only `on-demand` asks Twilio. */
function transcribedNow(deps: EscalationDeps, roomSid: string): Promise<boolean> {
  const { policy } = deps.transcription;
  return policy === 'on-demand' ? isTranscribing(deps.twilio, roomSid) : Promise.resolve(policy === 'always');
}

/** The customer's side: a valid, unexpired, unrevoked invite to a room that is still in
 * progress. The room, the link's revocations and (on-demand) its transcription are read
 * together: one round trip. */
export async function admitCustomer(deps: EscalationDeps, rawInvite: string) {
  const invite = verifyInvite(deps.inviteKeys, rawInvite, Math.floor(deps.now().getTime() / 1000));
  const [room, revocations, transcribed] = await Promise.all([
    fetchRoom(deps.twilio, invite.roomSid),
    readRevocations(deps.twilio, deps.syncServiceSid, invite.roomSid),
    // The badge follows the chat's notices too: a failed read must not keep the customer out.
    transcribedNow(deps, invite.roomSid).catch(() => false),
  ]);
  // A task's link admits to a task's room only, never to a practice room (practice.ts).
  if (room && !taskSidOfRoom(room.uniqueName))
    throw new AppError('invalid_invite', 'This invite link is not valid.');
  if (!room || room.status !== 'in-progress') {
    throw new AppError(
      'session_ended',
      'This video session has ended; ask the agent in the chat for a new link.',
    );
  }
  if (isRevoked(revocations, invite)) {
    throw new AppError(
      'invite_revoked',
      'This link was replaced by a newer one; use the newest link in the chat.',
    );
  }
  return customerGrant(deps, room, invite.nonce, { policy: deps.transcription.policy, active: transcribed });
}

/** The token a link admits its holder with (a customer's, or a trainer's in a practice room). */
export function customerGrant(
  deps: EscalationDeps,
  room: VideoRoom,
  nonce: string,
  transcription: { policy: TranscriptionSettings['policy']; active: boolean },
) {
  const { token, identity, expiresAt } = issueVideoToken(
    deps.signer,
    customerIdentity(nonce),
    room.sid,
    CUSTOMER_TOKEN_TTL_SECONDS,
  );
  return { token, identity, roomName: room.uniqueName, expiresAt, transcription, snapshots: deps.snapshots };
}

export const sessionEndedClaimKey = (roomSid: string) => `video-session-ended-${roomSid}`;

function sessionEndedDelivery(deps: EscalationDeps, chat: CustomerChat, room: VideoRoom): OnceDelivery {
  return {
    claims: new ClaimStore(deps.twilio, deps.syncServiceSid),
    key: sessionEndedClaimKey(room.sid),
    find: () => findNotice(deps.twilio, chat.conversationSid, room.sid, 'session-ended', room.dateCreated),
    post: () =>
      postNotice(deps.twilio, chat.conversationSid, room.sid, 'session-ended', chat.notices['session-ended']),
    now: deps.now,
  };
}

/** The session-ended notice of a room whose end is under way (`ended`) or just happened: every
 * poster claims first, and the notice goes out once the room has really ended. */
export function announceSessionEnd(
  deps: EscalationDeps,
  chat: CustomerChat,
  room: VideoRoom,
  ended: Promise<unknown> = Promise.resolve(),
) {
  return postClaimingFirst(sessionEndedDelivery(deps, chat, room), ended);
}

/**
 * Ends the task's room and tells the customer, at most five sequential round trips with
 * authorization (which reads the room alongside): ending the room and claiming its notice overlap. A repeat finds the room that ended and makes sure its
 * notice went out, so it also finishes what a failed earlier call left undone.
 */
export async function completeSession(
  deps: EscalationDeps,
  task: FlexTask,
  inProgress: VideoRoom | undefined,
) {
  const room = inProgress ?? (await listTaskRooms(deps.twilio, task.sid, 1))[0];
  if (!room) return { completed: true as const, roomSid: null };
  const ended = room.status === 'in-progress' ? completeRoom(deps.twilio, room.sid) : undefined;
  try {
    const chat = customerChatOf(deps.notices, task);
    if (!chat) await ended;
    else if (ended) await announceSessionEnd(deps, chat, room, ended);
    else await postUnlessFound(sessionEndedDelivery(deps, chat, room));
  } catch (err) {
    // The room has ended; a chat closed in the meantime has nobody left to tell.
    if (!isConversationGone(err)) throw err;
    console.warn(`room ${room.sid}: ended, but its conversation no longer exists`);
  }
  return { completed: true as const, roomSid: room.sid };
}
