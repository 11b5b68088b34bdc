/** The appearance check's face detector, a script of its own (/agent/appearance.js): only an
 * agent who runs the check fetches it and its models. @vladmandic/face-api (TensorFlow.js inside)
 * with two of its models, the tiny face detector and the 68-point landmarks, on TensorFlow.js's
 * WebAssembly backend (the README's "Appearance check" says why). It defines one global that
 * appearance-script.ts reads. */
import * as faceapi from '@vladmandic/face-api';
import { luma } from './equipment-probes';
import { APPEARANCE_GLOBAL, type FaceFinder, type FaceFinderScope, type Point } from './appearance-script';

/** The detector's input sizes, tried in turn until one finds a face. 320 px finds a face from a
 * close-up down to ~12 % of a 640×360 frame's height in ~100 ms on a CPU; a distant face (a
 * "too far" one, under that) needs 608 px, which in turn misses large faces. On the labelled
 * pictures (tests/fixtures/appearance/) the pair finds every face. */
const INPUT_SIZES = [320, 608];
/** The detector's own default; lower lets hands and posters pass for faces. */
const MIN_SCORE = 0.5;
/** 160×90 cells: a face at a good size covers a few hundred of them, a distant one still dozens. */
const LUMA_GRID = { width: 160, height: 90 };

/** TensorFlow.js's backend controls: the bundle exports them, the package's types leave them out. */
const tf = faceapi.tf as unknown as {
  setWasmPaths(prefix: string): void;
  setBackend(name: string): Promise<boolean>;
  ready(): Promise<void>;
};

async function loadFaceFinder(modelsPath: string): Promise<FaceFinder> {
  // On this 2-core machine without a GPU the WebAssembly backend looks at a frame in ~100 ms,
  // where the plain-JavaScript CPU backend takes 1.5–3 s and WebGL first compiles its shaders
  // for seconds. Its .wasm files are served beside the models.
  tf.setWasmPaths(modelsPath);
  await tf.setBackend('wasm');
  await tf.ready();
  await Promise.all([
    faceapi.nets.tinyFaceDetector.loadFromUri(modelsPath),
    faceapi.nets.faceLandmark68Net.loadFromUri(modelsPath),
  ]);
  const sizes = INPUT_SIZES.map(
    (inputSize) => new faceapi.TinyFaceDetectorOptions({ inputSize, scoreThreshold: MIN_SCORE }),
  );
  const detect = async (frame: HTMLCanvasElement) => {
    for (const options of sizes) {
      const found = await faceapi.detectSingleFace(frame, options).withFaceLandmarks();
      if (found) return found;
    }
    return undefined;
  };
  const grid = document.createElement('canvas');
  grid.width = LUMA_GRID.width;
  grid.height = LUMA_GRID.height;
  const gridContext = grid.getContext('2d', { willReadFrequently: true });
  if (!gridContext) throw new Error('no 2D canvas');
  return {
    async look(frame) {
      gridContext.drawImage(frame, 0, 0, grid.width, grid.height);
      const brightness = {
        ...LUMA_GRID,
        luma: luma(gridContext.getImageData(0, 0, grid.width, grid.height).data),
      };
      const found = await detect(frame);
      const size = { width: frame.width, height: frame.height };
      if (!found) return { face: null, luma: brightness, frame: size };
      const relative = (point: Point): Point => ({ x: point.x / frame.width, y: point.y / frame.height });
      const centre = (points: Point[]): Point =>
        relative({
          x: points.reduce((sum, point) => sum + point.x, 0) / points.length,
          y: points.reduce((sum, point) => sum + point.y, 0) / points.length,
        });
      const box = found.detection.relativeBox;
      const positions = found.landmarks.positions;
      return {
        luma: brightness,
        frame: size,
        face: {
          box: { x: box.x, y: box.y, width: box.width, height: box.height },
          score: found.detection.score,
          landmarks: {
            // The 68-point scheme: 36–41 and 42–47 are the eyes, 30 the nose tip, 8 the chin.
            leftEye: centre(positions.slice(36, 42)),
            rightEye: centre(positions.slice(42, 48)),
            noseTip: relative(positions[30]),
            chin: relative(positions[8]),
          },
        },
      };
    },
  };
}

(window as FaceFinderScope)[APPEARANCE_GLOBAL] = loadFaceFinder;
