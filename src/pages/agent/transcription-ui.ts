/** What the transcription control shows under the company's policy (VIDEO_TRANSCRIPTION), as
 * the recording control does (recording-ui.ts): absent under `off`, shown on and not stoppable
 * under `always`, start / stop under `on-demand`. The server enforces the policy. */
import type { TranscriptionPolicy } from '../shared/api';
import { inCall, type PanelState } from './panel-state';
import type { Problem } from './problems';

export interface TranscriptionControl {
  shown: boolean;
  /** The room is transcribed (as far as the panel knows: the service's last answer). */
  on: boolean;
  action: 'start' | 'stop';
  disabled: boolean;
  busy: boolean;
  /** Why it cannot be pressed by policy, if so. */
  policyNote: 'always' | null;
  problem: Problem | null;
}

export function transcriptionControl(policy: TranscriptionPolicy, state: PanelState): TranscriptionControl {
  const request = state.transcription;
  const on = inCall(state.phase) && (policy === 'always' || request.on);
  const policyNote = policy === 'always' ? 'always' : null;
  return {
    shown: policy !== 'off',
    on,
    action: on ? 'stop' : 'start',
    disabled: policyNote !== null || request.busy || state.phase !== 'connected',
    busy: request.busy,
    policyNote,
    problem: request.problem,
  };
}
