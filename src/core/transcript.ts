import { AGENT_IDENTITY_PREFIX, CUSTOMER_IDENTITY, LIMITS } from '../contract';

/**
 * A call's transcript as the conversation shows it: final results only, each one line,
 * speaker-labelled and timed from the room's start, in the order spoken, in messages that fit
 * Twilio's body limit and never cut a word. Pure: no Twilio, no clock.
 */

export type Speaker = 'agent' | 'customer';

/** One final result as the bundle keeps it (in Sync, see transcription.ts). */
export interface TranscriptResult {
  speaker: Speaker;
  text: string;
  /** Epoch ms when it was said. */
  at: number;
  /** The SDK's sequence number: orders results of the same instant, and spots a repeat. */
  seq: number;
}

/** What the customer reads, never an identity. */
export const SPEAKER_LABELS: Readonly<Record<Speaker, string>> = { agent: 'Agent', customer: 'Customer' };

const AGENT_IDENTITY = new RegExp(`^${AGENT_IDENTITY_PREFIX}[0-9a-f]{40}$`);

/** Who spoke, from the identity the SDK names: only the bundle's two kinds (tokens.ts) are known
 * speakers; anyone else is not transcribed. */
export function speakerOf(identity: string): Speaker | undefined {
  if (CUSTOMER_IDENTITY.test(identity)) return 'customer';
  if (AGENT_IDENTITY.test(identity)) return 'agent';
  return undefined;
}

/** Whitespace as one space: a result is one line, whatever line breaks the recogniser put in. */
export const oneLine = (text: string): string => text.replace(/\s+/g, ' ').trim();

/** In the order spoken: by time, then by sequence number. */
export const inOrder = (results: readonly TranscriptResult[]): TranscriptResult[] =>
  [...results].sort((a, b) => a.at - b.at || a.seq - b.seq);

const twoDigits = (n: number) => String(n).padStart(2, '0');

/** `[mm:ss]` since the room started, `[h:mm:ss]` past an hour; never negative. */
export function elapsed(ms: number): string {
  const seconds = Math.max(0, Math.floor(ms / 1000));
  const [h, m, s] = [Math.floor(seconds / 3600), Math.floor(seconds / 60) % 60, seconds % 60];
  return h > 0 ? `[${h}:${twoDigits(m)}:${twoDigits(s)}]` : `[${twoDigits(m)}:${twoDigits(s)}]`;
}

export function transcriptLines(results: readonly TranscriptResult[], roomStartedAt: number): string[] {
  return inOrder(results).map(
    (r) => `${elapsed(r.at - roomStartedAt)} ${SPEAKER_LABELS[r.speaker]}: ${oneLine(r.text)}`,
  );
}

/** A line longer than a message, cut between words into pieces of at most `limit`. A single
 * word longer than `limit` (the report's length limit keeps them far shorter) is the one thing
 * cut inside. */
function cutBetweenWords(line: string, limit: number): string[] {
  const pieces: string[] = [];
  let current = '';
  for (const word of line.split(' ')) {
    const joined = current ? `${current} ${word}` : word;
    if (joined.length <= limit) {
      current = joined;
      continue;
    }
    if (current) pieces.push(current);
    current = word;
    while (current.length > limit) {
      pieces.push(current.slice(0, limit));
      current = current.slice(limit);
    }
  }
  if (current) pieces.push(current);
  return pieces;
}

/** Message bodies of at most `limit` characters: whole lines, one per line break, as many as fit. */
export function splitIntoMessages(
  lines: readonly string[],
  limit: number = LIMITS.messageBodyLength,
): string[] {
  const messages: string[] = [];
  let current = '';
  for (const piece of lines.flatMap((line) => cutBetweenWords(line, limit))) {
    const joined = current ? `${current}\n${piece}` : piece;
    if (joined.length <= limit) current = joined;
    else {
      messages.push(current);
      current = piece;
    }
  }
  if (current) messages.push(current);
  return messages;
}
