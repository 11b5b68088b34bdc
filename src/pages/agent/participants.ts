/** Who is in the room, as the agent should read it. The service issues only three kinds of
 * identity (docs/openapi.yaml, `AgentIdentity`): `agent-<40 hex>` and `supervisor-<40 hex>` for
 * Flex users (an HMAC, tokens.ts), and `customer-<16 base64url characters>`, one per link.
 * Anything else got in some other way and is shown as unexpected, with its raw identity, so the
 * agent can remove it. */

import { AGENT_IDENTITY_PREFIX, CUSTOMER_IDENTITY, SUPERVISOR_IDENTITY_PREFIX } from '../../contract';

export type ParticipantKind = 'you' | 'agent' | 'supervisor' | 'customer' | 'unexpected';

const HMAC_HEX = /^[0-9a-f]{40}$/;
const issuedAs = (identity: string, prefix: string): boolean =>
  identity.startsWith(prefix) && HMAC_HEX.test(identity.slice(prefix.length));

export function participantKind(identity: string, ownIdentity: string | null): ParticipantKind {
  if (identity === ownIdentity) return 'you';
  if (issuedAs(identity, AGENT_IDENTITY_PREFIX)) return 'agent';
  if (issuedAs(identity, SUPERVISOR_IDENTITY_PREFIX)) return 'supervisor';
  if (CUSTOMER_IDENTITY.test(identity)) return 'customer';
  return 'unexpected';
}

export interface ParticipantRow {
  sid: string;
  identity: string;
  kind: ParticipantKind;
  /** 1-based among participants of the same kind, when there is more than one of it (two
   * customers: an older link's and a newer one's). */
  ordinal: number | null;
  /** Only others can be removed; the service refuses the agent's own identity. */
  removable: boolean;
}

/** The list shown to the agent: themselves first, then the others in the order they joined;
 * unexpected participants are kept in that order too (highlighted by the view, not moved). */
export function participantRows(
  own: { sid: string; identity: string } | null,
  others: readonly { sid: string; identity: string }[],
): ParticipantRow[] {
  const ownIdentity = own?.identity ?? null;
  const all = [...(own ? [own] : []), ...others];
  const kinds = all.map((p) => participantKind(p.identity, ownIdentity));
  const counts = new Map<ParticipantKind, number>();
  for (const kind of kinds) counts.set(kind, (counts.get(kind) ?? 0) + 1);
  const seen = new Map<ParticipantKind, number>();
  return all.map((participant, index) => {
    const kind = kinds[index];
    const nth = (seen.get(kind) ?? 0) + 1;
    seen.set(kind, nth);
    return {
      sid: participant.sid,
      identity: participant.identity,
      kind,
      ordinal: kind !== 'you' && kind !== 'unexpected' && (counts.get(kind) ?? 0) > 1 ? nth : null,
      removable: kind !== 'you',
    };
  });
}
