/** The panel's final transcription results, reported to /video/transcript for the transcript the
 * service posts into the chat. Twilio keeps no words (transcription.ts on the server says why),
 * so one page must hand them over: the agent's panel, the task's holder, is the room's one
 * reporter (the join page never reports, and a supervisor's panel, with no reservation, would be
 * refused).
 *
 * Batched: a result comes every few seconds while someone speaks, and each report costs the
 * service a Function run and up to eight Sync requests. So results wait up to BATCH_MS, or until
 * a report is full (the contract's 20), and go in one request: at most 12 reports a minute per
 * call, each result at most BATCH_MS late. Before transcription is stopped or the call is ended
 * the panel flushes, since either closes the transcript. A report that fails for a reason that
 * passes (busy, offline) is kept and sent again RETRY_MS later; one refused outright (the room
 * ended, transcription off) is dropped, as the service would drop it. */
import { LIMITS } from '../../contract';
import type { AgentFailure, AgentResult, ReportedResult } from '../shared/api';
import type { Heard } from '../shared/captions';
import { isRetryable, problemOf } from './problems';
import type { Clock } from './token-refresh';

export const BATCH_MS = 5000;
export const RETRY_MS = 5000;
/** What the service keeps of one transcript at most (TRANSCRIPT_MAX_RESULTS): more is not held. */
const MAX_PENDING = 200;

export class TranscriptReporter {
  private pending: ReportedResult[] = [];
  private timer: unknown = null;
  private sending: Promise<void> = Promise.resolve();

  constructor(
    private readonly send: (results: ReportedResult[]) => Promise<AgentResult<unknown>>,
    private readonly clock: Clock,
  ) {}

  /** A final result heard in the room; partial ones are never reported. */
  add(heard: Heard): void {
    if (heard.partial) return;
    this.pending.push({
      Participant: heard.identity,
      Text: heard.text.slice(0, LIMITS.transcriptResultLength),
      Timestamp: heard.at,
      Sequence: heard.seq,
    });
    this.pending = this.pending.slice(-MAX_PENDING);
    if (this.pending.length >= LIMITS.transcriptResultsPerReport) void this.flush();
    else this.schedule(BATCH_MS);
  }

  /** Sends everything held now; resolves when it is out (or kept for a retry). */
  flush(): Promise<void> {
    this.cancel();
    this.sending = this.sending.then(() => this.sendPending());
    return this.sending;
  }

  /** Forgets what is held: the panel left the call. */
  stop(): void {
    this.cancel();
    this.pending = [];
  }

  private async sendPending(): Promise<void> {
    while (this.pending.length > 0) {
      const batch = this.pending.slice(0, LIMITS.transcriptResultsPerReport);
      const result = await this.send(batch);
      if (!result.ok && passes(result.failure)) return this.schedule(RETRY_MS);
      this.pending = this.pending.filter((r) => !batch.includes(r));
    }
  }

  private schedule(ms: number): void {
    if (this.timer === null) this.timer = this.clock.setTimeout(() => void this.flush(), ms);
  }

  private cancel(): void {
    if (this.timer !== null) this.clock.clearTimeout(this.timer);
    this.timer = null;
  }
}

const passes = (failure: AgentFailure) => isRetryable(problemOf(failure).kind);
