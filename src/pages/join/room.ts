/** Joins the room and turns the SDK's room events into CallState changes for the view. The SDK
 * reconnects by itself (`reconnecting` → `reconnected` or `disconnected`); this only reports it. */
import type { JoinGrant } from '../shared/api';
import { initialCallState, isAgent, reduceCall, type CallEvent, type CallState } from './call-state';
import type { LocalMedia } from '../shared/media';
import type { Strings } from '../shared/strings';
import { assistTrack } from '../shared/assist-channel';
import { loadAssist } from './assist-script';
import {
  SCREEN_TRACK_NAME,
  type RemoteMediaTrack,
  type RemoteParticipant,
  type TranscriptionEvent,
  type VideoSdk,
} from '../shared/sdk';
import { followRoom, presentTracks, remoteMedia } from '../shared/room-events';

/** Where the visual assist (assist.ts) shows itself in the call view. */
export interface AssistHost {
  stage: HTMLElement;
  /** The customer's own video, where the agent's pointer shows. */
  selfTile: HTMLElement;
  selfVideo: HTMLVideoElement;
  controls: HTMLElement;
  announce(words: string): void;
}

export interface CallView {
  assistHost: AssistHost;
  render(state: CallState, previous: CallState): void;
  showAgentVideo(track: RemoteMediaTrack | null): void;
  addRemoteAudio(track: RemoteMediaTrack): void;
  removeRemoteAudio(track: RemoteMediaTrack): void;
  /** A transcription result; `identityOf` names a participant of the room by SID. */
  heard(event: TranscriptionEvent, identityOf: (sid: string) => string | undefined): void;
}

export interface Call {
  leave(): void;
}

/** Connects with the preview's own tracks, then mounts the call view and keeps it in step. */
export async function joinCall(
  sdk: VideoSdk,
  grant: JoinGrant,
  media: LocalMedia,
  text: Strings,
  mountView: () => CallView,
  invite: string,
): Promise<Call> {
  const connectedWith = media.sdkTracks(sdk);
  const assist = assistTrack(sdk);
  const room = await sdk.connect(grant.token, {
    name: grant.roomName,
    tracks: [...connectedWith, assist],
    networkQuality: { local: 1, remote: 0 },
    receiveTranscriptions: grant.transcription.policy !== 'off',
  });
  const stopFollowingTracks = media.publishTo(room.localParticipant, connectedWith);

  const view = mountView();
  let state: CallState = initialCallState;
  let leaving = false;
  let ended = false;
  // Without the assist script the call goes on as before, without its features (the badge then
  // follows the transcription results heard).
  void loadAssist().then(
    (startAssist) => {
      if (ended) return;
      const channel = startAssist({
        sdk,
        room,
        assist,
        media,
        text,
        host: view.assistHost,
        invite,
        snapshots: grant.snapshots ?? 'off',
      });
      channel.on('transcription', (told) => dispatch({ type: 'transcriptionTold', on: told.on }));
    },
    () => undefined,
  );
  /** Agents' video tracks, oldest first: a camera, and a screen share while there is one. Only
   * the agent the call is with (CallState.agentIdentity) is shown large, whoever else joins. */
  const agentVideos: { track: RemoteMediaTrack; from: string }[] = [];
  const showAgentVideo = () =>
    view.showAgentVideo(
      featuredAgentVideo(agentVideos.filter((v) => v.from === state.agentIdentity).map((v) => v.track)),
    );

  const dispatch = (event: CallEvent) => {
    const previous = state;
    state = reduceCall(state, event);
    if (state !== previous) view.render(state, previous);
    if (state.agentIdentity !== previous.agentIdentity) {
      showAgentVideo();
      const agent = [...room.participants.values()].find((p) => p.identity === state.agentIdentity);
      if (agent) followAgentMedia(agent);
    }
  };
  /** What the agent sends, as their track events change it (never polled). */
  const followAgentMedia = (participant: RemoteParticipant) => {
    if (participant.identity === state.agentIdentity)
      dispatch({ type: 'agentMedia', ...remoteMedia(participant) });
  };

  const showTrack = (track: RemoteMediaTrack, participant: RemoteParticipant) => {
    if (track.kind === 'audio') view.addRemoteAudio(track);
    else if (isAgent(participant.identity)) {
      agentVideos.push({ track, from: participant.identity });
      showAgentVideo();
    }
  };

  followRoom(room, {
    participantConnected: (participant) =>
      dispatch({ type: 'participantConnected', identity: participant.identity }),
    participantDisconnected: (participant) =>
      dispatch({ type: 'participantDisconnected', identity: participant.identity }),
    trackSubscribed: showTrack,
    mediaChanged: followAgentMedia,
    trackUnsubscribed(track) {
      if (track.kind === 'audio') return view.removeRemoteAudio(track);
      const index = agentVideos.findIndex((v) => v.track === track);
      if (index < 0) return;
      agentVideos.splice(index, 1);
      showAgentVideo();
    },
    reconnecting: () => dispatch({ type: 'reconnecting' }),
    reconnected: () => dispatch({ type: 'reconnected' }),
    recordingChanged: (recording) => dispatch({ type: recording ? 'recordingStarted' : 'recordingStopped' }),
    localNetworkLevel: (level) => dispatch({ type: 'networkQuality', level }),
    disconnected(errorCode) {
      ended = true;
      stopFollowingTracks();
      dispatch({ type: 'disconnected', errorCode, byCustomer: leaving });
    },
  });

  const local = room.localParticipant;
  const identityOf = (sid: string) =>
    sid === local.sid ? local.identity : room.participants.get(sid)?.identity;
  room.on('transcription', (event) => {
    dispatch({ type: 'transcribed' });
    view.heard(event, identityOf);
  });

  const participants = [...room.participants.values()];
  dispatch({
    type: 'connected',
    recording: room.isRecording,
    transcribing: grant.transcription.active,
    identities: participants.map((p) => p.identity),
  });
  for (const present of presentTracks(room)) showTrack(present.track, present.participant);
  dispatch({ type: 'networkQuality', level: room.localParticipant.networkQualityLevel });

  return {
    leave() {
      leaving = true;
      room.disconnect();
    },
  };
}

/** What the customer sees large: the agent's screen while they share it (it is what they want
 * to show), else their newest camera track. */
export function featuredAgentVideo(tracks: readonly RemoteMediaTrack[]): RemoteMediaTrack | null {
  const newestFirst = [...tracks].reverse();
  return newestFirst.find((track) => track.name === SCREEN_TRACK_NAME) ?? newestFirst[0] ?? null;
}
