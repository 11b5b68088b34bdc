/** The SDK's room events as both pages read them: one place wires them, each page says only what
 * an event means to it. Data tracks carry nothing to play (the pages publish none; another client
 * might), so only media tracks are handed over. The SDK restores a lost connection by itself
 * (`reconnecting` → `reconnected`); when it gives up, `disconnected` carries its code. */
import { SCREEN_TRACK_NAME, type RemoteMediaTrack, type RemoteParticipant, type Room } from './sdk';

export interface RoomEvents {
  participantConnected(participant: RemoteParticipant): void;
  participantDisconnected(participant: RemoteParticipant): void;
  trackSubscribed(track: RemoteMediaTrack, participant: RemoteParticipant): void;
  trackUnsubscribed(track: RemoteMediaTrack): void;
  /** A participant's microphone or camera was published, unpublished, disabled or enabled: read
   * what it now sends with `remoteMedia`. */
  mediaChanged(participant: RemoteParticipant): void;
  reconnecting(): void;
  reconnected(): void;
  recordingChanged(recording: boolean): void;
  localNetworkLevel(level: number | null): void;
  /** `errorCode`: the SDK's TwilioError code, null when none was given (as for a REST removal). */
  disconnected(errorCode: number | null): void;
}

export function followRoom(room: Room, events: RoomEvents): void {
  room.on('participantConnected', (participant) => events.participantConnected(participant));
  room.on('participantDisconnected', (participant) => events.participantDisconnected(participant));
  room.on('trackSubscribed', (track, _publication, participant) => {
    if (track.kind !== 'data') events.trackSubscribed(track, participant);
  });
  room.on('trackUnsubscribed', (track) => {
    if (track.kind !== 'data') events.trackUnsubscribed(track);
  });
  for (const change of ['trackPublished', 'trackUnpublished', 'trackDisabled', 'trackEnabled'] as const)
    room.on(change, (_publication, participant) => events.mediaChanged(participant));
  room.on('reconnecting', () => events.reconnecting());
  room.on('reconnected', () => events.reconnected());
  room.on('recordingStarted', () => events.recordingChanged(true));
  room.on('recordingStopped', () => events.recordingChanged(false));
  room.localParticipant.on('networkQualityLevelChanged', (level) => events.localNetworkLevel(level));
  room.on('disconnected', (_room, error) => events.disconnected(error?.code ?? null));
}

/** The media tracks the SDK has already subscribed to for the participants in the room when it
 * connected: the others arrive later as `trackSubscribed` (a publication's track is null until
 * then). */
export function presentTracks(room: Room): { track: RemoteMediaTrack; participant: RemoteParticipant }[] {
  const tracks: { track: RemoteMediaTrack; participant: RemoteParticipant }[] = [];
  for (const participant of room.participants.values()) {
    for (const publication of participant.tracks.values()) {
      const track = publication.track;
      if (track && track.kind !== 'data') tracks.push({ track, participant });
    }
  }
  return tracks;
}

/** Whether a participant's microphone and camera reach the others: published and not disabled
 * (a muted microphone is disabled; a camera turned off is unpublished or disabled). A screen
 * share is not their camera. */
export function remoteMedia(participant: RemoteParticipant): { mic: boolean; camera: boolean } {
  const sends = (kind: 'audio' | 'video') =>
    [...participant.tracks.values()].some(
      (p) => p.kind === kind && p.isTrackEnabled && p.trackName !== SCREEN_TRACK_NAME,
    );
  return { mic: sends('audio'), camera: sends('video') };
}
