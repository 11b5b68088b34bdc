import type { InviteKeys } from './invites';

/** VIDEO_PRACTICE_RECORDING: practice calls have their own recording policy, `off` unless the
 * company records rehearsals on purpose (`always`: every practice room from its start). */
export const PRACTICE_RECORDING_POLICIES = ['off', 'always'] as const;
export type PracticeRecordingPolicy = (typeof PRACTICE_RECORDING_POLICIES)[number];

export interface PracticeSettings {
  recording: PracticeRecordingPolicy;
  /** The keys of practice links: derived apart from the task links' keys. */
  inviteKeys: InviteKeys;
}
