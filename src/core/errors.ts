/** The one error type of the bundle. Anything thrown that is not an AppError is answered as a
 * 502 or 503 (Twilio failed), never with its message or stack. */
export type ErrorCode =
  | 'invalid_request'
  | 'unauthenticated'
  | 'invalid_invite'
  | 'forbidden'
  | 'invalid_signature'
  | 'recording_disabled'
  | 'task_not_found'
  | 'no_room'
  | 'no_conversation'
  | 'invite_expired'
  | 'invite_revoked'
  | 'session_ended'
  | 'upstream_error'
  | 'upstream_unavailable'
  | 'misconfigured';

const STATUS: Record<ErrorCode, number> = {
  invalid_request: 400,
  unauthenticated: 401,
  invalid_invite: 401,
  forbidden: 403,
  invalid_signature: 403,
  recording_disabled: 403,
  task_not_found: 404,
  no_room: 404,
  no_conversation: 409,
  invite_expired: 410,
  invite_revoked: 410,
  session_ended: 410,
  upstream_error: 502,
  upstream_unavailable: 503,
  misconfigured: 500,
};

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
    this.status = STATUS[code];
  }
}

export const isAppError = (err: unknown): err is AppError => err instanceof AppError;
