/** The appearance check: the picture the customer would get looked at by the face detector and
 * judged for framing and lighting, the agent's voice reading a sentence judged against the room's
 * noise, and the output judged for echo. Verdicts are shown as they come. */
import type { AppearanceItem, AppearanceReport, ItemResult } from '../../panel-protocol';
import type { PanelMedia } from './media';
import {
  echoVerdict,
  framingVerdict,
  lightingVerdict,
  measureLighting,
  voiceVerdict,
  type VoiceWindow,
} from './appearance-rules';
import type { FaceFinder, Look } from './appearance-script';

export interface AppearanceProbes {
  grabFrames<T>(
    track: MediaStreamTrack,
    count: number,
    intervalMs: number,
    look: (frame: HTMLCanvasElement) => Promise<T>,
  ): Promise<T[]>;
  recordVoice(track: MediaStreamTrack, onLevel: (peak: number) => void): Promise<VoiceWindow[]>;
  outputLabel(speakerId: string | null): Promise<string>;
}

export interface AppearanceDeps {
  media: Pick<PanelMedia, 'audio' | 'video' | 'speakerId'>;
  /** Opens camera and microphone if they are not open yet (the panel's preview). */
  startMedia: () => Promise<unknown>;
  loadFinder: () => Promise<FaceFinder>;
  probes: AppearanceProbes;
  onLevel: (peak: number) => void;
  /** Each look at the picture, for the preview's face box. */
  onLook: (look: Look) => void;
  onResult: (item: AppearanceItem, result: ItemResult) => void;
}

/** Two looks, a moment apart: the verdict follows the last that found a face, so a glance away
 * during one is not judged. More looks cost the 5 s budget ~0.3 s each on a busy 2-core machine. */
const LOOKS = 2;
const LOOK_INTERVAL_MS = 200;

export async function runAppearanceCheck(deps: AppearanceDeps): Promise<AppearanceReport> {
  const shown = (item: AppearanceItem) => (result: ItemResult) => {
    deps.onResult(item, result);
    return result;
  };
  await deps.startMedia();
  const { video, audio } = deps.media;
  // The agent reads while the picture is looked at: neither waits for the other.
  const voice = (audio ? deps.probes.recordVoice(audio, deps.onLevel) : Promise.resolve([]))
    .then(voiceVerdict)
    .then(shown('appearance-voice'));
  const echo = deps.probes
    .outputLabel(deps.media.speakerId)
    .catch(() => '')
    .then(echoVerdict)
    .then(shown('appearance-echo'));
  const picture = await judgePicture(deps, video);
  return {
    'appearance-framing': shown('appearance-framing')(picture.framing),
    'appearance-lighting': shown('appearance-lighting')(picture.lighting),
    'appearance-voice': await voice,
    'appearance-echo': await echo,
  };
}

async function judgePicture(
  deps: AppearanceDeps,
  video: MediaStreamTrack | null,
): Promise<{ framing: ItemResult; lighting: ItemResult }> {
  if (!video) return { framing: framingVerdict(null), lighting: lightingVerdict(null) };
  let finder: FaceFinder;
  try {
    finder = await deps.loadFinder();
  } catch {
    const unavailable: ItemResult = { verdict: 'warning', finding: 'appearance-unavailable' };
    return { framing: unavailable, lighting: unavailable };
  }
  const looks = await deps.probes.grabFrames(video, LOOKS, LOOK_INTERVAL_MS, async (frame) => {
    const look = await finder.look(frame);
    deps.onLook(look);
    return look;
  });
  const seen = looks.filter((look) => look.face).pop() ?? looks[looks.length - 1];
  const face = seen?.face ?? null;
  return {
    framing: framingVerdict(face),
    lighting: lightingVerdict(face && seen ? measureLighting(seen.luma, face.box) : null),
  };
}
