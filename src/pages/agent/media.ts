/** The panel's one contact with the shared media module: the agent's camera and microphone
 * are the same LocalMedia the join page uses (the page's own getUserMedia tracks, handed to the
 * SDK at connect). The rest of the panel sees only this shape, so a change of LocalMedia's API
 * is adapted here. */
import { loadCameraFilter, type BackgroundRule } from '../shared/background';
import { LocalMedia } from '../shared/media';

export type PanelMedia = Pick<
  LocalMedia,
  | 'audio'
  | 'video'
  | 'problems'
  | 'micOn'
  | 'cameraOn'
  | 'speakerId'
  | 'start'
  | 'stop'
  | 'sdkTracks'
  | 'onChange'
  | 'publishTo'
  | 'setMicOn'
  | 'setCameraOn'
  | 'selectDevice'
  | 'listDevices'
  | 'currentDeviceId'
>;

/** Agents work on desktops, where a newly plugged-in headset should take over the microphone.
 * With a background rule, every camera track the panel holds is the processed one. */
export function createMedia(background: BackgroundRule, image: string | null): PanelMedia {
  return new LocalMedia(navigator.mediaDevices, {
    followDefaultMicrophone: true,
    cameraFilter: background === 'none' ? undefined : () => loadCameraFilter(background, image),
  });
}
