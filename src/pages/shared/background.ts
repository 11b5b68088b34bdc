/** A background rule applied to a camera: Twilio's @twilio/video-processors (person segmentation
 * in WebAssembly) blurs or replaces what is behind the person. The library, its model and its
 * WebAssembly are assets of this service under /processors/ (scripts/build.mjs copies them), and
 * are fetched only when a rule is set: pages without one load none of their ~3.1 MB (blur: library, worker, model and SIMD WebAssembly).
 *
 * The processed picture is a track of its own (a canvas's capture stream), so the preview, the
 * self-view and the published track are all the same processed track, and the raw camera stays
 * inside the filter, never given to anything that shows or sends it. */
import type { GaussianBlurBackgroundProcessor, VirtualBackgroundProcessor } from '@twilio/video-processors';
import { keptUntilFailure, loadScriptGlobal } from './script';

export type BackgroundRule = 'none' | 'blur' | 'image';

export interface FilteredCamera {
  /** The processed picture, to show and send in place of the raw camera. */
  track: MediaStreamTrack;
  /** The raw camera's track, for its settings (deviceId); never shown or sent. */
  raw: MediaStreamTrack;
  /** Stops the processing and the raw camera. */
  stop(): void;
}

export interface CameraFilter {
  /** Takes ownership of `raw`: it is stopped with the result, or at once if processing fails. */
  apply(raw: MediaStreamTrack): Promise<FilteredCamera>;
}

type Processor = Pick<
  GaussianBlurBackgroundProcessor | VirtualBackgroundProcessor,
  'loadModel' | 'processFrame'
>;
interface ProcessorsGlobal {
  isSupported: boolean;
  GaussianBlurBackgroundProcessor: typeof GaussianBlurBackgroundProcessor;
  VirtualBackgroundProcessor: typeof VirtualBackgroundProcessor;
}

export const PROCESSORS_PATH = '/processors/';
const LIBRARY_SRC = `${PROCESSORS_PATH}twilio-video-processors.min.js`;
/** Twilio's advice for its segmentation: 24 fps is enough for a face and halves the cost of 30+. */
const FRAME_RATE = 24;

export class BackgroundUnsupportedError extends Error {}

/** Loads the library and the model once; rejects with BackgroundUnsupportedError when this
 * browser cannot run them (the caller keeps the camera off). */
export async function loadCameraFilter(
  rule: Exclude<BackgroundRule, 'none'>,
  imageUrl: string | null,
): Promise<CameraFilter> {
  let processor: Processor;
  try {
    const library = await loadLibrary();
    if (!library.isSupported) throw new BackgroundUnsupportedError('video processors unsupported');
    if (rule === 'blur') {
      processor = new library.GaussianBlurBackgroundProcessor({ assetsPath: PROCESSORS_PATH });
    } else {
      if (!imageUrl) throw new BackgroundUnsupportedError('no background image');
      processor = new library.VirtualBackgroundProcessor({
        assetsPath: PROCESSORS_PATH,
        backgroundImage: await loadImage(imageUrl),
      });
    }
    await processor.loadModel();
  } catch (error) {
    throw error instanceof BackgroundUnsupportedError ? error : new BackgroundUnsupportedError(String(error));
  }
  return { apply: (raw) => filterTrack(processor, raw) };
}

async function filterTrack(processor: Processor, raw: MediaStreamTrack): Promise<FilteredCamera> {
  const video = document.createElement('video');
  video.muted = true;
  video.playsInline = true;
  video.srcObject = new MediaStream([raw]);
  const canvas = document.createElement('canvas');
  let running = true;
  let timer = 0;
  const stopAll = () => {
    running = false;
    clearTimeout(timer);
    video.srcObject = null;
    raw.stop();
    track?.stop();
  };
  let track: MediaStreamTrack | undefined;
  try {
    await video.play();
    canvas.width = video.videoWidth;
    canvas.height = video.videoHeight;
    // The first frame is processed before the track is handed out, so no one ever sees an empty
    // or unprocessed picture, and a processor that fails on real frames fails here.
    await processor.processFrame(video, canvas);
    track = canvas.captureStream(FRAME_RATE).getVideoTracks()[0];
    if (!track) throw new BackgroundUnsupportedError('canvas capture unsupported');
  } catch (error) {
    stopAll();
    throw error instanceof BackgroundUnsupportedError ? error : new BackgroundUnsupportedError(String(error));
  }
  const frame = async () => {
    if (!running) return;
    const started = performance.now();
    if (video.videoWidth !== canvas.width || video.videoHeight !== canvas.height) {
      canvas.width = video.videoWidth;
      canvas.height = video.videoHeight;
    }
    // A dropped frame keeps the last processed one on the canvas: never the raw picture.
    await processor.processFrame(video, canvas).catch(() => undefined);
    if (running)
      timer = window.setTimeout(
        () => void frame(),
        Math.max(0, 1000 / FRAME_RATE - (performance.now() - started)),
      );
  };
  void frame();
  return { track, raw, stop: stopAll };
}

const loadLibrary = keptUntilFailure(() =>
  loadScriptGlobal(
    LIBRARY_SRC,
    () => (window as { Twilio?: { VideoProcessors?: ProcessorsGlobal } }).Twilio?.VideoProcessors,
  ),
);

function loadImage(url: string): Promise<HTMLImageElement> {
  const image = new Image();
  image.src = url;
  return image.decode().then(() => image);
}

/** Whether this browser can run the processors, decided without fetching any of them (the join
 * page offers "Blur my background" only then). The library's own `isSupported` is a WebGL2 or 2D
 * canvas context; on top of it, what the library and the frame loop above use unconditionally:
 * OffscreenCanvas (its input frames, Safari from 16.4), workers (its pipeline), WebAssembly (the
 * segmentation), and a canvas's capture stream (the processed track). */
export function backgroundSupported(scope: typeof globalThis = globalThis): boolean {
  try {
    if (
      typeof scope.OffscreenCanvas !== 'function' ||
      typeof scope.Worker !== 'function' ||
      typeof scope.WebAssembly !== 'object'
    )
      return false;
    if (typeof scope.HTMLCanvasElement?.prototype.captureStream !== 'function') return false;
    const canvas = new scope.OffscreenCanvas(1, 1);
    // Either context will do; a 2D one is the cheaper to create, and this runs as the page loads.
    return !!(canvas.getContext('2d') ?? canvas.getContext('webgl2'));
  } catch {
    return false;
  }
}
