/** The agent's Take picture: a request from the service (/video/snapshot-request), handed to the
 * customer's page over the assist channel; the page acknowledges it at once, then answers what
 * became of it (join/snapshot.ts). */
import type { AgentApi } from '../shared/api';
import type { AssistChannel, AssistMessageOf } from '../shared/assist-channel';

export type SnapshotResult =
  | { kind: 'posted'; width: number | null; height: number | null; bytes: number | null }
  /** 'not-received': the customer's page did not acknowledge the request in time. */
  | { kind: 'declined' | 'failed' | 'not-received' | 'no-answer' | 'not-connected' }
  /** The service refused the request: the contract's error code. */
  | { kind: 'refused'; code: string };

/** Longer than the customer's page waits on its Allow prompt (100 s), plus the upload; the
 * service's record of the request (120 s) bounds it anyway. */
export const SNAPSHOT_ANSWER_TIMEOUT_MS = 130_000;
/** How long the customer's page has to acknowledge the request. Over an open data channel a
 * message crosses in the call's latency (well under a second); a message sent before the
 * customer's page opened its side, or to a page without the assist script, is dropped without a
 * word, so silence this long means the request did not reach the page. */
export const SNAPSHOT_RECEIPT_TIMEOUT_MS = 5000;

export interface SnapshotClock {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

/** `onReceived`: the customer's page acknowledged the request (it now asks or takes the picture). */
export async function takePicture(
  api: Pick<AgentApi, 'snapshotRequest'>,
  channel: AssistChannel | null,
  clock: SnapshotClock,
  onReceived: () => void = () => undefined,
): Promise<SnapshotResult> {
  if (!channel) return { kind: 'not-connected' };
  const request = await api.snapshotRequest();
  if (!request.ok) return { kind: 'refused', code: request.failure.code };
  const { requestId } = request.value;
  return new Promise((resolve) => {
    /** The receipt is no longer waited for: it came, or the request is over. */
    const receiptSettled = () => {
      stopReceipt();
      clock.clearTimeout(receiptTimer);
    };
    const done = (result: SnapshotResult) => {
      receiptSettled();
      stop();
      clock.clearTimeout(timer);
      resolve(result);
    };
    const stopReceipt = channel.on('snapshot-received', (receipt) => {
      if (receipt.requestId !== requestId) return;
      receiptSettled();
      onReceived();
    });
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
    const receiptTimer = clock.setTimeout(() => done({ kind: 'not-received' }), SNAPSHOT_RECEIPT_TIMEOUT_MS);
    const timer = clock.setTimeout(() => done({ kind: 'no-answer' }), SNAPSHOT_ANSWER_TIMEOUT_MS);
    if (!channel.send({ type: 'snapshot-request', requestId })) done({ kind: 'failed' });
  });
}
