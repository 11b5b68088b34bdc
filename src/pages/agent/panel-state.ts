/** The panel's whole state, changed only by events from the host, the service and the SDK.
 * Pure, so every transition is unit-tested; the view draws it and the host is told about it. */
import type { Problem } from './problems';
import { noReadinessRule, type ReadinessGate } from './readiness';

export type Phase =
  /** Fetching /video/agent-config. */
  | 'loading'
  /** Opened on its own: there is no Flex to hand over a session. */
  | 'no-host'
  | 'waiting-for-host'
  /** Session received: looking for the task's room (/video/agent-token). */
  | 'checking'
  /** No room yet: Start video call is offered (with `problem` if an attempt failed). */
  | 'ready'
  /** /video/escalate in flight. */
  | 'starting'
  | 'connecting'
  | 'connected'
  /** The SDK is restoring its connection, or the panel is rejoining with a fresh token. */
  | 'reconnecting'
  | 'ended'
  /** The same agent joined the room from another tab or device. */
  | 'replaced'
  | 'failed';

export interface Member {
  sid: string;
  identity: string;
}

export interface RecordingRequest {
  busy: boolean;
  /** What the service last said it did, until the room itself reports recording. */
  answered: boolean | null;
  problem: Problem | null;
}

/** The room's transcription as the service last answered (start, stop, status; nothing reports
 * it in the room itself), with the agent's request under way and why it failed. */
export interface TranscriptionSwitch {
  on: boolean;
  busy: boolean;
  problem: Problem | null;
}

export interface PanelState {
  phase: Phase;
  problem: Problem | null;
  roomSid: string | null;
  self: Member | null;
  /** Everyone else in the room, in the order they joined. */
  others: Member[];
  /** Whether the room records, as the SDK reports it. */
  recording: boolean;
  recordingRequest: RecordingRequest;
  transcription: TranscriptionSwitch;
  /** Network quality 0–5 by participant SID (the agent's own too); absent until measured. */
  network: Readonly<Record<string, number>>;
  /** SIDs of the others whose microphone is off (unpublished or disabled), from their track events. */
  micOff: readonly string[];
  /** The agent's screen is published. */
  sharing: boolean;
  /** The agent removed the customer, which revoked their link, and has sent no new one since. */
  customerLinkRevoked: boolean;
  /** VIDEO_AGENT_READINESS as it stands for this agent now. */
  readiness: ReadinessGate;
  /** A practice call (no task, no chat): the trainer's link and when it ends; null otherwise. */
  practice: { joinUrl: string; endsAt: number } | null;
}

export type PanelEvent =
  | {
      type:
        | 'noHost'
        | 'waitingForHost'
        | 'session'
        | 'noRoom'
        | 'starting'
        | 'reconnecting'
        | 'reconnected'
        | 'rejoining'
        | 'ended'
        | 'replaced';
    }
  | { type: 'failed' | 'startFailed'; problem: Problem }
  | { type: 'connecting'; roomSid: string }
  | { type: 'connected'; roomSid: string; self: Member; others: Member[]; recording: boolean }
  | { type: 'participantConnected' | 'participantDisconnected'; member: Member }
  | { type: 'recordingChanged'; recording: boolean }
  | { type: 'recordingRequested' }
  | { type: 'recordingAnswered'; recording: boolean }
  | { type: 'recordingFailed'; problem: Problem }
  | { type: 'transcriptionRequested' }
  | { type: 'transcriptionAnswered'; on: boolean }
  | { type: 'transcriptionFailed'; problem: Problem }
  | { type: 'networkLevel'; sid: string; level: number | null }
  | { type: 'remoteMic'; sid: string; on: boolean }
  | { type: 'sharing'; on: boolean }
  | { type: 'customerRemoved' | 'linkSent' }
  | { type: 'readiness'; gate: ReadinessGate }
  | { type: 'practice'; joinUrl: string; endsAt: number };

const NO_REQUEST: RecordingRequest = { busy: false, answered: null, problem: null };
const NOT_TRANSCRIBED: TranscriptionSwitch = { on: false, busy: false, problem: null };

/** Nothing of a room: who was in it and what it did. */
const NO_ROOM: Pick<
  PanelState,
  | 'self'
  | 'others'
  | 'recording'
  | 'recordingRequest'
  | 'transcription'
  | 'network'
  | 'micOff'
  | 'sharing'
  | 'customerLinkRevoked'
> = {
  self: null,
  others: [],
  recording: false,
  recordingRequest: NO_REQUEST,
  transcription: NOT_TRANSCRIBED,
  network: {},
  micOff: [],
  sharing: false,
  customerLinkRevoked: false,
};

export const initialPanelState: PanelState = {
  phase: 'loading',
  problem: null,
  roomSid: null,
  ...NO_ROOM,
  readiness: noReadinessRule,
  practice: null,
};

/** Leaving the room forgets all of it; the room's SID stays, so the host still knows which room
 * ended. */
const outOfRoom = (state: PanelState, phase: Phase, problem: Problem | null = null): PanelState => ({
  ...state,
  phase,
  problem,
  ...NO_ROOM,
});

export const inCall = (phase: Phase): boolean => phase === 'connected' || phase === 'reconnecting';

export function reducePanel(state: PanelState, event: PanelEvent): PanelState {
  switch (event.type) {
    case 'noHost':
      return { ...state, phase: 'no-host' };
    case 'waitingForHost':
      return { ...state, phase: 'waiting-for-host', problem: null };
    case 'session':
      return { ...outOfRoom(state, 'checking'), roomSid: null, practice: null };
    case 'noRoom':
      return { ...outOfRoom(state, 'ready'), roomSid: null, practice: null };
    case 'readiness':
      return { ...state, readiness: event.gate };
    case 'practice':
      return { ...state, practice: { joinUrl: event.joinUrl, endsAt: event.endsAt } };
    case 'starting':
      return { ...state, phase: 'starting', problem: null };
    case 'startFailed':
      return { ...outOfRoom(state, 'ready', event.problem), roomSid: null, practice: null };
    case 'connecting':
      // A rejoin stays "reconnecting" until it is back in the room.
      return {
        ...state,
        phase: state.phase === 'reconnecting' ? 'reconnecting' : 'connecting',
        problem: null,
        roomSid: event.roomSid,
      };
    case 'connected':
      return {
        ...state,
        phase: 'connected',
        problem: null,
        roomSid: event.roomSid,
        self: event.self,
        others: event.others,
        recording: event.recording,
        recordingRequest: NO_REQUEST,
      };
    case 'customerRemoved':
      return { ...state, customerLinkRevoked: true };
    case 'linkSent':
      return { ...state, customerLinkRevoked: false };
    case 'participantConnected':
      if (!inCall(state.phase)) return state;
      return { ...state, others: [...state.others.filter((m) => m.sid !== event.member.sid), event.member] };
    case 'participantDisconnected': {
      if (!inCall(state.phase)) return state;
      const network = { ...state.network };
      delete network[event.member.sid];
      return {
        ...state,
        others: state.others.filter((m) => m.sid !== event.member.sid),
        network,
        micOff: state.micOff.filter((sid) => sid !== event.member.sid),
      };
    }
    case 'recordingChanged':
      if (!inCall(state.phase)) return state;
      // The room is the truth again: what the service answered earlier no longer matters.
      return {
        ...state,
        recording: event.recording,
        recordingRequest: { ...state.recordingRequest, answered: null },
      };
    case 'recordingRequested':
      return {
        ...state,
        recordingRequest: { busy: true, answered: state.recordingRequest.answered, problem: null },
      };
    case 'recordingAnswered':
      return {
        ...state,
        recordingRequest: {
          busy: false,
          answered: event.recording === state.recording ? null : event.recording,
          problem: null,
        },
      };
    case 'recordingFailed':
      return {
        ...state,
        recordingRequest: { ...state.recordingRequest, busy: false, problem: event.problem },
      };
    case 'transcriptionRequested':
      return { ...state, transcription: { ...state.transcription, busy: true, problem: null } };
    case 'transcriptionAnswered':
      if (!inCall(state.phase)) return state;
      return { ...state, transcription: { on: event.on, busy: false, problem: null } };
    case 'transcriptionFailed':
      return { ...state, transcription: { ...state.transcription, busy: false, problem: event.problem } };
    case 'reconnecting':
      return inCall(state.phase) ? { ...state, phase: 'reconnecting' } : state;
    case 'reconnected':
      return state.phase === 'reconnecting' && state.self ? { ...state, phase: 'connected' } : state;
    case 'rejoining':
      return outOfRoom(state, 'reconnecting');
    case 'networkLevel': {
      if (!inCall(state.phase)) return state;
      const network = { ...state.network };
      if (event.level === null) delete network[event.sid];
      else network[event.sid] = event.level;
      return { ...state, network };
    }
    case 'remoteMic': {
      if (!inCall(state.phase) || state.micOff.includes(event.sid) === !event.on) return state;
      const others = state.micOff.filter((sid) => sid !== event.sid);
      return { ...state, micOff: event.on ? others : [...others, event.sid] };
    }
    case 'sharing':
      return { ...state, sharing: event.on && inCall(state.phase) };
    case 'ended':
      return outOfRoom(state, 'ended');
    case 'replaced':
      return outOfRoom(state, 'replaced');
    case 'failed':
      return outOfRoom(state, 'failed', event.problem);
  }
}
