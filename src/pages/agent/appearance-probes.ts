/** The browser measurements behind the appearance check: frames of the camera track the panel
 * holds (with a background rule, the processed one the customer gets), the agent reading a
 * sentence aloud, and the name of the output the customer's voice will play on. */
import type { VoiceWindow } from './appearance-rules';
import { measureLevels } from './equipment-probes';

/** Frames are looked at no larger than this: the detector works at 320–608 px anyway. */
const FRAME_WIDTH = 640;
/** Long enough to read the sentence at an unhurried pace, with a breath before it. */
export const READ_MS = 6000;
const WINDOW_INTERVAL_MS = 50;

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Plays `track` and hands each of `count` frames, `intervalMs` apart, to `look` as a canvas. */
export async function grabFrames<T>(
  track: MediaStreamTrack,
  count: number,
  intervalMs: number,
  look: (frame: HTMLCanvasElement) => Promise<T>,
): Promise<T[]> {
  const video = document.createElement('video');
  video.muted = true;
  video.playsInline = true;
  video.srcObject = new MediaStream([track]);
  const canvas = document.createElement('canvas');
  const context = canvas.getContext('2d', { willReadFrequently: true });
  const seen: T[] = [];
  try {
    await video.play();
    for (let i = 0; i < count && context; i++) {
      if (i > 0) await pause(intervalMs);
      if (!video.videoWidth) continue;
      const scale = Math.min(1, FRAME_WIDTH / video.videoWidth);
      canvas.width = Math.round(video.videoWidth * scale);
      canvas.height = Math.round(video.videoHeight * scale);
      context.drawImage(video, 0, 0, canvas.width, canvas.height);
      seen.push(await look(canvas));
    }
  } finally {
    video.srcObject = null;
  }
  return seen;
}

/** The level of each short window while the agent reads, each peak shown as it comes. */
export function recordVoice(
  track: MediaStreamTrack,
  onLevel: (peak: number) => void,
): Promise<VoiceWindow[]> {
  return measureLevels(track, { durationMs: READ_MS, intervalMs: WINDOW_INTERVAL_MS }, onLevel);
}

/** The label of the output the call will play on: the chosen one, else the browser's default. */
export async function outputLabel(speakerId: string | null): Promise<string> {
  const outputs = (await navigator.mediaDevices.enumerateDevices()).filter(
    (device) => device.kind === 'audiooutput',
  );
  const chosen = outputs.find((device) => device.deviceId === (speakerId ?? 'default')) ?? outputs[0];
  return chosen?.label ?? '';
}
