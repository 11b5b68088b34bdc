/** The call: the customer large and the agent small, a waiting state until the customer is
 * there, status, recording and network at a glance, the controls, then recording and the
 * participants. In a Flex task canvas (about 400×600) the stage and controls stay put and the
 * rest scrolls; a wide window puts the rest beside the stage. */
import type { RecordingPolicy, TranscriptionPolicy } from '../../shared/api';
import type { Heard } from '../../shared/captions';
import { captionsView } from '../../shared/view/captions';
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
import type { AssistChannel } from '../../shared/assist-channel';
import { agentAssist } from './assist';
import { confirmation } from './confirm';
import type { DeviceKind } from '../../shared/media';
import { devicePicker, mediaToggles, roundButton } from './media-controls';
import { selfVideo } from '../../shared/view/controls';
import { participantsSection } from './participants';
import { recordingSection } from './recording';
import { transcriptionSection } from './transcription';
import { callSwitches } from '../practice';
import { snapshotSection } from './snapshot';
import type { SnapshotPolicy } from '../../../contract';
import type { SnapshotResult } from '../snapshot';

export interface CallActions {
  toggleMic: () => void;
  toggleCamera: () => void;
  selectDevice: (kind: DeviceKind, deviceId: string) => void;
  toggleShare: () => Promise<ShareOutcome | 'stopped'>;
  setRecording: (action: 'start' | 'stop') => void;
  setTranscription: (action: 'start' | 'stop') => void;
  remove: (identity: string) => Promise<Problem | null>;
  sendNewLink: () => Promise<Problem | null>;
  end: () => Promise<Problem | null>;
  /** `onReceived`: the customer's page has the request. */
  takePicture: (onReceived: () => void) => Promise<SnapshotResult>;
}

export interface CallOptions {
  policy: RecordingPolicy;
  transcriptionPolicy: TranscriptionPolicy;
  snapshots: SnapshotPolicy;
  canChooseSpeaker: boolean;
  canShareScreen: boolean;
}

export interface CallScreen extends TrackSink {
  /** The call's assist channel (issue 21): the assist's controls and pointing on the stage. */
  useAssist(channel: AssistChannel): void;
  update(state: PanelState, previous: PanelState): void;
  updateMedia(): void;
  notify(words: string, tone: 'ok' | 'problem'): void;
  /** A transcription result: captioned if it is a customer's. */
  heard(heard: Heard): void;
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

/** The stage: the customer's video (or why there is none), the agent's own small, and the
 * status, recording and network at a glance, with the connection's banners. */
function callStage(text: AgentStrings, media: PanelMedia) {
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
  const customerMicOff = h('p', { class: 'mic-off', hidden: true }, icon('mic-off'), text.customerMicOff);
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
  const element = h(
    'div',
    { class: 'stage' },
    customerVideo,
    waiting,
    h('div', { class: 'top-bar' }, status, recordingBadge, ownNetwork.element, customerNetwork.element),
    customerMicOff,
    banner.element,
    self.element,
  );

  /** Remote video by participant SID: the stage shows the first customer's latest track. */
  const videos = new Map<string, RemoteMediaTrack>();
  let shownVideo: RemoteMediaTrack | null = null;
  let customerWasHere = false;
  const customerIn = (state: PanelState) =>
    state.others.find((m) => participantKind(m.identity, null) === 'customer') ?? null;

  return {
    element,
    customerVideo,
    videos,
    showSelf: () => self.show(media.video, text.previewOff),
    /** The customer's side of the stage; returns the screen's data-state. */
    showCustomer(state: PanelState): string {
      const customer = customerIn(state);
      customerWasHere = customerWasHere || customer !== null;
      const track = customer ? (videos.get(customer.sid) ?? null) : null;
      if (track !== shownVideo) {
        shownVideo?.detach();
        shownVideo = track;
        track?.attach(customerVideo);
      }
      customerVideo.hidden = !track;
      customerMicOff.hidden = !customer || !state.micOff.includes(customer.sid);
      const phase = state.phase;
      waiting.hidden = track !== null;
      waitingText.textContent =
        phase === 'connecting'
          ? text.connecting
          : customer
            ? text.customerCameraOff
            : state.customerLinkRevoked
              ? text.customerRemoved
              : customerWasHere
                ? text.customerLeft
                : text.waitingForCustomer;
      customerNetwork.show(customer ? state.network[customer.sid] : undefined, text.networkCustomer);
      return phase === 'connected' ? (customer ? 'live' : 'waiting') : phase;
    },
    /** The agent's own side: the status pill, the recording badge, their network, the banners. */
    showConnection(state: PanelState, previous: PanelState): void {
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
    },
    dispose() {
      banner.dispose();
      shownVideo?.detach();
    },
  };
}

/** A passing notice beside the stage, also said through the live region. */
function callNotice(announcer: HTMLElement) {
  const element = h('p', { class: 'notice', hidden: true });
  let timer: ReturnType<typeof setTimeout> | undefined;
  const notify = (words: string, tone: 'ok' | 'problem') => {
    clearTimeout(timer);
    element.textContent = words;
    element.dataset.tone = tone;
    element.hidden = false;
    timer = setTimeout(() => (element.hidden = true), NOTICE_MS);
    announce(announcer, words);
  };
  return {
    element,
    notify,
    dispose: () => clearTimeout(timer),
  };
}

/** Where the remote audio plays, on the speaker the agent chose. */
function remoteAudio(media: PanelMedia) {
  const element = h('div', { hidden: true });
  const players = () => element.querySelectorAll('audio');
  return {
    element,
    add(track: RemoteMediaTrack) {
      const player = track.attach();
      if (media.speakerId) setSink(player, media.speakerId);
      element.append(player);
    },
    remove(track: RemoteMediaTrack) {
      for (const player of track.detach()) player.remove();
    },
    useSpeaker(deviceId: string) {
      for (const player of players()) setSink(player, deviceId);
    },
    dispose() {
      for (const player of players()) player.remove();
    },
  };
}

/** The toolbar: microphone, camera, screen share, devices, and End (with its confirmation). */
function callToolbar(
  text: AgentStrings,
  media: PanelMedia,
  options: CallOptions,
  actions: CallActions,
  audio: ReturnType<typeof remoteAudio>,
  notify: (words: string, tone: 'ok' | 'problem') => void,
) {
  const toggles = mediaToggles(text, actions);
  const share = roundButton('share', () => void toggleShare());
  const devices = devicePicker(text, media, options.canChooseSpeaker, (kind, deviceId) => {
    actions.selectDevice(kind, deviceId);
    if (kind === 'speaker') audio.useSpeaker(deviceId);
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
  async function toggleShare() {
    share.element.disabled = true;
    const outcome = await actions.toggleShare();
    share.element.disabled = false;
    if (outcome === 'failed') notify(text.shareFailed, 'problem');
  }

  return {
    element: h(
      'div',
      { class: 'toolbar', role: 'toolbar', 'aria-label': text.controlsLabel },
      toggles.mic,
      toggles.camera,
      share.element,
      devices.toggle,
      endButton,
    ),
    endConfirm: endConfirm.element,
    devicePanel: devices.panel,
    showMedia(sharing: boolean, phase: PanelState['phase'] | undefined) {
      toggles.update(media);
      share.set('screen', sharing ? text.stopSharing : text.shareScreen, false, phase !== 'connected');
      share.element.classList.toggle('active', sharing);
    },
    showPhase(phase: PanelState['phase']) {
      share.element.disabled = phase !== 'connected';
      endButton.disabled = phase === 'connecting';
    },
    dispose: () => devices.dispose(),
  };
}

/** In a practice call: the trainer's link, to copy and send (there is no chat to post it in). */
function practiceSection(text: AgentStrings, notify: (words: string, tone: 'ok' | 'problem') => void) {
  const link = h('input', {
    type: 'text',
    readonly: true,
    class: 'practice-link',
    'data-control': 'practice-link',
    'aria-label': text.practiceLinkLabel,
  });
  const copy = h(
    'button',
    { type: 'button', class: 'button', 'data-control': 'copy-practice-link' },
    text.practiceCopy,
  );
  copy.addEventListener('click', () => {
    void navigator.clipboard?.writeText(link.value).then(
      () => notify(text.practiceCopied, 'ok'),
      () => link.select(),
    );
  });
  const element = h(
    'section',
    { class: 'practice', 'aria-labelledby': 'practice-title', hidden: true },
    h('h2', { id: 'practice-title' }, text.practiceTitle),
    h('p', {}, text.practiceLinkLabel),
    link,
    copy,
    h('p', {}, text.practiceEnds),
  );
  return {
    element,
    update(state: PanelState) {
      element.hidden = state.practice === null;
      link.value = state.practice?.joinUrl ?? '';
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
  const stage = callStage(text, media);
  const notice = callNotice(announcer);
  const notify = notice.notify;
  const audio = remoteAudio(media);
  const toolbar = callToolbar(text, media, options, actions, audio, notify);
  const recording = recordingSection(text, options.policy, actions.setRecording);
  const captions = captionsView(
    { toggle: text.captions, region: text.captionsRegion },
    (identity) => participantKind(identity, null) === 'customer',
  );
  // First, so that the stage's words below it (a banner, the customer's microphone off) can move
  // up above it while it shows (panel.css).
  stage.element.prepend(captions.box);
  const transcription = transcriptionSection(
    text,
    options.transcriptionPolicy,
    actions.setTranscription,
    captions.toggle,
  );
  const practice = practiceSection(text, notify);
  const snapshots =
    options.snapshots === 'off' ? null : snapshotSection(text, options.snapshots, actions.takePicture);
  const people = participantsSection(text, {
    remove: actions.remove,
    sendNewLink: actions.sendNewLink,
    notify,
  });

  const screen = h(
    'section',
    { class: 'screen call', 'data-state': 'connecting' },
    h('h1', { class: 'visually-hidden', tabindex: '-1' }, text.pageTitle),
    h('div', { class: 'call-main' }, stage.element, toolbar.element, toolbar.endConfirm, toolbar.devicePanel),
    h(
      'div',
      { class: 'call-side' },
      notice.element,
      practice.element,
      recording.element,
      transcription.element,
      snapshots?.element ?? null,
      people.element,
    ),
    audio.element,
  );
  showScreen(root, screen);

  let current: PanelState | null = null;
  let sharing = false;
  let assist: ReturnType<typeof agentAssist> | null = null;
  const drawStage = () => {
    if (current) screen.dataset.state = stage.showCustomer(current);
  };
  const updateMedia = () => {
    stage.showSelf();
    toolbar.showMedia(sharing, current?.phase);
  };
  updateMedia();

  return {
    updateMedia,
    notify,
    useAssist(channel) {
      assist?.dispose();
      assist = agentAssist(
        {
          stage: stage.element,
          customerVideo: stage.customerVideo,
          after: toolbar.element,
          notify,
          announce: (words) => announce(announcer, words),
          ownNetworkLevel: () => (current?.self ? (current.network[current.self.sid] ?? null) : null),
        },
        text,
        media,
        channel,
      );
    },
    update(state, previous) {
      current = state;
      drawStage();
      stage.showConnection(state, previous);
      if (sharing !== state.sharing) {
        sharing = state.sharing;
        updateMedia();
        announce(announcer, sharing ? text.sharing : text.shareStopped);
      }
      toolbar.showPhase(state.phase);
      practice.update(state);
      recording.update(state);
      transcription.update(state);
      const offered = callSwitches(
        { transcription: options.transcriptionPolicy, snapshots: options.snapshots },
        state.practice !== null,
      );
      recording.element.hidden = !offered.recording;
      transcription.element.hidden = !offered.transcription;
      if (snapshots) snapshots.element.hidden = !offered.snapshots;
      people.update(state);
    },
    heard: (heard) => captions.show(heard),
    addTrack(track, participant) {
      if (track.kind === 'audio') audio.add(track);
      else if (track.kind === 'video') {
        stage.videos.set(participant.sid, track);
        drawStage();
      }
    },
    removeTrack(track) {
      if (track.kind === 'audio') return audio.remove(track);
      for (const [sid, shown] of stage.videos) if (shown === track) stage.videos.delete(sid);
      drawStage();
    },
    dispose() {
      assist?.dispose();
      notice.dispose();
      stage.dispose();
      toolbar.dispose();
      audio.dispose();
    },
  };
}

/** setSinkId is missing in some browsers (Firefox before 116, Safari); there the system picks. */
function setSink(element: HTMLMediaElement, deviceId: string): void {
  const withSink = element as HTMLMediaElement & { setSinkId?: (id: string) => Promise<void> };
  withSink.setSinkId?.(deviceId).catch(() => undefined);
}
