/** The mirrored self-view of both pages' previews and calls, and the join page's microphone and
 * camera toggles. */
import type { LocalMedia } from '../media';
import type { Strings } from '../strings';
import { h, icon } from './dom';

export function selfVideo(className: string, label: string) {
  const video = h('video', { class: 'mirrored', autoplay: true, playsinline: true, 'aria-label': label });
  // The attribute alone does not mute in every browser; no one may hear themselves.
  video.muted = true;
  const offLabel = h('span');
  const off = h('div', { class: 'video-off' }, icon('camera-off'), offLabel);
  let shown: MediaStreamTrack | null = null;
  return {
    element: h('div', { class: className }, video, off),
    /** Resolves when the person first sees themselves. */
    firstFrame: new Promise<void>((resolve) =>
      video.addEventListener('loadeddata', () => resolve(), { once: true }),
    ),
    /** The page's own camera track, played directly: the preview needs no SDK. */
    show(track: MediaStreamTrack | null, offText: string) {
      if (track !== shown) {
        shown = track;
        video.srcObject = track ? new MediaStream([track]) : null;
      }
      video.hidden = !track;
      off.hidden = !!track;
      offLabel.textContent = offText;
    },
  };
}

export function mediaToggles(text: Strings, handlers: { toggleMic(): void; toggleCamera(): void }) {
  const mic = h('button', {
    type: 'button',
    class: 'round',
    'data-control': 'mic',
    onclick: () => handlers.toggleMic(),
  });
  const camera = h('button', {
    type: 'button',
    class: 'round',
    'data-control': 'camera',
    onclick: () => handlers.toggleCamera(),
  });
  return {
    element: h('div', { class: 'toggles' }, mic, camera),
    update(media: LocalMedia) {
      const micOn = media.micOn && media.audio !== null;
      setToggle(
        mic,
        micOn,
        micOn ? 'mic' : 'mic-off',
        micOn ? text.muteMic : text.unmuteMic,
        media.audio === null,
      );
      const cameraOn = media.cameraOn && media.problems.video === null;
      setToggle(
        camera,
        cameraOn,
        cameraOn ? 'camera' : 'camera-off',
        cameraOn ? text.cameraOff : text.cameraOn,
        media.problems.video !== null,
      );
    },
  };
}

/** The label names the action the button takes; the icon and colour show the current state. */
function setToggle(
  button: HTMLButtonElement,
  on: boolean,
  iconName: string,
  label: string,
  unavailable: boolean,
): void {
  button.replaceChildren(icon(iconName));
  button.setAttribute('aria-label', label);
  button.title = label;
  button.classList.toggle('off', !on);
  button.disabled = unavailable;
}
