import type {
  CallState,
  ReadyMessage as PanelReady,
  SessionMessage,
  StateMessage,
  TokenMessage,
} from '../../src/panel-protocol';
import { isRecord } from './json';

/**
 * The postMessage protocol between this plugin (the host) and the service's agent panel
 * (/agent.html). Its messages are typed once, in the service's src/panel-protocol.ts, for both
 * sides (a type-only import: nothing of it reaches this bundle). Panel messages arrive from
 * another origin, so every field is checked before anything acts on it.
 */

export type { CallState, SessionMessage, StateMessage, TokenMessage };

/** The protocol this host speaks; a panel that announces another is not handed a session. */
export const PROTOCOL_VERSION: PanelReady['version'] = 1;

/** A panel of another version is reported, not trusted: its version is any number here. */
export interface ReadyMessage {
  type: 'video-escalation:ready';
  version: number;
}

/** Every call state, each once: the protocol gaining or losing one fails to compile here. */
const CALL_STATES: Readonly<Record<CallState, true>> = {
  idle: true,
  connecting: true,
  connected: true,
  reconnecting: true,
  ended: true,
  error: true,
};

/** A JSON value as the plugin logs it: what is left of a check result after `jsonDetail`. */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/**
 * The panel's equipment check result (camera, microphone, network; `CheckMessage` in
 * src/panel-protocol.ts). The host only logs it, so whatever fields arrive are accepted, reduced to
 * bounded JSON data: a newer panel may report more.
 */
export interface CheckMessage {
  type: 'video-escalation:check';
  detail: { [key: string]: JsonValue };
}

export type PanelMessage = ReadyMessage | StateMessage | CheckMessage;

function isCallState(value: unknown): value is CallState {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(CALL_STATES, value);
}

function isStringArray(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((item) => typeof item === 'string');
}

/** Bounds on what a check message may put in the console: it comes from another origin. */
export const CHECK_LIMITS = { depth: 4, keys: 32, items: 32, chars: 500 } as const;

/**
 * `value` as plain JSON data, bounded: strings cut to CHECK_LIMITS.chars, objects to their first
 * CHECK_LIMITS.keys keys, arrays to CHECK_LIMITS.items items, nesting to CHECK_LIMITS.depth;
 * anything else that structured cloning can carry (Dates, Blobs, Maps, non-finite numbers...)
 * is dropped, or is null inside an array.
 */
export function jsonDetail(value: unknown, depth = 0): JsonValue | undefined {
  if (value === null || typeof value === 'boolean') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value === 'string') {
    return value.length > CHECK_LIMITS.chars ? `${value.slice(0, CHECK_LIMITS.chars)}…` : value;
  }
  if (depth >= CHECK_LIMITS.depth) return undefined;
  if (Array.isArray(value)) {
    return value.slice(0, CHECK_LIMITS.items).map((item) => jsonDetail(item, depth + 1) ?? null);
  }
  if (!isRecord(value) || Object.getPrototypeOf(value) !== Object.prototype) return undefined;
  const out: { [key: string]: JsonValue } = {};
  for (const key of Object.keys(value).slice(0, CHECK_LIMITS.keys)) {
    const item = jsonDetail(value[key], depth + 1);
    if (item !== undefined) out[key] = item;
  }
  return out;
}

/**
 * The panel message in `data`, or null for anything else: other protocols share the window's
 * message channel, and a malformed message must not reach the call-state bookkeeping.
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
  if (data.type === 'video-escalation:check') {
    const { type: _type, ...rest } = data;
    const detail = jsonDetail(rest);
    return isRecord(detail) ? { type: 'video-escalation:check', detail } : null;
  }
  return null;
}

export function sessionMessage(token: string, taskSid: string): SessionMessage {
  return { type: 'video-escalation:session', token, taskSid };
}

export function tokenMessage(token: string): TokenMessage {
  return { type: 'video-escalation:token', token };
}
