/** The equipment check: each item measured and judged, the verdicts shown as they come and
 * posted to the host as one `video-escalation:check` message. */
import type { PanelMedia } from './media';
import type { CheckItem, CheckMessage, CheckReport, ItemResult, Verdict } from '../../panel-protocol';
import { cameraVerdict, microphoneVerdict, type FrameSample } from './equipment-rules';
import { testNetwork, type NetworkTestDeps } from './equipment-network';

export interface Probes {
  sampleCamera(track: MediaStreamTrack): Promise<FrameSample[]>;
  listenMicrophone(track: MediaStreamTrack, onLevel: (peak: number) => void): Promise<number[]>;
  playTestSound(speakerId: string | null): Promise<boolean>;
}

export interface CheckDeps {
  media: Pick<PanelMedia, 'audio' | 'video' | 'speakerId'>;
  /** Opens camera and microphone if they are not open yet (the panel's preview). */
  startMedia: () => Promise<unknown>;
  probes: Probes;
  network: NetworkTestDeps;
  onLevel: (peak: number) => void;
  onResult: (item: CheckItem, result: ItemResult) => void;
}

export async function runEquipmentCheck(deps: CheckDeps): Promise<CheckReport> {
  const judged = async (item: CheckItem, judge: () => Promise<ItemResult>) => {
    const result = await judge();
    deps.onResult(item, result);
    return result;
  };
  // The network test runs alongside: it takes longest and needs none of the devices.
  const network = judged('network', () => testNetwork(deps.network));
  await deps.startMedia();
  const { video, audio } = deps.media;
  const [camera, microphone] = await Promise.all([
    judged('camera', async () =>
      video
        ? cameraVerdict(await deps.probes.sampleCamera(video))
        : { verdict: 'problem', finding: 'camera-missing' },
    ),
    judged('microphone', async () =>
      audio
        ? microphoneVerdict(await deps.probes.listenMicrophone(audio, deps.onLevel))
        : { verdict: 'problem', finding: 'microphone-missing' },
    ),
  ]);
  const speakers = await judged('speakers', async () =>
    (await deps.probes.playTestSound(deps.media.speakerId))
      ? { verdict: 'good', finding: 'speakers-played' }
      : { verdict: 'problem', finding: 'speakers-failed' },
  );
  return { camera, microphone, speakers, network: await network };
}

const RANK = { good: 0, warning: 1, problem: 2 } as const;

export function checkMessage(report: CheckReport): CheckMessage {
  const verdict = Object.values(report).reduce<Verdict>(
    (worst, item) => (RANK[item.verdict] > RANK[worst] ? item.verdict : worst),
    'good',
  );
  return { type: 'video-escalation:check', verdict, items: report };
}
