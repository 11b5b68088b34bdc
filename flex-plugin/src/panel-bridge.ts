import {
  CheckMessage,
  PROTOCOL_VERSION,
  StateMessage,
  parsePanelMessage,
  sessionMessage,
  tokenMessage,
} from './protocol';

/** What the host needs of the panel iframe's window: only postMessage. */
export interface PanelWindow {
  postMessage(message: unknown, targetOrigin: string): void;
}

/** The parts of a MessageEvent the bridge judges. */
export interface IncomingMessage {
  source: unknown;
  origin: string;
  data: unknown;
}

export interface PanelBridgeOptions {
  /** The service's origin: the only origin panel messages are accepted from or sent to. */
  serviceOrigin: string;
  /** The iframe's window now, or null before it is mounted. */
  panelWindow(): PanelWindow | null;
  /** Read when the panel asks, so a reloaded panel gets the token that is current then. */
  session(): { token: string; taskSid: string };
  onState(message: StateMessage): void;
  /** An equipment check result: only logged. */
  onCheck(message: CheckMessage): void;
  /** A ready message in a protocol version this host does not speak. */
  onUnsupportedVersion(version: number): void;
}

export interface PanelBridge {
  receive(event: IncomingMessage): void;
  tokenUpdated(token: string): void;
}

/**
 * Answers the panel's handshake and forwards token renewals. The session carries the agent's
 * Flex token, so it goes only to the panel's own window and only with the service's origin as
 * targetOrigin: if the frame were navigated elsewhere, the browser drops the message.
 */
export function createPanelBridge(options: PanelBridgeOptions): PanelBridge {
  const { serviceOrigin } = options;
  let answered = false;

  return {
    receive(event) {
      const panel = options.panelWindow();
      if (!panel || event.source !== panel || event.origin !== serviceOrigin) return;
      const message = parsePanelMessage(event.data);
      if (!message) return;
      if (message.type === 'video-escalation:state') {
        options.onState(message);
        return;
      }
      if (message.type === 'video-escalation:check') {
        options.onCheck(message);
        return;
      }
      if (message.version !== PROTOCOL_VERSION) {
        options.onUnsupportedVersion(message.version);
        return;
      }
      const { token, taskSid } = options.session();
      panel.postMessage(sessionMessage(token, taskSid), serviceOrigin);
      answered = true;
    },

    tokenUpdated(token) {
      // Before its handshake the panel has no use for a token: its session will carry the
      // one that is current when it asks.
      const panel = options.panelWindow();
      if (answered && panel) panel.postMessage(tokenMessage(token), serviceOrigin);
    },
  };
}

/** The window that receives the panel's messages (the Flex page's own window). */
export interface MessageHost {
  addEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
  removeEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
}

/** Flex's event emitter (manager.events), reduced to its 'tokenUpdated' event. */
export interface TokenEvents {
  addListener(event: 'tokenUpdated', listener: (payload: { token: string }) => void): unknown;
  removeListener(event: 'tokenUpdated', listener: (payload: { token: string }) => void): unknown;
}

/** Wires a bridge to the page and to Flex's token renewals; returns the function that unwires it. */
export function connectPanelBridge(
  bridge: PanelBridge,
  host: MessageHost,
  tokenEvents: TokenEvents,
): () => void {
  const onMessage = (event: MessageEvent): void => bridge.receive(event);
  const onToken = (payload: { token: string }): void => bridge.tokenUpdated(payload.token);
  host.addEventListener('message', onMessage);
  tokenEvents.addListener('tokenUpdated', onToken);
  return () => {
    host.removeEventListener('message', onMessage);
    tokenEvents.removeListener('tokenUpdated', onToken);
  };
}
