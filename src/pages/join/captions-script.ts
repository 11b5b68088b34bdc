/** How the page and /join/captions.js (captions.ts) meet: the script's URL and the global it
 * defines. Only a call that is transcribed fetches it (with its stylesheet), so the page every
 * customer loads before Join carries none of the captions. */
import type { TranscriptionEvent } from '../shared/sdk';
import { keptUntilFailure, loadScriptGlobal } from '../shared/script';

export const CAPTIONS_SRC = '/join/captions.js';
export const CAPTIONS_STYLESHEET = '/join/captions.css';
export const CAPTIONS_GLOBAL = '__joinCaptions';

export interface MountedCaptions {
  show(event: TranscriptionEvent, identityOf: (sid: string) => string | undefined): void;
}

/** Puts the Captions toggle into `controls` and the captions over `stage`. */
export type MountCaptions = (
  place: { stage: HTMLElement; controls: HTMLElement },
  labels: { toggle: string; region: string },
) => MountedCaptions;
export type CaptionsScope = { [CAPTIONS_GLOBAL]?: MountCaptions };

export const loadCaptions = keptUntilFailure(() =>
  loadScriptGlobal(CAPTIONS_SRC, () => (window as CaptionsScope)[CAPTIONS_GLOBAL]),
);
