/** How the page and /join/blur.js (blur-filter.ts) meet: the script's URL and the global it
 * defines, a function that loads the blur filter. */
import type { CameraFilter } from '../shared/background';
import { keptUntilFailure, loadScriptGlobal } from '../shared/script';

export const BLUR_FILTER_SRC = '/join/blur.js';
export const BLUR_FILTER_GLOBAL = '__joinBlurFilter';
export type BlurFilterScope = { [BLUR_FILTER_GLOBAL]?: () => Promise<CameraFilter> };

/** The blur filter, loaded once (this script, then the library, worker, model, WebAssembly) and
 * kept for turning blur on again or a new camera; loaded again after a failure, so "Try again"
 * really tries again. */
export const loadBlurFilter = keptUntilFailure(() =>
  loadScriptGlobal(BLUR_FILTER_SRC, () => (window as BlurFilterScope)[BLUR_FILTER_GLOBAL]).then((load) =>
    load(),
  ),
);
