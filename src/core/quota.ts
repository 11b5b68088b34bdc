import type { Twilio } from 'twilio';
import { AppError } from './errors';
import { ClaimStore } from './once';

/** When an agent's recent uses of something counted were (epoch ms), newest last. */
interface RecentUses {
  issuedAt: number[];
}

export interface WindowQuota {
  /** The Sync document's name: one per agent and kind of use. */
  key: string;
  limit: number;
  windowMs: number;
  /** The 429's message, naming what is limited. */
  refusal: string;
}

const MAX_ROUNDS = 3;

/**
 * Counts one use against the agent's window, or refuses it with `429 rate_limited` and the
 * seconds until the oldest one leaves the window. The count lives in Twilio, not in memory
 * (every Function call may run in a new process): a read and an If-Match write, so concurrent
 * requests never both take the last place. The document lapses two windows after its last write.
 */
export async function takeWindowQuota(
  client: Twilio,
  syncServiceSid: string,
  quota: WindowQuota,
  now: number,
): Promise<void> {
  const store = new ClaimStore<RecentUses>(client, syncServiceSid, (2 * quota.windowMs) / 1000);
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const current = await store.read(quota.key);
    const stored: unknown = current?.record.issuedAt;
    const recent = (Array.isArray(stored) ? stored : []).filter(
      (at): at is number => typeof at === 'number' && at > now - quota.windowMs && at <= now,
    );
    if (recent.length >= quota.limit) {
      const oldest = Math.min(...recent);
      throw new AppError(
        'rate_limited',
        quota.refusal,
        Math.max(1, Math.ceil((oldest + quota.windowMs - now) / 1000)),
      );
    }
    const next = { issuedAt: [...recent, now] };
    if (
      current ? await store.replace(quota.key, next, current.revision) : await store.create(quota.key, next)
    )
      return;
  }
  throw new AppError('upstream_unavailable', 'Too many requests at once; try again.', 1);
}
