/** The call: the agent's video large, the customer's own small and mirrored, a persistent
 * recording badge, network quality, connection banners, and mute / camera / leave. */
import type { CallState } from '../call-state';
import { announcements, callDuration, comings, mediaAnnouncements, roleOf, stageFit } from '../call-state';
import type { LocalMedia } from '../../shared/media';
import type { CallView } from '../room';
import { SCREEN_TRACK_NAME, type RemoteMediaTrack } from '../../shared/sdk';
import { fill, type Strings } from '../../shared/strings';
import { mediaToggles, selfVideo } from '../../shared/view/controls';
import { stageBanner } from '../../shared/view/banner';
import { announce, h, icon, showScreen } from '../../shared/view/dom';
import { blurButton, type BlurChoice } from './blur';
import { dragToCorners, type Corner } from './self-view-drag';
import { loadCaptions, type MountedCaptions } from '../captions-script';

export interface CallControls {
  toggleMic(): void;
  toggleCamera(): void;
  chooseBlur(on: boolean): void;
  leave(): void;
}

export interface MountedCall extends CallView {
  /** Re-reads the local media after a toggle or a camera pause. */
  updateMedia: () => void;
}

const RECONNECTED_NOTICE_MS = 3000;
/** How long the agent's microphone and camera must stay as they are before a change is said. */
const MEDIA_SETTLE_MS = 1500;
/** Where the self-view can sit, in the order "Move your video" takes it round the stage. */
const CORNERS: readonly Corner[] = ['bottom-end', 'top-end', 'top-start', 'bottom-start'];

export function renderCall(
  root: HTMLElement,
  announcer: HTMLElement,
  text: Strings,
  media: LocalMedia,
  controls: CallControls,
  blur: BlurChoice,
): MountedCall {
  const agentVideo = h('video', {
    class: 'agent-video',
    autoplay: true,
    playsinline: true,
    'aria-label': text.agentVideo,
    hidden: true,
  });
  // The agent's camera off (or not there yet): who is there and why there is no picture, never a
  // dark stage; their microphone off: said in words beside their name.
  const agentOffText = h('p');
  const agentOff = h(
    'div',
    { class: 'agent-off', hidden: true },
    h('span', { class: 'avatar', 'aria-hidden': 'true' }, text.roleAgent.charAt(0)),
    agentOffText,
  );
  const agentMicOff = h('span', { class: 'mic-off', hidden: true }, icon('mic-off'), text.agentMicOff);
  const nameTag = h('p', { class: 'name-tag', hidden: true }, h('span', {}, text.roleAgent), agentMicOff);
  const timer = h('span', { class: 'timer', role: 'timer', 'aria-label': text.callTime, hidden: true });
  const waitingText = h('p');
  const waiting = h('div', { class: 'waiting' }, h('div', { class: 'spinner' }), waitingText);
  const recordingBadge = h(
    'p',
    { class: 'recording-badge', hidden: true },
    h('span', { class: 'dot' }),
    text.recording,
  );
  const transcriptionBadge = h('p', { class: 'transcription-badge', hidden: true }, text.transcribing);
  const networkBars = h(
    'div',
    { class: 'network', role: 'img', hidden: true },
    ...[1, 2, 3, 4, 5].map(() => h('span')),
  );
  const people = h('p', { class: 'people' });
  const banner = stageBanner();
  const self = selfVideo('self-view', text.yourVideo);
  let corner = 0;
  const placeSelf = (next: number) => (self.element.dataset.corner = CORNERS[(corner = next)]);
  placeSelf(0);
  self.element.append(
    h(
      'button',
      {
        type: 'button',
        class: 'move-self',
        'aria-label': text.moveSelfView,
        title: text.moveSelfView,
        onclick: () => placeSelf((corner + 1) % CORNERS.length),
      },
      icon('move'),
    ),
  );
  // Whole, never cropped: the tile takes the camera's own shape.
  const selfVideoElement = self.element.querySelector('video') as HTMLVideoElement;
  selfVideoElement.addEventListener('resize', () => {
    const width = selfVideoElement.videoWidth;
    const height = selfVideoElement.videoHeight;
    if (width && height) self.element.style.aspectRatio = `${width} / ${height}`;
  });
  const toggles = mediaToggles(text, controls);
  const blurToggle = blurButton(text, (on) => controls.chooseBlur(on));
  const leaveButton = h(
    'button',
    {
      type: 'button',
      class: 'round leave',
      'data-control': 'leave',
      'aria-label': text.leave,
      title: text.leave,
      onclick: () => controls.leave(),
    },
    icon('leave'),
  );
  const audioSinks = h('div', { hidden: true });
  const stage = h(
    'div',
    { class: 'stage' },
    agentVideo,
    agentOff,
    waiting,
    h('div', { class: 'top-bar' }, recordingBadge, transcriptionBadge, timer, people, networkBars),
    nameTag,
    banner.element,
    self.element,
  );
  const controlBar = h('div', { class: 'controls' }, toggles.element, blurToggle.element, leaveButton);
  const screen = h(
    'section',
    { class: 'screen call', 'data-state': 'waiting' },
    h('h1', { class: 'visually-hidden', tabindex: '-1' }, text.pageTitle),
    stage,
    controlBar,
    audioSinks,
  );
  showScreen(root, screen);
  dragToCorners(
    self.element,
    () => stage,
    (settled) => placeSelf(CORNERS.indexOf(settled)),
  );

  /** Fetched once the call is transcribed. Results heard before it runs are not kept: its
   * Captions toggle, off at first, is not there yet, so no one could have been reading them. */
  let captions: MountedCaptions | null = null;
  let captionsLoading = false;
  const startCaptions = () => {
    captionsLoading = true;
    loadCaptions().then(
      (mount) => {
        captions = mount(
          { stage, controls: controlBar },
          { toggle: text.captions, region: text.captionsRegion },
        );
      },
      // Tried again at the next change of the call: a network that blinked must not cost the captions.
      () => (captionsLoading = false),
    );
  };

  let shownAgentVideo: RemoteMediaTrack | null = null;
  let current: CallState | null = null;
  /** Fill the stage with the agent's camera, or fit a picture that filling would cut too much of
   * (a screen share, whose edges matter). */
  const fitAgentVideo = () => {
    if (!root.contains(screen)) return stageSize.disconnect();
    agentVideo.dataset.fit = stageFit(
      { width: agentVideo.videoWidth, height: agentVideo.videoHeight },
      stage.getBoundingClientRect(),
      shownAgentVideo?.name === SCREEN_TRACK_NAME,
    );
  };
  agentVideo.addEventListener('resize', fitAgentVideo);
  // The stage's own size, not the window's: it also changes when the visual assist adds its row.
  const stageSize = new ResizeObserver(fitAgentVideo);
  stageSize.observe(stage);
  const showAgentOff = () => {
    const live = current?.phase === 'live';
    agentVideo.hidden = !shownAgentVideo || !current?.agentCamera;
    agentOff.hidden = !live || !agentVideo.hidden;
    agentOffText.textContent = current?.agentCamera ? text.roleAgent : text.agentCameraOff;
    nameTag.hidden = !live;
    agentMicOff.hidden = !!current?.agentMic;
  };
  let startedAt = 0;
  const tick = () => {
    timer.textContent = callDuration((Date.now() - startedAt) / 1000, document.documentElement.lang);
    if (!root.contains(screen)) clearInterval(ticking);
  };
  let ticking: ReturnType<typeof setInterval> | undefined;
  /** The agent's media as last said; on and on until something else is (see mediaAnnouncements). */
  let saidMedia = { mic: true, camera: true };
  let mediaSettling: ReturnType<typeof setTimeout> | undefined;

  const updateMedia = () => {
    const offText =
      blur.on && blur.pending
        ? text.blurStarting
        : media.problems.video === 'background'
          ? text.blurFailedShort
          : text.cameraOffPreview;
    self.show(media.video, offText);
    toggles.update(media);
    blurToggle.update(blur);
  };
  updateMedia();

  return {
    updateMedia,
    assistHost: {
      stage,
      selfTile: self.element,
      selfVideo: selfVideoElement,
      controls: controlBar,
      announce: (words) => announce(announcer, words),
    },
    render(state: CallState, previous: CallState) {
      current = state;
      screen.dataset.state = state.reconnecting ? 'reconnecting' : state.phase;
      // The call's time runs from when the agent first joined.
      if (state.phase === 'live' && !ticking) {
        startedAt = Date.now();
        ticking = setInterval(tick, 1000);
        tick();
        timer.hidden = false;
      }
      showAgentOff();
      waiting.hidden = state.phase === 'live';
      waitingText.textContent = state.agentLeft ? text.agentLeft : text.waitingForAgent;
      recordingBadge.hidden = !state.recording;
      transcriptionBadge.hidden = !state.transcribing;
      if (state.transcribing && !captionsLoading) startCaptions();
      if (state.reconnecting) banner.show(text.reconnecting, 'warning');
      else if (previous.reconnecting) banner.show(text.reconnected, 'ok', RECONNECTED_NOTICE_MS);
      else if (state.networkLevel !== null && state.networkLevel <= 1)
        banner.show(text.networkWeak, 'warning');
      else banner.clearWarning();
      networkBars.hidden = state.networkLevel === null;
      networkBars.dataset.level = String(state.networkLevel ?? 0);
      networkBars.setAttribute('aria-label', fill(text.networkQuality, { level: state.networkLevel ?? 0 }));
      const names = [text.you, ...state.others.map((id) => text[roleOf(id)])];
      people.textContent = `${fill(text.inCall, { count: names.length })} ${names.join(', ')}`;
      const said = announcements(previous, state).map((key) => text[key]);
      for (const change of comings(previous, state))
        said.push(fill(change.joined ? text.joined : text.left, { role: text[change.role] }));
      if (said.length) announce(announcer, said.join(' '));
      if (previous.agentMic !== state.agentMic || previous.agentCamera !== state.agentCamera) {
        clearTimeout(mediaSettling);
        mediaSettling = setTimeout(() => {
          const now = { mic: state.agentMic, camera: state.agentCamera };
          // An agent who left is said to have left, not to have turned anything on.
          const words = state.agentIdentity ? mediaAnnouncements(saidMedia, now) : [];
          saidMedia = now;
          if (words.length && root.contains(screen))
            announce(announcer, words.map((key) => text[key]).join(' '));
        }, MEDIA_SETTLE_MS);
      }
    },
    showAgentVideo(track: RemoteMediaTrack | null) {
      shownAgentVideo?.detach();
      shownAgentVideo = track;
      track?.attach(agentVideo);
      fitAgentVideo();
      showAgentOff();
    },
    addRemoteAudio(track: RemoteMediaTrack) {
      const element = track.attach();
      if (media.speakerId) setSink(element, media.speakerId);
      audioSinks.append(element);
    },
    heard(event, identityOf) {
      captions?.show(event, identityOf);
    },
    removeRemoteAudio(track: RemoteMediaTrack) {
      for (const element of track.detach()) element.remove();
    },
  };
}

/** setSinkId is missing in some browsers (Safari, Firefox on Android); there the system picks. */
function setSink(element: HTMLMediaElement, deviceId: string): void {
  const withSink = element as HTMLMediaElement & { setSinkId?: (id: string) => Promise<void> };
  withSink.setSinkId?.(deviceId).catch(() => undefined);
}
