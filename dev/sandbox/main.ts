import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { ROOT } from '../twilio-run';
import { startSandbox } from './server';

/**
 * `npm start`. With Twilio credentials in .env it runs the bundle against Twilio, as
 * `twilio-run start` always did; without them it runs the sandbox on this machine. It says which.
 */

function hasTwilioCredentials(): boolean {
  const file = path.join(ROOT, '.env');
  if (!fs.existsSync(file)) return false;
  const env = Object.fromEntries(
    fs
      .readFileSync(file, 'utf8')
      .split(/\r?\n/)
      .filter((line) => /^\s*[A-Z_]+\s*=/.test(line))
      .map((line) => {
        const at = line.indexOf('=');
        return [line.slice(0, at).trim(), line.slice(at + 1).trim()];
      }),
  );
  return /^AC[0-9a-f]{32}$/.test(env.ACCOUNT_SID ?? '') && !!env.AUTH_TOKEN;
}

async function main(): Promise<void> {
  if (hasTwilioCredentials()) {
    console.log('Running against Twilio, with the credentials in .env (twilio-run start).');
    const child = spawn(process.execPath, [require.resolve('twilio-run/bin/twilio-run'), 'start'], {
      cwd: ROOT,
      stdio: 'inherit',
    });
    child.on('exit', (code) => process.exit(code ?? 0));
    return;
  }
  const port = Number(process.env.PORT ?? 3000);
  // Loopback unless asked (dev/run.mjs --network, or SANDBOX_HOST): the sandbox has no accounts.
  const host = process.env.SANDBOX_HOST || '127.0.0.1';
  console.log(
    'No Twilio credentials in .env: starting the SANDBOX (a local Twilio emulator; nothing reaches Twilio).',
  );
  // The snapshot policy is the one a newcomer may want to try (`VIDEO_SNAPSHOTS=ask npm start`).
  const snapshots = process.env.VIDEO_SNAPSHOTS;
  const sandbox = await startSandbox({
    port,
    host,
    log: (line) => console.log(line),
    env: snapshots ? { VIDEO_SNAPSHOTS: snapshots } : {},
  });
  const { taskSid, conversationSid, identity } = sandbox.session();
  console.log(`
  Sandbox console:  ${sandbox.url}/
  It plays Flex: agent ${identity} holds chat task ${taskSid} (conversation ${conversationSid}).
  Start the video call from the agent panel, open the link in the chat in another tab, and talk
  to yourself: the real Twilio Video SDK, signalling through the local Video edge, media over local
  WebRTC. Emulator state: ${sandbox.url}/__emulator/state. Listening on ${host}${
    host === '127.0.0.1' ? ' (this machine only; --network to open it)' : ''
  }.
  With Twilio credentials in .env, npm start runs against Twilio instead. Ctrl+C to stop.`);
  const stop = () => void sandbox.stop().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
