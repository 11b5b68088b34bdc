/** The agent in the task's room: connects with the panel's tracks and turns the SDK's room
 * events into panel events and remote tracks for the view. The SDK restores a lost connection
 * by itself (`reconnecting` → `reconnected`); when it gives up, `onDisconnected` decides. */
import type { AgentGrant } from '../shared/api';
import type { RemoteMediaTrack, RemoteParticipant, RemoteTrack, Room, VideoSdk } from '../shared/sdk';
import type { PanelMedia } from './media';
import type { Member, PanelEvent } from './panel-state';

/** Where remote media goes: the view plays it. */
export interface TrackSink {
  addTrack(track: RemoteMediaTrack, participant: Member): void;
  removeTrack(track: RemoteMediaTrack): void;
}

export interface RoomHandlers extends TrackSink {
  dispatch(event: PanelEvent): void;
  /** The room is gone: `errorCode` is the SDK's TwilioError code, null when none was given. */
  onDisconnected(errorCode: number | null): void;
}

export interface RoomLink {
  readonly room: Room;
  /** Leaves without ending the room; no onDisconnected follows. */
  leave(): void;
}

const member = (participant: { sid: string; identity: string }): Member => ({
  sid: participant.sid,
  identity: participant.identity,
});

export async function joinRoom(
  sdk: VideoSdk,
  grant: AgentGrant,
  media: PanelMedia,
  handlers: RoomHandlers,
): Promise<RoomLink> {
  const connectedWith = media.sdkTracks(sdk);
  const room = await sdk.connect(grant.token, {
    name: grant.roomName,
    tracks: connectedWith,
    // Remote levels too: the agent sees the customer's network as well as their own.
    networkQuality: { local: 1, remote: 1 },
  });
  const local = room.localParticipant;
  let leaving = false;
  const stopFollowingTracks = media.publishTo(local, connectedWith);

  const follow = (participant: RemoteParticipant) => {
    participant.on('networkQualityLevelChanged', (level) =>
      handlers.dispatch({ type: 'networkLevel', sid: participant.sid, level }),
    );
  };

  room.on('participantConnected', (participant) => {
    follow(participant);
    handlers.dispatch({ type: 'participantConnected', member: member(participant) });
  });
  room.on('participantDisconnected', (participant) =>
    handlers.dispatch({ type: 'participantDisconnected', member: member(participant) }),
  );
  // Data tracks carry no media to play (the pages publish none; another client might).
  const show = (track: RemoteTrack, participant: RemoteParticipant) => {
    if (track.kind !== 'data') handlers.addTrack(track, member(participant));
  };
  room.on('trackSubscribed', (track, _publication, participant) => show(track, participant));
  room.on('trackUnsubscribed', (track) => {
    if (track.kind !== 'data') handlers.removeTrack(track);
  });
  room.on('reconnecting', () => handlers.dispatch({ type: 'reconnecting' }));
  room.on('reconnected', () => handlers.dispatch({ type: 'reconnected' }));
  room.on('recordingStarted', () => handlers.dispatch({ type: 'recordingChanged', recording: true }));
  room.on('recordingStopped', () => handlers.dispatch({ type: 'recordingChanged', recording: false }));
  local.on('networkQualityLevelChanged', (level) =>
    handlers.dispatch({ type: 'networkLevel', sid: local.sid, level }),
  );
  room.on('disconnected', (_room, error) => {
    stopFollowingTracks();
    if (!leaving) handlers.onDisconnected(error?.code ?? null);
  });

  const present = [...room.participants.values()];
  present.forEach(follow);
  handlers.dispatch({
    type: 'connected',
    roomSid: grant.roomSid,
    self: member(local),
    others: present.map(member),
    recording: room.isRecording,
  });
  handlers.dispatch({ type: 'networkLevel', sid: local.sid, level: local.networkQualityLevel });
  for (const participant of present) {
    handlers.dispatch({ type: 'networkLevel', sid: participant.sid, level: participant.networkQualityLevel });
    for (const publication of participant.tracks.values()) {
      if (publication.track) show(publication.track, participant);
    }
  }

  return {
    room,
    leave() {
      leaving = true;
      stopFollowingTracks();
      room.disconnect();
    },
  };
}
