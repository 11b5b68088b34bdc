import { randomUUID } from 'node:crypto';
import type { Twilio } from 'twilio';
import type { PostedMessage } from './messages';
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
  ) {}

  private documents() {
    return this.client.sync.v1.services(this.serviceSid).documents;
  }

  async read(key: string): Promise<{ record: R; revision: string } | undefined> {
    try {
      const document = await this.documents()(key).fetch();
      return { record: document.data as R, revision: document.revision };
    } catch (err) {
      if (twilioFailure(err)?.status === 404) return undefined;
      throw err;
    }
  }

  /** False when another caller's document already has this name. */
  async create(key: string, record: R): Promise<boolean> {
    try {
      await this.documents().create({ uniqueName: key, data: record, ttl: CLAIM_TTL_SECONDS });
      return true;
    } catch (err) {
      if (twilioFailure(err)?.status === 409) return false;
      throw err;
    }
  }

  /** Replaces the record only if nobody wrote it since `revision` was read (or at all, without one). */
  async replace(key: string, record: R, revision?: string): Promise<boolean> {
    try {
      await this.documents()(key).update({ data: record, ...(revision ? { ifMatch: revision } : {}) });
      return true;
    } catch (err) {
      const status = twilioFailure(err)?.status;
      if (status === 412 || status === 409) return false;
      throw err;
    }
  }
}

export type DeliveryOutcome = 'posted' | 'already-posted' | 'pending';

export interface OnceDelivery {
  claims: Claims;
  key: string;
  /** Looks for the thing in Twilio, where it would be if an earlier call posted it. */
  find: () => Promise<PostedMessage | undefined>;
  post: () => Promise<PostedMessage>;
  now: () => Date;
  /**
   * Set when a call that needs no claim may be posting (the room's creator): nobody else
   * claims until CLAIM_LEASE_MS after this moment unless that call released its right.
   */
  ownerStartedAt?: Date;
  /**
   * Set when every poster claims first (there is no owner) and the claim cannot have expired
   * yet: then no claim means nothing was posted, and the claim is tried before any read.
   */
  claimFirst?: boolean;
}

/** A create or If-Match write whose answer was lost is retried and then meets itself (409,
 * 412): reading the record back tells our own applied write from a lost race. */
async function wrote(claims: Claims, key: string, claimId: string, write: () => Promise<boolean>): Promise<boolean> {
  if (await write()) return true;
  return (await claims.read(key))?.record.claimId === claimId;
}

/** Whatever happened, tell later callers whether to look for the message or to post it. */
async function settle(delivery: OnceDelivery, claimId: string, holdsDocument: boolean, err: unknown): Promise<PostedMessage> {
  const { claims, key, find, now } = delivery;
  // Best effort: if this write fails too, the owner's head start or the claim's lease runs out.
  const record = (claim: ClaimRecord) =>
    (holdsDocument ? claims.replace(key, claim) : claims.create(key, claim)).catch(() => false);
  if (err instanceof OutcomeUnknownError) {
    const found = await find().catch(() => undefined);
    if (found) {
      await record({ state: 'done', claimedAt: now().getTime(), claimId, messageSid: found.sid });
      return found;
    }
  }
  await record({ state: 'released', claimedAt: now().getTime(), claimId });
  throw err;
}

/** The owner's path: one request when all goes well, no claim written. */
export async function postAsOwner(delivery: OnceDelivery): Promise<{ message: PostedMessage; outcome: DeliveryOutcome }> {
  try {
    return { message: await delivery.post(), outcome: 'posted' };
  } catch (err) {
    return { message: await settle(delivery, randomUUID(), false, err), outcome: 'posted' };
  }
}

/** Everyone else: reuse what is there, else take the claim and post, else leave it to the
 * caller that holds the claim ('pending'). */
export async function postOnce(delivery: OnceDelivery): Promise<{ message?: PostedMessage; outcome: DeliveryOutcome }> {
  const { claims, key, find, post, now, ownerStartedAt } = delivery;
  const claimId = randomUUID();
  const claim: ClaimRecord = { state: 'claimed', claimedAt: now().getTime(), claimId };
  let won = delivery.claimFirst === true && (await wrote(claims, key, claimId, () => claims.create(key, claim)));
  if (!won) {
    const [found, current] = await Promise.all([find(), claims.read(key)]);
    if (found) return { message: found, outcome: 'already-posted' };
    if (current?.record.state === 'done' && current.record.messageSid) {
      return { message: { sid: current.record.messageSid }, outcome: 'already-posted' };
    }
    if (!current) {
      const ownerMayBePosting = ownerStartedAt && now().getTime() - ownerStartedAt.getTime() < CLAIM_LEASE_MS;
      won = !ownerMayBePosting && (await wrote(claims, key, claimId, () => claims.create(key, claim)));
    } else {
      const stale = current.record.state === 'released' || now().getTime() - current.record.claimedAt > CLAIM_LEASE_MS;
      won = stale && (await wrote(claims, key, claimId, () => claims.replace(key, claim, current.revision)));
    }
  }
  if (!won) return { outcome: 'pending' };
  let message: PostedMessage;
  try {
    message = await post();
  } catch (err) {
    return { message: await settle(delivery, claimId, true, err), outcome: 'posted' };
  }
  await claims.replace(key, { state: 'done', claimedAt: now().getTime(), claimId, messageSid: message.sid }).catch(() => false);
  return { message, outcome: 'posted' };
}
