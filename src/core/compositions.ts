import { CALLBACK_PATHS, callbackUrl } from '../contract';
import type { Twilio } from 'twilio';
import type { CompositionListInstanceCreateOptions } from 'twilio/lib/rest/video/v1/composition';
import { ClaimStore, DeliveryOutcome, postClaimingFirst } from './once';

/** One composition per ended room that has recordings: every video track in a grid, every audio
 * track mixed, as an mp4. Twilio's own status callbacks report its progress. */

export interface CompositionDeps {
  twilio: Twilio;
  syncServiceSid: string;
  publicBaseUrl: string;
  now: () => Date;
}

export type CompositionOutcome = DeliveryOutcome | 'no-recordings';

export const compositionClaimKey = (roomSid: string) => `video-composition-${roomSid}`;

export function compositionRequest(
  roomSid: string,
  publicBaseUrl: string,
): CompositionListInstanceCreateOptions {
  return {
    roomSid,
    audioSources: ['*'],
    videoLayout: { grid: { video_sources: ['*'] } },
    format: 'mp4',
    statusCallback: callbackUrl(publicBaseUrl, CALLBACK_PATHS.compositionStatus),
    statusCallbackMethod: 'POST',
  };
}

/** Failed and deleted recordings have no media to compose. */
const USABLE_RECORDING_STATUSES = ['processing', 'completed'];

async function hasUsableRecordings(client: Twilio, roomSid: string): Promise<boolean> {
  const recordings = await client.video.v1.rooms(roomSid).recordings.list({ limit: 50, pageSize: 50 });
  return recordings.some((recording) => USABLE_RECORDING_STATUSES.includes(recording.status));
}

async function findComposition(client: Twilio, roomSid: string): Promise<{ sid: string } | undefined> {
  const [composition] = await client.video.v1.compositions.list({ roomSid, limit: 1, pageSize: 1 });
  return composition ? { sid: composition.sid } : undefined;
}

/**
 * Requests the room's composition unless it was requested already. A composition create is
 * not idempotent (the client never retries it), so it goes through the same once-only claim as
 * the bundle's notices: a duplicate `room-ended` finds the composition, or the claim, and stops.
 */
export async function composeRoomOnce(deps: CompositionDeps, roomSid: string): Promise<CompositionOutcome> {
  if (!(await hasUsableRecordings(deps.twilio, roomSid))) return 'no-recordings';
  // Called as the room ends, and every composer claims: no claim yet means no composition yet.
  const { outcome } = await postClaimingFirst({
    claims: new ClaimStore(deps.twilio, deps.syncServiceSid),
    key: compositionClaimKey(roomSid),
    find: () => findComposition(deps.twilio, roomSid),
    post: async () => ({
      sid: (await deps.twilio.video.v1.compositions.create(compositionRequest(roomSid, deps.publicBaseUrl)))
        .sid,
    }),
    now: deps.now,
  });
  return outcome;
}

/** What a composition status callback reports. Twilio keeps the composition's status, which
 * /video/recordings reads; a failure is also logged for the operator. */
export interface CompositionEvent {
  compositionSid: string;
  roomSid?: string;
  event: string;
  reason?: string;
}

export function noteCompositionEvent(event: CompositionEvent): 'logged' | 'ignored' {
  if (event.event !== 'composition-failed') return 'ignored';
  console.error(
    `composition failed: room ${event.roomSid ?? 'unknown'}, composition ${event.compositionSid}: ${event.reason ?? 'no reason given'}`,
  );
  return 'logged';
}
