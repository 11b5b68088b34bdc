import { isRecord } from './json';

/**
 * The postMessage protocol between this plugin (the host) and the service's agent panel
 * (/agent.html), as API.md "The agent panel (hosted page)" fixes it. Panel messages arrive from
 * another origin, so every field is checked before anything acts on it.
 */

export const PROTOCOL_VERSION = 1;

const CALL_STATES = ['idle', 'connecting', 'connected', 'reconnecting', 'ended', 'error'] as const;
export type CallState = (typeof CALL_STATES)[number];

export interface ReadyMessage {
  type: 'video-escalation:ready';
  version: number;
}

export interface StateMessage {
  type: 'video-escalation:state';
  state: CallState;
  roomSid: string | null;
  recording: boolean;
  participants: string[];
}

export type PanelMessage = ReadyMessage | StateMessage;

export interface SessionMessage {
  type: 'video-escalation:session';
  token: string;
  taskSid: string;
}

export interface TokenMessage {
  type: 'video-escalation:token';
  token: string;
}

function isCallState(value: unknown): value is CallState {
  return (CALL_STATES as readonly unknown[]).includes(value);
}

function isStringArray(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((item) => typeof item === 'string');
}

/**
 * The panel message in `data`, or null for anything else: other protocols share the window's
 * message channel, and a malformed message must not reach the call-state bookkeeping.
 * Messages the host does not act on (such as the equipment check's results) are null too.
 */
export function parsePanelMessage(data: unknown): PanelMessage | null {
  if (!isRecord(data)) return null;
  if (data.type === 'video-escalation:ready') {
    return typeof data.version === 'number' ? { type: data.type, version: data.version } : null;
  }
  if (data.type === 'video-escalation:state') {
    const { state, roomSid, recording, participants } = data;
    if (!isCallState(state)) return null;
    if (roomSid !== null && typeof roomSid !== 'string') return null;
    if (typeof recording !== 'boolean' || !isStringArray(participants)) return null;
    return { type: data.type, state, roomSid, recording, participants };
  }
  return null;
}

export function sessionMessage(token: string, taskSid: string): SessionMessage {
  return { type: 'video-escalation:session', token, taskSid };
}

export function tokenMessage(token: string): TokenMessage {
  return { type: 'video-escalation:token', token };
}
