import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { CallbackDelivery } from './callbacks';
import { CONTROL_PREFIX, handleControl } from './control';
import { FaultInjector, type Fault } from './faults';
import { ACCOUNT_SID, AUTH_TOKEN, TwilioError } from './ids';
import { conversations } from './routes/conversations';
import { iam } from './routes/iam';
import { mcs, mcsShapeOk } from './routes/mcs';
import { MediaFile, type Product, type Route, type RouteAnswer } from './routes/route';
import { sync } from './routes/sync';
import { taskrouter } from './routes/taskrouter';
import { video } from './routes/video';
import { SpecChecker } from './spec-check';
import { EmulatorState } from './state';

/**
 * A local, stateful Twilio for the parts the bundle uses, served at `{url}/{subdomain}/{path}`
 * (the bundle's TWILIO_API_BASE_URL). Every request is checked against Twilio's OpenAPI spec
 * first; a violation is answered 400 and recorded (the tests fail on any, the standalone
 * emulator logs it). It records every call with its place in the order of events, injects latency and faults, delivers
 * signed status callbacks when asked to, and answers a control surface under /__emulator/.
 */

export interface RecordedCall {
  method: string;
  subdomain: string;
  path: string;
  template?: string;
  query: Record<string, string>;
  form: Record<string, string>;
  json?: unknown;
  headers: http.IncomingHttpHeaders;
  status: number;
  /** Where the request's arrival and its answer fall in the emulator's order of events (one count
   * for both, from 1; `answered` is 0 until it is answered or dropped): a call answered before
   * another arrived is one the other may have waited on. No clock: tests read order, not time. */
  arrived: number;
  answered: number;
}

export interface EmulatorOptions {
  /** Deliver status callbacks (see callbacks.ts). Off by default. */
  callbacks?: boolean;
  /** Where spec violations and deliveries are told as they happen. */
  log?: (line: string) => void;
}

const PRODUCTS: Product[] = [iam, taskrouter, video, conversations, sync, mcs];
/** Products with a spec in twilio-oai; IAM's token validation has none (see iamShapeOk), nor
 * has the Media Content Service (see mcsShapeOk). */
const SPEC_CHECKED = ['video', 'conversations', 'taskrouter', 'sync'];

const routeTable = new Map<string, Route>(
  PRODUCTS.flatMap((product) =>
    product.routes.map((route) => [`${route.method} ${product.subdomain}${route.template}`, route] as const),
  ),
);

export class TwilioEmulator extends EmulatorState {
  readonly calls: RecordedCall[] = [];
  private events = 0;
  readonly violations: string[] = [];
  readonly callbacks: CallbackDelivery;
  private readonly injector = new FaultInjector();
  private readonly checker = new SpecChecker();
  private readonly log: (line: string) => void;
  private server?: http.Server;
  url = '';

  constructor(options: EmulatorOptions = {}) {
    super();
    this.log = options.log ?? (() => {});
    this.callbacks = new CallbackDelivery(this, this.log);
    this.callbacks.enabled = options.callbacks ?? false;
  }

  get faults(): Fault[] {
    return this.injector.faults;
  }

  /** Added to every request. */
  get latencyMs(): number {
    return this.injector.latencyMs;
  }

  set latencyMs(value: number) {
    this.injector.latencyMs = value;
  }

  clearFaults(): void {
    this.injector.clear();
  }

  async start(port = 0, host = '127.0.0.1'): Promise<string> {
    this.checker.preload(SPEC_CHECKED);
    this.server = http.createServer((req, res) => void this.serve(req, res));
    this.server.keepAliveTimeout = 1_000;
    await new Promise<void>((resolve, reject) => {
      this.server!.once('error', reject);
      this.server!.listen(port, host, resolve);
    });
    this.url = `http://${host}:${(this.server.address() as AddressInfo).port}`;
    return this.url;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => this.server?.close(() => resolve()) ?? resolve());
  }

  /** Calls recorded so far that match; `sinceIndex` to look only at later ones. */
  callsTo(method: string, pattern: RegExp, sinceIndex = 0): RecordedCall[] {
    return this.calls
      .slice(sinceIndex)
      .filter((c) => c.method === method && pattern.test(`/${c.subdomain}${c.path}`));
  }

  private violation(reason: string): void {
    this.violations.push(reason);
    this.log(`spec violation: ${reason}`);
  }

  private async serve(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const arrived = ++this.events;
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const bytes = Buffer.concat(chunks);
    const raw = bytes.toString('utf8');
    const url = new URL(req.url ?? '/', 'http://emulator');
    if (url.pathname.startsWith(CONTROL_PREFIX)) return handleControl(this, req, res, url, raw);

    const [, subdomain = '', ...rest] = url.pathname.split('/');
    const path = `/${rest.join('/')}`;
    const isJson = (req.headers['content-type'] ?? '').includes('application/json');
    const form = !isJson && raw && subdomain !== 'mcs' ? new URLSearchParams(raw) : undefined;
    const call: RecordedCall = {
      method: req.method ?? 'GET',
      subdomain,
      path,
      query: Object.fromEntries(url.searchParams),
      form: Object.fromEntries(form ?? []),
      json: isJson && raw ? parseJson(raw) : undefined,
      headers: req.headers,
      status: 0,
      arrived,
      answered: 0,
    };
    this.calls.push(call);

    const verdict = this.injector.verdict(call.method, `/${subdomain}${path}`);
    if (verdict.delayMs > 0) await new Promise((resolve) => setTimeout(resolve, verdict.delayMs));

    const send = (status: number, body: unknown, headers: Record<string, string> = {}) => {
      call.status = status;
      call.answered = ++this.events;
      if (res.destroyed) return;
      if (body instanceof MediaFile)
        return void res.writeHead(status, { 'Content-Type': body.contentType }).end(body.bytes);
      res.writeHead(status, { 'Content-Type': 'application/json', ...headers });
      res.end(JSON.stringify(body));
    };
    const twilioError = (status: number, code: number, message: string) =>
      send(status, { code, message, more_info: `https://www.twilio.com/docs/errors/${code}`, status });
    const fail = () => {
      const failure = verdict.failure!;
      if (!failure.drop)
        return twilioError(
          failure.status,
          failure.twilioCode,
          failure.when === 'after' ? 'Injected failure after applying' : 'Injected failure',
        );
      call.status = -1;
      call.answered = ++this.events;
      req.socket.destroy();
    };

    const expectedAuth = `Basic ${Buffer.from(`${ACCOUNT_SID}:${AUTH_TOKEN}`).toString('base64')}`;
    if (req.headers.authorization !== expectedAuth) {
      this.violation(`${call.method} /${subdomain}${path}: missing or wrong credentials`);
      return twilioError(401, 20003, 'Authenticate');
    }

    let template: string;
    let pathParams: Record<string, string> = {};
    if (subdomain === 'iam') {
      if (!iamShapeOk(call.method, path, call.json)) {
        this.violation(`${call.method} /iam${path}: not a token validation request`);
        return twilioError(400, 20001, 'Invalid request');
      }
      template = '/v1/Accounts/{AccountSid}/Tokens/validate';
    } else if (subdomain === 'mcs') {
      const shape = mcsShapeOk(call.method, path, req.headers, bytes);
      if (!shape.ok) {
        this.violation(`${call.method} /mcs${path}: ${shape.reason}`);
        return twilioError(400, 20001, 'Invalid request');
      }
      ({ template, pathParams } = shape);
    } else {
      const checked = this.checker.check({
        subdomain,
        method: call.method,
        path,
        query: url.searchParams,
        form,
        headers: req.headers,
      });
      if (!checked.ok) {
        this.violation(checked.reason);
        return twilioError(400, 20001, `Spec violation: ${checked.reason}`);
      }
      ({ template, pathParams } = checked);
    }
    call.template = template;

    if (verdict.failure?.when === 'before') return fail();
    let answer: RouteAnswer;
    try {
      const route = routeTable.get(`${call.method} ${subdomain}${template}`);
      if (!route) {
        this.violation(`the emulator has no behaviour for ${call.method} ${subdomain}${template}`);
        throw new TwilioError(
          501,
          20500,
          `Not implemented in the emulator: ${call.method} ${subdomain}${template}`,
        );
      }
      answer = route.handle({
        method: call.method,
        subdomain,
        template,
        pathParams,
        query: url.searchParams,
        form: form ?? new URLSearchParams(),
        json: call.json,
        body: bytes,
        headers: req.headers,
        state: this,
      });
    } catch (err) {
      if (err instanceof TwilioError) return twilioError(err.status, err.code, err.message);
      this.violation(`the emulator failed on ${call.method} ${path}: ${String(err)}`);
      return twilioError(500, 20500, 'Emulator failure');
    }
    if (verdict.failure?.when === 'after') return fail();
    send(answer[0], answer[1], answer[2]);
  }
}

function parseJson(raw: string): unknown {
  try {
    return JSON.parse(raw);
  } catch {
    return undefined;
  }
}

function iamShapeOk(method: string, path: string, json: unknown): boolean {
  return (
    method === 'POST' &&
    path === `/v1/Accounts/${ACCOUNT_SID}/Tokens/validate` &&
    typeof (json as { token?: unknown } | undefined)?.token === 'string'
  );
}
