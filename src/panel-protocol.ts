/**
 * The postMessage protocol between the agent panel (/agent.html) and its host (the Flex plugin's
 * iframe parent, or the window that opened the panel), as the README's "The agent's panel" section
 * describes it. The panel (src/pages/agent) and the Flex plugin (flex-plugin/src/protocol.ts) type
 * their messages with these, so neither side can change a message alone. Types only: each side
 * checks what it receives at run time, since the other side is another origin.
 */

/** Panel → host, first: the panel listens, and says which protocol it speaks. */
export interface ReadyMessage {
  type: 'video-escalation:ready';
  version: 1;
}

/** Host → panel: the Flex user's token and the task the panel serves. */
export interface SessionMessage {
  type: 'video-escalation:session';
  token: string;
  taskSid: string;
}

/** Host → panel: a renewed Flex token for the session's task. */
export interface TokenMessage {
  type: 'video-escalation:token';
  token: string;
}

/** The six call states a host sees; the panel's finer phases fold into them. */
export type CallState = 'idle' | 'connecting' | 'connected' | 'reconnecting' | 'ended' | 'error';

/** Panel → host, on every change and only then. */
export interface StateMessage {
  type: 'video-escalation:state';
  state: CallState;
  roomSid: string | null;
  recording: boolean;
  /** Everyone in the room, the agent included, each identity once. */
  participants: string[];
}

export type Verdict = 'good' | 'warning' | 'problem';
export type CheckItem = 'camera' | 'microphone' | 'speakers' | 'network';
/** The appearance check's items (src/pages/agent/appearance-check.ts), judged on what the customer
 * would see and hear. */
export type AppearanceItem =
  'appearance-framing' | 'appearance-lighting' | 'appearance-voice' | 'appearance-echo';

export type Finding =
  | 'camera-good'
  | 'camera-missing'
  | 'camera-no-frames'
  | 'camera-low-resolution'
  | 'camera-dark'
  | 'camera-black'
  | 'camera-frozen'
  | 'microphone-good'
  | 'microphone-missing'
  | 'microphone-silent'
  | 'microphone-clipping'
  | 'speakers-played'
  | 'speakers-failed'
  | 'network-good'
  | 'network-fair'
  | 'network-poor'
  | 'network-unreachable'
  | 'network-failed'
  | AppearanceFinding;

export type AppearanceFinding =
  | 'appearance-unavailable'
  | 'appearance-framing-good'
  | 'appearance-no-face'
  | 'appearance-too-close'
  | 'appearance-too-far'
  | 'appearance-head-cut'
  | 'appearance-off-centre'
  | 'appearance-too-low'
  | 'appearance-camera-low'
  | 'appearance-camera-high'
  | 'appearance-lighting-good'
  | 'appearance-lighting-unknown'
  | 'appearance-face-black'
  | 'appearance-face-dark'
  | 'appearance-face-blown'
  | 'appearance-backlit'
  | 'appearance-uneven'
  | 'appearance-voice-good'
  | 'appearance-voice-missing'
  | 'appearance-voice-silent'
  | 'appearance-voice-quiet'
  | 'appearance-voice-clipping'
  | 'appearance-voice-drowned'
  | 'appearance-voice-noisy'
  | 'appearance-room-noisy'
  | 'appearance-echo-headset'
  | 'appearance-echo-speakers'
  | 'appearance-echo-unknown';

export interface ItemResult {
  verdict: Verdict;
  finding: Finding;
  /** What was measured, for the host's log (network: milliseconds and percent). */
  figures?: Readonly<Record<string, number>>;
}

export type CheckReport = Readonly<Record<CheckItem, ItemResult>>;
export type AppearanceReport = Readonly<Record<AppearanceItem, ItemResult>>;

/** Panel → host, after each equipment check. */
export interface CheckMessage {
  type: 'video-escalation:check';
  /** Overall: the worst verdict of the items. */
  verdict: Verdict;
  items: CheckReport;
}

/** Panel → host, when a practice call starts: the trainer's link (a host may offer to open or
 * copy it). A practice call is no call of the task's: its state messages stay `idle`. */
export interface PracticeMessage {
  type: 'video-escalation:practice';
  joinUrl: string;
  /** ISO 8601: when the practice room ends on its own. */
  endsAt: string;
}

export type PanelMessage = ReadyMessage | StateMessage | CheckMessage | PracticeMessage;
export type HostMessage = SessionMessage | TokenMessage;
