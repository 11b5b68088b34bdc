import type { ApiAnswer, ApiError, ApiRequest } from '../../src/contract';
import { unchecked } from './json';
import { VideoService } from './service';

/** A failed call to the service: `code` is the contract's error code, or `network_error`. */
export class VideoServiceError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'VideoServiceError';
  }
}

export type CompleteAnswer = ApiAnswer<'/video/complete'>;

export interface CompleteOptions {
  fetch: typeof fetch;
  wait(ms: number): Promise<void>;
}

// Per attempt: a Twilio Function is cut off at 10 s, so no answer comes later than that.
const REQUEST_TIMEOUT_MS = 10000;

// One retry after a 503, waiting what Retry-After asks but never so long that the agent's
// wrap-up seems stuck. /video/complete is idempotent, so repeating it is safe.
const MAX_RETRY_WAIT_MS = 5000;
const DEFAULT_RETRY_WAIT_MS = 1000;

function retryWaitMs(response: Response): number {
  const seconds = Number(response.headers.get('Retry-After'));
  return Number.isFinite(seconds) && seconds > 0
    ? Math.min(seconds * 1000, MAX_RETRY_WAIT_MS)
    : DEFAULT_RETRY_WAIT_MS;
}

async function jsonOrNull(response: Response): Promise<unknown> {
  return response.json().catch(() => null);
}

async function errorFrom(response: Response): Promise<VideoServiceError> {
  const { error } = unchecked<ApiError>(await jsonOrNull(response));
  const { code, message } = unchecked<ApiError['error']>(error);
  if (typeof code === 'string' && typeof message === 'string') return new VideoServiceError(code, message);
  return new VideoServiceError(`http_${response.status}`, `The video service answered ${response.status}.`);
}

async function post(service: VideoService, body: string, options: CompleteOptions): Promise<Response> {
  try {
    return await options.fetch(service.completeUrl, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body,
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
  } catch (cause) {
    const detail = cause instanceof Error ? cause.message : String(cause);
    throw new VideoServiceError('network_error', `The video service could not be reached: ${detail}`);
  }
}

/** POST /video/complete: ends the task's room (docs/openapi.yaml); answers what the service answered. */
export async function completeVideo(
  service: VideoService,
  credentials: { token: string; taskSid: string },
  options: CompleteOptions,
): Promise<CompleteAnswer> {
  const body = JSON.stringify({
    Token: credentials.token,
    TaskSid: credentials.taskSid,
  } satisfies ApiRequest<'/video/complete'>);
  let response = await post(service, body, options);
  if (response.status === 503) {
    await options.wait(retryWaitMs(response));
    response = await post(service, body, options);
  }
  if (!response.ok) throw await errorFrom(response);
  const { completed, roomSid } = unchecked<CompleteAnswer>(await jsonOrNull(response));
  if (completed !== true)
    throw new VideoServiceError('invalid_response', 'The video service gave an unexpected answer.');
  return { completed, roomSid: typeof roomSid === 'string' ? roomSid : null };
}
