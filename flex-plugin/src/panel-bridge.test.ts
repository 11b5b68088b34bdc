import { EventEmitter } from 'events';
import {
  MessageHost,
  PanelBridgeOptions,
  PanelWindow,
  connectPanelBridge,
  createPanelBridge,
} from './panel-bridge';
import { CheckMessage, StateMessage } from './protocol';

const SERVICE = 'https://video-1234-prod.twil.io';
const TASK_SID = 'WT' + 'b'.repeat(32);
const READY = { type: 'video-escalation:ready', version: 1 };

class FakeWindow implements PanelWindow {
  readonly posted: Array<{ message: unknown; targetOrigin: string }> = [];
  postMessage(message: unknown, targetOrigin: string): void {
    this.posted.push({ message, targetOrigin });
  }
}

function setUp(overrides: Partial<PanelBridgeOptions> = {}) {
  const panel = new FakeWindow();
  let token = 'flex-token-1';
  const states: StateMessage[] = [];
  const unsupported: number[] = [];
  const checks: CheckMessage[] = [];
  const bridge = createPanelBridge({
    serviceOrigin: SERVICE,
    panelWindow: () => panel,
    session: () => ({ token, taskSid: TASK_SID }),
    onState: (message) => states.push(message),
    onUnsupportedVersion: (version) => unsupported.push(version),
    onCheck: (message) => checks.push(message),
    ...overrides,
  });
  const renew = (next: string) => {
    token = next;
  };
  return { bridge, panel, states, unsupported, checks, renew };
}

describe('the handshake', () => {
  it("answers the panel's ready with the current token and task, to the service's origin only", () => {
    const { bridge, panel, renew } = setUp();
    renew('flex-token-2');
    bridge.receive({ source: panel, origin: SERVICE, data: READY });
    expect(panel.posted).toEqual([
      {
        message: { type: 'video-escalation:session', token: 'flex-token-2', taskSid: TASK_SID },
        targetOrigin: SERVICE,
      },
    ]);
  });

  it('ignores a ready from another window, even of the same origin', () => {
    const { bridge, panel } = setUp();
    const other = new FakeWindow();
    bridge.receive({ source: other, origin: SERVICE, data: READY });
    bridge.receive({ source: null, origin: SERVICE, data: READY });
    expect(panel.posted).toEqual([]);
    expect(other.posted).toEqual([]);
  });

  it("ignores a ready from the panel's window when it comes from another origin", () => {
    const { bridge, panel } = setUp();
    bridge.receive({ source: panel, origin: 'https://evil.example', data: READY });
    bridge.receive({ source: panel, origin: 'https://video-1234-prod.twil.io.evil.example', data: READY });
    bridge.receive({ source: panel, origin: 'http://video-1234-prod.twil.io', data: READY });
    expect(panel.posted).toEqual([]);
  });

  it('does nothing before the iframe is mounted', () => {
    const { bridge, panel } = setUp({ panelWindow: () => null });
    bridge.receive({ source: panel, origin: SERVICE, data: READY });
    expect(panel.posted).toEqual([]);
  });

  it('answers a reloaded panel again', () => {
    const { bridge, panel } = setUp();
    bridge.receive({ source: panel, origin: SERVICE, data: READY });
    bridge.receive({ source: panel, origin: SERVICE, data: READY });
    expect(panel.posted).toHaveLength(2);
  });

  it('does not answer a protocol version it does not speak, and says so', () => {
    const { bridge, panel, unsupported } = setUp();
    bridge.receive({ source: panel, origin: SERVICE, data: { type: 'video-escalation:ready', version: 2 } });
    expect(panel.posted).toEqual([]);
    expect(unsupported).toEqual([2]);
  });

  it('ignores malformed and foreign messages', () => {
    const { bridge, panel, states } = setUp();
    for (const data of [
      'video-escalation:ready',
      null,
      { type: 'video-escalation:ready' },
      { type: 'video-escalation:session', token: 'x', taskSid: TASK_SID },
      { type: 'something-else', version: 1 },
    ]) {
      bridge.receive({ source: panel, origin: SERVICE, data });
    }
    expect(panel.posted).toEqual([]);
    expect(states).toEqual([]);
  });
});

describe('token renewals', () => {
  it('forwards a renewed token to the panel once it has its session', () => {
    const { bridge, panel } = setUp();
    bridge.receive({ source: panel, origin: SERVICE, data: READY });
    bridge.tokenUpdated('flex-token-2');
    expect(panel.posted[1]).toEqual({
      message: { type: 'video-escalation:token', token: 'flex-token-2' },
      targetOrigin: SERVICE,
    });
  });

  it('keeps a renewal to itself before the handshake: the session will carry it', () => {
    const { bridge, panel } = setUp();
    bridge.tokenUpdated('flex-token-2');
    expect(panel.posted).toEqual([]);
  });
});

describe('call states', () => {
  const connected = {
    type: 'video-escalation:state',
    state: 'connected',
    roomSid: 'RM' + 'c'.repeat(32),
    recording: false,
    participants: ['agent', 'customer'],
  };

  it("hands on the panel's state messages", () => {
    const { bridge, panel, states } = setUp();
    bridge.receive({ source: panel, origin: SERVICE, data: connected });
    bridge.receive({
      source: panel,
      origin: SERVICE,
      data: { ...connected, state: 'idle', roomSid: null, participants: [] },
    });
    expect(states.map((message) => [message.state, message.roomSid])).toEqual([
      ['connected', connected.roomSid],
      ['idle', null],
    ]);
  });

  it('ignores state messages from elsewhere or with unknown values', () => {
    const { bridge, panel, states } = setUp();
    bridge.receive({ source: new FakeWindow(), origin: SERVICE, data: connected });
    bridge.receive({ source: panel, origin: 'https://evil.example', data: connected });
    bridge.receive({ source: panel, origin: SERVICE, data: { ...connected, state: 'on-hold' } });
    bridge.receive({ source: panel, origin: SERVICE, data: { ...connected, recording: 'yes' } });
    bridge.receive({ source: panel, origin: SERVICE, data: { ...connected, participants: [1] } });
    bridge.receive({ source: panel, origin: SERVICE, data: { ...connected, roomSid: 7 } });
    expect(states).toEqual([]);
  });
});

describe('equipment check results', () => {
  const check = {
    type: 'video-escalation:check',
    ok: false,
    camera: { ok: true, label: 'FaceTime HD Camera' },
    microphone: { ok: false, error: 'NotAllowedError' },
    network: { ok: true, rtt: 41, jitter: 2.5 },
  };

  it('hands on a check result from the panel, without its type', () => {
    const { bridge, panel, checks, states } = setUp();
    bridge.receive({ source: panel, origin: SERVICE, data: check });
    const { type: _type, ...detail } = check;
    expect(checks).toEqual([{ type: 'video-escalation:check', detail }]);
    expect(states).toEqual([]);
    expect(panel.posted).toEqual([]);
  });

  it('ignores check results from another window or origin', () => {
    const { bridge, panel, checks } = setUp();
    bridge.receive({ source: new FakeWindow(), origin: SERVICE, data: check });
    bridge.receive({ source: panel, origin: 'https://evil.example', data: check });
    expect(checks).toEqual([]);
  });

  it('keeps only bounded JSON data of a check result', () => {
    const { bridge, panel, checks } = setUp();
    const deep = { a: { b: { c: { d: { e: 1 } } } } };
    bridge.receive({
      source: panel,
      origin: SERVICE,
      data: {
        type: 'video-escalation:check',
        when: new Date(0),
        blob: new Map([['k', 'v']]),
        rtt: Number.NaN,
        list: [1, undefined, 'x', new Date(0)],
        long: 'x'.repeat(600),
        many: Array.from({ length: 40 }, (_, i) => i),
        deep,
      },
    });
    const detail = checks[0].detail;
    expect(Object.keys(detail).sort()).toEqual(['deep', 'list', 'long', 'many']);
    expect(detail.list).toEqual([1, null, 'x', null]);
    expect(detail.long).toBe('x'.repeat(500) + '…');
    expect(detail.many).toHaveLength(32);
    // the message's fields are level 1: nothing deeper than level 4 is kept
    expect(detail.deep).toEqual({ a: { b: {} } });
  });

  it('caps the number of keys it keeps', () => {
    const { bridge, panel, checks } = setUp();
    const wide = Object.fromEntries(Array.from({ length: 50 }, (_, i) => [`k${i}`, i]));
    bridge.receive({ source: panel, origin: SERVICE, data: { type: 'video-escalation:check', ...wide } });
    expect(Object.keys(checks[0].detail)).toHaveLength(32);
  });
});

describe('connectPanelBridge', () => {
  class FakeHost implements MessageHost {
    readonly listeners = new Set<(event: MessageEvent) => void>();
    addEventListener(_type: 'message', listener: (event: MessageEvent) => void): void {
      this.listeners.add(listener);
    }
    removeEventListener(_type: 'message', listener: (event: MessageEvent) => void): void {
      this.listeners.delete(listener);
    }
    dispatch(event: Pick<MessageEvent, 'source' | 'origin' | 'data'>): void {
      this.listeners.forEach((listener) => listener(event as MessageEvent));
    }
  }

  it("routes the page's messages and Flex's tokenUpdated to the bridge until disconnected", () => {
    const { bridge, panel } = setUp();
    const host = new FakeHost();
    const flexEvents = new EventEmitter();
    const disconnect = connectPanelBridge(bridge, host, flexEvents);

    host.dispatch({ source: panel as unknown as Window, origin: SERVICE, data: READY });
    flexEvents.emit('tokenUpdated', { token: 'flex-token-2', identity: 'agent' });
    expect(panel.posted.map((post) => post.message)).toEqual([
      { type: 'video-escalation:session', token: 'flex-token-1', taskSid: TASK_SID },
      { type: 'video-escalation:token', token: 'flex-token-2' },
    ]);

    disconnect();
    expect(host.listeners.size).toBe(0);
    expect(flexEvents.listenerCount('tokenUpdated')).toBe(0);
  });
});
