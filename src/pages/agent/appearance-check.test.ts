import type { AppearanceItem, ItemResult } from '../../panel-protocol';
import { runAppearanceCheck, type AppearanceDeps } from './appearance-check';
import type { FaceFinder, FoundFace, Look } from './appearance-script';

const track = { kind: 'video' } as MediaStreamTrack;
const microphone = { kind: 'audio' } as MediaStreamTrack;
const frame = {} as HTMLCanvasElement;

const centredFace: FoundFace = {
  box: { x: 0.4, y: 0.25, width: 0.2, height: 0.32 },
  score: 0.9,
  landmarks: {
    leftEye: { x: 0.45, y: 0.36 },
    rightEye: { x: 0.55, y: 0.36 },
    noseTip: { x: 0.5, y: 0.43 },
    chin: { x: 0.5, y: 0.57 },
  },
};
/** A 10×10 grid: the face's cells at `faceLevel`, the rest at `backgroundLevel`. */
function lookWith(face: FoundFace | null, faceLevel = 120, backgroundLevel = 120): Look {
  const luma = Array.from({ length: 100 }, (_, i) => {
    const x = ((i % 10) + 0.5) / 10;
    const y = (Math.floor(i / 10) + 0.5) / 10;
    const inFace = face && x > 0.4 && x < 0.6 && y > 0.25 && y < 0.57;
    return inFace ? faceLevel : backgroundLevel;
  });
  return { face, luma: { width: 10, height: 10, luma }, frame: { width: 640, height: 360 } };
}

function deps(looks: Look[], overrides: Partial<AppearanceDeps> = {}) {
  const results: [AppearanceItem, ItemResult][] = [];
  const shown: Look[] = [];
  const finder: FaceFinder = { look: jest.fn(() => Promise.resolve(looks.shift() ?? lookWith(null))) };
  const base: AppearanceDeps = {
    media: { video: track, audio: microphone, speakerId: null },
    startMedia: jest.fn(() => Promise.resolve()),
    loadFinder: () => Promise.resolve(finder),
    probes: {
      grabFrames: async (_track, count, _interval, look) => {
        const seen = [];
        for (let i = 0; i < count; i++) seen.push(await look(frame));
        return seen;
      },
      recordVoice: () =>
        Promise.resolve(
          Array.from({ length: 100 }, (_, i) => ({ rms: i % 5 ? 0.1 : 0.0003, peak: i % 5 ? 0.4 : 0.001 })),
        ),
      outputLabel: () => Promise.resolve('Speakers (Realtek(R) Audio)'),
    },
    onLevel: () => undefined,
    onLook: (look) => shown.push(look),
    onResult: (item, result) => results.push([item, result]),
    ...overrides,
  };
  return { deps: base, results, shown, finder };
}

test('every item judged on what was measured, each shown as it comes', async () => {
  const {
    deps: d,
    results,
    shown,
  } = deps([lookWith(centredFace), lookWith(centredFace), lookWith(centredFace)]);
  const report = await runAppearanceCheck(d);
  expect(d.startMedia).toHaveBeenCalled();
  expect(report['appearance-framing'].finding).toBe('appearance-framing-good');
  expect(report['appearance-lighting'].finding).toBe('appearance-lighting-good');
  expect(report['appearance-voice'].finding).toBe('appearance-voice-good');
  expect(report['appearance-echo']).toEqual({ verdict: 'warning', finding: 'appearance-echo-speakers' });
  expect(results.map(([item]) => item).sort()).toEqual([
    'appearance-echo',
    'appearance-framing',
    'appearance-lighting',
    'appearance-voice',
  ]);
  // Every look reaches the preview's face box.
  expect(shown).toHaveLength(2);
});

test('a glance away is not judged: a look without a face is passed over', async () => {
  const { deps: d } = deps([lookWith(centredFace), lookWith(null)]);
  const report = await runAppearanceCheck(d);
  expect(report['appearance-framing'].finding).toBe('appearance-framing-good');
  expect(report['appearance-lighting'].finding).toBe('appearance-lighting-good');
});

test('of two looks with a face, the later counts', async () => {
  const { deps: d } = deps([lookWith(centredFace), lookWith(centredFace, 60, 240)]);
  expect((await runAppearanceCheck(d))['appearance-lighting'].finding).toBe('appearance-backlit');
  const { deps: again } = deps([lookWith(centredFace, 60, 240), lookWith(centredFace)]);
  expect((await runAppearanceCheck(again))['appearance-lighting'].finding).toBe('appearance-lighting-good');
});

test('no face in any look: framing is a problem, lighting cannot be judged', async () => {
  const { deps: d } = deps([]);
  const report = await runAppearanceCheck(d);
  expect(report['appearance-framing']).toEqual({ verdict: 'problem', finding: 'appearance-no-face' });
  expect(report['appearance-lighting'].finding).toBe('appearance-lighting-unknown');
});

test('no camera or microphone: nothing is loaded, framing and voice say so', async () => {
  const loadFinder = jest.fn((): Promise<FaceFinder> =>
    Promise.resolve({ look: () => Promise.resolve(lookWith(null)) }),
  );
  const { deps: d } = deps([], {
    media: { video: null, audio: null, speakerId: null },
    loadFinder,
  });
  const report = await runAppearanceCheck(d);
  expect(loadFinder).not.toHaveBeenCalled();
  expect(report['appearance-framing'].finding).toBe('appearance-no-face');
  expect(report['appearance-voice']).toEqual({ verdict: 'problem', finding: 'appearance-voice-missing' });
});

test('a detector that cannot load: framing and lighting say the check is unavailable', async () => {
  const { deps: d } = deps([], { loadFinder: () => Promise.reject(new Error('offline')) });
  const report = await runAppearanceCheck(d);
  expect(report['appearance-framing']).toEqual({ verdict: 'warning', finding: 'appearance-unavailable' });
  expect(report['appearance-lighting'].finding).toBe('appearance-unavailable');
  expect(report['appearance-voice'].finding).toBe('appearance-voice-good');
});

test('an output whose name cannot be read is not called speakers', async () => {
  const { deps: d } = deps([lookWith(centredFace)]);
  d.probes.outputLabel = () => Promise.reject(new Error('not allowed'));
  expect((await runAppearanceCheck(d))['appearance-echo'].finding).toBe('appearance-echo-unknown');
});
