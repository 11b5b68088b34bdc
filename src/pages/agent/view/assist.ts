/** The panel's side of the visual assist (issue 21): ask the customer for their back camera (they
 * answer on their page), see which camera they use, point on their video (the mark shows on their
 * own view, at the same spot of the frame), and audio only, the agent's (by choice or by their own
 * network: audio-only.ts) or the customer's. */
import type { AssistChannel, AssistMessage } from '../../shared/assist-channel';
import { elementToFrame, POINTER_STYLESHEET, videoView } from '../../shared/frame-point';
import { fill, type AgentStrings } from '../../shared/strings';
import { addStylesheet, h } from '../../shared/view/dom';
import { agentAudioOnly, type AudioOnlyState } from '../audio-only';
import type { PanelMedia } from '../media';

/** Drag samples sent at most this often: smooth enough for a trail, well within what the data
 * channel carries. */
const POINTER_MOVE_MS = 50;
/** How long the agent's own echo of a mark stays (the customer's fades as long). */
const ECHO_MS = 3000;

export interface AssistParts {
  stage: HTMLElement;
  customerVideo: HTMLVideoElement;
  /** Where the assist's row of controls goes (after the toolbar). */
  after: HTMLElement;
  notify(words: string, tone: 'ok' | 'problem'): void;
  /** Says `words` to a screen reader only. */
  announce(words: string): void;
  /** The agent's own network level now (0 to 5), null while unmeasured. */
  ownNetworkLevel(): number | null;
}

export function agentAssist(
  parts: AssistParts,
  text: AgentStrings,
  media: Pick<PanelMedia, 'setCameraOn'>,
  channel: AssistChannel,
): { element: HTMLElement; dispose(): void } {
  const facing = h('p', { class: 'customer-camera', 'data-facing': 'unknown' });
  const showFacing = (value: 'user' | 'environment' | 'unknown') => {
    facing.dataset.facing = value;
    const name =
      value === 'user'
        ? text.facingUser
        : value === 'environment'
          ? text.facingEnvironment
          : text.facingUnknown;
    facing.textContent = fill(text.customerCamera, { facing: name });
  };
  showFacing('unknown');
  const ask = h('button', {
    type: 'button',
    class: 'assist-button',
    'data-control': 'ask-back-camera',
    onclick: () => {
      channel.send({ type: 'camera-request', facing: 'environment' });
      parts.notify(text.backCameraAsked, 'ok');
    },
  });
  ask.textContent = text.askBackCamera;
  const audioButton = h('button', { type: 'button', class: 'assist-button', 'data-control': 'audio-only' });
  const offerWords = h('p', {});
  const acceptOffer = h('button', { type: 'button', class: 'assist-button primary' });
  const dismissOffer = h('button', { type: 'button', class: 'assist-button' }, text.notNow);
  const offer = h('div', { class: 'assist-offer', hidden: true }, offerWords, acceptOffer, dismissOffer);
  let offered: AudioOnlyState['offer'] = null;
  const showAudioOnly = (state: AudioOnlyState, taken: boolean) => {
    audioButton.textContent = state.on ? text.videoBackOn : text.audioOnly;
    audioButton.setAttribute('aria-pressed', String(state.on));
    offer.hidden = state.offer === null;
    if (state.offer) offer.dataset.offer = state.offer;
    offerWords.textContent = state.offer === 'video' ? text.videoOffer : text.audioOnlyOffer;
    acceptOffer.textContent = state.offer === 'video' ? text.videoBackOn : text.audioOnly;
    // Read out once as each offer comes, as the customer's page reads out theirs.
    if (state.offer && state.offer !== offered) parts.announce(offerWords.textContent);
    offered = state.offer;
    if (taken) parts.notify(text.audioOnlyTaken, 'problem');
  };
  showAudioOnly({ on: false, reason: 'chosen', offer: null }, false);
  const audioOnly = agentAudioOnly(media, channel, () => parts.ownNetworkLevel(), showAudioOnly);
  audioButton.addEventListener('click', () => audioOnly.toggle());
  acceptOffer.addEventListener('click', () => audioOnly.accept());
  dismissOffer.addEventListener('click', () => audioOnly.dismiss());
  const customerAudioOnly = h('p', { class: 'assist-note', hidden: true });
  const element = h(
    'div',
    { class: 'assist-row' },
    facing,
    ask,
    audioButton,
    offer,
    h('p', { class: 'assist-hint' }, text.pointHint),
  );
  parts.after.after(element);
  parts.stage.append(customerAudioOnly);

  const stops = [
    channel.on('camera-facing', (message) => {
      showFacing(message.facing);
      ask.hidden = message.facing === 'environment';
    }),
    channel.on('camera-answer', (answer) =>
      parts.notify(answer.accepted ? text.backCameraAccepted : text.backCameraDeclined, 'ok'),
    ),
    channel.on('audio-only', (message) => {
      customerAudioOnly.hidden = !message.on;
      customerAudioOnly.textContent =
        message.reason === 'network' ? text.customerAudioOnlyNetwork : text.customerAudioOnly;
      if (message.on) parts.notify(customerAudioOnly.textContent, 'ok');
    }),
  ];

  const video = parts.customerVideo;
  const stylesheet = addStylesheet(POINTER_STYLESHEET);
  const echoes = h('div', { class: 'pointer-layer', 'aria-hidden': 'true' });
  parts.stage.append(echoes);
  let lastMove = 0;
  let dragging = false;
  const point = (event: PointerEvent, phase: Extract<AssistMessage, { type: 'pointer' }>['phase']) => {
    const box = video.getBoundingClientRect();
    const at = elementToFrame(
      { x: event.clientX - box.left, y: event.clientY - box.top },
      videoView(video, false),
    );
    if (!at) return;
    channel.send({ type: 'pointer', x: at.x, y: at.y, phase });
    const stageBox = parts.stage.getBoundingClientRect();
    const echo = h('span', { class: phase === 'move' ? 'pointer-mark trail' : 'pointer-mark' });
    echo.style.left = `${event.clientX - stageBox.left}px`;
    echo.style.top = `${event.clientY - stageBox.top}px`;
    echoes.append(echo);
    setTimeout(() => echo.remove(), ECHO_MS);
  };
  const down = (event: PointerEvent) => {
    dragging = true;
    video.setPointerCapture?.(event.pointerId);
    point(event, 'start');
  };
  const move = (event: PointerEvent) => {
    if (!dragging || event.timeStamp - lastMove < POINTER_MOVE_MS) return;
    lastMove = event.timeStamp;
    point(event, 'move');
  };
  const up = (event: PointerEvent) => {
    if (!dragging) return;
    dragging = false;
    point(event, 'end');
  };
  video.addEventListener('pointerdown', down);
  video.addEventListener('pointermove', move);
  video.addEventListener('pointerup', up);
  video.classList.add('pointable');

  return {
    element,
    dispose() {
      audioOnly.stop();
      stops.forEach((stop) => stop());
      video.removeEventListener('pointerdown', down);
      video.removeEventListener('pointermove', move);
      video.removeEventListener('pointerup', up);
      element.remove();
      echoes.remove();
      stylesheet.remove();
      customerAudioOnly.remove();
    },
  };
}
