/** What the recording control shows under the company's policy (VIDEO_RECORDING). The server
 * enforces the policy; the panel only makes it visible, so the agent is not offered a button
 * that would be refused, and is told why. */
import type { RecordingPolicy } from '../shared/api';
import { inCall, type PanelState } from './panel-state';
import type { Problem } from './problems';

export interface RecordingControl {
  /** The room records (the indicator). */
  indicator: boolean;
  /** What pressing it does. */
  action: 'start' | 'stop';
  disabled: boolean;
  busy: boolean;
  /** Why it is disabled by policy, if it is. */
  policyNote: 'always' | 'off' | null;
  problem: Problem | null;
}

export function recordingControl(policy: RecordingPolicy, state: PanelState): RecordingControl {
  const request = state.recordingRequest;
  const on = request.answered ?? state.recording;
  // Under `always` stop is refused; under `off` start is, but a recording that is running
  // anyway (the policy changed during the call) can still be stopped.
  const policyNote = policy === 'always' ? 'always' : policy === 'off' && !on ? 'off' : null;
  return {
    indicator: inCall(state.phase) && state.recording,
    action: on ? 'stop' : 'start',
    disabled: policyNote !== null || request.busy || state.phase !== 'connected',
    busy: request.busy,
    policyNote,
    problem: request.problem,
  };
}
