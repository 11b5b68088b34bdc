/** The agent's Take picture: a request from the service (/video/snapshot-request), handed to the
 * customer's page over the assist channel; the page answers what became of it (join/snapshot.ts). */
import type { AgentApi } from '../shared/api';
import type { AssistChannel, AssistMessageOf } from '../shared/assist-channel';

export type SnapshotResult =
  | { kind: 'posted'; width: number | null; height: number | null; bytes: number | null }
  | { kind: 'declined' | 'failed' | 'no-answer' | 'not-connected' }
  /** The service refused the request: the contract's error code. */
  | { kind: 'refused'; code: string };

/** Longer than the customer's page waits on its Allow prompt (100 s), plus the upload. */
export const SNAPSHOT_ANSWER_TIMEOUT_MS = 130_000;

export interface SnapshotClock {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export async function takePicture(
  api: Pick<AgentApi, 'snapshotRequest'>,
  channel: AssistChannel | null,
  clock: SnapshotClock,
): Promise<SnapshotResult> {
  if (!channel) return { kind: 'not-connected' };
  const request = await api.snapshotRequest();
  if (!request.ok) return { kind: 'refused', code: request.failure.code };
  const { requestId } = request.value;
  return new Promise((resolve) => {
    const done = (result: SnapshotResult) => {
      stop();
      clock.clearTimeout(timer);
      resolve(result);
    };
    const stop = channel.on('snapshot-answer', (answer: AssistMessageOf<'snapshot-answer'>) => {
      if (answer.requestId !== requestId) return;
      done(
        answer.outcome === 'posted'
          ? {
              kind: 'posted',
              width: answer.width ?? null,
              height: answer.height ?? null,
              bytes: answer.bytes ?? null,
            }
          : { kind: answer.outcome },
      );
    });
    const timer = clock.setTimeout(() => done({ kind: 'no-answer' }), SNAPSHOT_ANSWER_TIMEOUT_MS);
    if (!channel.send({ type: 'snapshot-request', requestId })) done({ kind: 'failed' });
  });
}
