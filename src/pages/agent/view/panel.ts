/** Picks the screen for the panel's phase (a message, the setup before the call, the call) and
 * keeps it in step with the state. A new screen takes focus at its heading; changes within a
 * screen are said through the polite live region. */
import type { Heard } from '../../shared/captions';
import type { AssistChannel } from '../../shared/assist-channel';
import type { RemoteMediaTrack } from '../../shared/sdk';
import type { AgentStrings } from '../../shared/strings';
import { announce } from '../../shared/view/dom';
import { announcements } from '../announcements';
import { problemText } from '../labels';
import type { PanelMedia } from '../media';
import type { Member, PanelState, Phase } from '../panel-state';
import { isRetryable } from '../problems';
import type { TrackSink } from '../room';
import { renderCall, type CallActions, type CallOptions, type CallScreen } from './call';
import { renderMessage, type Message } from './message';
import { renderSetup, type SetupActions, type SetupScreen } from './setup';

export interface PanelActions extends SetupActions, CallActions {
  retry: () => void;
  startAnother: () => void;
  rejoinHere: () => void;
}

export interface PanelViewOptions extends CallOptions {
  /** Whether camera and microphone are already allowed, so the preview may start unasked. */
  mediaAllowed(): Promise<boolean>;
}

type Group = 'message' | 'setup' | 'call';

const GROUP: Readonly<Record<Phase, Group>> = {
  loading: 'message',
  'no-host': 'message',
  'waiting-for-host': 'message',
  checking: 'message',
  ended: 'message',
  replaced: 'message',
  failed: 'message',
  ready: 'setup',
  starting: 'setup',
  connecting: 'call',
  connected: 'call',
  reconnecting: 'call',
};

export interface PanelView extends TrackSink {
  render(state: PanelState, previous: PanelState): void;
  updateMedia(): void;
  notify(words: string): void;
  heard(heard: Heard): void;
  /** The current call's assist channel, for the call screen. */
  useAssist(channel: AssistChannel): void;
}

export function createPanelView(
  root: HTMLElement,
  announcer: HTMLElement,
  text: AgentStrings,
  media: PanelMedia,
  options: PanelViewOptions,
  actions: PanelActions,
): PanelView {
  let group: Group | null = null;
  let shownMessage = '';
  let setup: SetupScreen | null = null;
  let call: CallScreen | null = null;
  let assist: AssistChannel | null = null;

  const message = (state: PanelState): Message => {
    switch (state.phase) {
      case 'no-host':
        return { state: 'no-host', icon: 'link', title: text.noHostTitle, paragraphs: [text.noHostBody] };
      case 'waiting-for-host':
        return { state: 'waiting-for-host', busy: true, paragraphs: [text.waitingForHost] };
      case 'checking':
        return { state: 'checking', busy: true, paragraphs: [text.checkingRoom] };
      case 'ended':
        return {
          state: 'ended',
          icon: 'end',
          title: state.practice ? text.practiceEndedTitle : text.endedTitle,
          paragraphs: [state.practice ? text.practiceEndedBody : text.endedBody],
          action: { label: text.startAnother, onClick: actions.startAnother },
        };
      case 'replaced':
        return {
          state: 'replaced',
          icon: 'alert',
          title: text.replacedTitle,
          paragraphs: [text.replacedBody],
          action: { label: text.rejoinHere, onClick: actions.rejoinHere },
        };
      case 'failed': {
        const problem = state.problem ?? { kind: 'service', retryAfterSeconds: null };
        const config = problem.kind === 'config';
        return {
          state: config ? 'config-failed' : 'failed',
          icon: 'alert',
          title: config ? text.configFailedTitle : text.failedTitle,
          paragraphs: [config ? text.configFailedBody : problemText(problem, text)],
          action: isRetryable(problem.kind) ? { label: text.tryAgain, onClick: actions.retry } : undefined,
        };
      }
      default:
        return { state: 'loading', busy: true, paragraphs: [text.loading] };
    }
  };

  const mount = (next: Group) => {
    setup?.dispose();
    call?.dispose();
    setup = null;
    call = null;
    shownMessage = '';
    group = next;
    if (next === 'setup') {
      const screen = renderSetup(root, announcer, text, media, options.canChooseSpeaker, actions);
      setup = screen;
      void options.mediaAllowed().then((allowed) => allowed && setup === screen && screen.startPreview());
    } else if (next === 'call') {
      call = renderCall(root, announcer, text, media, options, actions);
      if (assist) call.useAssist(assist);
    }
  };

  return {
    render(state, previous) {
      const next = GROUP[state.phase];
      if (next !== group) mount(next);
      if (next === 'message') {
        const shown = message(state);
        const key = JSON.stringify(shown);
        if (key !== shownMessage) {
          shownMessage = key;
          renderMessage(root, shown);
        }
      }
      setup?.update(state);
      call?.update(state, previous);
      const said = announcements(previous, state, text);
      if (said.length) announce(announcer, said.join(' '));
    },
    updateMedia() {
      setup?.updateMedia();
      call?.updateMedia();
    },
    notify(words) {
      if (call) call.notify(words, 'ok');
      else announce(announcer, words);
    },
    heard(heard) {
      call?.heard(heard);
    },
    useAssist(channel: AssistChannel) {
      assist = channel;
      call?.useAssist(channel);
    },
    addTrack(track: RemoteMediaTrack, participant: Member) {
      call?.addTrack(track, participant);
    },
    removeTrack(track: RemoteMediaTrack) {
      call?.removeTrack(track);
    },
  };
}
