import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';

/** The bundle under real twilio-run, as `twilio-run start` serves it: for the tests' stacks and
 * the sandbox alike. */

/** The repository's root: the nearest folder above this file that holds .twilioserverlessrc. This
 * file also runs bundled from build folders of different depths (.dev-build/, the bench's). */
export const ROOT = ((): string => {
  for (let dir = __dirname; ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, '.twilioserverlessrc'))) return dir;
    if (path.dirname(dir) === dir) throw new Error(`no .twilioserverlessrc above ${__dirname}`);
  }
})();

export interface TwilioRun {
  url: string;
  output(): string;
  stop(): Promise<void>;
}

export interface TwilioRunOptions {
  functionsFolder: string;
  assetsFolder: string;
  port: number;
  env: Record<string, string>;
  /** Where the .env file twilio-run reads is written. */
  envFile: string;
  /** Each line twilio-run prints, as it prints it. */
  onOutput?: (text: string) => void;
  /** Every request a cold start: the handler's bundle loaded anew (twilio-run's --live), so no
   * module-level state carries from one request to the next. Otherwise the bundles stay loaded, as
   * in a warm Twilio Functions instance. */
  coldStarts?: boolean;
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

function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  try {
    if (child.pid) process.kill(-child.pid, signal);
  } catch {
    // already gone
  }
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

export async function startTwilioRun(options: TwilioRunOptions): Promise<TwilioRun> {
  fs.writeFileSync(
    options.envFile,
    Object.entries(options.env)
      .map(([k, v]) => `${k}=${v}`)
      .join('\n'),
  );
  let output = '';
  const child = spawn(
    process.execPath,
    [
      // Under --live, keeps node_modules loaded across requests; the bundle's own code is still
      // loaded anew for each (twilio-run-preload.cjs says why).
      '--require',
      path.join(ROOT, 'dev', 'twilio-run-preload.cjs'),
      require.resolve('twilio-run/bin/twilio-run'),
      'start',
      // twilio-run takes these relative to its working directory.
      '--functions-folder',
      path.relative(ROOT, options.functionsFolder),
      '--assets-folder',
      path.relative(ROOT, options.assetsFolder),
      '--port',
      String(options.port),
      '--env',
      options.envFile,
      // Handlers run inside twilio-run instead of in a process forked per request (a fork and a
      // fresh Node cost more than most requests); the bundle writes no process-wide state (no
      // process.env, no globals, no process.on).
      '--no-fork-process',
      // A warm instance by default: with --live (twilio-run's default) it clears Node's require
      // cache before every request, and loading a handler's bundle anew cost about 30 ms of CPU
      // per request, most of what an integration test spends. Which instance answers, warm or
      // cold, is Twilio's choice, so the bundle must be right either way: the stacks of the tests
      // that prove it run with coldStarts.
      ...(options.coldStarts ? [] : ['--no-live']),
    ],
    // twilio-run picks a test-only runner when NODE_ENV is "test", as it is under jest.
    // Its own process group, so stop() also ends any process it starts.
    {
      cwd: ROOT,
      env: { ...process.env, NODE_ENV: 'development', FORCE_COLOR: '0' },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    },
  );
  const collect = (d: Buffer) => {
    output += d.toString();
    options.onOutput?.(d.toString());
  };
  child.stdout.on('data', collect);
  child.stderr.on('data', collect);
  const url = `http://localhost:${options.port}`;
  try {
    await waitUntilServing(`${url}/join.html`, child, () => output);
  } catch (err) {
    killGroup(child, 'SIGKILL');
    throw err;
  }
  return {
    url,
    output: () => output,
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
      // Processes twilio-run started outlive it unless the whole group is ended.
      killGroup(child, 'SIGKILL');
      child.stdout?.destroy();
      child.stderr?.destroy();
    },
  };
}
