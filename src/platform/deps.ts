import type { EscalationDeps } from '../core/escalation';
import type { PracticeDeps } from '../core/practice';
import type { RoomEventDeps } from '../core/room-events';
import type { Invocation } from './http';

/** The core's view of one invocation. */
export function escalationDeps({ config, twilio, now }: Invocation): EscalationDeps {
  return {
    twilio,
    signer: { accountSid: config.accountSid, apiKey: config.apiKey, apiSecret: config.apiSecret },
    inviteKeys: config.inviteKeys,
    agentIdentityKey: config.agentIdentityKey,
    inviteTtlSeconds: config.inviteTtlSeconds,
    publicBaseUrl: config.publicBaseUrl,
    syncServiceSid: config.syncServiceSid,
    recordingPolicy: config.recordingPolicy,
    transcription: config.transcription,
    notices: config.notices,
    snapshots: config.snapshots,
    now,
  };
}

/** Room status callbacks also find tasks and may compose. */
export function roomEventDeps(invocation: Invocation): RoomEventDeps {
  return {
    ...practiceDeps(invocation),
    workspaceSid: invocation.config.workspaceSid,
    compose: invocation.config.compose,
  };
}

/** Practice calls and the join page's links also need the practice settings. */
export function practiceDeps(invocation: Invocation): PracticeDeps {
  return { ...escalationDeps(invocation), practice: invocation.config.practice };
}
