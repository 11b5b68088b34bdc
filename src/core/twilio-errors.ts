import { AppError } from './errors';

/** How the core tells Twilio's answers apart, independent of how the client is built. */

/** Thrown when a non-idempotent create failed in a way that leaves its outcome unknown (a 5xx,
 * a timeout, a dropped connection): Twilio may have stored it. Callers check before retrying. */
export class OutcomeUnknownError extends Error {
  constructor(readonly cause: unknown) {
    super('Twilio may or may not have applied the request');
    this.name = 'OutcomeUnknownError';
  }
}

/** Twilio's HTTP status and error code of a failed call, when it was Twilio that answered. */
export function twilioFailure(err: unknown): { status: number; code?: number } | undefined {
  if (err instanceof AppError) return undefined;
  if (err && typeof err === 'object' && 'status' in err && typeof err.status === 'number') {
    const code = 'code' in err && typeof err.code === 'number' ? err.code : undefined;
    return { status: err.status, code };
  }
  return undefined;
}
