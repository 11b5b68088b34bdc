/** The agent in the task's room: connects with the panel's tracks and turns the SDK's room
 * events (shared/room-events.ts) into panel events and remote tracks for the view; when the SDK
 * gives up a lost connection, `onDisconnected` decides. */
import type { AgentGrant } from '../shared/api';
import { heardFrom, type Heard } from '../shared/captions';
import { assistTrack, openAssistChannel, type AssistChannel } from '../shared/assist-channel';
import { followRoom, presentTracks, remoteMedia } from '../shared/room-events';
import type { RemoteMediaTrack, RemoteParticipant, Room, VideoSdk } from '../shared/sdk';
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
  /** A transcription result (only when connected with `receiveTranscriptions`). */
  heard(heard: Heard): void;
  /** The call's assist channel (issue 21), open from connect on. */
  onAssist(channel: AssistChannel): void;
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
  receiveTranscriptions: boolean,
): Promise<RoomLink> {
  const connectedWith = media.sdkTracks(sdk);
  const assist = assistTrack(sdk);
  const room = await sdk.connect(grant.token, {
    name: grant.roomName,
    tracks: [...connectedWith, assist],
    // Remote levels too: the agent sees the customer's network as well as their own.
    networkQuality: { local: 1, remote: 1 },
    receiveTranscriptions,
  });
  const local = room.localParticipant;
  let leaving = false;
  const stopFollowingTracks = media.publishTo(local, connectedWith);
  handlers.onAssist(openAssistChannel(sdk, room, assist));

  const followMic = (participant: RemoteParticipant) =>
    handlers.dispatch({ type: 'remoteMic', sid: participant.sid, on: remoteMedia(participant).mic });
  const follow = (participant: RemoteParticipant) => {
    participant.on('networkQualityLevelChanged', (level) =>
      handlers.dispatch({ type: 'networkLevel', sid: participant.sid, level }),
    );
  };

  followRoom(room, {
    participantConnected(participant) {
      follow(participant);
      handlers.dispatch({ type: 'participantConnected', member: member(participant) });
      followMic(participant);
    },
    participantDisconnected: (participant) =>
      handlers.dispatch({ type: 'participantDisconnected', member: member(participant) }),
    trackSubscribed: (track, participant) => handlers.addTrack(track, member(participant)),
    trackUnsubscribed: (track) => handlers.removeTrack(track),
    mediaChanged: followMic,
    reconnecting: () => handlers.dispatch({ type: 'reconnecting' }),
    reconnected: () => handlers.dispatch({ type: 'reconnected' }),
    recordingChanged: (recording) => handlers.dispatch({ type: 'recordingChanged', recording }),
    localNetworkLevel: (level) => handlers.dispatch({ type: 'networkLevel', sid: local.sid, level }),
    disconnected(errorCode) {
      stopFollowingTracks();
      if (!leaving) handlers.onDisconnected(errorCode);
    },
  });

  room.on('transcription', (event) => {
    const identityOf = (sid: string) =>
      sid === local.sid ? local.identity : room.participants.get(sid)?.identity;
    const heard = heardFrom(event, identityOf);
    if (heard) handlers.heard(heard);
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
  for (const participant of present)
    handlers.dispatch({ type: 'networkLevel', sid: participant.sid, level: participant.networkQualityLevel });
  present.forEach(followMic);
  for (const present of presentTracks(room)) handlers.addTrack(present.track, member(present.participant));

  return {
    room,
    leave() {
      leaving = true;
      stopFollowingTracks();
      room.disconnect();
    },
  };
}
