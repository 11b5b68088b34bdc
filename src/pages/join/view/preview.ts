/** The screen before joining: the customer's own camera, device choice, mute and camera
 * toggles, and the Join button. Media is only requested from the "Turn on" button (a user
 * gesture) unless the browser already has permission. */
import type { BrowserFamily } from '../../shared/browser';
import type { DeviceKind, DeviceLists, LocalMedia } from '../../shared/media';
import { joinLabelKey, problemKeys } from '../preview-model';
import { fill, type Strings } from '../../shared/strings';
import { h, showScreen } from '../../shared/view/dom';
import { mediaToggles, selfVideo } from '../../shared/view/controls';
import { blurSwitch, type BlurChoice } from './blur';

export interface PreviewHandlers {
  startMedia(): void;
  toggleMic(): void;
  toggleCamera(): void;
  selectDevice(kind: DeviceKind, deviceId: string): void;
  join(): void;
  /** "Blur my background" switched on or off. */
  chooseBlur(on: boolean): void;
}

export interface PreviewView {
  /** Resolves when the camera preview first shows a picture. */
  firstFrame: Promise<void>;
  /** Re-reads the media state after anything changed. */
  update: () => void;
  setStarting(): void;
  /** The camera and microphone were asked for: from now on show the result and the Join form. */
  setStarted(): void;
  setDevices(devices: DeviceLists): void;
  setJoining(joining: boolean, error?: string): void;
  /** Whether the call is (or will be) transcribed: said before Join. */
  setTranscribed(transcribed: boolean): void;
}

export interface PreviewContext {
  text: Strings;
  media: LocalMedia;
  family: BrowserFamily;
  canChooseSpeaker: boolean;
  /** Read on every update; main.ts changes it. */
  blur: BlurChoice;
}

export function renderPreview(
  root: HTMLElement,
  context: PreviewContext,
  handlers: PreviewHandlers,
): PreviewView {
  const text = context.text;
  const media = context.media;
  const self = selfVideo('preview-video', text.yourVideo);
  const toggles = mediaToggles(text, handlers);
  const blur = blurSwitch(text, (on) => handlers.chooseBlur(on));
  const problems = h('div', { class: 'problems', role: 'alert' });
  const startButton = h(
    'button',
    { type: 'button', class: 'button primary', onclick: () => handlers.startMedia() },
    text.startMedia,
  );
  const selects = {
    camera: deviceSelect(text, 'camera', handlers),
    microphone: deviceSelect(text, 'microphone', handlers),
    speaker: deviceSelect(text, 'speaker', handlers),
  };
  const joinError = h('p', { class: 'join-error', role: 'alert' });
  const transcribedNote = h(
    'p',
    { class: 'intro', 'data-note': 'transcribed', hidden: true },
    text.transcribedCall,
  );
  const joinButton = h('button', { type: 'submit', class: 'button primary' });
  const form = h(
    'form',
    { class: 'join-form', hidden: true },
    // Join first, right under the picture, so it is on the first screen of a phone; the device
    // choice follows for whoever needs it.
    joinError,
    joinButton,
    h(
      'div',
      { class: 'devices' },
      selects.camera.field,
      selects.microphone.field,
      context.canChooseSpeaker && selects.speaker.field,
    ),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    handlers.join();
  });

  showScreen(
    root,
    h(
      'section',
      { class: 'screen preview', 'data-state': 'preview' },
      h('h1', { tabindex: '-1' }, text.previewTitle),
      h('p', { class: 'intro' }, text.previewIntro),
      transcribedNote,
      h('div', { class: 'preview-stage' }, self.element, toggles.element),
      problems,
      startButton,
      form,
      // Before the camera starts too, so a customer can choose blur before anyone sees the room.
      blur.element,
    ),
  );

  let started = false;
  const update = () => {
    const blurring = context.blur.on && context.blur.pending;
    const offText = blurring
      ? text.blurStarting
      : !started
        ? text.previewPlaceholder
        : media.problems.video && media.problems.video !== 'background'
          ? text.noCameraPreview
          : text.cameraOffPreview;
    self.show(media.video, offText);
    toggles.element.hidden = !started;
    toggles.update(media);
    blur.update(context.blur);
    problems.replaceChildren(
      ...problemKeys(media.problems, context.family).map((key) => h('p', {}, text[key])),
    );
    const hasProblem = problems.childElementCount > 0;
    if (hasProblem)
      problems.append(
        h('button', { type: 'button', class: 'button', onclick: () => handlers.startMedia() }, text.tryAgain),
      );
    problems.hidden = !hasProblem;
    startButton.hidden = started;
    form.hidden = !started;
    joinButton.textContent = text[joinLabelKey(media.problems)];
  };

  update();
  return {
    firstFrame: self.firstFrame,
    update,
    setStarting() {
      startButton.disabled = true;
      startButton.textContent = text.startingMedia;
    },
    setStarted() {
      started = true;
      update();
    },
    setDevices(devices) {
      selects.camera.fill(devices.cameras, media.currentDeviceId('video'));
      selects.microphone.fill(devices.microphones, media.currentDeviceId('audio'));
      selects.speaker.fill(devices.speakers, media.speakerId ?? undefined);
    },
    setTranscribed(transcribed) {
      transcribedNote.hidden = !transcribed;
    },
    setJoining(joining, error) {
      joinButton.disabled = joining;
      joinButton.textContent = joining ? text.joining : text[joinLabelKey(media.problems)];
      joinError.textContent = error ?? '';
    },
  };
}

function deviceSelect(text: Strings, kind: 'camera' | 'microphone' | 'speaker', handlers: PreviewHandlers) {
  const label = text[kind];
  const id = `device-${kind}`;
  const select = h('select', { id, onchange: () => handlers.selectDevice(kind, select.value) });
  const field = h('div', { class: 'field' }, h('label', { for: id }, label), select);
  return {
    field,
    /** A list of one is still shown, so the customer can see which device is in use. */
    fill(devices: MediaDeviceInfo[], currentId: string | undefined) {
      select.replaceChildren(
        ...devices.map((device, index) =>
          h(
            'option',
            { value: device.deviceId },
            device.label || fill(text.deviceFallback, { kind: label, number: index + 1 }),
          ),
        ),
      );
      if (currentId && devices.some((device) => device.deviceId === currentId)) select.value = currentId;
      field.hidden = devices.length === 0;
    },
  };
}
