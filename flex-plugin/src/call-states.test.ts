import { createCallStates } from './call-states';
import { CallState } from './protocol';

const TASK_SID = 'WT' + 'd'.repeat(32);

function stateMessage(state: CallState) {
  return { type: 'video-escalation:state' as const, state, roomSid: null, recording: false, participants: [] };
}

describe('call states', () => {
  it.each<[CallState, boolean]>([
    ['idle', false],
    ['connecting', false],
    ['connected', true],
    ['reconnecting', true],
    ['ended', false],
    ['error', false],
  ])('a task whose panel last said %s is live: %s', (state, live) => {
    const states = createCallStates();
    states.record(TASK_SID, stateMessage(state));
    expect(states.isLive(TASK_SID)).toBe(live);
  });

  it('only the last state counts, per task', () => {
    const states = createCallStates();
    const other = 'WT' + 'e'.repeat(32);
    states.record(TASK_SID, stateMessage('connected'));
    states.record(other, stateMessage('connected'));
    states.record(TASK_SID, stateMessage('ended'));
    expect(states.isLive(TASK_SID)).toBe(false);
    expect(states.isLive(other)).toBe(true);
  });

  it('knows nothing of a task without a panel, or whose panel is gone', () => {
    const states = createCallStates();
    expect(states.isLive(TASK_SID)).toBe(false);
    states.record(TASK_SID, stateMessage('connected'));
    states.forget(TASK_SID);
    expect(states.isLive(TASK_SID)).toBe(false);
  });
});
