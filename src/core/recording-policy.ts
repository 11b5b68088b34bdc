/** VIDEO_RECORDING: what the company allows (README, "Recording"). */
export type RecordingPolicy = 'on-demand' | 'always' | 'off';
