import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { emulatorEnv, TwilioEmulator, type SeededTask } from '../emulator';
import { freePort, ROOT, startTwilioRun, type TwilioRun } from '../twilio-run';
import { attachVideoEdge, EDGE_PATH, handleEdgeControl, type VideoEdge } from '../video-edge';
import { VIDEO_EDGE_META } from '../../src/pages/shared/sdk';
import { seedConversation } from './seed';

/**
 * The sandbox: the built bundle under twilio-run against the emulator, behind one server on
 * `port` that adds the console (/), hosts the local Twilio Video edge (dev/video-edge) on its own
 * origin, and proxies everything else to twilio-run, the real SDK file included. The only change
 * on the way through: join.html and agent.html get the `<meta>` that points the SDK's signalling
 * at the edge. The bundle is told this server's address (DOMAIN_NAME), so its join links and
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
}

const CONSOLE_DIR = path.join(ROOT, 'dev', 'sandbox', 'console');
const STATIC: Record<string, [file: string, type: string]> = {
  '/': [path.join(CONSOLE_DIR, 'index.html'), 'text/html; charset=utf-8'],
  '/__sandbox/console.js': [path.join(CONSOLE_DIR, 'console.js'), 'application/javascript; charset=utf-8'],
  '/__sandbox/console.css': [path.join(CONSOLE_DIR, 'console.css'), 'text/css; charset=utf-8'],
};
/** The pages that connect to Video: served with the edge's `<meta>` (see src/pages/shared/sdk.ts). */
const PAGES_WITH_VIDEO = new Set(['/join.html', '/agent.html']);
const EDGE_META = `<meta name="${VIDEO_EDGE_META}" content="${EDGE_PATH}">`;

async function readJson(req: http.IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const raw = Buffer.concat(chunks).toString('utf8');
  try {
    return raw ? (JSON.parse(raw) as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

function proxy(
  req: http.IncomingMessage,
  res: http.ServerResponse,
  target: string,
  withEdgeMeta = false,
): void {
  // Uncompressed, so the page can be read and the meta inserted.
  const headers = withEdgeMeta ? { ...req.headers, 'accept-encoding': 'identity' } : req.headers;
  const upstream = http.request(`${target}${req.url}`, { method: req.method, headers }, (answer) => {
    if (!withEdgeMeta || answer.statusCode !== 200) {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
      return;
    }
    const chunks: Buffer[] = [];
    answer.on('data', (chunk: Buffer) => chunks.push(chunk));
    answer.on('end', () => {
      const page = Buffer.concat(chunks)
        .toString('utf8')
        .replace(/<head>/i, `<head>${EDGE_META}`);
      const { 'content-length': _length, etag: _etag, ...kept } = answer.headers;
      res.writeHead(200, kept).end(page);
    });
  });
  upstream.on('error', () =>
    res.writeHead(502, { 'Content-Type': 'text/plain' }).end('the bundle (twilio-run) is not answering'),
  );
  req.pipe(upstream);
}

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
    envFile: path.join(ROOT, '.dev-build', 'sandbox.env'),
    env: {
      ...emulatorEnv(emulatorUrl),
      DOMAIN_NAME: domain,
      ALLOWED_ORIGINS: `http://localhost:${options.port},http://127.0.0.1:${options.port}`,
    },
  });

  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', `http://${domain}`);
    const file = req.method === 'GET' && STATIC[url.pathname];
    if (file) {
      res.writeHead(200, { 'Content-Type': file[1], 'Cache-Control': 'no-store' });
      fs.createReadStream(file[0]).pipe(res);
      return;
    }
    if (url.pathname.startsWith('/__emulator/')) return proxy(req, res, emulatorUrl);
    const isControl = url.pathname.startsWith('/__video-edge/');
    if (!url.pathname.startsWith('/__sandbox/') && !isControl)
      return proxy(req, res, twilioRun.url, req.method === 'GET' && PAGES_WITH_VIDEO.has(url.pathname));
    void (async () => {
      const body = await readJson(req);
      if (isControl && handleEdgeControl(edge, req.method ?? 'GET', url.pathname, body, res)) return;
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
  });
  const edge = attachVideoEdge(server, emulator, (line) => log(`[video edge] ${line}`));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host ?? '127.0.0.1', resolve);
  });

  return {
    url: `http://${domain}`,
    emulator,
    edge,
    session: () => session,
    async stop() {
      for (const res of consoleStreams) res.end();
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      await twilioRun.stop();
      await emulator.stop();
    },
  };
}
