import { isRecord } from './json';
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

export interface CompleteAnswer {
  completed: true;
  roomSid: string | null;
}

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
  return Number.isFinite(seconds) && seconds > 0 ? Math.min(seconds * 1000, MAX_RETRY_WAIT_MS) : DEFAULT_RETRY_WAIT_MS;
}

async function jsonOrNull(response: Response): Promise<unknown> {
  return response.json().catch(() => null);
}

async function errorFrom(response: Response): Promise<VideoServiceError> {
  const body = await jsonOrNull(response);
  const error = isRecord(body) ? body.error : undefined;
  if (isRecord(error) && typeof error.code === 'string' && typeof error.message === 'string') {
    return new VideoServiceError(error.code, error.message);
  }
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

/** POST /video/complete: ends the task's room (API.md); answers what the service answered. */
export async function completeVideo(
  service: VideoService,
  credentials: { token: string; taskSid: string },
  options: CompleteOptions,
): Promise<CompleteAnswer> {
  const body = JSON.stringify({ Token: credentials.token, TaskSid: credentials.taskSid });
  let response = await post(service, body, options);
  if (response.status === 503) {
    await options.wait(retryWaitMs(response));
    response = await post(service, body, options);
  }
  if (!response.ok) throw await errorFrom(response);
  const answer = await jsonOrNull(response);
  if (!isRecord(answer) || answer.completed !== true) {
    throw new VideoServiceError('invalid_response', 'The video service gave an unexpected answer.');
  }
  return { completed: true, roomSid: typeof answer.roomSid === 'string' ? answer.roomSid : null };
}
