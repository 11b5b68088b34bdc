import fs from 'node:fs';
import path from 'node:path';
import { freePort, ROOT, startTwilioRun, type TwilioRun } from '../../dev/twilio-run';
import { checkAnswer, ContractLog, newContractLog } from './contract-check';
import {
  API_KEY,
  API_SECRET,
  emulatorEnv,
  SeededTask,
  TwilioEmulator,
  WORKSPACE_SID,
} from '../../dev/emulator';
import { startVideoFront, type VideoFront } from '../../dev/video-edge/front';
import type { VideoEdge } from '../../dev/video-edge';
import type { ApiAnswer, ApiPath } from '../../src/contract';

/**
 * The built bundle under real twilio-run, with its Twilio traffic sent to a fresh emulator
 * (dev/emulator) through TWILIO_API_BASE_URL, behind the front that hosts the local Video edge
 * (dev/video-edge/front.ts), as in the sandbox: pages served by the stack run the real SDK
 * against the edge, and the bundle's links and callbacks name the front. `npm test` builds first; so does `npm run bench`.
 */

export { freePort, ROOT };
export { API_KEY, API_SECRET, WORKSPACE_SID };
export const FLEX_ORIGIN = 'https://flex.twilio.com';

export interface StackOptions {
  env?: Record<string, string>;
  /** Serve these static assets instead of dist/assets (e.g. with a test fixture added). */
  assetsDir?: string;
  /** Every request a cold start (dev/twilio-run.ts): for the tests that prove the bundle keeps
   * nothing in memory between calls. */
  coldStarts?: boolean;
}

/** What every answer is, whatever was asked: the status, the headers, the text, and the text
 * parsed as JSON (undefined when it is not JSON). `json` is `unknown` until a check narrows it:
 * expectError (tests/support/expect.ts) to the contract's error body. */
export interface RawAnswer {
  status: number;
  headers: Headers;
  text: string;
  json: unknown;
}

/**
 * An answer of one of the contract's endpoints, with `body`: its 200 answer's JSON, typed by the
 * contract (docs/openapi.yaml through src/contract.ts). The type is earned, not assumed: every
 * answer `post` gets is validated against the document (checkAnswer below; useStack fails the
 * test on a violation), and `body` is only handed out for a 200: read on any other status it
 * throws, naming the status and the text. A failure is read through expectError, which checks
 * the error body and returns it typed as ApiError.
 */
export interface HttpAnswer<P extends ApiPath> extends RawAnswer {
  readonly body: ApiAnswer<P>;
}

export interface PostOptions {
  form?: boolean;
  origin?: string;
  headers?: Record<string, string>;
}

export type { SeededTask } from '../../dev/emulator';

/** A JSON object, or a form when `form` is set; a string is sent as it is. */
export type RequestBody = Record<string, unknown> | string;

export interface Stack {
  baseUrl: string;
  fake: TwilioEmulator;
  /** The local Video edge the stack's pages connect to, with its fault controls. */
  edge: VideoEdge;
  /** Every answer `post` got, checked against docs/openapi.yaml: the violations, for useStack. */
  contract: ContractLog;
  /** Posts to one of the contract's endpoints: its success body is typed (HttpAnswer). The request
   * body is not: tests send malformed and extra parameters on purpose. Given a path known only as
   * a string (a table of endpoints, a URL with a query), the answer has no typed body, only what a
   * test can check of any answer (status, headers, expectError). */
  post: {
    <P extends ApiPath>(pathname: P, body: RequestBody, options?: PostOptions): Promise<HttpAnswer<P>>;
    (pathname: string, body: RequestBody, options?: PostOptions): Promise<RawAnswer>;
  };
  seedTask: (options?: { reservationStatus?: string; attributes?: Record<string, unknown> }) => SeededTask;
  stop: () => Promise<void>;
}

export async function startStack(options: StackOptions = {}): Promise<Stack> {
  const fake = new TwilioEmulator();
  const fakeUrl = await fake.start();
  const port = await freePort();
  const frontPort = await freePort();
  // Each stack serves its own copy of the build, so a rebuild while tests run cannot pull files
  // from under it. The copy sits inside the repository for `require('twilio')` to resolve.
  fs.mkdirSync(path.join(ROOT, '.test-stacks'), { recursive: true });
  const dir = fs.mkdtempSync(path.join(ROOT, '.test-stacks', 'stack-'));
  fs.cpSync(path.join(ROOT, 'dist', 'functions'), path.join(dir, 'functions'), { recursive: true });
  fs.cpSync(options.assetsDir ?? path.join(ROOT, 'dist', 'assets'), path.join(dir, 'assets'), {
    recursive: true,
  });
  let twilioRun: TwilioRun;
  try {
    twilioRun = await startTwilioRun({
      functionsFolder: path.join(dir, 'functions'),
      assetsFolder: path.join(dir, 'assets'),
      port,
      envFile: path.join(dir, '.env'),
      env: { ...emulatorEnv(fakeUrl), DOMAIN_NAME: `localhost:${frontPort}`, ...options.env },
      coldStarts: options.coldStarts,
    });
  } catch (err) {
    await fake.stop();
    throw err;
  }
  const front: VideoFront = await startVideoFront({
    port: frontPort,
    bundleUrl: twilioRun.url,
    emulator: fake,
  });
  const baseUrl = front.url;

  const contract = newContractLog();
  async function post<P extends ApiPath>(
    pathname: P | string,
    body: RequestBody,
    opts: PostOptions = {},
  ): Promise<HttpAnswer<P>> {
    const headers: Record<string, string> = { ...opts.headers };
    if (opts.origin) headers.Origin = opts.origin;
    let payload: string;
    if (typeof body === 'string') payload = body;
    else if (opts.form) {
      payload = new URLSearchParams(Object.entries(body).map(([k, v]) => [k, String(v)])).toString();
      headers['Content-Type'] ??= 'application/x-www-form-urlencoded';
    } else {
      payload = JSON.stringify(body);
      headers['Content-Type'] ??= 'application/json';
    }
    const response = await fetch(`${baseUrl}${pathname}`, { method: 'POST', headers, body: payload });
    const text = await response.text();
    checkAnswer(contract, {
      method: 'POST',
      path: pathname,
      requestHeaders: headers,
      requestBody: payload,
      status: response.status,
      headers: response.headers,
      text,
    });
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      json = undefined;
    }
    const answer: RawAnswer = { status: response.status, headers: response.headers, text, json };
    // Not enumerable: printing or comparing an answer never reads it.
    return Object.defineProperty(answer as HttpAnswer<P>, 'body', {
      get(): ApiAnswer<P> {
        if (answer.status !== 200)
          throw new Error(`POST ${pathname} answered ${answer.status}, not 200: ${text.slice(0, 300)}`);
        // Checked against the contract above: a 200 of this path is this path's answer.
        return json as ApiAnswer<P>;
      },
    });
  }

  return {
    baseUrl,
    fake,
    edge: front.edge,
    contract,
    post,
    seedTask: (seed) => fake.seedTask(seed),
    async stop() {
      await front.stop();
      await twilioRun.stop();
      await fake.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
