/** The browser measurements behind the equipment check. They only look at and listen to the
 * tracks the panel's media module already holds (so with a background rule the check judges the
 * processed picture the customer gets), and play a sound of their own. */
import type { FrameSample } from './equipment-rules';

/** A 32×18 grid keeps the frozen-frame comparison cheap and blind to scaling noise. */
const GRID = { width: 32, height: 18 };
const FRAME_COUNT = 6;
const FRAME_INTERVAL_MS = 250;
const LISTEN_MS = 3000;
const LEVEL_INTERVAL_MS = 100;
const TONE_HZ = 440;
const TONE_SECONDS = 0.8;

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function sampleCamera(track: MediaStreamTrack): Promise<FrameSample[]> {
  const video = document.createElement('video');
  video.muted = true;
  video.playsInline = true;
  video.srcObject = new MediaStream([track]);
  const canvas = document.createElement('canvas');
  canvas.width = GRID.width;
  canvas.height = GRID.height;
  const context = canvas.getContext('2d', { willReadFrequently: true });
  const frames: FrameSample[] = [];
  try {
    await video.play();
    for (let i = 0; i < FRAME_COUNT && context; i++) {
      await pause(FRAME_INTERVAL_MS);
      if (!video.videoWidth) continue;
      context.drawImage(video, 0, 0, GRID.width, GRID.height);
      frames.push({
        width: video.videoWidth,
        height: video.videoHeight,
        luma: luma(context.getImageData(0, 0, GRID.width, GRID.height).data),
      });
    }
  } catch {
    // A track that never plays delivers no frames: the verdict says so.
  } finally {
    video.srcObject = null;
  }
  return frames;
}

/** Rec. 601 luma of each RGBA pixel. */
export function luma(rgba: Uint8ClampedArray): Float32Array {
  const out = new Float32Array(rgba.length / 4);
  for (let i = 0; i < out.length; i++)
    out[i] = 0.299 * rgba[i * 4] + 0.587 * rgba[i * 4 + 1] + 0.114 * rgba[i * 4 + 2];
  return out;
}

/** The peak of each short window for a few seconds, each one shown as it comes (the live meter). */
export async function listenMicrophone(
  track: MediaStreamTrack,
  onLevel: (peak: number) => void,
): Promise<number[]> {
  const windows = await measureLevels(
    track,
    { durationMs: LISTEN_MS, intervalMs: LEVEL_INTERVAL_MS },
    onLevel,
  );
  return windows.map((window) => window.peak);
}

/** An analyser window of 2048 samples is ~43 ms at 48 kHz: a syllable, or a pause between words.
 * Each reading's RMS is of the newest such window. */
const WINDOW_SAMPLES = 2048;
/** Each reading's peak looks further back, ~170 ms at 48 kHz: past the reading before it even when
 * the page's timers run late, so a short sound between two readings (a click, a beep) still counts
 * and a level is never judged silent for falling in the gaps. */
const PEAK_SAMPLES = 8192;

/** The RMS of the newest `rmsSamples` of `samples`, and the peak of them all. */
export function levelsOf(samples: Float32Array, rmsSamples: number): { rms: number; peak: number } {
  let squares = 0;
  let peak = 0;
  const rmsFrom = Math.max(0, samples.length - rmsSamples);
  for (let index = 0; index < samples.length; index++) {
    const sample = samples[index];
    peak = Math.max(peak, Math.abs(sample));
    if (index >= rmsFrom) squares += sample * sample;
  }
  return { rms: Math.sqrt(squares / (samples.length - rmsFrom)), peak };
}

/** The RMS and peak (levelsOf) every `intervalMs` for `durationMs`, each peak shown as it comes
 * (the checks' live meters). */
export async function measureLevels(
  track: MediaStreamTrack,
  timing: { durationMs: number; intervalMs: number },
  onLevel: (peak: number) => void,
): Promise<{ rms: number; peak: number }[]> {
  const audio = new AudioContext();
  const analyser = audio.createAnalyser();
  analyser.fftSize = PEAK_SAMPLES;
  const source = audio.createMediaStreamSource(new MediaStream([track]));
  source.connect(analyser);
  const samples = new Float32Array(PEAK_SAMPLES);
  const windows: { rms: number; peak: number }[] = [];
  try {
    await audio.resume();
    for (let elapsed = 0; elapsed < timing.durationMs; elapsed += timing.intervalMs) {
      await pause(timing.intervalMs);
      analyser.getFloatTimeDomainData(samples);
      const levels = levelsOf(samples, WINDOW_SAMPLES);
      windows.push(levels);
      onLevel(levels.peak);
    }
  } finally {
    source.disconnect();
    void audio.close();
  }
  return windows;
}

type SinkAudio = HTMLAudioElement & { setSinkId?(id: string): Promise<void> };

/** A short tone on the chosen output (the browser's default when none was chosen or the browser
 * cannot choose). Resolves false when it could not be played there. */
export async function playTestSound(speakerId: string | null): Promise<boolean> {
  const audio = new AudioContext();
  const destination = audio.createMediaStreamDestination();
  const tone = audio.createOscillator();
  const gain = audio.createGain();
  tone.frequency.value = TONE_HZ;
  gain.gain.setValueAtTime(0.2, audio.currentTime);
  gain.gain.exponentialRampToValueAtTime(0.001, audio.currentTime + TONE_SECONDS);
  tone.connect(gain).connect(destination);
  const element: SinkAudio = new Audio();
  element.srcObject = destination.stream;
  try {
    if (speakerId && element.setSinkId) await element.setSinkId(speakerId);
    await element.play();
    tone.start();
    tone.stop(audio.currentTime + TONE_SECONDS);
    await pause(TONE_SECONDS * 1000);
    return true;
  } catch {
    return false;
  } finally {
    element.srcObject = null;
    void audio.close();
  }
}
