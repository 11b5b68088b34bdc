import http from 'node:http';
import type { TwilioEmulator } from '../emulator';
import { VIDEO_EDGE_META } from '../../src/pages/shared/sdk';
import { handleEdgeControl } from './control';
import { EDGE_PATH, type VideoEdge } from './edge';
import { attachVideoEdge } from './index';

/**
 * The one server in front of twilio-run wherever pages call each other locally (the sandbox and
 * the test stack): it hosts the local Video edge on its own origin, answers the edge's controls
 * under /__video-edge/control/, and proxies everything else to twilio-run, the real SDK file
 * included. The only change on the way through: join.html and agent.html get the `<meta>` that
 * points the SDK's signalling at the edge (src/pages/shared/sdk.ts). A deployed page has no such
 * meta, and nothing in a link can add one.
 */

export interface VideoFront {
  url: string;
  edge: VideoEdge;
  stop(): Promise<void>;
}

export interface VideoFrontOptions {
  port: number;
  host?: string;
  /** Where the bundle runs (twilio-run's URL). */
  bundleUrl: string;
  emulator: TwilioEmulator;
  log?: (line: string) => void;
  /** Serves what the front's owner adds (the sandbox's console); true when it answered. */
  handle?(req: http.IncomingMessage, res: http.ServerResponse, url: URL): boolean;
}

/** The pages that connect to Video: served with the edge's `<meta>`. */
const PAGES_WITH_VIDEO = new Set(['/join.html', '/agent.html']);
const EDGE_META = `<meta name="${VIDEO_EDGE_META}" content="${EDGE_PATH}">`;

/** A fresh connection to the bundle per request: a kept-alive one that twilio-run closes while it
 * idles can be picked for the next request and reset under it. */
const NO_REUSE = new http.Agent({ keepAlive: false });

export function proxy(
  req: http.IncomingMessage,
  res: http.ServerResponse,
  target: string,
  withEdgeMeta = false,
): void {
  // Uncompressed, so the page can be read and the meta inserted.
  const headers = withEdgeMeta ? { ...req.headers, 'accept-encoding': 'identity' } : req.headers;
  const upstream = http.request(
    `${target}${req.url}`,
    { method: req.method, headers, agent: NO_REUSE },
    (answer) => {
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
    },
  );
  upstream.on('error', () => {
    if (!res.headersSent) res.writeHead(502, { 'Content-Type': 'text/plain' });
    res.end('the bundle (twilio-run) is not answering');
  });
  req.pipe(upstream);
}

export async function readJson(req: http.IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const raw = Buffer.concat(chunks).toString('utf8');
  try {
    return raw ? (JSON.parse(raw) as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

export async function startVideoFront(options: VideoFrontOptions): Promise<VideoFront> {
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://front');
    if (options.handle?.(req, res, url)) return;
    if (!url.pathname.startsWith(`${EDGE_PATH}/`)) {
      const isPage = req.method === 'GET' && PAGES_WITH_VIDEO.has(url.pathname);
      return proxy(req, res, options.bundleUrl, isPage);
    }
    void readJson(req).then((body) => {
      if (handleEdgeControl(edge, req.method ?? 'GET', url.pathname, body, res)) return;
      res.writeHead(404, { 'Content-Type': 'application/json' }).end('{"error":"no such edge control"}');
    });
  });
  // Longer than any client keeps an idle connection (undici: 4 s), so the server never closes one
  // a client is about to reuse (a reset request under load).
  server.keepAliveTimeout = 60_000;
  const edge = attachVideoEdge(server, options.emulator, options.log);
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, host, resolve);
  });
  return {
    url: `http://localhost:${options.port}`,
    edge,
    async stop() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
