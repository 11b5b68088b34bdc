/** A parsed JSON object (not null, not an array): what messages and answers from elsewhere must be. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
