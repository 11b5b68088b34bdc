// `npm run setup`: the Sync service that holds the bundle's guards and revocations, found by its
// friendly name or created, with ACLs on (README, "Security model"). Prints the SID to set as
// TWILIO_SYNC_SERVICE_SID. Credentials come from the environment or .env, as for the bundle.
import { existsSync } from 'node:fs';
import { ensureGuardedSyncService, SYNC_SERVICE_FRIENDLY_NAME } from '../src/core/sync-service';
import { createTwilioClient, Deadline } from '../src/platform/twilio-client';

/** Listing an account's services pages through them: allow for a large account. */
const SETUP_BUDGET_MS = 60_000;

async function main(): Promise<void> {
  if (existsSync('.env')) process.loadEnvFile('.env');
  const { ACCOUNT_SID: accountSid, AUTH_TOKEN: authToken, TWILIO_API_BASE_URL: apiBaseUrl } = process.env;
  if (!accountSid || !authToken) {
    console.error(
      'Set ACCOUNT_SID and AUTH_TOKEN (in .env or the environment), then run `npm run setup` again.',
    );
    process.exitCode = 1;
    return;
  }
  const client = createTwilioClient({
    accountSid,
    authToken,
    apiBaseUrl,
    deadline: new Deadline(SETUP_BUDGET_MS),
  });
  const { sid, outcome } = await ensureGuardedSyncService(client);
  const said = {
    created: 'created',
    found: 'found (ACLs already on)',
    'acl-enabled': 'found with ACLs off: turned them on',
  }[outcome];
  console.log(`Sync service "${SYNC_SERVICE_FRIENDLY_NAME}" ${said}: ${sid}`);
  console.log(`Set it in the service's environment:\nTWILIO_SYNC_SERVICE_SID=${sid}`);
}

main().catch((err: unknown) => {
  console.error(`setup failed: ${err instanceof Error ? err.message : String(err)}`);
  process.exitCode = 1;
});
