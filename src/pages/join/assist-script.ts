/** How the join page and /join/assist.js (assist.ts) meet: the script's URL and the global it
 * defines. The visual assist (issue 21) is needed only once the call is connected, so the page
 * every customer loads before Join does not carry it (the join page's size budget). */
import type { SnapshotPolicy } from '../../contract';
import type { AssistChannel } from '../shared/assist-channel';
import type { LocalMedia } from '../shared/media';
import type { LocalDataTrack, Room, VideoSdk } from '../shared/sdk';
import type { Strings } from '../shared/strings';
import type { AssistHost } from './room';
import { keptUntilFailure, loadScriptGlobal } from '../shared/script';

export const ASSIST_SRC = '/join/assist.js';
export const ASSIST_GLOBAL = '__joinAssist';

/** What the assist works with: the connected room and the customer's media and call view. */
export interface AssistCall {
  sdk: Pick<VideoSdk, 'LocalDataTrack'>;
  room: Room;
  /** The assist data track the page connected with. */
  assist: LocalDataTrack;
  media: LocalMedia;
  text: Strings;
  host: AssistHost;
  /** The customer's invite, which the snapshot upload is authenticated with. */
  invite: string;
  /** VIDEO_SNAPSHOTS as /video/join told it: the page, not the agent, decides whether to ask. */
  snapshots: SnapshotPolicy;
}

export type StartAssist = (call: AssistCall) => AssistChannel;
type AssistScope = { [ASSIST_GLOBAL]?: StartAssist };

/** The assist script, loaded once; loaded again after a failure, so the next call tries again. */
export const loadAssist = keptUntilFailure(() =>
  loadScriptGlobal(ASSIST_SRC, () => (window as AssistScope)[ASSIST_GLOBAL]),
);

/** Runs in /join/assist.js: makes `start` the script's global. */
export function defineAssist(start: StartAssist): void {
  (window as AssistScope)[ASSIST_GLOBAL] = start;
}
