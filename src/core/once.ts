import { randomUUID } from 'node:crypto';
import type { Twilio } from 'twilio';
import type { PostedMessage } from './messages';
import { assertGuardedSyncService } from './sync-service';
import { OutcomeUnknownError, twilioFailure } from './twilio-errors';

/**
 * "Exactly once" for things the customer sees, with no memory between calls: a claim is a
 * Sync document whose unique name is the key. Twilio refuses a second document of the same
 * name (409) and a write against a stale revision (412), so only one caller wins a claim.
 */
export interface ClaimRecord {
  state: 'claimed' | 'released' | 'done';
  /** Epoch ms; a claim older than CLAIM_LEASE_MS belongs to a call that no longer runs. */
  claimedAt: number;
  claimId: string;
  messageSid?: string;
}

/** No Function runs longer than 10 s, so a claim (or an owner's head start) older than this
 * can no longer be acted on by its holder. */
export const CLAIM_LEASE_MS = 10_000;
/** Claims only matter while their subject lives; Sync deletes them after two days. */
const CLAIM_TTL_SECONDS = 2 * 24 * 60 * 60;

/** Where claims live: ClaimStore in production, a map in unit tests. */
export interface Claims<R extends object = ClaimRecord> {
  read(key: string): Promise<{ record: R; revision: string } | undefined>;
  create(key: string, record: R): Promise<boolean>;
  replace(key: string, record: R, revision?: string): Promise<boolean>;
}

/** `R` is the document's data: a ClaimRecord for once-only posts; other guards (the recording
 * state of a room, a room's recording failures) keep their own records with the same rules. */
export class ClaimStore<R extends object = ClaimRecord> implements Claims<R> {
  constructor(
    private readonly client: Twilio,
    private readonly serviceSid: string,
    /** Given, every write renews it: a record that lives as long as it is in use. */
    private readonly ttlSeconds?: number,
  ) {}

  private documents() {
    return this.client.sync.v1.services(this.serviceSid).documents;
  }

  /** The check that the service is the bundle's own (ACLs on), once per instance: a read is sent
   * alongside it, so the first read of an instance costs no extra round trip, and its result is
   * not used unless the check passed; a write waits for it, so nothing is written to a service
   * Flex users could write (where it would count once the service is put right). */
  private service(): Promise<void> {
    return assertGuardedSyncService(this.client, this.serviceSid);
  }

  async read(key: string): Promise<{ record: R; revision: string } | undefined> {
    const [service, result] = await Promise.allSettled([this.service(), this.readUnchecked(key)]);
    if (service.status === 'rejected') throw service.reason;
    if (result.status === 'rejected') throw result.reason;
    return result.value;
  }

  async create(key: string, record: R): Promise<boolean> {
    await this.service();
    return this.createUnchecked(key, record);
  }

  async replace(key: string, record: R, revision?: string): Promise<boolean> {
    await this.service();
    return this.replaceUnchecked(key, record, revision);
  }

  private async readUnchecked(key: string): Promise<{ record: R; revision: string } | undefined> {
    try {
      const document = await this.documents()(key).fetch();
      return { record: document.data as R, revision: document.revision };
    } catch (err) {
      if (twilioFailure(err)?.status === 404) return undefined;
      throw err;
    }
  }

  /** False when another caller's document already has this name. */
  private async createUnchecked(key: string, record: R): Promise<boolean> {
    try {
      await this.documents().create({
        uniqueName: key,
        data: record,
        ttl: this.ttlSeconds ?? CLAIM_TTL_SECONDS,
      });
      return true;
    } catch (err) {
      if (twilioFailure(err)?.status === 409) return false;
      throw err;
    }
  }

  /** Replaces the record only if nobody wrote it since `revision` was read (or at all, without one). */
  private async replaceUnchecked(key: string, record: R, revision?: string): Promise<boolean> {
    try {
      await this.documents()(key).update({
        data: record,
        ...(revision ? { ifMatch: revision } : {}),
        ...(this.ttlSeconds ? { ttl: this.ttlSeconds } : {}),
      });
      return true;
    } catch (err) {
      const status = twilioFailure(err)?.status;
      if (status === 412 || status === 409) return false;
      throw err;
    }
  }
}

export type DeliveryOutcome = 'posted' | 'already-posted' | 'pending';

/**
 * One thing to deliver once. Three strategies deliver it, for three situations:
 * - postAsOwner: the caller alone can be posting (it just created the subject, e.g. the room):
 *   it posts at once and writes no claim; others hold back while it may still be at work;
 * - postUnlessFound: anyone else: look for the thing, and post only under a claim, and only when
 *   no owner or earlier claimant can still be posting;
 * - postClaimingFirst: every poster claims (there is no owner) and the subject is fresh, so no
 *   claim can have expired yet: no claim means nothing was posted, and the claim is the first
 *   request (it can overlap whatever must happen before posting).
 */
export interface OnceDelivery {
  claims: Claims;
  key: string;
  /** Looks for the thing in Twilio, where it would be if an earlier call posted it. */
  find: () => Promise<PostedMessage | undefined>;
  post: () => Promise<PostedMessage>;
  now: () => Date;
}

export interface Delivered {
  message?: PostedMessage;
  outcome: DeliveryOutcome;
}

/** A create or If-Match write whose answer was lost is retried and then meets itself (409,
 * 412): reading the record back tells our own applied write from a lost race. */
async function wrote(
  claims: Claims,
  key: string,
  claimId: string,
  write: () => Promise<boolean>,
): Promise<boolean> {
  if (await write()) return true;
  return (await claims.read(key))?.record.claimId === claimId;
}

/** Best effort: if this write fails too, the owner's head start or the claim's lease runs out. */
function recordClaim(delivery: OnceDelivery, holdsDocument: boolean, claim: ClaimRecord): Promise<boolean> {
  const { claims, key } = delivery;
  return (holdsDocument ? claims.replace(key, claim) : claims.create(key, claim)).catch(() => false);
}

/** Whatever happened, tell later callers whether to look for the message or to post it. */
async function settle(
  delivery: OnceDelivery,
  claimId: string,
  holdsDocument: boolean,
  err: unknown,
): Promise<PostedMessage> {
  const { find, now } = delivery;
  if (err instanceof OutcomeUnknownError) {
    const found = await find().catch(() => undefined);
    if (found) {
      await recordClaim(delivery, holdsDocument, {
        state: 'done',
        claimedAt: now().getTime(),
        claimId,
        messageSid: found.sid,
      });
      return found;
    }
  }
  await recordClaim(delivery, holdsDocument, { state: 'released', claimedAt: now().getTime(), claimId });
  throw err;
}

export async function postAsOwner(
  delivery: OnceDelivery,
): Promise<{ message: PostedMessage; outcome: DeliveryOutcome }> {
  try {
    return { message: await delivery.post(), outcome: 'posted' };
  } catch (err) {
    return { message: await settle(delivery, randomUUID(), false, err), outcome: 'posted' };
  }
}

/** Posts under a claim this call holds, and marks the claim done. */
async function postClaimed(delivery: OnceDelivery, claimId: string): Promise<Delivered> {
  let message: PostedMessage;
  try {
    message = await delivery.post();
  } catch (err) {
    return { message: await settle(delivery, claimId, true, err), outcome: 'posted' };
  }
  await recordClaim(delivery, true, {
    state: 'done',
    claimedAt: delivery.now().getTime(),
    claimId,
    messageSid: message.sid,
  });
  return { message, outcome: 'posted' };
}

const newClaim = (delivery: OnceDelivery, claimId: string): ClaimRecord => ({
  state: 'claimed',
  claimedAt: delivery.now().getTime(),
  claimId,
});

/** Reuse what is there, else take the claim and post, else leave it to whoever may still be
 * posting ('pending'). `owner`: when a postAsOwner call began, if one may be at work. */
export async function postUnlessFound(
  delivery: OnceDelivery,
  owner?: { startedAt: Date },
): Promise<Delivered> {
  const { claims, key, find, now } = delivery;
  const [found, current] = await Promise.all([find(), claims.read(key)]);
  if (found) return { message: found, outcome: 'already-posted' };
  if (current?.record.state === 'done' && current.record.messageSid) {
    return { message: { sid: current.record.messageSid }, outcome: 'already-posted' };
  }
  const claimId = randomUUID();
  let won: boolean;
  if (!current) {
    const ownerMayBePosting =
      owner !== undefined && now().getTime() - owner.startedAt.getTime() < CLAIM_LEASE_MS;
    won =
      !ownerMayBePosting &&
      (await wrote(claims, key, claimId, () => claims.create(key, newClaim(delivery, claimId))));
  } else {
    const stale =
      current.record.state === 'released' || now().getTime() - current.record.claimedAt > CLAIM_LEASE_MS;
    won =
      stale &&
      (await wrote(claims, key, claimId, () =>
        claims.replace(key, newClaim(delivery, claimId), current.revision),
      ));
  }
  return won ? postClaimed(delivery, claimId) : { outcome: 'pending' };
}

/** Claims first; a call that loses the claim falls back to postUnlessFound. `ready` must succeed
 * before anything is posted (the room's end, before "the session ended" is said): it runs
 * alongside the claim, and if it fails the claim is released and its failure is thrown. */
export async function postClaimingFirst(
  delivery: OnceDelivery,
  ready: Promise<unknown> = Promise.resolve(),
): Promise<Delivered> {
  const { claims, key } = delivery;
  const claimId = randomUUID();
  const [claimed, readiness] = await Promise.allSettled([
    wrote(claims, key, claimId, () => claims.create(key, newClaim(delivery, claimId))),
    ready,
  ]);
  if (readiness.status === 'rejected') {
    if (claimed.status === 'fulfilled' && claimed.value) {
      await recordClaim(delivery, true, { state: 'released', claimedAt: delivery.now().getTime(), claimId });
    }
    throw readiness.reason;
  }
  if (claimed.status === 'rejected') throw claimed.reason;
  return claimed.value ? postClaimed(delivery, claimId) : postUnlessFound(delivery);
}
