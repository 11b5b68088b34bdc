/** The Video SDK's side of the local tracks: from Join on, each camera or microphone track that
 * LocalMedia (media.ts) holds is wrapped once in the SDK's LocalTrack, and a room's publications
 * follow every replacement. LocalMedia decides which tracks exist; this module only mirrors them
 * into the room. */
import type { LocalParticipant, LocalTrack, LocalTrackClasses } from './sdk';

/** twilio-video 2.36's LocalMediaTrack step that swaps its MediaStreamTrack in every sender. */
interface ReplaceableTrack {
  _setMediaStreamTrack(track: MediaStreamTrack): Promise<void>;
}

/** Hears every replacement of a track handed to the SDK (null: none), so the call can unpublish
 * the old one and publish the new one. */
export type PublishedTrackListener = (previous: LocalTrack | null, next: LocalTrack | null) => void;

/** The SDK's wrapper of each local track handed over, made once per track. */
export class SdkTrackWrappers {
  /** Set at Join. */
  private sdk: LocalTrackClasses | null = null;
  private readonly wrappers = new Map<MediaStreamTrack, LocalTrack>();
  private readonly listeners = new Set<PublishedTrackListener>();

  use(sdk: LocalTrackClasses): void {
    this.sdk = sdk;
  }

  /** The wrapper of `track`, made now if it has none yet; null before Join. */
  wrap(track: MediaStreamTrack | null): LocalTrack | null {
    if (!track || !this.sdk) return null;
    let wrapper = this.wrappers.get(track);
    if (!wrapper) {
      wrapper =
        track.kind === 'audio' ? new this.sdk.LocalAudioTrack(track) : new this.sdk.LocalVideoTrack(track);
      this.wrappers.set(track, wrapper);
    }
    return wrapper;
  }

  /** The wrapper `track` already has, without making one. */
  existing(track: MediaStreamTrack): LocalTrack | undefined {
    return this.wrappers.get(track);
  }

  /** Tells the listeners that `previous` gave way to `next` (after Join only), before the caller
   * stops `previous`, so the call unpublishes a track that is still live. */
  replaced(previous: MediaStreamTrack | null, next: MediaStreamTrack | null): void {
    if (!this.sdk) return;
    const before = previous ? (this.wrappers.get(previous) ?? null) : null;
    const after = this.wrap(next);
    for (const listener of this.listeners) listener(before, after);
  }

  /** Moves `previous`'s wrapper onto `next` through the SDK's own replace step (the one its
   * restart() runs: the RTCRtpSender's replaceTrack), so the room keeps the same published track
   * and the other side sees no gap and no republish. restart() itself refuses tracks the page
   * acquired, hence the private name; twilio-video is pinned exactly and visual-assist.test.ts
   * checks the SID stays. False (nothing done) before Join, or where the SDK lacks the step: the
   * caller then replaces the track as any other. */
  async carry(previous: MediaStreamTrack, next: MediaStreamTrack): Promise<boolean> {
    const wrapper: (LocalTrack & Partial<ReplaceableTrack>) | undefined = this.wrappers.get(previous);
    if (!wrapper || typeof wrapper._setMediaStreamTrack !== 'function') return false;
    this.wrappers.delete(previous);
    this.wrappers.set(next, wrapper);
    await wrapper._setMediaStreamTrack(next);
    return true;
  }

  /** Stops `track`, through its wrapper when it has one (the SDK then lets the room know). */
  release(track: MediaStreamTrack): void {
    const wrapper = this.wrappers.get(track);
    this.wrappers.delete(track);
    if (wrapper) wrapper.stop();
    else track.stop();
  }

  onReplaced(listener: PublishedTrackListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}

/** What keepPublished needs of LocalMedia. */
export interface PublishableMedia {
  /** The tracks wanted now, as the SDK's LocalTracks. */
  wrappedTracks(): LocalTrack[];
  onPublishedTrackChange(listener: PublishedTrackListener): () => void;
  setCameraOn(on: boolean): unknown;
  setMicOn(on: boolean): void;
}

/** Keeps what `participant` publishes in step with `media`'s tracks once connect() was given
 * `connectedWith`: first what changed while it connected, then every replacement. A track the
 * room refuses would reach no one, so it is shown as off rather than live. A refusal of a track
 * that was replaced meanwhile says nothing about the new one: the SDK rejects a pending publish
 * when its track is unpublished first. Returns the function that stops following. */
export function keepPublished(
  media: PublishableMedia,
  participant: Pick<LocalParticipant, 'publishTrack' | 'unpublishTrack'>,
  connectedWith: LocalTrack[],
): () => void {
  const publish = (track: LocalTrack) => {
    participant.publishTrack(track).catch(() => {
      if (!media.wrappedTracks().includes(track)) return;
      if (track.kind === 'video') void media.setCameraOn(false);
      else media.setMicOn(false);
    });
  };
  const current = media.wrappedTracks();
  for (const track of connectedWith) if (!current.includes(track)) participant.unpublishTrack(track);
  for (const track of current) if (!connectedWith.includes(track)) publish(track);
  return media.onPublishedTrackChange((previous, next) => {
    if (previous) participant.unpublishTrack(previous);
    if (next) publish(next);
  });
}
