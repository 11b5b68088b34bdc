/** The panel's side of the postMessage handshake (src/panel-protocol.ts) with its host (the Flex plugin's iframe
 * parent, or the window that opened it). The Flex token arrives this way and never in the URL,
 * so the rules are strict: a message counts only if it comes from the host window itself and
 * from an origin the service allows, and once a session is accepted, only that origin is
 * listened to and written to. */
import { isSid, LIMITS, type Unchecked } from '../../contract';
import type { ReadyMessage, SessionMessage, TokenMessage } from '../../panel-protocol';

export const READY_MESSAGE: ReadyMessage = { type: 'video-escalation:ready', version: 1 };

export interface Session {
  token: string;
  taskSid: string;
}

export type HostMessage = ({ type: 'session' } & Session) | { type: 'token'; token: string };

const isToken = (value: unknown): value is string =>
  typeof value === 'string' && value.length > 0 && value.length <= LIMITS.flexTokenLength;

/** The message's meaning, or null for anything that is not exactly one of the host's. */
export function parseHostMessage(data: unknown): HostMessage | null {
  if (typeof data !== 'object' || data === null) return null;
  // A token message's fields are a subset of a session message's.
  const message: Unchecked<SessionMessage> = data;
  if (message.type === ('video-escalation:session' satisfies SessionMessage['type'])) {
    if (!isToken(message.token) || !isSid('WT', message.taskSid)) return null;
    return { type: 'session', token: message.token, taskSid: message.taskSid };
  }
  if (message.type === ('video-escalation:token' satisfies TokenMessage['type']) && isToken(message.token))
    return { type: 'token', token: message.token };
  return null;
}

/** Where a message may come from: before a session, any allowed origin; after, the one that
 * sent it. Origins compare exactly (scheme, host and port), as the browser reports them. */
export interface SenderRules {
  host: unknown;
  allowedOrigins: readonly string[];
  boundOrigin: string | null;
}

export function senderAllowed(rules: SenderRules, source: unknown, origin: string): boolean {
  if (rules.host === null || source !== rules.host) return false;
  if (rules.boundOrigin !== null) return origin === rules.boundOrigin;
  return rules.allowedOrigins.includes(origin);
}

/** What the panel does with an accepted sender's message. One page serves one task: a session
 * for another task is ignored (the host opens a new panel for it); a repeated session for the
 * same task only brings a fresher token. A renewal before any session means nothing. */
export type HostAction =
  { kind: 'start'; session: Session } | { kind: 'renew'; token: string } | { kind: 'ignore' };

export function actionFor(message: HostMessage, current: Session | null): HostAction {
  if (message.type === 'token') return current ? { kind: 'renew', token: message.token } : { kind: 'ignore' };
  if (!current) return { kind: 'start', session: { token: message.token, taskSid: message.taskSid } };
  return message.taskSid === current.taskSid ? { kind: 'renew', token: message.token } : { kind: 'ignore' };
}

/** The parts of `window` the handshake uses, so it runs against a stand-in in unit tests. */
export interface HostWindow {
  postMessage(message: unknown, targetOrigin: string): void;
}

export interface PanelWindow {
  readonly parent: HostWindow;
  readonly opener: HostWindow | null;
  addEventListener(
    type: 'message',
    listener: (event: { data: unknown; origin: string; source: unknown }) => void,
  ): void;
}

/** The embedding page, or the opener of a window of its own; null when opened on its own. */
export function hostOf(win: PanelWindow): HostWindow | null {
  if (win.parent && win.parent !== (win as unknown)) return win.parent;
  return win.opener ?? null;
}

export interface HostLink {
  /** Sends to the session's origin only; nothing goes anywhere before a session. */
  post(message: object): void;
}

export interface HostHandlers {
  onSession(session: Session): void;
  onToken(token: string): void;
}

/** Listens first, then announces readiness, so an immediate answer cannot be missed. The ready
 * message carries nothing secret, so it may go to whatever origin the host has. */
export function connectToHost(
  win: PanelWindow,
  allowedOrigins: readonly string[],
  handlers: HostHandlers,
): HostLink | null {
  const host = hostOf(win);
  if (!host) return null;
  let session: Session | null = null;
  let boundOrigin: string | null = null;
  win.addEventListener('message', (event) => {
    if (!senderAllowed({ host, allowedOrigins, boundOrigin }, event.source, event.origin)) return;
    const message = parseHostMessage(event.data);
    if (!message) return;
    const action = actionFor(message, session);
    if (action.kind === 'start') {
      session = action.session;
      boundOrigin = event.origin;
      handlers.onSession(action.session);
    } else if (action.kind === 'renew' && session) {
      session = { ...session, token: action.token };
      handlers.onToken(action.token);
    }
  });
  host.postMessage(READY_MESSAGE, '*');
  return {
    post(message) {
      if (boundOrigin) host.postMessage(message, boundOrigin);
    },
  };
}
