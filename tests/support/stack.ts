import fs from 'node:fs';
import path from 'node:path';
import { freePort, ROOT, startTwilioRun, type TwilioRun } from '../../dev/twilio-run';
import { checkAnswer, ContractLog, newContractLog } from './contract-check';
import { ACCOUNT_SID, API_KEY, API_SECRET, AUTH_TOKEN, SeededTask, TwilioEmulator, WORKSPACE_SID } from '../../dev/emulator';

/**
 * The built bundle under real twilio-run, on a free port, with its Twilio traffic sent to a
 * fresh emulator (dev/emulator) through TWILIO_API_BASE_URL. `npm test` builds first; so does `npm run bench`.
 */

export { freePort, ROOT };
export { API_KEY, API_SECRET, WORKSPACE_SID };
export const FLEX_ORIGIN = 'https://flex.twilio.com';

export interface StackOptions {
  env?: Record<string, string>;
  /** Serve these static assets instead of dist/assets (e.g. with a fake SDK). */
  assetsDir?: string;
}

export interface HttpAnswer {
  status: number;
  headers: Headers;
  body: any; // eslint-disable-line @typescript-eslint/no-explicit-any -- JSON of any endpoint, asserted by the tests
  text: string;
}

export interface PostOptions {
  form?: boolean;
  origin?: string;
  headers?: Record<string, string>;
}

export type { SeededTask } from '../../dev/emulator';

export interface Stack {
  baseUrl: string;
  fake: TwilioEmulator;
  /** Every answer `post` got, checked against docs/openapi.yaml: the violations, for useStack. */
  contract: ContractLog;
  post: (pathname: string, body: Record<string, unknown> | string, options?: PostOptions) => Promise<HttpAnswer>;
  seedTask: (options?: { reservationStatus?: string; attributes?: Record<string, unknown> }) => SeededTask;
  stop: () => Promise<void>;
}

export async function startStack(options: StackOptions = {}): Promise<Stack> {
  const fake = new TwilioEmulator();
  const fakeUrl = await fake.start();
  const port = await freePort();
  // Each stack serves its own copy of the build, so a rebuild while tests run cannot pull files
  // from under it. The copy sits inside the repository for `require('twilio')` to resolve.
  fs.mkdirSync(path.join(ROOT, '.test-stacks'), { recursive: true });
  const dir = fs.mkdtempSync(path.join(ROOT, '.test-stacks', 'stack-'));
  fs.cpSync(path.join(ROOT, 'dist', 'functions'), path.join(dir, 'functions'), { recursive: true });
  fs.cpSync(options.assetsDir ?? path.join(ROOT, 'dist', 'assets'), path.join(dir, 'assets'), { recursive: true });
  let twilioRun: TwilioRun;
  try {
    twilioRun = await startTwilioRun({
      functionsFolder: path.join(dir, 'functions'),
      assetsFolder: path.join(dir, 'assets'),
      port,
      envFile: path.join(dir, '.env'),
      env: {
        ACCOUNT_SID,
        AUTH_TOKEN,
        TWILIO_API_KEY: API_KEY,
        TWILIO_API_SECRET: API_SECRET,
        TWILIO_FLEX_WORKSPACE_SID: WORKSPACE_SID,
        TWILIO_API_BASE_URL: fakeUrl,
        ...options.env,
      },
    });
  } catch (err) {
    await fake.stop();
    throw err;
  }
  const baseUrl = twilioRun.url;

  const contract = newContractLog();
  const post = async (pathname: string, body: Record<string, unknown> | string, opts: PostOptions = {}): Promise<HttpAnswer> => {
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
    checkAnswer(contract, { method: 'POST', path: pathname, requestHeaders: headers, requestBody: payload, status: response.status, headers: response.headers, text });
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      parsed = undefined;
    }
    return { status: response.status, headers: response.headers, body: parsed, text };
  };

  return {
    baseUrl,
    fake,
    contract,
    post,
    seedTask: (seed) => fake.seedTask(seed),
    async stop() {
      await twilioRun.stop();
      await fake.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
