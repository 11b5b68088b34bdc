/** VIDEO_TRANSCRIPTION: what the company allows (README, "Transcription"). */
export type TranscriptionPolicy = 'off' | 'on-demand' | 'always';
/** VIDEO_TRANSCRIPT_DESTINATION: where the final results go once transcription stops. */
export type TranscriptDestination = 'conversation' | 'none';

export interface TranscriptionSettings {
  policy: TranscriptionPolicy;
  /** VIDEO_TRANSCRIPTION_LANGUAGE, a BCP-47 tag such as `en-US`: the language spoken in the call. */
  language: string;
  destination: TranscriptDestination;
}
