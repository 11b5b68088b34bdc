import type { Twilio } from 'twilio';
import type RequestClient from 'twilio/lib/base/RequestClient';
import type TwilioResponse from 'twilio/lib/http/response';
import { AppError } from '../core/errors';
import { OutcomeUnknownError, twilioFailure } from '../core/twilio-errors';

/** Twilio ends a Function at 10 s. Every Twilio call of one invocation, retries and backoff
 * included, must fit in this budget, which leaves time to answer. */
export const INVOCATION_BUDGET_MS = 8_000;
/** One attempt may take this long. Twilio's REST API answers in well under a second; a
 * request still open after 3 s is better retried (when that is safe) or reported. */
const ATTEMPT_TIMEOUT_MS = 3_000;
/** Attempts beyond the first, for 429, 5xx and network failures. */
const MAX_RETRIES = 2;
const BACKOFF_BASE_MS = 150;
/** Below this, an attempt could not finish usefully: report instead. */
const MIN_ATTEMPT_MS = 250;

/** The point in time by which all of one invocation's Twilio work must be done. */
export class Deadline {
  private readonly endsAt: number;

  constructor(
    budgetMs: number,
    private readonly now: () => number = Date.now,
  ) {
    this.endsAt = now() + budgetMs;
  }

  remainingMs(): number {
    return this.endsAt - this.now();
  }
}

/** Creates whose retry after a lost answer could duplicate something visible. Everything
 * else the bundle writes is idempotent or protected by Twilio's uniqueness rules (a room's
 * unique name, a Sync document's unique name, If-Match). */
const NON_IDEMPOTENT_CREATES = [/\/Conversations\/[^/]+\/Messages$/, /\/v1\/Compositions$/];

/** Flex token validation is the one request an anonymous caller can cause: throttled, it is
 * answered at once (flex-auth.ts), never retried, or a flood of tokens would triple on IAM. */
export function retriesThrottling(uri: string): boolean {
  return new URL(uri).hostname !== 'iam.twilio.com';
}

export function isRetrySafe(method: string, uri: string): boolean {
  if (method.toLowerCase() !== 'post') return true;
  const path = new URL(uri).pathname;
  return !NON_IDEMPOTENT_CREATES.some((pattern) => pattern.test(path));
}

/** Maps `https://{subdomain}.twilio.com/{path}` to `{base}/{subdomain}/{path}` (TWILIO_API_BASE_URL in the README's configuration table). */
export function rewriteTwilioUri(uri: string, apiBaseUrl?: string): string {
  if (!apiBaseUrl) return uri;
  const url = new URL(uri);
  const subdomain = url.hostname.replace(/\.twilio\.com$/, '').split('.')[0];
  return `${apiBaseUrl.replace(/\/+$/, '')}/${subdomain}${url.pathname}${url.search}`;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** twilio's own client retries 429s only, and with no overall deadline. This one retries 429
 * (but IAM's, see retriesThrottling), 5xx and network failures when the request is safe to repeat, and never past the
 * invocation's deadline. Defined once twilio's RequestClient is loaded (see loadTwilio). */
const budgetedRequestClient = (Base: typeof RequestClient) =>
  class BudgetedRequestClient extends Base {
    constructor(
      private readonly deadline: Deadline,
      private readonly apiBaseUrl: string | undefined,
      private readonly pause: (ms: number) => Promise<void>,
    ) {
      super({ timeout: ATTEMPT_TIMEOUT_MS, keepAlive: true, autoRetry: false });
    }

    override async request<TData>(opts: RequestClient.RequestOptions<TData>): Promise<TwilioResponse<TData>> {
      const uri = rewriteTwilioUri(opts.uri, this.apiBaseUrl);
      const retrySafe = isRetrySafe(opts.method, opts.uri);
      const throttleRetried = retriesThrottling(opts.uri);
      for (let attempt = 0; ; attempt++) {
        const remaining = this.deadline.remainingMs();
        if (remaining < MIN_ATTEMPT_MS) {
          throw new AppError('upstream_unavailable', 'Twilio did not answer in time.', 2);
        }
        const timeout = Math.min(ATTEMPT_TIMEOUT_MS, remaining - MIN_ATTEMPT_MS / 2);
        // Headers are mutated by the base class; each attempt gets its own copy.
        const attemptOpts = { ...opts, uri, timeout, headers: { ...opts.headers } };
        let response: TwilioResponse<TData> | undefined;
        let failure: unknown;
        try {
          response = Buffer.isBuffer(opts.data)
            ? await this.sendFile<TData>(attemptOpts, opts.data)
            : await super.request<TData>(attemptOpts);
        } catch (err) {
          failure = err;
        }
        const status = response?.statusCode;
        const retryable =
          (status === 429 && throttleRetried) ||
          (retrySafe && (failure !== undefined || (status ?? 0) >= 500));
        const backoff = retryDelayMs(attempt, response);
        if (
          !retryable ||
          attempt >= MAX_RETRIES ||
          this.deadline.remainingMs() - backoff < MIN_ATTEMPT_MS * 2
        ) {
          if (failure !== undefined || (status ?? 0) >= 500) {
            if (!retrySafe) throw new OutcomeUnknownError(failure ?? response);
            if (failure !== undefined)
              throw new AppError('upstream_unavailable', 'Twilio could not be reached.', 2);
          }
          return response as TwilioResponse<TData>;
        }
        await this.pause(backoff);
      }
    }

    /** twilio's RequestClient sends form and JSON bodies only, and drops any other; the Media
     * Content Service takes the file itself as the body (snapshots.ts). Same agent and timeout. */
    private async sendFile<TData>(
      opts: RequestClient.RequestOptions<TData>,
      file: Buffer,
    ): Promise<TwilioResponse<TData>> {
      const credentials = Buffer.from(`${opts.username}:${opts.password}`).toString('base64');
      const answer = await this.axios.request<TData>({
        url: opts.uri,
        method: opts.method,
        headers: { ...opts.headers, Authorization: `Basic ${credentials}` },
        data: file,
        timeout: opts.timeout,
        maxRedirects: 0,
        proxy: false,
        validateStatus: () => true,
      });
      return { statusCode: answer.status, body: answer.data, headers: answer.headers };
    }
  };

function retryDelayMs(attempt: number, response?: TwilioResponse<unknown>): number {
  const headers = response?.headers as Record<string, string | string[] | undefined> | undefined;
  const header = headers?.['retry-after'];
  const retryAfter = Number(Array.isArray(header) ? header[0] : header);
  if (Number.isFinite(retryAfter) && retryAfter > 0) return Math.min(retryAfter * 1000, 2_000);
  const exponential = BACKOFF_BASE_MS * 2 ** attempt;
  return exponential / 2 + Math.random() * (exponential / 2);
}

export interface TwilioClientOptions {
  accountSid: string;
  authToken: string;
  apiBaseUrl?: string;
  deadline: Deadline;
  /** Waits out a backoff: a timer, unless a test records the waits instead of sitting them out. */
  pause?: (ms: number) => Promise<void>;
}

/**
 * twilio is required here, on a handler's first call, not when the handler is loaded:
 * `require('twilio')` (index.js) also loads TwiML, webhooks, every JWT kind and the credential
 * providers, and the base client alone pulls in axios; together they were most of a cold start.
 * The REST client (twilio/lib/rest/Twilio) loads each API domain on first access, so a handler
 * loads only the domains it touches. twilio is not bundled (scripts/build.mjs): twilio-run and
 * @twilio/runtime-handler require the project's twilio for the `Twilio` global before they load
 * a handler, so there these requires find the modules already loaded.
 */
let twilioLib:
  { RestClient: typeof Twilio; BudgetedRequestClient: ReturnType<typeof budgetedRequestClient> } | undefined;

function loadTwilio() {
  /* eslint-disable @typescript-eslint/no-require-imports -- loaded on a handler's first call, not at load time: see above */
  twilioLib ??= {
    RestClient: require('twilio/lib/rest/Twilio') as typeof Twilio,
    BudgetedRequestClient: budgetedRequestClient(
      require('twilio/lib/base/RequestClient') as typeof RequestClient,
    ),
  };
  /* eslint-enable @typescript-eslint/no-require-imports */
  return twilioLib;
}

/** The bundle's one way to talk to Twilio: twilio 6, bounded by the invocation's deadline. */
export function createTwilioClient(options: TwilioClientOptions): Twilio {
  const { RestClient, BudgetedRequestClient } = loadTwilio();
  return new RestClient(options.accountSid, options.authToken, {
    accountSid: options.accountSid,
    httpClient: new BudgetedRequestClient(options.deadline, options.apiBaseUrl, options.pause ?? sleep),
  });
}

/** What the caller is told when Twilio failed (docs/openapi.yaml: 502 upstream_error, 503 upstream_unavailable). */
export function upstreamError(err: unknown): AppError {
  if (err instanceof AppError) return err;
  const failure = twilioFailure(err);
  if (failure?.status === 429 || failure?.status === 503) {
    return new AppError('upstream_unavailable', 'Twilio is busy; try again shortly.', 2);
  }
  if (failure?.status === 401 || failure?.status === 403) {
    return new AppError(
      'upstream_error',
      'Twilio refused the service credentials (check ACCOUNT_SID and AUTH_TOKEN).',
    );
  }
  if (err instanceof OutcomeUnknownError) {
    return new AppError('upstream_unavailable', 'Twilio did not confirm the request; try again shortly.', 2);
  }
  return new AppError('upstream_error', 'Twilio failed to complete the request.');
}
