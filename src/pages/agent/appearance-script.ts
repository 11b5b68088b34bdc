/** How the panel and /agent/appearance.js (appearance-model.ts) meet: the script's URL, the
 * global it defines, and the shape of what one look at a frame finds. */
import { keptUntilFailure, loadScriptGlobal } from '../shared/script';
import type { LumaFrame } from './appearance-rules';

export const APPEARANCE_SCRIPT_SRC = '/agent/appearance.js';
/** The models' weights (scripts/build.mjs copies them from @vladmandic/face-api). */
export const APPEARANCE_MODELS_PATH = '/agent/appearance-models/';
export const APPEARANCE_GLOBAL = '__agentFaceFinder';

export interface Point {
  x: number;
  y: number;
}

/** One face as the frame shows it, every coordinate a fraction of the frame's width or height
 * (0 at the left or top, 1 at the right or bottom), so no rule depends on the camera's size. */
export interface FoundFace {
  box: { x: number; y: number; width: number; height: number };
  /** The detector's confidence, 0–1. */
  score: number;
  /** The points the rules use, from the 68-point landmark model. */
  landmarks: { leftEye: Point; rightEye: Point; noseTip: Point; chin: Point };
}

/** What one look at a frame measures: the rules (appearance-rules.ts) judge it. */
export interface Look {
  /** The most likely face in the picture, or null when there is none. */
  face: FoundFace | null;
  /** The frame's brightness on a small grid, for the lighting rules. */
  luma: LumaFrame;
  /** The frame's size as it was looked at. */
  frame: { width: number; height: number };
}

export interface FaceFinder {
  look(frame: HTMLCanvasElement): Promise<Look>;
}

export type FaceFinderScope = { [APPEARANCE_GLOBAL]?: (modelsPath: string) => Promise<FaceFinder> };

/** The detector, loaded once (this script, then its two models) and kept for checking again;
 * loaded again after a failure, so "Check again" really tries again. */
export const loadFaceFinder = keptUntilFailure(() =>
  loadScriptGlobal(APPEARANCE_SCRIPT_SRC, () => (window as FaceFinderScope)[APPEARANCE_GLOBAL]).then((load) =>
    load(APPEARANCE_MODELS_PATH),
  ),
);
