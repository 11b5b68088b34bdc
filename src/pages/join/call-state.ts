/** The call as the customer sees it, driven only by the SDK's room events (the SDK reconnects by
 * itself; the page never does). Pure, so every transition is unit-tested without a browser. */
import { AGENT_IDENTITY_PREFIX, SUPERVISOR_IDENTITY_PREFIX } from '../../contract';
import { TWILIO_ERROR } from '../../twilio-errors';
import type { JoinResult } from '../shared/api';
import type { StringKey } from '../shared/strings';

/** `unexplained`: the server ended the connection without an error, as Twilio reports a REST
 * removal; main.ts asks the link whether it was revoked (removed) before it says anything. */
export type EndReason = 'agent-ended' | 'left' | 'connection-lost' | 'replaced' | 'removed' | 'unexplained';

export interface CallState {
  /** waiting: in the room without an agent; live: the agent is there. */
  phase: 'waiting' | 'live' | 'ended';
  reconnecting: boolean;
  recording: boolean;
  /** The room is transcribed: as the agent's panel last said over the assist channel (its
   * service's answers: on at Start, off at Stop); before it has said anything, as /video/join
   * said, or because a transcription result arrived. */
  transcribing: boolean;
  /** The agent's panel has said whether the room is transcribed: results heard no longer decide
   * (one that arrives late, after a Stop, would turn the badge back on). */
  transcriptionTold: boolean;
  agentIdentity: string | null;
  /** Everyone else in the room, in the order they came, shown and announced whether or not they
   * publish anything: nobody watches or listens unseen. */
  others: string[];
  /** Whether an agent was here earlier, so the waiting text can say they left. */
  agentLeft: boolean;
  /** Whether the agent's microphone and camera reach the customer (published and enabled, from
   * the SDK's track events); true while there is no agent, so nothing is said about nobody. */
  agentMic: boolean;
  agentCamera: boolean;
  /** 0 (no network) to 5; null until the SDK measured it. */
  networkLevel: number | null;
  endReason: EndReason | null;
}

export type CallEvent =
  | { type: 'connected'; recording: boolean; transcribing: boolean; identities: string[] }
  | { type: 'transcribed' }
  | { type: 'transcriptionTold'; on: boolean }
  | { type: 'participantConnected' | 'participantDisconnected'; identity: string }
  | { type: 'reconnecting' | 'reconnected' | 'recordingStarted' | 'recordingStopped' }
  | { type: 'networkQuality'; level: number | null }
  | { type: 'agentMedia'; mic: boolean; camera: boolean }
  | { type: 'disconnected'; errorCode: number | null; byCustomer: boolean };

export const isAgent = (identity: string): boolean => identity.startsWith(AGENT_IDENTITY_PREFIX);

export const initialCallState: CallState = {
  phase: 'waiting',
  reconnecting: false,
  recording: false,
  transcribing: false,
  transcriptionTold: false,
  agentIdentity: null,
  others: [],
  agentLeft: false,
  agentMic: true,
  agentCamera: true,
  networkLevel: null,
  endReason: null,
};

export function reduceCall(state: CallState, event: CallEvent): CallState {
  if (state.phase === 'ended') return state;
  switch (event.type) {
    case 'connected': {
      const agent = event.identities.find(isAgent) ?? null;
      return {
        ...state,
        recording: event.recording,
        transcribing: event.transcribing,
        others: event.identities,
        agentIdentity: agent,
        phase: agent ? 'live' : 'waiting',
      };
    }
    case 'participantConnected': {
      const others = [...state.others.filter((id) => id !== event.identity), event.identity];
      if (state.agentIdentity || !isAgent(event.identity)) return { ...state, others };
      return { ...state, others, agentIdentity: event.identity, phase: 'live' };
    }
    case 'participantDisconnected': {
      const others = state.others.filter((id) => id !== event.identity);
      if (event.identity !== state.agentIdentity) return { ...state, others };
      return {
        ...state,
        others,
        agentIdentity: null,
        agentLeft: true,
        agentMic: true,
        agentCamera: true,
        phase: 'waiting',
      };
    }
    case 'reconnecting':
      return { ...state, reconnecting: true };
    case 'reconnected':
      return { ...state, reconnecting: false };
    case 'recordingStarted':
      return { ...state, recording: true };
    case 'recordingStopped':
      return { ...state, recording: false };
    case 'transcribed':
      return state.transcribing || state.transcriptionTold ? state : { ...state, transcribing: true };
    case 'transcriptionTold':
      return state.transcriptionTold && state.transcribing === event.on
        ? state
        : { ...state, transcribing: event.on, transcriptionTold: true };
    case 'agentMedia':
      if (!state.agentIdentity || (state.agentMic === event.mic && state.agentCamera === event.camera))
        return state;
      return { ...state, agentMic: event.mic, agentCamera: event.camera };
    case 'networkQuality':
      return { ...state, networkLevel: event.level };
    case 'disconnected':
      return {
        ...state,
        phase: 'ended',
        reconnecting: false,
        recording: false,
        endReason: endReason(event.errorCode, event.byCustomer),
      };
  }
}

function endReason(errorCode: number | null, byCustomer: boolean): EndReason {
  if (byCustomer) return 'left';
  if (errorCode === TWILIO_ERROR.DUPLICATE_IDENTITY) return 'replaced';
  if (errorCode === null) return 'unexplained';
  // A room completed or no longer found is gone: the agent ended the session.
  if (errorCode === TWILIO_ERROR.ROOM_COMPLETED || errorCode === TWILIO_ERROR.ROOM_NOT_FOUND)
    return 'agent-ended';
  return 'connection-lost';
}

/** An unexplained end, told by what /video/join now answers for the link: revoked, the customer
 * was removed (or sent a newer link); the session ended; still good or not reachable, the
 * connection was lost and a rejoin may work. */
export function explainedEnd(answer: JoinResult): Exclude<EndReason, 'unexplained'> {
  if (answer.ok) return 'connection-lost';
  const kind = answer.failure.kind;
  return kind === 'revoked'
    ? 'removed'
    : kind === 'ended' || kind === 'expired'
      ? 'agent-ended'
      : 'connection-lost';
}

/** The label the customer reads for a participant: the bundle names an admin or supervisor without
 * a reservation on the task `supervisor-` (ownership.ts), so a supervisor is never shown as the
 * agent; anyone else, such as the holder of another link, is "another participant". */
export const roleOf = (identity: string): 'roleAgent' | 'roleSupervisor' | 'roleOther' =>
  isAgent(identity)
    ? 'roleAgent'
    : identity.startsWith(SUPERVISOR_IDENTITY_PREFIX)
      ? 'roleSupervisor'
      : 'roleOther';

/** Who came or went besides the agent whose arrival and departure `announcements` tell. */
export function comings(before: CallState, after: CallState): { role: StringKey; joined: boolean }[] {
  if (after.phase === 'ended') return [];
  const told = [before.agentIdentity, after.agentIdentity];
  const changes = (from: string[], to: string[], joined: boolean) =>
    to.filter((id) => !from.includes(id) && !told.includes(id)).map((id) => ({ role: roleOf(id), joined }));
  return [...changes(before.others, after.others, true), ...changes(after.others, before.others, false)];
}

/** What a screen reader should hear about a change, most important first. The end of the call
 * is not announced here: it gets its own screen with a focused heading. */
export function announcements(before: CallState, after: CallState): StringKey[] {
  if (after.phase === 'ended') return [];
  const said: StringKey[] = [];
  if (before.recording !== after.recording)
    said.push(after.recording ? 'recordingStarted' : 'recordingStopped');
  if (before.transcribing !== after.transcribing)
    said.push(after.transcribing ? 'transcriptionStarted' : 'transcriptionStopped');
  if (before.reconnecting !== after.reconnecting)
    said.push(after.reconnecting ? 'reconnecting' : 'reconnected');
  if (!before.agentIdentity && after.agentIdentity) said.push('agentJoined');
  if (before.agentIdentity && !after.agentIdentity) said.push('agentLeft');
  return said;
}

export interface AgentMedia {
  mic: boolean;
  camera: boolean;
}

/** What a screen reader hears about the agent's microphone and camera: the settled state against
 * the one last said (on and on when they arrive), so the publications that follow an arrival,
 * or a camera made again, are not read out as a flurry of offs and ons. */
export function mediaAnnouncements(said: AgentMedia, now: AgentMedia): StringKey[] {
  const words: StringKey[] = [];
  if (said.mic !== now.mic) words.push(now.mic ? 'agentMicOn' : 'agentMicOff');
  if (said.camera !== now.camera) words.push(now.camera ? 'agentCameraOn' : 'agentCameraOff');
  return words;
}

/** How the agent's video takes the stage: `fill` (cover, edges cut) when that keeps at least
 * MIN_FILL_SHARE of the picture across, as for a camera in either orientation on a phone held
 * either way; else `fit` (contain). A screen share is always fitted: its edges carry the content. */
const MIN_FILL_SHARE = 0.25;
export function stageFit(
  video: { width: number; height: number },
  stage: { width: number; height: number },
  isScreen: boolean,
): 'fill' | 'fit' {
  if (isScreen || !video.width || !video.height || !stage.width || !stage.height)
    return isScreen ? 'fit' : 'fill';
  const videoAspect = video.width / video.height;
  const stageAspect = stage.width / stage.height;
  return Math.min(videoAspect, stageAspect) / Math.max(videoAspect, stageAspect) >= MIN_FILL_SHARE
    ? 'fill'
    : 'fit';
}

/** The call's running time in the customer's locale (its digits), m:ss or h:mm:ss. */
export function callDuration(seconds: number, locale: string): string {
  const whole = Math.max(0, Math.floor(seconds));
  const one = new Intl.NumberFormat(locale, { useGrouping: false });
  const two = new Intl.NumberFormat(locale, { minimumIntegerDigits: 2, useGrouping: false });
  const hours = Math.floor(whole / 3600);
  const minutes = Math.floor(whole / 60) % 60;
  const rest = `${two.format(whole % 60)}`;
  return hours ? `${one.format(hours)}:${two.format(minutes)}:${rest}` : `${one.format(minutes)}:${rest}`;
}
