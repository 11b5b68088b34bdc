/** The join page's visual assist (issue 21), a script of its own (/join/assist.js) that the page
 * fetches once the call is connected: the assist channel to the agent's panel, switching camera
 * (and the agent's request for the back camera, which only the customer's tap grants), the torch,
 * the agent's pointer on the customer's own video, and audio only (the customer's choice, or the
 * network's), and the agent's pictures (snapshot.ts: Allow or Decline, the flash). Its stylesheets (/join/assist.css, the pointer marks') come with it. */
import { openAssistChannel, type AssistChannel } from '../shared/assist-channel';
import { watchNetwork } from '../shared/audio-only-rule';
import { frameToElement, POINTER_STYLESHEET, videoView } from '../shared/frame-point';
import type { CameraFacing } from '../shared/media';
import { assistStrings } from '../shared/strings';
import { addStylesheet, h } from '../shared/view/dom';
import { defineAssist, type AssistCall } from './assist-script';
import { cameraFacingChoice, facingOf, nextCamera, otherFacing } from './camera-switch';
import { hasTorch, reportedFacing, setTorch } from './camera-track';
import { answerSnapshots } from './snapshot';

/** How long a pointer mark stays before it has faded: long enough to look where it is. */
export const MARK_FADE_MS = 3000;
/** The trail a drag leaves: the newest marks only, so a long drag does not fill the picture. */
const TRAIL_MARKS = 12;

defineAssist((call) => {
  const channel = openAssistChannel(call.sdk, call.room, call.assist);
  const stylesheets = [addStylesheet('/join/assist.css'), addStylesheet(POINTER_STYLESHEET)];
  const camera = cameraControls(call, channel);
  showPointer(call, channel);
  const audioOnly = audioOnlyControls(call, channel, camera);
  answerSnapshots(call, channel);
  call.room.on('disconnected', () => {
    audioOnly.stop();
    stylesheets.forEach((link) => link.remove());
  });
  return channel;
});

interface CameraControls {
  /** Tells the agent (and the view) which camera is in use, after any change. */
  followCamera(): void;
  /** The assist's row of buttons, above the call's controls. */
  bar: HTMLElement;
}

function cameraControls(call: AssistCall, channel: AssistChannel): CameraControls {
  const media = call.media;
  const text = assistStrings(call.text);
  const host = call.host;
  let cameras: MediaDeviceInfo[] = [];
  const facingNow = (): CameraFacing | null => {
    const id = media.currentDeviceId('video');
    const label = cameras.find((camera) => camera.deviceId === id)?.label ?? '';
    return facingOf(reportedFacing(media.cameraTrack()), label);
  };

  const switchButton = h('button', {
    type: 'button',
    class: 'assist-button',
    'data-control': 'switch-camera',
  });
  switchButton.textContent = text.switchCamera;
  const picker = h('select', { class: 'assist-select', 'aria-label': text.chooseCamera });
  const torch = h('button', { type: 'button', class: 'assist-button', 'data-control': 'torch' });
  let torchOn = false;
  const bar = h('div', { class: 'assist-bar' }, switchButton, picker, torch);
  host.controls.before(bar);

  const followCamera = () => {
    const facing = facingNow();
    // A back camera is not mirrored: the customer sees the scene as the agent does.
    host.selfVideo.classList.toggle('mirrored', facing !== 'environment');
    host.selfTile.dataset.facing = facing ?? 'unknown';
    channel.setState({ type: 'camera-facing', facing: facing ?? 'unknown' });
    switchButton.hidden = cameras.length < 2 || !media.video;
    picker.hidden = cameras.length <= 2 || !media.video;
    picker.replaceChildren(
      ...cameras.map((camera, index) =>
        h('option', { value: camera.deviceId }, camera.label || `${text.chooseCamera} ${index + 1}`),
      ),
    );
    picker.value = media.currentDeviceId('video') ?? '';
    torch.hidden = !hasTorch(media.cameraTrack());
    if (torch.hidden) torchOn = false;
    torch.textContent = torchOn ? text.torchOff : text.torchOn;
    torch.setAttribute('aria-pressed', String(torchOn));
  };
  const refresh = async () => {
    cameras = (await media.listDevices()).cameras;
    followCamera();
  };

  /** To `wanted`: the camera facing that way where the facing is known (a browser that cannot
   * pick it by facingMode has the cameras tried in turn until one reports it), else the next
   * camera. */
  const face = async (wanted: CameraFacing) => {
    const choice = cameraFacingChoice(wanted, facingNow(), cameras, media.currentDeviceId('video'));
    if (!choice) return;
    const inForce = await media.useCamera(choice);
    if (inForce || !('facing' in choice)) return;
    for (let tried = 1; tried < cameras.length && facingNow() !== wanted; tried++) {
      const next = nextCamera(cameras, media.currentDeviceId('video'));
      if (next) await media.useCamera({ deviceId: next });
    }
    torchOn = false;
  };

  switchButton.addEventListener('click', () => {
    const facing = facingNow();
    const next = nextCamera(cameras, media.currentDeviceId('video'));
    const change = facing ? face(otherFacing(facing)) : next ? media.useCamera({ deviceId: next }) : null;
    void change?.then(refresh);
  });
  picker.addEventListener('change', () => void media.useCamera({ deviceId: picker.value }).then(refresh));
  torch.addEventListener('click', () => {
    void setTorch(media.cameraTrack(), !torchOn).then((done) => {
      if (done) torchOn = !torchOn;
      followCamera();
    });
  });

  // The agent's request: a prompt the customer answers; nothing switches without the tap.
  const prompt = h('div', { class: 'assist-prompt', role: 'alertdialog', hidden: true });
  host.stage.append(prompt);
  channel.on('camera-request', (request) => {
    const answer = (accepted: boolean) => {
      prompt.hidden = true;
      const done = accepted ? face(request.facing).then(refresh) : Promise.resolve();
      void done.then(() => channel.send({ type: 'camera-answer', accepted }));
    };
    const accept = h('button', {
      type: 'button',
      class: 'assist-button primary',
      onclick: () => answer(true),
    });
    accept.textContent = text.useBackCamera;
    const decline = h('button', { type: 'button', class: 'assist-button', onclick: () => answer(false) });
    decline.textContent = text.notNow;
    prompt.replaceChildren(h('p', {}, text.backCameraAsked), accept, decline);
    prompt.hidden = false;
    accept.focus();
    host.announce(text.backCameraAsked);
  });

  media.onChange(followCamera);
  void refresh();
  return { followCamera, bar };
}

/** The agent's pointer on the customer's own video: a mark that fades, a short trail if they
 * drag, at the same spot of the frame however the self-view shows it. */
function showPointer(call: AssistCall, channel: AssistChannel): void {
  const host = call.host;
  const text = assistStrings(call.text);
  const layer = h('div', { class: 'pointer-layer', 'aria-hidden': 'true' });
  host.selfTile.append(layer);
  let announced = false;
  channel.on('pointer', (pointer) => {
    const video = host.selfVideo;
    const mirrored = video.classList.contains('mirrored');
    const at = frameToElement(pointer, videoView(video, mirrored));
    if (!at) return;
    if (!announced) {
      announced = true;
      host.announce(text.agentPointing);
    }
    // The layer lies over the video element, whose box is the tile's.
    const mark = h('span', { class: pointer.phase === 'move' ? 'pointer-mark trail' : 'pointer-mark' });
    mark.style.left = `${at.x}px`;
    mark.style.top = `${at.y}px`;
    mark.dataset.x = pointer.x.toFixed(4);
    mark.dataset.y = pointer.y.toFixed(4);
    layer.append(mark);
    while (layer.children.length > TRAIL_MARKS) layer.firstElementChild?.remove();
    setTimeout(() => mark.remove(), MARK_FADE_MS);
  });
}

/** "Audio only": the camera's track is stopped (not just hidden: the network is what it saves),
 * the agent is told, and the network's own advice (audio-only-rule.ts) is offered or taken. */
function audioOnlyControls(call: AssistCall, channel: AssistChannel, camera: CameraControls) {
  const media = call.media;
  const text = assistStrings(call.text);
  const host = call.host;
  const room = call.room;
  let audioOnly = false;
  const button = h('button', { type: 'button', class: 'assist-button', 'data-control': 'audio-only' });
  const offer = h('div', { class: 'assist-prompt', role: 'status', hidden: true });
  host.stage.append(offer);
  camera.bar.append(button);
  const agentNote = h('p', { class: 'assist-note', hidden: true }, text.agentAudioOnly);
  host.stage.append(agentNote);

  const set = async (on: boolean, reason: 'chosen' | 'network') => {
    audioOnly = on;
    offer.hidden = true;
    await media.setCameraOn(!on);
    channel.setState({ type: 'audio-only', on, reason });
    show();
    camera.followCamera();
  };
  const show = () => {
    button.textContent = audioOnly ? text.videoBackOn : text.audioOnly;
    button.setAttribute('aria-pressed', String(audioOnly));
  };
  button.addEventListener('click', () => void set(!audioOnly, 'chosen'));
  show();

  const ask = (words: string, action: string, on: boolean) => {
    const yes = h('button', {
      type: 'button',
      class: 'assist-button primary',
      onclick: () => void set(on, 'network'),
    });
    yes.textContent = action;
    const no = h('button', { type: 'button', class: 'assist-button', onclick: () => (offer.hidden = true) });
    no.textContent = text.notNow;
    offer.replaceChildren(h('p', {}, words), yes, no);
    offer.dataset.offer = on ? 'audio-only' : 'video';
    offer.hidden = false;
    host.announce(words);
  };
  const stop = watchNetwork(
    () => room.localParticipant.networkQualityLevel,
    () => audioOnly,
    (advice) => {
      if (advice === 'offer-audio-only') ask(text.audioOnlyOffer, text.audioOnly, true);
      else if (advice === 'offer-video') ask(text.videoOffer, text.videoBackOn, false);
      else {
        void set(true, 'network');
        host.announce(text.audioOnlyTaken);
      }
    },
  );

  channel.on('audio-only', (message) => {
    agentNote.hidden = !message.on;
    agentNote.textContent = message.reason === 'network' ? text.agentAudioOnlyNetwork : text.agentAudioOnly;
    if (message.on) host.announce(agentNote.textContent);
  });
  return { stop };
}
