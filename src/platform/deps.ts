import type { EscalationDeps } from '../core/escalation';
import type { Invocation } from './http';

/** The core's view of one invocation. */
export function escalationDeps({ config, twilio, now }: Invocation): EscalationDeps {
  return {
    twilio,
    signer: { accountSid: config.accountSid, apiKey: config.apiKey, apiSecret: config.apiSecret },
    inviteKey: config.inviteKey,
    inviteTtlSeconds: config.inviteTtlSeconds,
    publicBaseUrl: config.publicBaseUrl,
    syncServiceSid: config.syncServiceSid,
    recordingPolicy: config.recordingPolicy,
    notices: config.notices,
    now,
  };
}
