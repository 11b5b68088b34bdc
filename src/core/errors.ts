import { ERROR_STATUS, type ErrorCode } from '../contract';

export type { ErrorCode };

/** The one error type of the bundle. Anything thrown that is not an AppError is answered as a
 * 502 or 503 (Twilio failed), never with its message or stack. */
export class AppError extends Error {
  readonly status: number;

  constructor(
    readonly code: ErrorCode,
    message: string,
    /** Seconds, sent as Retry-After with 503s. */
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
    this.name = 'AppError';
    this.status = ERROR_STATUS[code];
  }
}

export const isAppError = (err: unknown): err is AppError => err instanceof AppError;
