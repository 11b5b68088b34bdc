import type { Unchecked } from '../../src/contract';

/** A parsed JSON object (not null, not an array): what messages and answers from elsewhere must be. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Parsed JSON from the video service, read by the contract's field names: anything but an
 * object has none of them. */
export function unchecked<T>(value: unknown): Unchecked<T> {
  return isRecord(value) ? value : {};
}
