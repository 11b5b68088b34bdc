/** Live captions as both pages show them: the other side's words from the SDK's `transcription`
 * events. A partial result is replaced in place by the next partial, then by its final result;
 * final results scroll, the newest last, and at most two lines are kept on screen. Pure, so the
 * rules are unit-tested without a browser. */
import type { TranscriptionEvent } from './sdk';

/** One result, the speaker named by identity (the SDK names them by SID). */
export interface Heard {
  identity: string;
  text: string;
  partial: boolean;
  /** The SDK's sequence number, rising per room: an older result arriving late is not shown. */
  seq: number;
  /** When it was said (the SDK's ISO 8601 `timestamp`). */
  at: string;
}

export interface CaptionLine {
  /** Stable while the line is on screen: a partial keeps its key when it is replaced, and its
   * final result takes the same key. */
  key: string;
  identity: string;
  text: string;
  partial: boolean;
  seq: number;
}

export interface Captions {
  /** Oldest first, at most MAX_CAPTION_LINES. */
  lines: readonly CaptionLine[];
  /** How many results have started a line, for the next line's key. */
  count: number;
}

export const MAX_CAPTION_LINES = 2;

export const noCaptions: Captions = { lines: [], count: 0 };

/** The result in the SDK's event with its speaker's identity; null for an empty one or a speaker
 * the room does not know (left already). */
export function heardFrom(
  event: TranscriptionEvent,
  identityOf: (participantSid: string) => string | undefined,
): Heard | null {
  const identity = identityOf(event.participant);
  const text = event.transcription.replace(/\s+/g, ' ').trim();
  if (!identity || !text) return null;
  return { identity, text, partial: event.partial_results, seq: event.sequence_number, at: event.timestamp };
}

/** The captions once `heard` is in: it replaces its speaker's partial line if there is one,
 * else starts a new line; the oldest lines scroll away. */
export function caption(captions: Captions, heard: Heard): Captions {
  const lines = captions.lines;
  const open = lines.findIndex((line) => line.identity === heard.identity && line.partial);
  const newest = lines.reduce((seq, line) => (line.identity === heard.identity ? line.seq : seq), -1);
  if (heard.seq <= newest) return captions;
  const line = (key: string): CaptionLine => ({
    key,
    identity: heard.identity,
    text: heard.text,
    partial: heard.partial,
    seq: heard.seq,
  });
  if (open >= 0) return { ...captions, lines: lines.map((l, i) => (i === open ? line(l.key) : l)) };
  const count = captions.count + 1;
  return { lines: [...lines, line(`c${count}`)].slice(-MAX_CAPTION_LINES), count };
}
