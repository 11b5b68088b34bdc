/** The agent's audio only (issue 21): their own choice, or the shared network rule
 * (shared/audio-only-rule.ts) applied to the agent's own network level, as the customer's page
 * applies it to theirs: offered after a weak spell, taken at level 0, video offered back once
 * the network has recovered. The camera's track is stopped, not just hidden (the network is what
 * it saves), and the customer's page is told over the assist channel's `audio-only` state. */
import type { AssistChannel } from '../shared/assist-channel';
import { watchNetwork } from '../shared/audio-only-rule';
import type { PanelMedia } from './media';

export interface AudioOnlyState {
  on: boolean;
  /** Why it is on or off now: the agent's choice, or the network's advice. */
  reason: 'chosen' | 'network';
  /** What the network's advice offers the agent now, to accept or dismiss; null for nothing. */
  offer: 'audio-only' | 'video' | null;
}

export interface AgentAudioOnly {
  /** The agent's button: audio only on or off by their choice. */
  toggle(): void;
  /** The agent takes what is offered. */
  accept(): void;
  /** The agent leaves things as they are ("Not now"). */
  dismiss(): void;
  stop(): void;
}

/** `ownLevel`: the agent's network level now (null while unmeasured); `show` is called with
 * every change, `taken` when the network took audio only without asking. */
export function agentAudioOnly(
  media: Pick<PanelMedia, 'setCameraOn'>,
  channel: Pick<AssistChannel, 'setState'>,
  ownLevel: () => number | null,
  show: (state: AudioOnlyState, taken: boolean) => void,
): AgentAudioOnly {
  let state: AudioOnlyState = { on: false, reason: 'chosen', offer: null };
  const change = (next: Partial<AudioOnlyState>, taken = false) => {
    state = { ...state, ...next };
    show(state, taken);
  };
  const set = (on: boolean, reason: AudioOnlyState['reason'], taken = false) => {
    change({ on, reason, offer: null }, taken);
    void media.setCameraOn(!on);
    channel.setState({ type: 'audio-only', on, reason });
  };
  const stop = watchNetwork(
    ownLevel,
    () => state.on,
    (advice) => {
      if (advice === 'take-audio-only') set(true, 'network', true);
      else change({ offer: advice === 'offer-audio-only' ? 'audio-only' : 'video' });
    },
  );
  return {
    toggle: () => set(!state.on, 'chosen'),
    accept() {
      if (state.offer) set(state.offer === 'audio-only', 'network');
    },
    dismiss: () => change({ offer: null }),
    stop,
  };
}
