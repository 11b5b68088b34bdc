/** The call: the customer large and the agent small, a waiting state until the customer is
 * there, status, recording and network at a glance, the controls, then recording and the
 * participants. In a Flex task canvas (about 400×600) the stage and controls stay put and the
 * rest scrolls; a wide window puts the rest beside the stage. */
import type { RecordingPolicy } from '../../shared/api';
import type { RemoteMediaTrack } from '../../shared/sdk';
import { fill, type AgentStrings } from '../../shared/strings';
import { stageBanner } from '../../shared/view/banner';
import { announce, h, icon, showScreen } from '../../shared/view/dom';
import { problemText } from '../labels';
import type { PanelMedia } from '../media';
import type { PanelState } from '../panel-state';
import { participantKind } from '../participants';
import type { Problem } from '../problems';
import type { TrackSink } from '../room';
import type { ShareOutcome } from '../screen-share';
import { confirmation } from './confirm';
import type { DeviceKind } from '../../shared/media';
import { devicePicker, mediaToggles, roundButton } from './media-controls';
import { selfVideo } from '../../shared/view/controls';
import { participantsSection } from './participants';
import { recordingSection } from './recording';

export interface CallActions {
  toggleMic: () => void;
  toggleCamera: () => void;
  selectDevice: (kind: DeviceKind, deviceId: string) => void;
  toggleShare: () => Promise<ShareOutcome | 'stopped'>;
  setRecording: (action: 'start' | 'stop') => void;
  remove: (identity: string) => Promise<Problem | null>;
  sendNewLink: () => Promise<Problem | null>;
  end: () => Promise<Problem | null>;
}

export interface CallOptions {
  policy: RecordingPolicy;
  canChooseSpeaker: boolean;
  canShareScreen: boolean;
}

export interface CallScreen extends TrackSink {
  update(state: PanelState, previous: PanelState): void;
  updateMedia(): void;
  notify(words: string, tone: 'ok' | 'problem'): void;
  dispose(): void;
}

const RECONNECTED_NOTICE_MS = 3000;
const NOTICE_MS = 8000;

function networkBars(label: string) {
  const element = h(
    'div',
    { class: 'network', role: 'img', hidden: true },
    h('span', { class: 'network-who' }, label),
    ...[1, 2, 3, 4, 5].map(() => h('span', { class: 'bar' })),
  );
  return {
    element,
    show(level: number | undefined, description: string) {
      element.hidden = level === undefined;
      element.dataset.level = String(level ?? 0);
      element.setAttribute('aria-label', fill(description, { level: level ?? 0 }));
    },
  };
}

export function renderCall(
  root: HTMLElement,
  announcer: HTMLElement,
  text: AgentStrings,
  media: PanelMedia,
  options: CallOptions,
  actions: CallActions,
): CallScreen {
  const customerVideo = h('video', {
    class: 'customer-video',
    autoplay: true,
    playsinline: true,
    'aria-label': text.stageLabel,
    hidden: true,
  });
  customerVideo.muted = true;
  const waitingText = h('p');
  const waiting = h('div', { class: 'waiting' }, h('div', { class: 'spinner' }), waitingText);
  const status = h('p', { class: 'status-pill' });
  const recordingBadge = h(
    'p',
    { class: 'recording-badge', hidden: true },
    h('span', { class: 'dot' }),
    text.recordingIndicator,
  );
  const ownNetwork = networkBars(text.you);
  const customerNetwork = networkBars(text.customer);
  const banner = stageBanner();
  const self = selfVideo('self-view', text.selfViewLabel);

  const toggles = mediaToggles(text, actions);
  const share = roundButton('share', () => void toggleShare());
  const devices = devicePicker(text, media, options.canChooseSpeaker, (kind, deviceId) => {
    actions.selectDevice(kind, deviceId);
    if (kind === 'speaker')
      for (const element of audioSinks.querySelectorAll('audio')) setSink(element, deviceId);
  });
  const endButton = h(
    'button',
    { type: 'button', class: 'end', 'data-control': 'end', title: text.endSession },
    icon('leave'),
    h('span', { class: 'end-label' }, text.endSession),
  );
  const endConfirm = confirmation(
    text,
    endButton,
    { question: text.confirmEnd, confirm: text.confirmEndAction, busy: text.ending },
    async () => {
      const problem = await actions.end();
      if (problem) {
        endConfirm.close();
        notify(`${text.endFailed} ${problemText(problem, text)}`, 'problem');
      }
    },
  );
  share.element.hidden = !options.canShareScreen;

  const notice = h('p', { class: 'notice', hidden: true });
  const recording = recordingSection(text, options.policy, actions.setRecording);
  const people = participantsSection(text, {
    remove: actions.remove,
    sendNewLink: actions.sendNewLink,
    notify: (words, tone) => notify(words, tone),
  });
  const audioSinks = h('div', { hidden: true });

  const screen = h(
    'section',
    { class: 'screen call', 'data-state': 'connecting' },
    h('h1', { class: 'visually-hidden', tabindex: '-1' }, text.pageTitle),
    h(
      'div',
      { class: 'call-main' },
      h(
        'div',
        { class: 'stage' },
        customerVideo,
        waiting,
        h('div', { class: 'top-bar' }, status, recordingBadge, ownNetwork.element, customerNetwork.element),
        banner.element,
        self.element,
      ),
      h(
        'div',
        { class: 'toolbar', role: 'toolbar', 'aria-label': text.controlsLabel },
        toggles.mic,
        toggles.camera,
        share.element,
        devices.toggle,
        endButton,
      ),
      endConfirm.element,
      devices.panel,
    ),
    h('div', { class: 'call-side' }, notice, recording.element, people.element),
    audioSinks,
  );
  showScreen(root, screen);

  let noticeTimer: ReturnType<typeof setTimeout> | undefined;
  function notify(words: string, tone: 'ok' | 'problem') {
    clearTimeout(noticeTimer);
    notice.textContent = words;
    notice.dataset.tone = tone;
    notice.hidden = false;
    noticeTimer = setTimeout(() => (notice.hidden = true), NOTICE_MS);
    announce(announcer, words);
  }

  let sharing = false;
  async function toggleShare() {
    share.element.disabled = true;
    const outcome = await actions.toggleShare();
    share.element.disabled = false;
    if (outcome === 'failed') notify(text.shareFailed, 'problem');
  }

  /** Remote video by participant SID: the stage shows the first customer's latest track. */
  const videos = new Map<string, RemoteMediaTrack>();
  let current: PanelState | null = null;
  let shownVideo: RemoteMediaTrack | null = null;
  let customerWasHere = false;
  const customerIn = (state: PanelState) =>
    state.others.find((m) => participantKind(m.identity, null) === 'customer') ?? null;
  const drawStage = () => {
    if (!current) return;
    const customer = customerIn(current);
    customerWasHere = customerWasHere || customer !== null;
    const track = customer ? (videos.get(customer.sid) ?? null) : null;
    if (track !== shownVideo) {
      shownVideo?.detach();
      shownVideo = track;
      track?.attach(customerVideo);
    }
    customerVideo.hidden = !track;
    const phase = current.phase;
    screen.dataset.state = phase === 'connected' ? (customer ? 'live' : 'waiting') : phase;
    waiting.hidden = track !== null;
    waitingText.textContent =
      phase === 'connecting'
        ? text.connecting
        : customer
          ? text.customerCameraOff
          : current.customerLinkRevoked
            ? text.customerRemoved
            : customerWasHere
              ? text.customerLeft
              : text.waitingForCustomer;
    customerNetwork.show(customer ? current.network[customer.sid] : undefined, text.networkCustomer);
  };

  const updateMedia = () => {
    self.show(media.video, text.previewOff);
    toggles.update(media);
    share.set('screen', sharing ? text.stopSharing : text.shareScreen, false, current?.phase !== 'connected');
    share.element.classList.toggle('active', sharing);
  };
  updateMedia();

  return {
    updateMedia,
    notify,
    update(state, previous) {
      current = state;
      drawStage();
      status.textContent =
        state.phase === 'connected'
          ? customerIn(state)
            ? text.statusConnected
            : text.statusWaiting
          : state.phase === 'reconnecting'
            ? text.statusReconnecting
            : text.connecting;
      status.dataset.phase = state.phase;
      recordingBadge.hidden = !(state.recording && state.phase !== 'connecting');
      ownNetwork.show(state.self ? state.network[state.self.sid] : undefined, text.networkYou);
      if (state.phase === 'reconnecting')
        banner.show(state.self ? text.reconnecting : text.rejoining, 'warning');
      else if (previous.phase === 'reconnecting' && state.phase === 'connected')
        banner.show(text.reconnected, 'ok', RECONNECTED_NOTICE_MS);
      if (sharing !== state.sharing) {
        sharing = state.sharing;
        updateMedia();
        announce(announcer, sharing ? text.sharing : text.shareStopped);
      }
      share.element.disabled = state.phase !== 'connected';
      endButton.disabled = state.phase === 'connecting';
      recording.update(state);
      people.update(state);
    },
    addTrack(track, participant) {
      if (track.kind === 'audio') {
        const element = track.attach();
        if (media.speakerId) setSink(element, media.speakerId);
        audioSinks.append(element);
      } else if (track.kind === 'video') {
        videos.set(participant.sid, track);
        drawStage();
      }
    },
    removeTrack(track) {
      if (track.kind === 'audio') {
        for (const element of track.detach()) element.remove();
        return;
      }
      for (const [sid, shown] of videos) if (shown === track) videos.delete(sid);
      drawStage();
    },
    dispose() {
      clearTimeout(noticeTimer);
      banner.dispose();
      devices.dispose();
      shownVideo?.detach();
      for (const element of audioSinks.querySelectorAll('audio')) element.remove();
    },
  };
}

/** setSinkId is missing in some browsers (Firefox before 116, Safari); there the system picks. */
function setSink(element: HTMLMediaElement, deviceId: string): void {
  const withSink = element as HTMLMediaElement & { setSinkId?: (id: string) => Promise<void> };
  withSink.setSinkId?.(deviceId).catch(() => undefined);
}
