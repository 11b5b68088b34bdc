import { problem } from './problems';
import { initialPanelState, reducePanel, type PanelEvent, type PanelState } from './panel-state';
import { transcriptionControl } from './transcription-ui';

const inRoom = (...events: PanelEvent[]): PanelState =>
  [
    {
      type: 'connected',
      roomSid: 'RM1',
      self: { sid: 'PA0', identity: 'agent-WK0' },
      others: [],
      recording: false,
    } as PanelEvent,
    ...events,
  ].reduce(reducePanel, initialPanelState);

test('on-demand: start, busy while asked, then stop once the service says it runs', () => {
  expect(transcriptionControl('on-demand', inRoom())).toEqual({
    shown: true,
    on: false,
    action: 'start',
    disabled: false,
    busy: false,
    policyNote: null,
    problem: null,
  });
  expect(transcriptionControl('on-demand', inRoom({ type: 'transcriptionRequested' }))).toMatchObject({
    busy: true,
    disabled: true,
  });
  const started = inRoom({ type: 'transcriptionRequested' }, { type: 'transcriptionAnswered', on: true });
  expect(transcriptionControl('on-demand', started)).toMatchObject({
    on: true,
    action: 'stop',
    disabled: false,
  });
});

test('a refusal is kept to be said, and the switch stays as it was', () => {
  const refused = problem('transcription-unavailable');
  const state = inRoom({ type: 'transcriptionRequested' }, { type: 'transcriptionFailed', problem: refused });
  expect(transcriptionControl('on-demand', state)).toMatchObject({
    on: false,
    busy: false,
    disabled: false,
    problem: refused,
  });
});

test('always: shown on and not stoppable; off: not shown', () => {
  expect(transcriptionControl('always', inRoom())).toMatchObject({
    shown: true,
    on: true,
    disabled: true,
    policyNote: 'always',
  });
  expect(transcriptionControl('off', inRoom()).shown).toBe(false);
});

test('outside a call nothing is on, and leaving forgets the answer', () => {
  expect(transcriptionControl('always', initialPanelState).on).toBe(false);
  const left = reducePanel(inRoom({ type: 'transcriptionAnswered', on: true }), { type: 'ended' });
  expect(left.transcription.on).toBe(false);
  // An answer arriving after the call is not taken for the next one.
  expect(reducePanel(left, { type: 'transcriptionAnswered', on: true }).transcription.on).toBe(false);
});
