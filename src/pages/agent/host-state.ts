/** The `video-escalation:state` message (src/panel-protocol.ts), built from the panel's state.
 * The host sees six states; the panel's finer phases fold into them. */
import type { CallState, StateMessage } from '../../panel-protocol';
import { inCall, type PanelState, type Phase } from './panel-state';

const HOST_PHASE: Readonly<Record<Phase, CallState>> = {
  loading: 'idle',
  'no-host': 'idle',
  'waiting-for-host': 'idle',
  checking: 'idle',
  ready: 'idle',
  // The agent's own "another device took over" is not an error for Flex: the call goes on there.
  replaced: 'idle',
  starting: 'connecting',
  connecting: 'connecting',
  connected: 'connected',
  reconnecting: 'reconnecting',
  ended: 'ended',
  failed: 'error',
};

export function stateMessage(state: PanelState): StateMessage {
  // A practice call is no call of the task's: the host (the task's tab in Flex) sees none.
  if (state.practice)
    return {
      type: 'video-escalation:state',
      state: 'idle',
      roomSid: null,
      recording: false,
      participants: [],
    };
  const members = inCall(state.phase) ? [...(state.self ? [state.self] : []), ...state.others] : [];
  return {
    type: 'video-escalation:state',
    state: HOST_PHASE[state.phase],
    roomSid: state.roomSid,
    recording: inCall(state.phase) && state.recording,
    participants: [...new Set(members.map((member) => member.identity))],
  };
}

/** The host is told on every change, and only then: two messages are the same if their JSON is. */
export function sameMessage(a: StateMessage | null, b: StateMessage): boolean {
  return a !== null && JSON.stringify(a) === JSON.stringify(b);
}
