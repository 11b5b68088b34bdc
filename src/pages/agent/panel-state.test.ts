import { initialPanelState, reducePanel, type PanelEvent, type PanelState } from './panel-state';

const ROOM = `RM${'1'.repeat(32)}`;
const SELF = { sid: 'PA0', identity: 'agent-WK0' };
const CUSTOMER = { sid: 'PA1', identity: 'customer-AbCdEfGhIjKlMnOp' };
const BUSY = { kind: 'busy' as const, retryAfterSeconds: 5 };

const run = (...events: PanelEvent[]): PanelState => events.reduce(reducePanel, initialPanelState);
const inRoom = (...events: PanelEvent[]) =>
  run({ type: 'connected', roomSid: ROOM, self: SELF, others: [], recording: false }, ...events);

test('a failed start goes back to the offer, with the reason', () => {
  const state = run(
    { type: 'session' },
    { type: 'noRoom' },
    { type: 'starting' },
    { type: 'startFailed', problem: BUSY },
  );
  expect(state).toMatchObject({ phase: 'ready', problem: BUSY, roomSid: null });
  expect(reducePanel(state, { type: 'starting' }).problem).toBeNull();
});

test('participants come and go by SID, only while in the room', () => {
  let state = inRoom({ type: 'participantConnected', member: CUSTOMER });
  expect(state.others).toEqual([CUSTOMER]);
  state = reducePanel(state, { type: 'networkLevel', sid: CUSTOMER.sid, level: 3 });
  state = reducePanel(state, { type: 'participantDisconnected', member: CUSTOMER });
  expect(state.others).toEqual([]);
  expect(state.network).toEqual({});
  expect(run({ type: 'participantConnected', member: CUSTOMER }).others).toEqual([]);
});

test('the room is the truth about recording; the service’s answer only bridges the gap', () => {
  let state = inRoom({ type: 'recordingRequested' });
  expect(state.recordingRequest).toEqual({ busy: true, answered: null, problem: null });
  state = reducePanel(state, { type: 'recordingAnswered', recording: true });
  expect(state).toMatchObject({ recording: false, recordingRequest: { busy: false, answered: true } });
  state = reducePanel(state, { type: 'recordingChanged', recording: true });
  expect(state).toMatchObject({ recording: true, recordingRequest: { answered: null } });
  // An answer the room already shows leaves nothing to bridge.
  expect(
    reducePanel(state, { type: 'recordingAnswered', recording: true }).recordingRequest.answered,
  ).toBeNull();

  const refused = reducePanel(reducePanel(state, { type: 'recordingRequested' }), {
    type: 'recordingFailed',
    problem: BUSY,
  });
  expect(refused.recordingRequest).toEqual({ busy: false, answered: null, problem: BUSY });
  expect(reducePanel(refused, { type: 'recordingRequested' }).recordingRequest.problem).toBeNull();
});

test('reconnecting keeps the room; rejoining and ending leave it, keeping its SID for the host', () => {
  const live = inRoom(
    { type: 'participantConnected', member: CUSTOMER },
    { type: 'recordingChanged', recording: true },
  );
  const reconnecting = reducePanel(live, { type: 'reconnecting' });
  expect(reconnecting).toMatchObject({ phase: 'reconnecting', others: [CUSTOMER], recording: true });
  expect(reducePanel(reconnecting, { type: 'reconnected' }).phase).toBe('connected');

  const rejoining = reducePanel(reconnecting, { type: 'rejoining' });
  expect(rejoining).toMatchObject({
    phase: 'reconnecting',
    roomSid: ROOM,
    self: null,
    others: [],
    recording: false,
  });
  // Only a fresh connect brings the panel back, not a late `reconnected` of the old room.
  expect(reducePanel(rejoining, { type: 'reconnected' }).phase).toBe('reconnecting');
  expect(reducePanel(rejoining, { type: 'connecting', roomSid: ROOM }).phase).toBe('reconnecting');
  expect(run({ type: 'connecting', roomSid: ROOM }).phase).toBe('connecting');

  expect(reducePanel(live, { type: 'ended' })).toMatchObject({
    phase: 'ended',
    roomSid: ROOM,
    others: [],
    recording: false,
    network: {},
  });
});

test('network levels by participant; an unmeasured level is dropped', () => {
  let state = inRoom({ type: 'networkLevel', sid: SELF.sid, level: 4 });
  expect(state.network).toEqual({ PA0: 4 });
  state = reducePanel(state, { type: 'networkLevel', sid: SELF.sid, level: null });
  expect(state.network).toEqual({});
  expect(run({ type: 'networkLevel', sid: SELF.sid, level: 4 }).network).toEqual({});
});

test('sharing is a state of the call only', () => {
  const sharing = inRoom({ type: 'sharing', on: true });
  expect(sharing.sharing).toBe(true);
  expect(reducePanel(sharing, { type: 'sharing', on: false }).sharing).toBe(false);
  expect(reducePanel(sharing, { type: 'rejoining' }).sharing).toBe(false);
  expect(run({ type: 'sharing', on: true }).sharing).toBe(false);
});

test('a removed customer’s link stays revoked through a rejoin, until a new link or another room', () => {
  let state = inRoom({ type: 'participantConnected', member: CUSTOMER }, { type: 'customerRemoved' });
  expect(state.customerLinkRevoked).toBe(true);
  state = reducePanel(state, { type: 'reconnecting' });
  state = reducePanel(state, { type: 'connected', roomSid: ROOM, self: SELF, others: [], recording: false });
  expect(state.customerLinkRevoked).toBe(true);
  expect(reducePanel(state, { type: 'linkSent' }).customerLinkRevoked).toBe(false);
  expect(reducePanel(state, { type: 'ended' }).customerLinkRevoked).toBe(false);
});

test('the customer’s microphone off follows their track events and is forgotten when they leave', () => {
  const muted = inRoom({ type: 'remoteMic', sid: CUSTOMER.sid, on: false });
  expect(muted.micOff).toEqual([CUSTOMER.sid]);
  expect(reducePanel(muted, { type: 'remoteMic', sid: CUSTOMER.sid, on: false })).toBe(muted);
  expect(reducePanel(muted, { type: 'remoteMic', sid: CUSTOMER.sid, on: true }).micOff).toEqual([]);
  expect(reducePanel(muted, { type: 'participantDisconnected', member: CUSTOMER }).micOff).toEqual([]);
  expect(run({ type: 'remoteMic', sid: CUSTOMER.sid, on: false }).micOff).toEqual([]);
});
