/** The appearance check's verdicts, from what the probes measured (appearance-check.ts): where
 * the face is, how it is lit, how the voice carries. Pure, so each threshold is tested on its own
 * and the labelled pictures (tests/fixtures/appearance/) are judged by the same functions; the
 * words for each finding are in the strings. */

import type { ItemResult } from '../../panel-protocol';
import type { FoundFace } from './appearance-script';

// ---- Framing ---------------------------------------------------------------------------------
// Coordinates are fractions of the frame (appearance-script.ts). The detector's box runs from the
// eyebrows to the chin, about two thirds of the head's height.

/** A box over 55 % of the frame's height puts the whole head (≈1.5 boxes) past 80 %: the customer
 * sees a forehead and a chin, nothing around them. */
const TOO_CLOSE_HEIGHT = 0.55;
/** Under 15 % the head is under a quarter of the frame: on a phone the customer sees a small
 * figure in a room, with no expression. A head-and-shoulders shot puts the box at 25–45 %. */
const TOO_FAR_HEIGHT = 0.15;
/** The face's centre more than 15 % of the frame's width from the middle is about half a face
 * aside at a good size: the agent looks at the customer from the edge of the picture. */
const OFF_CENTRE = 0.15;
/** The top of the head sits about half a box above the box. */
const HEAD_ABOVE_BOX = 0.5;
/** The head's top more than 3 % of the frame above its edge: the head is cut off. */
const HEAD_CUT = -0.03;
/** Eyes below 60 % of the frame's height leave more than half the picture as ceiling or wall
 * over the head (the rule of thirds puts them near a third). */
const EYES_TOO_LOW = 0.6;
/** Nose tip's height between the eyes and the chin (0 at the eyes, 1 at the chin). Four frontal
 * portraits taken at eye level (tests/fixtures/appearance/) measure 0.31–0.35 with the 68-point
 * landmarks. Seen from below (a laptop on the desk, the camera looking up the nose) the nose tip
 * rises towards the eyes and the chin's underside lengthens the rest; from above it drops.
 * ±0.1 around the middle is roughly ±20° of pitch, beyond what leaning moves. */
const NOSE_RATIO_CAMERA_LOW = 0.23;
const NOSE_RATIO_CAMERA_HIGH = 0.45;

export function framingVerdict(face: FoundFace | null): ItemResult {
  if (!face) return { verdict: 'problem', finding: 'appearance-no-face' };
  const { box, landmarks } = face;
  const eyeY = (landmarks.leftEye.y + landmarks.rightEye.y) / 2;
  const noseRatio = (landmarks.noseTip.y - eyeY) / Math.max(landmarks.chin.y - eyeY, 1e-6);
  const figures = {
    faceHeightPercent: Math.round(box.height * 100),
    offCentrePercent: Math.round((box.x + box.width / 2 - 0.5) * 100),
    eyesPercent: Math.round(eyeY * 100),
    noseRatio: round2(noseRatio),
  };
  const warning = (finding: ItemResult['finding']): ItemResult => ({ verdict: 'warning', finding, figures });
  if (box.height > TOO_CLOSE_HEIGHT) return warning('appearance-too-close');
  if (box.y - HEAD_ABOVE_BOX * box.height < HEAD_CUT) return warning('appearance-head-cut');
  if (box.height < TOO_FAR_HEIGHT) return warning('appearance-too-far');
  if (Math.abs(box.x + box.width / 2 - 0.5) > OFF_CENTRE) return warning('appearance-off-centre');
  if (eyeY > EYES_TOO_LOW) return warning('appearance-too-low');
  if (noseRatio < NOSE_RATIO_CAMERA_LOW) return warning('appearance-camera-low');
  if (noseRatio > NOSE_RATIO_CAMERA_HIGH) return warning('appearance-camera-high');
  return { verdict: 'good', finding: 'appearance-framing-good', figures };
}

// ---- Lighting --------------------------------------------------------------------------------

/** A frame's luma (0–255, Rec. 601), row by row, downscaled to a small grid. */
export interface LumaFrame {
  width: number;
  height: number;
  luma: ArrayLike<number>;
}

export interface LightingFigures {
  /** Mean luma of the face's skin (the middle of the box: no hair, no background). */
  face: number;
  /** Share of the face's cells at full brightness. */
  faceBlown: number;
  /** Mean luma of each half of the face, as the picture shows them. */
  left: number;
  right: number;
  /** Mean luma of what is around and above the person; null when the face fills the frame. */
  background: number | null;
}

/** The skin inside the box: its middle 60 % across, from the eyebrows' line to above the chin. */
const SKIN = { left: 0.2, right: 0.8, top: 0.15, bottom: 0.9 };
/** Around the person: beside the head by more than half a face, and above the head; the body is
 * below the face and up to a face and a half each side of it (shoulders). */
const PERSON_HALF_WIDTH = 1.5;
/** Fewer background cells than this say nothing about a window behind. */
const MIN_BACKGROUND_CELLS = 12;

/** Lit skin in an office measures 90–160; under 70 the face is murky on a customer's phone
 * (features lost in the camera's noise), under 30 it is a silhouette. */
const FACE_DARK = 70;
const FACE_BLACK = 30;
/** Cells at 250+ have lost the skin's detail (a lamp or the sun straight on the face); a fifth of
 * the face that way reads as a white patch. */
const BLOWN_LUMA = 250;
const BLOWN_SHARE = 0.2;
/** A background 1.8 times the face's brightness: the camera's exposure follows the window and the
 * face sinks into shadow. Ordinary rooms measure 0.8–1.4 (a white wall behind a lit face). */
const BACKLIGHT_RATIO = 1.8;
/** One half of the face under 60 % of the other: a lamp or a window to one side, half the face in
 * shadow. Side light short of that still models the face and reads as natural. */
const UNEVEN_RATIO = 0.6;

/** The figures the lighting rules judge, from one frame and the face found in it. */
export function measureLighting(frame: LumaFrame, face: FoundFace['box']): LightingFigures {
  const cell = (x: number, y: number) => frame.luma[y * frame.width + x];
  const skin: number[] = [];
  const left: number[] = [];
  const right: number[] = [];
  const background: number[] = [];
  const centreX = face.x + face.width / 2;
  const headTop = face.y - HEAD_ABOVE_BOX * face.height;
  for (let y = 0; y < frame.height; y++) {
    const fy = (y + 0.5) / frame.height;
    for (let x = 0; x < frame.width; x++) {
      const fx = (x + 0.5) / frame.width;
      const inBoxX = (fx - face.x) / face.width;
      const inBoxY = (fy - face.y) / face.height;
      const value = cell(x, y);
      if (inBoxX >= SKIN.left && inBoxX <= SKIN.right && inBoxY >= SKIN.top && inBoxY <= SKIN.bottom) {
        skin.push(value);
        (inBoxX < 0.5 ? left : right).push(value);
        continue;
      }
      const besidePerson = Math.abs(fx - centreX) > PERSON_HALF_WIDTH * face.width;
      // The person: the head (a margin of half a box each side of the face) and, below the
      // head's top, the shoulders and body.
      const aboveHead = fy < headTop - 0.1 * face.height;
      const besideHead = fy < face.y + face.height && Math.abs(fx - centreX) > face.width;
      if (besidePerson || aboveHead || besideHead) background.push(value);
    }
  }
  return {
    face: mean(skin),
    faceBlown: skin.length ? skin.filter((value) => value >= BLOWN_LUMA).length / skin.length : 0,
    left: mean(left),
    right: mean(right),
    background: background.length >= MIN_BACKGROUND_CELLS ? mean(background) : null,
  };
}

export function lightingVerdict(figures: LightingFigures | null): ItemResult {
  // No face, no lighting to judge: the framing item already says so.
  if (!figures) return { verdict: 'warning', finding: 'appearance-lighting-unknown' };
  const rounded = {
    face: Math.round(figures.face),
    background: figures.background === null ? -1 : Math.round(figures.background),
    left: Math.round(figures.left),
    right: Math.round(figures.right),
    blownPercent: Math.round(figures.faceBlown * 100),
  };
  const result = (verdict: ItemResult['verdict'], finding: ItemResult['finding']): ItemResult => ({
    verdict,
    finding,
    figures: rounded,
  });
  if (figures.face < FACE_BLACK) return result('problem', 'appearance-face-black');
  if (figures.background !== null && figures.background >= BACKLIGHT_RATIO * figures.face)
    return result('warning', 'appearance-backlit');
  if (figures.face < FACE_DARK) return result('warning', 'appearance-face-dark');
  if (figures.faceBlown > BLOWN_SHARE) return result('warning', 'appearance-face-blown');
  if (Math.min(figures.left, figures.right) < UNEVEN_RATIO * Math.max(figures.left, figures.right))
    return result('warning', 'appearance-uneven');
  return result('good', 'appearance-lighting-good');
}

// ---- Voice -----------------------------------------------------------------------------------

/** One short window of the agent reading the sentence aloud. */
export interface VoiceWindow {
  /** Root mean square of the window's samples (full scale 1). */
  rms: number;
  /** Its largest absolute sample. */
  peak: number;
}

/** The loudest tenth of the windows is the voice; the quietest tenth, the pauses between words
 * and sentences, is the room's noise floor. Reading one sentence leaves more than a tenth of
 * pauses, and more than a tenth of stressed syllables. */
const SPEECH_PERCENTILE = 0.9;
const NOISE_PERCENTILE = 0.1;
/** Under −50 dBFS nothing was said into this microphone (a muted headset, the wrong device). */
const SILENT_DB = -50;
/** Speech under −35 dBFS (RMS) reaches the customer quiet, to be turned up with the noise. */
const QUIET_DB = -35;
/** A sample at full scale is clipped; in more than 1 % of the windows it is audible distortion. */
const CLIPPED_PEAK = 0.99;
const CLIPPED_SHARE = 0.01;
/** Speech less than 10 dB over the noise is hard to follow; under 20 dB the customer hears the
 * room behind every word (telephony aims for 25–30 dB). */
const SNR_DROWNED_DB = 10;
const SNR_NOISY_DB = 20;
/** A noise floor over −50 dBFS between words is a room the customer hears (fans, voices nearby),
 * even when the voice is loud enough to stay above it. */
const NOISE_FLOOR_DB = -50;

export function voiceVerdict(windows: readonly VoiceWindow[]): ItemResult {
  if (!windows.length) return { verdict: 'problem', finding: 'appearance-voice-missing' };
  const levels = windows.map((window) => decibels(window.rms)).sort((a, b) => a - b);
  const speechDb = percentile(levels, SPEECH_PERCENTILE);
  const noiseDb = percentile(levels, NOISE_PERCENTILE);
  const clipped = windows.filter((window) => window.peak >= CLIPPED_PEAK).length / windows.length;
  const figures = {
    speechDb: Math.round(speechDb),
    noiseDb: Math.round(noiseDb),
    snrDb: Math.round(speechDb - noiseDb),
    clippedPercent: round2(clipped * 100),
  };
  const result = (verdict: ItemResult['verdict'], finding: ItemResult['finding']): ItemResult => ({
    verdict,
    finding,
    figures,
  });
  if (speechDb < SILENT_DB) return result('problem', 'appearance-voice-silent');
  if (clipped > CLIPPED_SHARE) return result('warning', 'appearance-voice-clipping');
  if (speechDb - noiseDb < SNR_DROWNED_DB) return result('problem', 'appearance-voice-drowned');
  if (speechDb - noiseDb < SNR_NOISY_DB) return result('warning', 'appearance-voice-noisy');
  if (noiseDb > NOISE_FLOOR_DB) return result('warning', 'appearance-room-noisy');
  if (speechDb < QUIET_DB) return result('warning', 'appearance-voice-quiet');
  return result('good', 'appearance-voice-good');
}

// ---- Echo ------------------------------------------------------------------------------------

/** Words in the names browsers give audio outputs. Browsers expose no "this is a loudspeaker"
 * flag, only the device's label (once the page may use the microphone): headsets and headphones
 * name themselves so, built-in outputs are "Speakers", "Built-in Output", "MacBook Pro
 * Speakers", "Speaker (Realtek…)". */
const HEADSET_LABEL =
  /head(set|phone)|ear(bud|phone|piece)|airpods|buds|hands-?free|jabra|plantronics|poly |evolve/i;
const SPEAKER_LABEL = /speaker|built-in|internal|realtek|high definition audio/i;

/** The output the customer's voice will come out of: on loudspeakers the agent's microphone hears
 * it, and the customer hears their own voice back unless echo cancellation catches all of it. */
export function echoVerdict(outputLabel: string): ItemResult {
  if (HEADSET_LABEL.test(outputLabel)) return { verdict: 'good', finding: 'appearance-echo-headset' };
  if (SPEAKER_LABEL.test(outputLabel)) return { verdict: 'warning', finding: 'appearance-echo-speakers' };
  return { verdict: 'good', finding: 'appearance-echo-unknown' };
}

// ---- Helpers ---------------------------------------------------------------------------------

function decibels(rms: number): number {
  return 20 * Math.log10(Math.max(rms, 1e-6));
}

/** `sorted` ascending; the value below which `share` of them lie. */
function percentile(sorted: readonly number[], share: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(share * sorted.length))];
}

function mean(values: readonly number[]): number {
  return values.length ? values.reduce((sum, value) => sum + value, 0) / values.length : 0;
}

const round2 = (value: number) => Math.round(value * 100) / 100;
