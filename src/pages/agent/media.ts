/** The panel's one contact with the shared media module: the agent's camera and microphone
 * are the same LocalMedia the join page uses. The rest of the panel sees only this shape, so a
 * change of LocalMedia's API is adapted here. */
import { LocalMedia } from '../shared/media';
import type { VideoSdk } from '../shared/sdk';

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
  | 'tracks'
  | 'setMicOn'
  | 'setCameraOn'
  | 'useCamera'
  | 'useMicrophone'
  | 'listDevices'
  | 'currentDeviceId'
  | 'onVideoTrackChange'
>;

export const createMedia = (sdk: VideoSdk): PanelMedia => new LocalMedia(sdk);
