import type { Twilio } from 'twilio';
import { AppError } from './errors';
import type { EscalationDeps } from './escalation';
import { isCustomerRevoked, nonceOfCustomer, revokeLinks, type LinkRevocations } from './links';
import { isConversationGone, postNotice } from './messages';
import type { CustomerChat } from './notices';
import type { TaskCaller } from './ownership';
import { requireRoom, VideoRoom } from './rooms';
import { agentIdentity } from './tokens';
import { twilioFailure } from './twilio-errors';

/** Disconnects a participant by SID, or by identity (Twilio accepts one in place of the SID);
 * false when nobody of that identity is connected. */
export async function disconnect(client: Twilio, roomSid: string, participant: string): Promise<boolean> {
  try {
    // The library does not encode path segments; identities are the caller's text.
    await client.video.v1
      .rooms(roomSid)
      .participants(encodeURIComponent(participant))
      .update({ status: 'disconnected' });
    return true;
  } catch (err) {
    if (twilioFailure(err)?.status === 404) return false;
    throw err;
  }
}

/**
 * Removes a participant from the task's room and revokes the link that admitted it, so the
 * same link cannot bring them back. The two are independent and go out together. A customer who
 * was in the call is then told in the chat (`chat`, absent for a task without one), since their
 * page cannot tell a removal from any other disconnect by itself. The agent cannot remove
 * themself: ending the session is /video/complete.
 */
export async function removeParticipant(
  deps: Pick<EscalationDeps, 'twilio' | 'syncServiceSid' | 'agentIdentityKey' | 'now'>,
  inProgress: VideoRoom | undefined,
  agent: TaskCaller,
  identity: string,
  chat?: CustomerChat,
) {
  const room = requireRoom(inProgress);
  if (identity === agentIdentity(deps.agentIdentityKey, agent, room.sid)) {
    throw new AppError('invalid_request', 'Identity is your own; to leave, end the session instead.');
  }
  const nonce = nonceOfCustomer(identity);
  const [removed] = await Promise.all([
    disconnect(deps.twilio, room.sid, identity),
    nonce
      ? revokeLinks(
          deps.twilio,
          deps.syncServiceSid,
          room.sid,
          { revokedNonces: [nonce] },
          deps.now().getTime(),
        )
      : undefined,
  ]);
  if (removed && nonce && chat) {
    const words = chat.notices['participant-removed'];
    await postNotice(deps.twilio, chat.conversationSid, room.sid, 'participant-removed', words).catch(
      (err: unknown) => {
        // The removal stands; a chat closed in the meantime has nobody left to tell.
        if (!isConversationGone(err)) throw err;
      },
    );
  }
  return { removed, roomSid: room.sid, identity };
}

/** Disconnects every connected customer whose link the revocations cover, all at once (a room has
 * a handful of participants, far below Video's 20 writes a second); the SIDs it disconnected. */
export async function disconnectRevokedCustomers(
  client: Twilio,
  roomSid: string,
  revocations: LinkRevocations,
): Promise<string[]> {
  const connected = await client.video.v1
    .rooms(roomSid)
    .participants.list({ status: 'connected', limit: 50 });
  const revoked = connected.filter((p) => isCustomerRevoked(revocations, p.identity));
  await Promise.all(revoked.map((p) => disconnect(client, roomSid, p.sid)));
  return revoked.map((p) => p.sid);
}
