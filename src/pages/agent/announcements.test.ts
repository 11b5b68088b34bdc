import { agentStringsFor } from '../shared/strings';
import { announcements } from './announcements';
import { initialPanelState, reducePanel, type PanelEvent, type PanelState } from './panel-state';

const text = agentStringsFor(['en']).text;
const SELF = { sid: 'PA0', identity: `agent-WK${'a'.repeat(32)}` };
const CUSTOMER = { sid: 'PA1', identity: 'customer-AbCdEfGhIjKlMnOp' };
const connected: PanelEvent = { type: 'connected', roomSid: 'RM1', self: SELF, others: [], recording: false };
const run = (...events: PanelEvent[]): PanelState => events.reduce(reducePanel, initialPanelState);
const said = (before: PanelState, event: PanelEvent) =>
  announcements(before, reducePanel(before, event), text);

test('who joins and leaves, by label; an unexpected one with their identity', () => {
  const live = run(connected);
  expect(said(live, { type: 'participantConnected', member: CUSTOMER })).toEqual([
    'Customer joined the call.',
  ]);
  expect(said(live, { type: 'participantConnected', member: { sid: 'PA9', identity: 'spy' } })).toEqual([
    'Unexpected participant “spy” joined the call.',
  ]);
  expect(
    said(run(connected, { type: 'participantConnected', member: CUSTOMER }), {
      type: 'participantDisconnected',
      member: CUSTOMER,
    }),
  ).toEqual(['Customer left the call.']);
});

test('recording and the connection are announced; connecting itself is not', () => {
  const live = run(connected);
  expect(said(live, { type: 'recordingChanged', recording: true })).toEqual(['Recording started.']);
  expect(
    said(run(connected, { type: 'recordingChanged', recording: true }), {
      type: 'recordingChanged',
      recording: false,
    }),
  ).toEqual(['Recording stopped.']);
  expect(said(live, { type: 'transcriptionAnswered', on: true })).toEqual(['Transcription started.']);
  expect(
    said(run(connected, { type: 'transcriptionAnswered', on: true }), {
      type: 'transcriptionAnswered',
      on: false,
    }),
  ).toEqual(['Transcription stopped.']);
  expect(said(live, { type: 'reconnecting' })).toEqual(['Connection lost. Reconnecting…']);
  expect(said(run(connected, { type: 'reconnecting' }), { type: 'reconnected' })).toEqual(['Reconnected.']);
  expect(said(live, { type: 'rejoining' })).toEqual(['Rejoining the call…']);
  expect(said(run(connected, { type: 'rejoining' }), { ...connected, others: [CUSTOMER] })).toEqual([
    'Reconnected.',
  ]);
  expect(
    said(run({ type: 'connecting', roomSid: 'RM1' }), { ...connected, others: [CUSTOMER], recording: true }),
  ).toEqual([]);
});
