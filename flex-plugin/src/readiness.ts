import { missingReadinessItems, READINESS_ATTRIBUTE } from '../../src/contract';
import { isRecord } from './json';

/**
 * The agent's last equipment and appearance check, as the video service keeps it in the worker's
 * attributes (`videoReadiness`), for the Teams view's column. The plugin shows what is stored; it
 * cannot check the service's signature (the key never leaves the service), so a value a worker
 * wrote by hand would show here while the service itself ignores it (README, "Readiness").
 */
export type Verdict = 'good' | 'warning' | 'problem';

export interface WorkerReadiness {
  verdict: Verdict;
  /** Epoch ms. */
  checkedAt: number;
  /** Both checks' required items are there, each measured: what `require` needs besides no
   * problem (the service's own rule, src/contract.ts). */
  complete: boolean;
}

/** What the cell shows: the verdict, or that a check without a problem left items out (the
 * equipment check alone, or an item it could not measure), which does not pass `require`. */
export type Standing = Verdict | 'incomplete';

const VERDICTS: readonly Verdict[] = ['good', 'warning', 'problem'];

export function readinessOf(attributes: unknown): WorkerReadiness | null {
  if (!isRecord(attributes)) return null;
  const record = attributes[READINESS_ATTRIBUTE];
  if (!isRecord(record)) return null;
  const verdict = VERDICTS.find((known) => known === record.verdict);
  const checkedAt = typeof record.checkedAt === 'string' ? Date.parse(record.checkedAt) : NaN;
  if (!verdict || !Number.isFinite(checkedAt)) return null;
  const items = isRecord(record.items) ? record.items : undefined;
  return { verdict, checkedAt, complete: missingReadinessItems(items).length === 0 };
}

export function standingOf(readiness: WorkerReadiness): Standing {
  return readiness.verdict === 'problem' || readiness.complete ? readiness.verdict : 'incomplete';
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** How long ago, in the coarsest unit that reads well in a table cell. */
export function ageText(ms: number): string {
  if (ms < MINUTE) return 'just now';
  if (ms < HOUR) return `${Math.floor(ms / MINUTE)} min ago`;
  if (ms < DAY) return `${Math.floor(ms / HOUR)} h ago`;
  return `${Math.floor(ms / DAY)} d ago`;
}

const STANDING_WORD: Readonly<Record<Standing, string>> = {
  good: 'Passed',
  warning: 'Passed with warnings',
  problem: 'Problem',
  incomplete: 'Incomplete',
};

/** The cell's words: the verdict and its age, or that there is no check on record. */
export function readinessLabel(readiness: WorkerReadiness | null, now: number): string {
  if (!readiness) return 'No check';
  return `${STANDING_WORD[standingOf(readiness)]} · ${ageText(Math.max(0, now - readiness.checkedAt))}`;
}

/** Sorts the column: the most recent check first, workers without one last. */
export function compareReadiness(a: unknown, b: unknown): number {
  const at = (attributes: unknown) => readinessOf(attributes)?.checkedAt ?? -Infinity;
  const [x, y] = [at(a), at(b)];
  return x === y ? 0 : y > x ? 1 : -1;
}
