/** The agent's own media controls, before and during the call: the microphone and camera
 * toggles, and the device choices (camera, microphone, speaker). */
import type { DeviceKind, DeviceLists } from '../../shared/media';
import { fill, type AgentStrings } from '../../shared/strings';
import { h, icon } from '../../shared/view/dom';
import type { PanelMedia } from '../media';

/** A round icon button whose label names what pressing it does; the icon shows the state. */
export function roundButton(control: string, onClick: () => void) {
  const button = h('button', {
    type: 'button',
    class: 'round',
    'data-control': control,
    onclick: () => onClick(),
  });
  return {
    element: button,
    set(iconName: string, label: string, off: boolean, disabled = false) {
      button.replaceChildren(icon(iconName));
      button.setAttribute('aria-label', label);
      button.title = label;
      button.classList.toggle('off', off);
      button.disabled = disabled;
    },
  };
}

export function mediaToggles(
  text: AgentStrings,
  handlers: { toggleMic: () => void; toggleCamera: () => void },
) {
  const mic = roundButton('mic', handlers.toggleMic);
  const camera = roundButton('camera', handlers.toggleCamera);
  return {
    mic: mic.element,
    camera: camera.element,
    update(media: PanelMedia) {
      const micOn = media.micOn && media.audio !== null;
      mic.set(micOn ? 'mic' : 'mic-off', micOn ? text.muteMic : text.unmuteMic, !micOn, media.audio === null);
      const cameraOn = media.cameraOn && media.problems.video === null;
      camera.set(
        cameraOn ? 'camera' : 'camera-off',
        cameraOn ? text.cameraOff : text.cameraOn,
        !cameraOn,
        media.problems.video !== null,
      );
    },
  };
}

/** A disclosure button and the panel of device choices it shows. Lists are read when the panel
 * opens and whenever devices change, since labels only appear once a permission was given. */
export function devicePicker(
  text: AgentStrings,
  media: PanelMedia,
  canChooseSpeaker: boolean,
  onSelect: (kind: DeviceKind, deviceId: string) => void,
) {
  const toggle = h(
    'button',
    {
      type: 'button',
      class: 'round',
      'data-control': 'devices',
      'aria-expanded': 'false',
      'aria-controls': 'devices',
    },
    icon('settings'),
  );
  toggle.setAttribute('aria-label', text.devices);
  toggle.title = text.devices;
  const selects = new Map<DeviceKind, HTMLSelectElement>();
  const field = (kind: DeviceKind, label: string) => {
    const select = h('select', { id: `device-${kind}`, onchange: () => onSelect(kind, select.value) });
    selects.set(kind, select);
    return h('div', { class: 'field' }, h('label', { for: `device-${kind}` }, label), select);
  };
  const panel = h(
    'div',
    { class: 'devices', id: 'devices', hidden: true },
    field('camera', text.camera),
    field('microphone', text.microphone),
    canChooseSpeaker ? field('speaker', text.speaker) : null,
  );

  const fillList = (
    kind: DeviceKind,
    devices: MediaDeviceInfo[],
    current: string | undefined,
    kindLabel: string,
  ) => {
    const select = selects.get(kind);
    if (!select) return;
    select.replaceChildren(
      ...devices.map((device, index) =>
        h(
          'option',
          { value: device.deviceId },
          device.label || fill(text.deviceFallback, { kind: kindLabel, number: index + 1 }),
        ),
      ),
    );
    if (current && devices.some((device) => device.deviceId === current)) select.value = current;
    select.disabled = devices.length === 0;
  };
  const refresh = async () => {
    const lists: DeviceLists = await media.listDevices();
    fillList('camera', lists.cameras, media.currentDeviceId('video'), text.camera);
    fillList('microphone', lists.microphones, media.currentDeviceId('audio'), text.microphone);
    fillList('speaker', lists.speakers, media.speakerId ?? undefined, text.speaker);
  };
  const setOpen = (open: boolean) => {
    panel.hidden = !open;
    toggle.setAttribute('aria-expanded', String(open));
    const label = open ? text.hideDevices : text.devices;
    toggle.setAttribute('aria-label', label);
    toggle.title = label;
    if (open) void refresh();
  };
  toggle.addEventListener('click', () => setOpen(panel.hidden));
  const onDeviceChange = () => {
    if (!panel.hidden) void refresh();
  };
  navigator.mediaDevices?.addEventListener('devicechange', onDeviceChange);
  return {
    toggle,
    panel,
    /** Stops following device changes once the screen is gone. */
    dispose: () => navigator.mediaDevices?.removeEventListener('devicechange', onDeviceChange),
  };
}
