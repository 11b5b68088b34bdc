import type { Twilio } from 'twilio';
import { AppError } from './errors';
import { twilioFailure } from './twilio-errors';

/**
 * The once-only guards and the link revocations decide what the bundle does, so they live in a
 * Sync service of the bundle's own with ACLs on: a Flex user's token (which can write the
 * account's default service, whose ACLs are off) cannot touch it, while the bundle's REST
 * credentials can. `npm run setup` makes it; the bundle refuses any other.
 */
export const SYNC_SERVICE_FRIENDLY_NAME = 'flex-video-escalation guards';
export const SETUP_COMMAND = 'npm run setup';

const misconfigured = (problem: string) =>
  new AppError(
    'misconfigured',
    `The service is misconfigured: TWILIO_SYNC_SERVICE_SID ${problem}; run \`${SETUP_COMMAND}\` and set the SID it prints.`,
  );

/** Refuses, before any Twilio request, what can never be the bundle's own service. */
export function checkSyncServiceSid(sid: string | undefined): string {
  if (sid === undefined) throw misconfigured('is not set');
  if (sid === 'default')
    throw misconfigured("is `default`, the account's default service, which Flex users can write");
  if (!/^IS[0-9a-f]{32}$/.test(sid)) throw misconfigured('is not in the expected format');
  return sid;
}

/** One check per Function instance (a cold start) and service. Only a passed check is kept: it
 * is a cache of what Twilio says, and a service fixed by `npm run setup` is seen on the next
 * request, not the next cold start. Nothing depends on the cache being there. */
const passed = new Map<string, Promise<void>>();

async function fetchAndCheck(client: Twilio, sid: string): Promise<void> {
  let aclEnabled: boolean;
  try {
    aclEnabled = (await client.sync.v1.services(sid).fetch()).aclEnabled;
  } catch (err) {
    if (twilioFailure(err)?.status === 404) throw misconfigured('names no Sync service of this account');
    throw err;
  }
  if (!aclEnabled) throw misconfigured('names a Sync service whose ACLs are off, which Flex users can write');
}

/** Resolves once Twilio has said the service has its ACLs on; rejects with `misconfigured` otherwise. */
export function assertGuardedSyncService(client: Twilio, sid: string): Promise<void> {
  let check = passed.get(sid);
  if (!check) {
    check = fetchAndCheck(client, sid);
    passed.set(sid, check);
    check.catch(() => passed.delete(sid));
  }
  return check;
}

export type SetupOutcome = 'created' | 'found' | 'acl-enabled';

/** `npm run setup`: finds the bundle's service by its friendly name or creates it, with ACLs on.
 * Run it again and it finds the same service; one found with ACLs off gets them turned on. */
export async function ensureGuardedSyncService(
  client: Twilio,
  friendlyName = SYNC_SERVICE_FRIENDLY_NAME,
): Promise<{ sid: string; outcome: SetupOutcome }> {
  const existing = (await client.sync.v1.services.list()).find((s) => s.friendlyName === friendlyName);
  if (!existing) {
    const created = await client.sync.v1.services.create({ friendlyName, aclEnabled: true });
    return { sid: created.sid, outcome: 'created' };
  }
  if (existing.aclEnabled) return { sid: existing.sid, outcome: 'found' };
  await client.sync.v1.services(existing.sid).update({ aclEnabled: true });
  return { sid: existing.sid, outcome: 'acl-enabled' };
}
