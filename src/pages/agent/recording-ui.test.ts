import { initialPanelState, reducePanel, type PanelEvent, type PanelState } from './panel-state';
import { recordingControl } from './recording-ui';

const inRoom = (recording: boolean, ...events: PanelEvent[]): PanelState =>
  [
    {
      type: 'connected',
      roomSid: 'RM1',
      self: { sid: 'PA0', identity: 'agent-WK0' },
      others: [],
      recording,
    } as PanelEvent,
    ...events,
  ].reduce(reducePanel, initialPanelState);

test('on-demand: start and stop are offered while connected', () => {
  expect(recordingControl('on-demand', inRoom(false))).toEqual({
    indicator: false,
    action: 'start',
    disabled: false,
    busy: false,
    policyNote: null,
    problem: null,
  });
  expect(recordingControl('on-demand', inRoom(true))).toMatchObject({
    indicator: true,
    action: 'stop',
    disabled: false,
  });
});

test('always: the control is disabled with the reason, recording or not', () => {
  expect(recordingControl('always', inRoom(true))).toMatchObject({
    indicator: true,
    action: 'stop',
    disabled: true,
    policyNote: 'always',
  });
  expect(recordingControl('always', inRoom(false))).toMatchObject({
    indicator: false,
    disabled: true,
    policyNote: 'always',
  });
});

test('off: start is disabled with the reason, but a running recording can still be stopped', () => {
  expect(recordingControl('off', inRoom(false))).toMatchObject({
    action: 'start',
    disabled: true,
    policyNote: 'off',
  });
  expect(recordingControl('off', inRoom(true))).toMatchObject({
    action: 'stop',
    disabled: false,
    policyNote: null,
  });
});

test('while a request runs the control waits; the service’s answer shows before the room catches up', () => {
  const busy = inRoom(false, { type: 'recordingRequested' });
  expect(recordingControl('on-demand', busy)).toMatchObject({ disabled: true, busy: true, action: 'start' });
  const answered = reducePanel(busy, { type: 'recordingAnswered', recording: true });
  expect(recordingControl('on-demand', answered)).toMatchObject({
    indicator: false,
    action: 'stop',
    disabled: false,
  });
});

test('a refusal is kept to be explained; nothing can be pressed outside a live connection', () => {
  const refused = inRoom(
    false,
    { type: 'recordingRequested' },
    { type: 'recordingFailed', problem: { kind: 'recording-disabled', retryAfterSeconds: null } },
  );
  expect(recordingControl('on-demand', refused).problem).toEqual({
    kind: 'recording-disabled',
    retryAfterSeconds: null,
  });
  expect(recordingControl('on-demand', inRoom(true, { type: 'reconnecting' }))).toMatchObject({
    indicator: true,
    disabled: true,
  });
  expect(recordingControl('on-demand', initialPanelState)).toMatchObject({
    indicator: false,
    disabled: true,
  });
});
