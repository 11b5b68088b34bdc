import { spawn, ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { ACCOUNT_SID, AUTH_TOKEN, FakeTwilio, SeededTask } from './fake-twilio';

/**
 * The built bundle under real twilio-run, on a free port, with its Twilio traffic sent to a
 * fresh FakeTwilio through TWILIO_API_BASE_URL. `npm test` builds first; so does `npm run bench`.
 */

export const ROOT = path.resolve(__dirname, '..', '..');
export const API_KEY = `SK${'b2'.repeat(16)}`;
export const API_SECRET = 'fake-api-secret-0123456789abcdef';
export const WORKSPACE_SID = `WS${'c3'.repeat(16)}`;
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

export type { SeededTask } from './fake-twilio';

export interface Stack {
  baseUrl: string;
  fake: FakeTwilio;
  post(pathname: string, body: Record<string, unknown> | string, options?: PostOptions): Promise<HttpAnswer>;
  seedTask(options?: { reservationStatus?: string; attributes?: Record<string, unknown> }): SeededTask;
  stop(): Promise<void>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

async function waitUntilServing(url: string, child: ChildProcess, output: () => string): Promise<void> {
  const giveUpAt = Date.now() + 30_000;
  while (Date.now() < giveUpAt) {
    if (child.exitCode !== null) throw new Error(`twilio-run exited early:\n${output()}`);
    try {
      const response = await fetch(url);
      if (response.status < 500) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
  throw new Error(`twilio-run did not start:\n${output()}`);
}

function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  try {
    if (child.pid) process.kill(-child.pid, signal);
  } catch {
    // already gone
  }
}

export async function startStack(options: StackOptions = {}): Promise<Stack> {
  const fake = new FakeTwilio();
  const fakeUrl = await fake.start();
  const port = await freePort();
  // Each stack serves its own copy of the build, so a rebuild while tests run cannot pull files
  // from under it. The copy sits inside the repository for `require('twilio')` to resolve.
  fs.mkdirSync(path.join(ROOT, '.test-stacks'), { recursive: true });
  const dir = fs.mkdtempSync(path.join(ROOT, '.test-stacks', 'stack-'));
  fs.cpSync(path.join(ROOT, 'dist', 'functions'), path.join(dir, 'functions'), { recursive: true });
  fs.cpSync(options.assetsDir ?? path.join(ROOT, 'dist', 'assets'), path.join(dir, 'assets'), { recursive: true });
  const envFile = path.join(dir, '.env');
  const env: Record<string, string> = {
    ACCOUNT_SID,
    AUTH_TOKEN,
    TWILIO_API_KEY: API_KEY,
    TWILIO_API_SECRET: API_SECRET,
    TWILIO_FLEX_WORKSPACE_SID: WORKSPACE_SID,
    TWILIO_API_BASE_URL: fakeUrl,
    ...options.env,
  };
  fs.writeFileSync(envFile, Object.entries(env).map(([k, v]) => `${k}=${v}`).join('\n'));
  let output = '';
  const child = spawn(
    process.execPath,
    [
      require.resolve('twilio-run/bin/twilio-run'),
      'start',
      // twilio-run takes these relative to its working directory.
      '--functions-folder', path.relative(ROOT, path.join(dir, 'functions')),
      '--assets-folder', path.relative(ROOT, path.join(dir, 'assets')),
      '--port', String(port),
      '--env', envFile,
    ],
    // twilio-run picks a test-only runner when NODE_ENV is "test", as it is under jest.
    // Its own process group, so stop() also ends the processes it forks per request.
    { cwd: ROOT, env: { ...process.env, NODE_ENV: 'development', FORCE_COLOR: '0' }, stdio: ['ignore', 'pipe', 'pipe'], detached: true },
  );
  child.stdout!.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (output += d.toString()));
  const baseUrl = `http://localhost:${port}`;
  try {
    await waitUntilServing(`${baseUrl}/join.html`, child, () => output);
  } catch (err) {
    killGroup(child, 'SIGKILL');
    await fake.stop();
    throw err;
  }

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
    post,
    seedTask: (seed) => fake.seedTask(seed),
    async stop() {
      killGroup(child, 'SIGTERM');
      await new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        const timer = setTimeout(() => {
          killGroup(child, 'SIGKILL');
          resolve();
        }, 3_000);
        child.once('exit', () => {
          clearTimeout(timer);
          resolve();
        });
      });
      // Forked request processes outlive twilio-run unless the whole group is ended.
      killGroup(child, 'SIGKILL');
      child.stdout?.destroy();
      child.stderr?.destroy();
      await fake.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
