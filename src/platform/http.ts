import '@twilio-labs/serverless-runtime-types';
import type {
  Context,
  ServerlessCallback,
  ServerlessFunctionSignature,
  TwilioResponse,
} from '@twilio-labs/serverless-runtime-types/types';
import type { Twilio as TwilioClient } from 'twilio';
import type { ApiAnswer, ApiError, ApiPath } from '../contract';
import { AppError, isAppError } from '../core/errors';
import { Config, Env, loadConfig } from './config';
import { createTwilioClient, Deadline, INVOCATION_BUDGET_MS, upstreamError } from './twilio-client';

/** Everything a handler needs from outside, made once per invocation. */
export interface Invocation {
  config: Config;
  twilio: TwilioClient;
  /** Lower-cased request headers. */
  headers: Record<string, string>;
  now: () => Date;
}

/** The request parameters: Twilio Functions merge JSON body, form body and query. */
export type Params = Record<string, unknown>;

/** Who may call from a browser: agent endpoints only from the Flex origins, the customer
 * endpoint also from the join page's own origin, Twilio's callbacks from no browser. */
export type CorsPolicy = 'agent' | 'customer' | 'none';

/**
 * Headers arrive in `event.request.headers`, but a body parameter named `request` replaces
 * that object, so nothing here trusts its shape.
 */
export function readHeaders(event: unknown): Record<string, string> {
  const request = (event as { request?: unknown } | undefined)?.request;
  const headers = (request as { headers?: unknown } | undefined)?.headers;
  const result: Record<string, string> = {};
  if (!headers || typeof headers !== 'object') return result;
  for (const [name, value] of Object.entries(headers)) {
    if (typeof value === 'string') result[name.toLowerCase()] = value;
    else if (Array.isArray(value) && typeof value[0] === 'string') result[name.toLowerCase()] = value[0];
  }
  return result;
}

function allowedOrigin(
  policy: CorsPolicy,
  origin: string | undefined,
  config: Config | undefined,
): string | undefined {
  if (!origin || policy === 'none') return undefined;
  const allowed = [...(config?.allowedOrigins ?? [])];
  if (policy === 'customer' && config) allowed.push(new URL(config.publicBaseUrl).origin);
  return allowed.includes(origin) ? origin : undefined;
}

function respond(status: number, body: object | undefined, headers: Record<string, string>): TwilioResponse {
  const response = new Twilio.Response();
  response.setStatusCode(status);
  response.appendHeader('Cache-Control', 'no-store');
  for (const [name, value] of Object.entries(headers)) response.appendHeader(name, value);
  if (body !== undefined) {
    response.appendHeader('Content-Type', 'application/json');
    response.setBody(body);
  }
  return response;
}

/** The contract's error shape (docs/openapi.yaml, `Error`). Anything unexpected is logged here,
 * for the operator, and answered without its message: it may carry a stack, a URL or a credential. */
export function toErrorBody(err: unknown, path: ApiPath): { error: AppError; body: ApiError } {
  let error: AppError;
  if (isAppError(err)) error = err;
  else if (err && typeof err === 'object' && 'status' in err) error = upstreamError(err);
  else {
    console.error(
      `unexpected failure on ${path}:`,
      err instanceof Error ? `${err.name}: ${err.message}` : typeof err,
    );
    error = upstreamError(err);
  }
  if (error.status >= 500) console.error(`${path} answered ${error.status} ${error.code}: ${error.message}`);
  return { error, body: { error: { code: error.code, message: error.message } } };
}

/** What an endpoint's `run` gives: its success answer as docs/openapi.yaml declares it, so the
 * compiler holds every handler to the document. */
export type EndpointAnswer<P extends ApiPath> = ApiAnswer<P> | Promise<ApiAnswer<P>>;

/** The one way to define an endpoint: CORS, preflight, configuration, a deadline-bound Twilio
 * client, and every failure answered in the contract's error shape. `path` is the URL the file
 * serves (twilio-run and Twilio map the file's path to it), named here for the answer's type and
 * for the operator's logs. */
export function defineEndpoint<P extends ApiPath>(
  path: P,
  cors: CorsPolicy,
  run: (invocation: Invocation, params: Params) => EndpointAnswer<P>,
): ServerlessFunctionSignature<Env> {
  return async (context: Context<Env>, event: Params, callback: ServerlessCallback) => {
    const startedAt = Date.now();
    const headers = readHeaders(event);
    let config: Config | undefined;
    const corsHeaders = (): Record<string, string> => {
      const origin = allowedOrigin(cors, headers.origin, config);
      if (!origin) return cors === 'none' ? {} : { Vary: 'Origin' };
      return {
        'Access-Control-Allow-Origin': origin,
        'Access-Control-Allow-Methods': 'POST, OPTIONS',
        'Access-Control-Allow-Headers': 'Content-Type',
        'Access-Control-Max-Age': '600',
        Vary: 'Origin',
      };
    };
    // How long the Function itself took, for operators and for the tests' 10 s checks.
    const timing = () => ({ 'Server-Timing': `total;dur=${Date.now() - startedAt}` });
    try {
      config = loadConfig(context);
      // Browsers preflight; Twilio's callbacks never do, so theirs go on to the signature check.
      if (cors !== 'none' && headers['access-control-request-method']) {
        callback(null, respond(204, undefined, { ...corsHeaders(), ...timing() }));
        return;
      }
      const deadline = new Deadline(INVOCATION_BUDGET_MS);
      const twilio = createTwilioClient({
        accountSid: config.accountSid,
        authToken: config.authToken,
        apiBaseUrl: config.apiBaseUrl,
        deadline,
      });
      const params: Params = { ...event };
      delete params.request;
      const body = await run({ config, twilio, headers, now: () => new Date() }, params);
      callback(null, respond(200, body, { ...corsHeaders(), ...timing() }));
    } catch (err) {
      const { error, body } = toErrorBody(err, path);
      const extra: Record<string, string> = error.retryAfterSeconds
        ? { 'Retry-After': String(error.retryAfterSeconds) }
        : {};
      callback(null, respond(error.status, body, { ...corsHeaders(), ...extra, ...timing() }));
    }
  };
}
