import type { Twilio } from 'twilio';
import { AppError } from './errors';
import type { EscalationDeps } from './escalation';
import { nonceOfCustomer, revokeLinks } from './links';
import type { AgentPrincipal } from './ownership';
import { requireRoom, VideoRoom } from './rooms';
import { agentIdentity } from './tokens';
import { twilioFailure } from './twilio-errors';

/** Disconnects a participant by identity (Twilio accepts one in place of the participant SID);
 * false when nobody of that identity is connected. */
async function disconnect(client: Twilio, roomSid: string, identity: string): Promise<boolean> {
  try {
    // The library does not encode path segments; identities are the caller's text.
    await client.video.v1
      .rooms(roomSid)
      .participants(encodeURIComponent(identity))
      .update({ status: 'disconnected' });
    return true;
  } catch (err) {
    if (twilioFailure(err)?.status === 404) return false;
    throw err;
  }
}

/**
 * Removes a participant from the task's room and revokes the link that admitted it, so the
 * same link cannot bring them back. The two are independent and go out together. The agent
 * cannot remove themself: ending the session is /video/complete.
 */
export async function removeParticipant(
  deps: Pick<EscalationDeps, 'twilio' | 'syncServiceSid'>,
  inProgress: VideoRoom | undefined,
  agent: AgentPrincipal,
  identity: string,
) {
  if (identity === agentIdentity(agent)) {
    throw new AppError('invalid_request', 'Identity is your own; to leave, end the session instead.');
  }
  const room = requireRoom(inProgress);
  const nonce = nonceOfCustomer(identity);
  const [removed] = await Promise.all([
    disconnect(deps.twilio, room.sid, identity),
    nonce ? revokeLinks(deps.twilio, deps.syncServiceSid, room.sid, { revokedNonces: [nonce] }) : undefined,
  ]);
  return { removed, roomSid: room.sid, identity };
}
