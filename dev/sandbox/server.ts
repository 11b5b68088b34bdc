import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { emulatorEnv, TwilioEmulator, type SeededTask } from '../emulator';
import { freePort, ROOT, startTwilioRun, type TwilioRun } from '../twilio-run';
import { type VideoEdge } from '../video-edge';
import { proxy, readJson, startVideoFront } from '../video-edge/front';
import { seedConversation } from './seed';

/**
 * The sandbox: the built bundle under twilio-run against the emulator, behind the front that
 * hosts the local Twilio Video edge (dev/video-edge/front.ts), on `port`, with the console (/) and
 * its routes added. The bundle is told this server's address (DOMAIN_NAME), so its join links and
 * callbacks come here too. Nothing of it is deployed: scripts/build.mjs builds only src/ and assets/.
 */

export interface Sandbox {
  url: string;
  emulator: TwilioEmulator;
  edge: VideoEdge;
  session(): SeededTask & { identity: string };
  stop(): Promise<void>;
}

export interface SandboxOptions {
  port: number;
  /** The interface to listen on: loopback unless asked (another device on the network can then
   * join, and so can anyone who reaches this machine). */
  host?: string;
  log?: (line: string) => void;
  /** More of the bundle's environment (its policies, e.g. VIDEO_SNAPSHOTS). */
  env?: Record<string, string>;
}

const CONSOLE_DIR = path.join(ROOT, 'dev', 'sandbox', 'console');
const STATIC: Record<string, [file: string, type: string]> = {
  '/': [path.join(CONSOLE_DIR, 'index.html'), 'text/html; charset=utf-8'],
  '/__sandbox/console.js': [path.join(CONSOLE_DIR, 'console.js'), 'application/javascript; charset=utf-8'],
  '/__sandbox/console.css': [path.join(CONSOLE_DIR, 'console.css'), 'text/css; charset=utf-8'],
};

export async function startSandbox(options: SandboxOptions): Promise<Sandbox> {
  const log = options.log ?? (() => {});
  const emulator = new TwilioEmulator({ callbacks: true, log: (line) => log(`[emulator] ${line}`) });
  const emulatorUrl = await emulator.start();
  let session = seedConversation(emulator);
  const consoleStreams = new Set<http.ServerResponse>();
  emulator.onEvent((event) => {
    if (event.type === 'message')
      for (const res of consoleStreams) res.write(`data: ${JSON.stringify(event)}\n\n`);
  });

  const domain = `localhost:${options.port}`;
  fs.mkdirSync(path.join(ROOT, '.dev-build'), { recursive: true });
  const twilioRun: TwilioRun = await startTwilioRun({
    functionsFolder: path.join(ROOT, 'dist', 'functions'),
    assetsFolder: path.join(ROOT, 'dist', 'assets'),
    port: await freePort(),
    // One file per sandbox: two sandboxes at once (the sandbox tests) must not read each other's.
    envFile: path.join(ROOT, '.dev-build', `sandbox-${options.port}.env`),
    env: {
      ...emulatorEnv(emulatorUrl),
      DOMAIN_NAME: domain,
      ALLOWED_ORIGINS: `http://localhost:${options.port},http://127.0.0.1:${options.port}`,
      // Offered, as a company that transcribes would: the console's speech boxes then show
      // captions and the transcript end to end (the default, off, would refuse to start).
      VIDEO_TRANSCRIPTION: 'on-demand',
      ...options.env,
    },
    // A rebuild while the sandbox runs is served from the next request on.
    coldStarts: true,
  });

  const sandboxRoutes = (req: http.IncomingMessage, res: http.ServerResponse, url: URL): boolean => {
    const file = req.method === 'GET' && STATIC[url.pathname];
    if (file) {
      res.writeHead(200, { 'Content-Type': file[1], 'Cache-Control': 'no-store' });
      fs.createReadStream(file[0]).pipe(res);
      return true;
    }
    if (url.pathname.startsWith('/__emulator/')) return (proxy(req, res, emulatorUrl), true);
    // A picture in the chat, as the chat widget would show it: the emulator's Media Content Service file.
    const media = req.method === 'GET' && /^\/__sandbox\/media\/(ME[0-9a-f]{32})$/.exec(url.pathname);
    if (media) {
      const file = emulator.media.get(media[1]);
      if (!file) res.writeHead(404).end();
      else
        res.writeHead(200, { 'Content-Type': file.contentType, 'Cache-Control': 'no-store' }).end(file.bytes);
      return true;
    }
    if (!url.pathname.startsWith('/__sandbox/')) return false;
    void (async () => {
      const body = await readJson(req);
      const json = (status: number, answer: unknown) =>
        res
          .writeHead(status, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' })
          .end(JSON.stringify(answer));
      switch (`${req.method} ${url.pathname}`) {
        case 'GET /__sandbox/session':
          return json(200, { ...session, messages: emulator.messages(session.conversationSid) });
        case 'GET /__sandbox/events':
          res.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-store' });
          res.write(": the conversation's messages as they arrive\n\n");
          consoleStreams.add(res);
          req.once('close', () => consoleStreams.delete(res));
          return;
        case 'POST /__sandbox/chat':
          if (typeof body.body !== 'string' || !body.body.trim())
            return json(400, { error: 'body is required' });
          return json(
            201,
            emulator.postAsParticipant(session.conversationSid, {
              author: 'customer',
              body: body.body.trim().slice(0, 1600),
            }),
          );
        case 'POST /__sandbox/reset':
          for (const room of emulator.rooms) emulator.endRoom(room.sid);
          await emulator.callbacks.idle();
          emulator.reset();
          session = seedConversation(emulator);
          for (const stream of consoleStreams) stream.write(`data: ${JSON.stringify({ type: 'reset' })}\n\n`);
          log('reset: a new task and conversation');
          return json(200, session);
        default:
          return json(404, { error: 'no such sandbox endpoint' });
      }
    })();
    return true;
  };
  const front = await startVideoFront({
    port: options.port,
    host: options.host,
    bundleUrl: twilioRun.url,
    emulator,
    log: (line) => log(`[video edge] ${line}`),
    handle: sandboxRoutes,
  });

  return {
    url: `http://${domain}`,
    emulator,
    edge: front.edge,
    session: () => session,
    async stop() {
      for (const res of consoleStreams) res.end();
      await front.stop();
      await twilioRun.stop();
      await emulator.stop();
    },
  };
}
