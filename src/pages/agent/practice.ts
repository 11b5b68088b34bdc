/** A practice call through the panel's own session (session.ts): the same calls and screens as a
 * real call, over /video/practice instead of the task's endpoints. Starting makes the practice
 * room; rejoining asks for a fresh token for it; ending ends it. What a practice room has no part
 * in (recording under the company's call policy, transcription, pictures for the chat, removing someone by their link, a new link in a
 * chat) is refused here, as the service would refuse it for a room without a task. */
import type { SnapshotPolicy } from '../../contract';
import type { AgentApi, AgentFailure, AgentResult, PracticeCall, TranscriptionPolicy } from '../shared/api';

/** A practice room is never transcribed: its session neither asks nor tells the trainer's page
 * that it is, whatever VIDEO_TRANSCRIPTION says of real calls (and keeps no transcript). */
export const PRACTICE_TRANSCRIPTION = { policy: 'off', kept: false } as const;

const refused = <T>(code: string, status: number): Promise<AgentResult<T>> =>
  Promise.resolve({ ok: false, failure: { status, code, retryAfterSeconds: null } satisfies AgentFailure });

export function practiceApi(api: AgentApi, onStarted: (call: PracticeCall) => void): AgentApi {
  let roomSid: string | null = null;
  return {
    escalate: async (resend) => {
      if (resend) return refused('forbidden', 403);
      const started = await api.practiceStart();
      if (!started.ok) return started;
      roomSid = started.value.roomSid;
      onStarted(started.value);
      const { joinUrl, agent } = started.value;
      return { ok: true, value: { roomSid, joinUrl, created: true, inviteStatus: 'posted', agent } };
    },
    agentCall: async () => {
      if (!roomSid) return { ok: true, value: { call: null } };
      const grant = await api.practiceToken(roomSid);
      return grant.ok ? { ok: true, value: { call: grant.value } } : grant;
    },
    agentToken: () => (roomSid ? api.practiceToken(roomSid) : refused('no_room', 404)),
    recording: () => refused('recording_disabled', 403),
    // A practice room has no conversation to disclose transcription in or keep a transcript.
    transcription: () => refused('transcription_disabled', 403),
    transcript: () => refused('transcription_disabled', 403),
    snapshotRequest: () => refused('snapshots_disabled', 403),
    complete: () =>
      roomSid ? api.practiceEnd(roomSid) : Promise.resolve({ ok: true, value: { roomSid: null } }),
    removeParticipant: () => refused('forbidden', 403),
    preflightToken: () => api.preflightToken(),
    readiness: (report) => api.readiness(report),
    practiceStart: () => api.practiceStart(),
    practiceToken: (sid) => api.practiceToken(sid),
    practiceEnd: (sid) => api.practiceEnd(sid),
  };
}

/** Which of the call's switches the panel offers: none that a practice room has no part in, so
 * that the agent is not offered what practiceApi refuses (a practice room records only under
 * VIDEO_PRACTICE_RECORDING, never at the agent's say; it has no transcription, so no captions
 * either, and no chat for a picture). Otherwise each as the company's policy has it. */
export function callSwitches(
  policies: { transcription: TranscriptionPolicy; snapshots: SnapshotPolicy },
  practice: boolean,
): { recording: boolean; transcription: boolean; snapshots: boolean } {
  return {
    recording: !practice,
    transcription: !practice && policies.transcription !== 'off',
    snapshots: !practice && policies.snapshots !== 'off',
  };
}
