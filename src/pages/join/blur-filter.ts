/** The join page's blur filter, a script of its own (/join/blur.js): only a customer who turns
 * "Blur my background" on fetches it (with the processors it loads), so the page every customer
 * loads does not carry the frame loop. It defines one global that main.ts reads. */
import { loadCameraFilter } from '../shared/background';
import { BLUR_FILTER_GLOBAL, type BlurFilterScope } from './blur-script';

(window as BlurFilterScope)[BLUR_FILTER_GLOBAL] = () => loadCameraFilter('blur', null);
