import type { StateMessage } from '../../panel-protocol';
import { sameMessage, stateMessage } from './host-state';
import { initialPanelState, reducePanel, type PanelEvent, type PanelState } from './panel-state';

const ROOM = `RM${'1'.repeat(32)}`;
const SELF = { sid: 'PA0', identity: `agent-WK${'a'.repeat(32)}` };
const CUSTOMER = { sid: 'PA1', identity: 'customer-AbCdEfGhIjKlMnOp' };

const run = (...events: PanelEvent[]): PanelState => events.reduce(reducePanel, initialPanelState);

/** The protocol's shape (src/panel-protocol.ts), exactly: these five keys and no other, each of its type. */
function expectContractShape(message: StateMessage): void {
  expect(Object.keys(message).sort()).toEqual(['participants', 'recording', 'roomSid', 'state', 'type']);
  expect(message.type).toBe('video-escalation:state');
  expect(['idle', 'connecting', 'connected', 'reconnecting', 'ended', 'error']).toContain(message.state);
  expect(message.roomSid === null || /^RM[0-9a-f]{32}$/.test(message.roomSid)).toBe(true);
  expect(typeof message.recording).toBe('boolean');
  expect(
    Array.isArray(message.participants) && message.participants.every((p) => typeof p === 'string'),
  ).toBe(true);
}

test('every phase folds into one of the six host states, in the contract shape', () => {
  const journey: [PanelEvent, Partial<StateMessage>][] = [
    [{ type: 'waitingForHost' }, { state: 'idle', roomSid: null }],
    [{ type: 'session' }, { state: 'idle', roomSid: null }],
    [{ type: 'noRoom' }, { state: 'idle', roomSid: null }],
    [{ type: 'starting' }, { state: 'connecting', roomSid: null }],
    [
      { type: 'connecting', roomSid: ROOM },
      { state: 'connecting', roomSid: ROOM, participants: [] },
    ],
    [
      { type: 'connected', roomSid: ROOM, self: SELF, others: [], recording: false },
      { state: 'connected', participants: [SELF.identity] },
    ],
    [
      { type: 'participantConnected', member: CUSTOMER },
      { state: 'connected', participants: [SELF.identity, CUSTOMER.identity] },
    ],
    [{ type: 'recordingChanged', recording: true }, { recording: true }],
    [
      { type: 'reconnecting' },
      { state: 'reconnecting', recording: true, participants: [SELF.identity, CUSTOMER.identity] },
    ],
    [{ type: 'reconnected' }, { state: 'connected' }],
    [{ type: 'rejoining' }, { state: 'reconnecting', roomSid: ROOM, recording: false, participants: [] }],
    [
      { type: 'connecting', roomSid: ROOM },
      { state: 'reconnecting', participants: [] },
    ],
    [
      { type: 'connected', roomSid: ROOM, self: SELF, others: [CUSTOMER], recording: true },
      { state: 'connected', recording: true },
    ],
    [{ type: 'ended' }, { state: 'ended', roomSid: ROOM, recording: false, participants: [] }],
  ];
  let state = initialPanelState;
  for (const [event, expected] of journey) {
    state = reducePanel(state, event);
    const message = stateMessage(state);
    expectContractShape(message);
    expect([event.type, message]).toEqual([event.type, expect.objectContaining(expected)]);
  }
  expect(
    stateMessage(run({ type: 'failed', problem: { kind: 'signed-out', retryAfterSeconds: null } })).state,
  ).toBe('error');
  expect(stateMessage(run({ type: 'connecting', roomSid: ROOM }, { type: 'replaced' }))).toEqual({
    type: 'video-escalation:state',
    state: 'idle',
    roomSid: ROOM,
    recording: false,
    participants: [],
  });
});

test('a customer reconnecting shows up once, though the SDK briefly has two participants for them', () => {
  const state = run(
    { type: 'connected', roomSid: ROOM, self: SELF, others: [CUSTOMER], recording: false },
    { type: 'participantConnected', member: { sid: 'PA2', identity: CUSTOMER.identity } },
  );
  expect(stateMessage(state).participants).toEqual([SELF.identity, CUSTOMER.identity]);
});

test('the same message twice is not a change', () => {
  const a = stateMessage(run({ type: 'session' }));
  expect(sameMessage(null, a)).toBe(false);
  expect(sameMessage(a, stateMessage(run({ type: 'noRoom' })))).toBe(true);
  expect(sameMessage(a, stateMessage(run({ type: 'starting' })))).toBe(false);
});

test('a practice call is no call of the task’s: the host sees the panel idle throughout, with no room', () => {
  const practising = run(
    { type: 'session' },
    { type: 'noRoom' },
    { type: 'starting' },
    { type: 'practice', joinUrl: 'https://x.example/join.html#invite=y', endsAt: 0 },
    { type: 'connecting', roomSid: ROOM },
    { type: 'connected', roomSid: ROOM, self: SELF, others: [CUSTOMER], recording: false },
  );
  const message = stateMessage(practising);
  expectContractShape(message);
  expect(message).toEqual({
    type: 'video-escalation:state',
    state: 'idle',
    roomSid: null,
    recording: false,
    participants: [],
  });
  // Back on the task's setup, the practice is forgotten.
  expect(reducePanel(practising, { type: 'noRoom' }).practice).toBeNull();
});
