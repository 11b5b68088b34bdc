/** Compile-time only (tsc; never bundled): twilio-video's own declarations (its tsdef/) must
 * satisfy the subset sdk.ts declares by hand, so an SDK upgrade that changes anything the pages
 * use fails `tsc` (npm run build) instead of a call. */
import type * as TwilioVideo from 'twilio-video';
import type { Room as SdkRoom } from 'twilio-video';
import type { PreflightTest, Room, VideoSdkWithPreflight } from './sdk';

type Satisfies<Actual extends Expected, Expected> = [Actual, Expected];

export type SdkSatisfiesSdkTs = [
  Satisfies<typeof TwilioVideo, VideoSdkWithPreflight>,
  Satisfies<SdkRoom, Room>,
  Satisfies<ReturnType<typeof TwilioVideo.runPreflight>, PreflightTest>,
];
