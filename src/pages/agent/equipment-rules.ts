/** The equipment check's verdicts, from figures the probes measured (equipment-probes.ts). Pure,
 * so each threshold is tested on its own; the words for each finding are in the strings. */

import type { ItemResult } from '../../panel-protocol';

/** One sampled frame: its size and its luma (0–255), downscaled to a fixed grid. */
export interface FrameSample {
  width: number;
  height: number;
  luma: ArrayLike<number>;
}

/** Below 360 lines a face loses the detail customers need (and Twilio's own preset for
 * "standard" quality starts at 640×360). */
const MIN_WIDTH = 640;
const MIN_HEIGHT = 360;
/** Mean luma of a lit face in an office is 90–140; under 60 it looks murky, under 16 it is a
 * covered lens or a closed laptop lid. */
const DARK_LUMA = 60;
const BLACK_LUMA = 16;
/** Sensor noise alone moves a live picture's mean absolute difference well above this; a frozen
 * camera (a driver hang, a virtual camera showing a still) repeats frames exactly. */
const FROZEN_DIFFERENCE = 0.5;

export function cameraVerdict(frames: readonly FrameSample[]): ItemResult {
  if (frames.length < 2) return { verdict: 'problem', finding: 'camera-no-frames' };
  const last = frames[frames.length - 1];
  const brightness = mean(frames.map((frame) => mean(Array.from(frame.luma))));
  const changes = frames.slice(1).map((frame, index) => meanDifference(frames[index].luma, frame.luma));
  const figures = { width: last.width, height: last.height, brightness: Math.round(brightness) };
  if (Math.max(...changes) < FROZEN_DIFFERENCE)
    return { verdict: 'problem', finding: 'camera-frozen', figures };
  if (brightness < BLACK_LUMA) return { verdict: 'problem', finding: 'camera-black', figures };
  if (brightness < DARK_LUMA) return { verdict: 'warning', finding: 'camera-dark', figures };
  if (last.width < MIN_WIDTH || last.height < MIN_HEIGHT)
    return { verdict: 'warning', finding: 'camera-low-resolution', figures };
  return { verdict: 'good', finding: 'camera-good', figures };
}

/** −40 dBFS: quieter than a voice a metre from any headset or laptop microphone. */
const SILENT_PEAK = 0.01;
/** A peak at full scale is a clipped sample; speech that clips in more than a fifth of the
 * windows is distorted for the customer. */
const CLIPPED_PEAK = 0.99;
const CLIPPED_SHARE = 0.2;

/** `peaks`: the largest absolute sample (0–1) of each short window the meter showed. */
export function microphoneVerdict(peaks: readonly number[]): ItemResult {
  const loudest = peaks.length ? Math.max(...peaks) : 0;
  const clipped = peaks.filter((peak) => peak >= CLIPPED_PEAK).length;
  const figures = { peak: round2(loudest), clippedShare: round2(peaks.length ? clipped / peaks.length : 0) };
  if (loudest < SILENT_PEAK) return { verdict: 'warning', finding: 'microphone-silent', figures };
  if (clipped / peaks.length > CLIPPED_SHARE)
    return { verdict: 'warning', finding: 'microphone-clipping', figures };
  return { verdict: 'good', finding: 'microphone-good', figures };
}

export interface NetworkFigures {
  /** Time to reach Twilio's signalling and get TURN credentials. */
  connectMs: number;
  rttMs: number;
  jitterMs: number;
  packetLossPercent: number;
}

/** Twilio's guidance for video: under 200 ms round trip, 30 ms jitter and 1 % loss a call is
 * smooth; past 400 ms, 60 ms or 5 % it stutters, freezes or drops. Reaching Twilio in over 5 s
 * means the call will also be slow to start. */
const GOOD = { rttMs: 200, jitterMs: 30, packetLossPercent: 1, connectMs: 5000 };
const POOR = { rttMs: 400, jitterMs: 60, packetLossPercent: 5 };

export function networkVerdict(figures: NetworkFigures): ItemResult {
  const rounded = {
    connectMs: Math.round(figures.connectMs),
    rttMs: Math.round(figures.rttMs),
    jitterMs: Math.round(figures.jitterMs),
    packetLossPercent: round2(figures.packetLossPercent),
  };
  if (
    figures.rttMs > POOR.rttMs ||
    figures.jitterMs > POOR.jitterMs ||
    figures.packetLossPercent > POOR.packetLossPercent
  ) {
    return { verdict: 'problem', finding: 'network-poor', figures: rounded };
  }
  const good = (Object.keys(GOOD) as (keyof NetworkFigures)[]).every((key) => figures[key] <= GOOD[key]);
  return good
    ? { verdict: 'good', finding: 'network-good', figures: rounded }
    : { verdict: 'warning', finding: 'network-fair', figures: rounded };
}

function mean(values: readonly number[]): number {
  return values.length ? values.reduce((sum, value) => sum + value, 0) / values.length : 0;
}

function meanDifference(a: ArrayLike<number>, b: ArrayLike<number>): number {
  const length = Math.min(a.length, b.length);
  let total = 0;
  for (let i = 0; i < length; i++) total += Math.abs(a[i] - b[i]);
  return length ? total / length : 0;
}

const round2 = (value: number) => Math.round(value * 100) / 100;
