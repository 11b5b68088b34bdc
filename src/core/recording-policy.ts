/** VIDEO_RECORDING: what the company allows (API.md). */
export type RecordingPolicy = 'on-demand' | 'always' | 'off';
