import { randomBytes } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { SpecChecker } from './openapi-check';

/**
 * A local, stateful stand-in for the parts of Twilio the bundle uses (Video rooms, recordings
 * and compositions, Conversations messages, TaskRouter tasks and reservations, Sync documents,
 * IAM token validation). Every request is checked against Twilio's OpenAPI spec first; a
 * violation is answered 400 and recorded, and the tests fail on any. It records every call
 * with its timing and injects latency and faults.
 */

export const ACCOUNT_SID = `AC${'a1'.repeat(16)}`;
export const AUTH_TOKEN = 'fake-auth-token-0123456789abcdef';

export const newSid = (prefix: string) => `${prefix}${randomBytes(16).toString('hex')}`;

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
  startedAt: number;
  endedAt: number;
}

export interface Fault {
  method?: string;
  /** Matched against `/{subdomain}{path}`, e.g. /conversations/v1/Conversations/CH.../Messages */
  path: RegExp;
  /** How many matching requests it hits; Infinity for all. */
  times: number;
  status?: number;
  twilioCode?: number;
  delayMs?: number;
  /** Apply the request, then answer with `status` as if the answer was lost. */
  afterApplying?: boolean;
  /** Close the connection without an answer. */
  drop?: boolean;
}

type Json = Record<string, unknown>;

export interface Room extends Json {
  sid: string;
  unique_name: string;
  status: 'in-progress' | 'completed' | 'failed';
  date_created: string;
  end_time: string | null;
}

export interface Message extends Json {
  sid: string;
  conversation_sid: string;
  index: number;
  body: string | null;
  attributes: string;
  date_created: string;
}

export interface Participant extends Json {
  sid: string;
  room_sid: string;
  identity: string;
  status: 'connected' | 'disconnected';
}

export interface SeededTask {
  taskSid: string;
  conversationSid: string;
  workerSid: string;
  token: string;
}

export interface FlexUser {
  identity: string;
  worker_sid?: string;
  roles: string[];
}

class TwilioError extends Error {
  constructor(
    readonly status: number,
    readonly code: number,
    message: string,
  ) {
    super(message);
  }
}

const iso = (ms = Date.now()) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');

export class FakeTwilio {
  readonly calls: RecordedCall[] = [];
  readonly violations: string[] = [];
  readonly faults: Fault[] = [];
  /** Added to every request. */
  latencyMs = 0;

  readonly rooms: Room[] = [];
  readonly participants: Participant[] = [];
  readonly recordingRules = new Map<string, Json[]>();
  readonly recordings: Json[] = [];
  readonly compositions: Json[] = [];
  readonly conversations = new Map<string, Message[]>();
  readonly tasks = new Map<string, { sid: string; attributes: string; assignment_status: string }>();
  readonly reservations = new Map<string, { sid: string; worker_sid: string; reservation_status: string }[]>();
  readonly documents = new Map<string, Json & { sid: string; unique_name: string | null; revision: string; data: unknown }>();
  readonly flexTokens = new Map<string, FlexUser>();

  private server?: http.Server;
  private readonly checker = new SpecChecker();
  private messageIndex = 0;
  /** Extra routes, for features layered on later (first match wins, before the built-ins). */
  readonly routes: { method: string; template: string; handle: (req: RouteRequest) => [number, Json] }[] = [];

  url = '';

  async start(): Promise<string> {
    this.checker.preload(['video', 'conversations', 'taskrouter', 'sync']);
    this.server = http.createServer((req, res) => void this.serve(req, res));
    this.server.keepAliveTimeout = 1_000;
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this.url;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => this.server?.close(() => resolve()) ?? resolve());
  }

  // ---- seeding ------------------------------------------------------------------------

  addConversation(sid = newSid('CH')): string {
    this.conversations.set(sid, []);
    return sid;
  }

  addTask(attributes: Json, sid = newSid('WT')): string {
    this.tasks.set(sid, { sid, attributes: JSON.stringify(attributes), assignment_status: 'assigned' });
    this.reservations.set(sid, []);
    return sid;
  }

  addReservation(taskSid: string, workerSid: string, status = 'accepted'): void {
    this.reservations.get(taskSid)!.push({ sid: newSid('WR'), worker_sid: workerSid, reservation_status: status });
  }

  /** A messaging task held by a new agent (an accepted reservation), with its conversation and
   * the agent's Flex token: what every flow starts from. */
  seedTask(seed: { reservationStatus?: string; attributes?: Record<string, unknown> } = {}): SeededTask {
    const conversationSid = this.addConversation();
    const taskSid = this.addTask(seed.attributes ?? { conversationSid, channelType: 'web' });
    const workerSid = newSid('WK');
    this.addReservation(taskSid, workerSid, seed.reservationStatus ?? 'accepted');
    const token = this.addFlexUser({ identity: `agent${workerSid.slice(-6)}@example.com`, worker_sid: workerSid, roles: ['agent'] });
    return { taskSid, conversationSid, workerSid, token };
  }

  /** A message a chat participant posted (web chat, SMS...): Twilio sets its participant SID,
   * whatever author or attributes the participant sends. */
  postAsParticipant(conversationSid: string, message: { author: string; body: string; attributes?: unknown }): Message {
    const stored: Message = {
      ...this.messageJson(conversationSid, message.body, JSON.stringify(message.attributes ?? {}), message.author),
      participant_sid: newSid('MB'),
    };
    this.messages(conversationSid).push(stored);
    return stored;
  }

  /** Someone connected to the room with a token for `identity`, as Twilio would list them. */
  addParticipant(roomSid: string, identity: string): Participant {
    const participant: Participant = {
      sid: newSid('PA'), room_sid: roomSid, account_sid: ACCOUNT_SID, identity, status: 'connected', date_created: iso(), date_updated: iso(),
      start_time: iso(), end_time: null, duration: null, url: '', links: {},
    };
    participant.url = `https://video.twilio.com/v1/Rooms/${roomSid}/Participants/${participant.sid}`;
    this.participants.push(participant);
    return participant;
  }

  connectedIdentities(roomSid: string): string[] {
    return this.participants.filter((p) => p.room_sid === roomSid && p.status === 'connected').map((p) => p.identity);
  }

  addFlexUser(user: FlexUser, token = `flex-${randomBytes(24).toString('base64url')}`): string {
    this.flexTokens.set(token, user);
    return token;
  }

  /** Calls recorded so far that match; `sinceIndex` to look only at later ones. */
  callsTo(method: string, pattern: RegExp, sinceIndex = 0): RecordedCall[] {
    return this.calls.slice(sinceIndex).filter((c) => c.method === method && pattern.test(`/${c.subdomain}${c.path}`));
  }

  messages(conversationSid: string): Message[] {
    return this.conversations.get(conversationSid) ?? [];
  }

  noticesOf(conversationSid: string, kind: string, roomSid?: string): Message[] {
    return this.messages(conversationSid).filter((m) => {
      const tag = (JSON.parse(m.attributes) as { videoEscalation?: { kind?: string; roomSid?: string } }).videoEscalation;
      return tag?.kind === kind && (!roomSid || tag.roomSid === roomSid);
    });
  }

  /** A track recording of the room, as Twilio would list it; returns its sid. */
  addRecording(roomSid: string, options: { type?: 'audio' | 'video' | 'data'; status?: string; duration?: number | null; trackName?: string; createdAt?: number } = {}): string {
    const sid = newSid('RT');
    const type = options.type ?? 'audio';
    const status = options.status ?? 'completed';
    this.recordings.push({
      account_sid: ACCOUNT_SID, status, date_created: iso(options.createdAt), sid, source_sid: newSid('MT'), size: status === 'completed' ? 1024 : null,
      url: `https://video.twilio.com/v1/Recordings/${sid}`, type, duration: options.duration === undefined ? (status === 'completed' ? 42 : null) : options.duration,
      container_format: type === 'video' ? 'mkv' : 'mka', codec: type === 'video' ? 'VP8' : 'OPUS', grouping_sids: { room_sid: roomSid, participant_sid: newSid('PA') },
      track_name: options.trackName ?? `${type}-track`, offset: 0, media_external_location: null, room_sid: roomSid,
      links: { media: `https://video.twilio.com/v1/Recordings/${sid}/Media` },
    });
    return sid;
  }

  compositionsOf(roomSid: string): Json[] {
    return this.compositions.filter((c) => c.room_sid === roomSid);
  }

  endRoom(roomSid: string): void {
    const room = this.rooms.find((r) => r.sid === roomSid);
    if (room) Object.assign(room, { status: 'completed', end_time: iso(), date_updated: iso() });
    for (const participant of this.participants.filter((p) => p.room_sid === roomSid)) this.disconnect(participant);
  }

  private disconnect(participant: Participant): void {
    if (participant.status === 'disconnected') return;
    Object.assign(participant, { status: 'disconnected', end_time: iso(), date_updated: iso(), duration: 1 });
  }

  private messageJson(conversationSid: string, body: string | null, attributes: string, author: string): Message {
    return {
      sid: newSid('IM'), account_sid: ACCOUNT_SID, conversation_sid: conversationSid, index: this.messageIndex++, author,
      body, media: null, attributes, participant_sid: null, date_created: iso(), date_updated: iso(), url: '', delivery: null, links: {}, content_sid: null,
    };
  }

  // ---- the server ---------------------------------------------------------------------

  private async serve(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const startedAt = Date.now();
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    const url = new URL(req.url ?? '/', 'http://fake');
    const [, subdomain = '', ...rest] = url.pathname.split('/');
    const path = `/${rest.join('/')}`;
    const isJson = (req.headers['content-type'] ?? '').includes('application/json');
    const form = !isJson && raw ? new URLSearchParams(raw) : undefined;
    let json: unknown;
    if (isJson && raw) {
      try {
        json = JSON.parse(raw);
      } catch {
        json = undefined;
      }
    }
    const call: RecordedCall = {
      method: req.method ?? 'GET',
      subdomain,
      path,
      query: Object.fromEntries(url.searchParams),
      form: Object.fromEntries(form ?? []),
      json,
      headers: req.headers,
      status: 0,
      startedAt,
      endedAt: 0,
    };
    this.calls.push(call);

    const fault = this.faults.find(
      (f) => f.times > 0 && (!f.method || f.method === call.method) && f.path.test(`/${subdomain}${path}`),
    );
    if (fault) fault.times -= 1;
    const delay = this.latencyMs + (fault?.delayMs ?? 0);
    if (delay > 0) await new Promise((resolve) => setTimeout(resolve, delay));

    const send = (status: number, body: unknown) => {
      call.status = status;
      call.endedAt = Date.now();
      if (res.destroyed) return;
      res.writeHead(status, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    const twilioError = (status: number, code: number, message: string) =>
      send(status, { code, message, more_info: `https://www.twilio.com/docs/errors/${code}`, status });

    const expectedAuth = `Basic ${Buffer.from(`${ACCOUNT_SID}:${AUTH_TOKEN}`).toString('base64')}`;
    if (req.headers.authorization !== expectedAuth) {
      this.violations.push(`${call.method} /${subdomain}${path}: missing or wrong credentials`);
      return twilioError(401, 20003, 'Authenticate');
    }

    let template: string | undefined;
    let pathParams: Record<string, string> = {};
    if (subdomain === 'iam') {
      const ok = call.method === 'POST' && new RegExp(`^/v1/Accounts/${ACCOUNT_SID}/Tokens/validate$`).test(path) && isJson;
      const token = (json as { token?: unknown } | undefined)?.token;
      if (!ok || typeof token !== 'string') {
        this.violations.push(`${call.method} /iam${path}: not a token validation request`);
        return twilioError(400, 20001, 'Invalid request');
      }
      template = '/v1/Accounts/{AccountSid}/Tokens/validate';
    } else {
      const checked = this.checker.check({ subdomain, method: call.method, path, query: url.searchParams, form, headers: req.headers });
      if (!checked.ok) {
        this.violations.push(checked.reason);
        return twilioError(400, 20001, `Spec violation: ${checked.reason}`);
      }
      template = checked.template;
      pathParams = checked.pathParams;
    }
    call.template = template;

    // A fault with only a delay slows the request down and then lets it through.
    const failsOutright = fault && (fault.status !== undefined || fault.drop);
    if (failsOutright && !fault.afterApplying) {
      if (fault.drop) {
        call.status = -1;
        call.endedAt = Date.now();
        req.socket.destroy();
        return;
      }
      return twilioError(fault.status!, fault.twilioCode ?? 20500, 'Injected failure');
    }
    let status: number;
    let body: Json;
    try {
      [status, body] = this.handle({ method: call.method, subdomain, template, pathParams, query: url.searchParams, form: form ?? new URLSearchParams(), json, headers: req.headers });
    } catch (err) {
      if (err instanceof TwilioError) return twilioError(err.status, err.code, err.message);
      this.violations.push(`fake failed on ${call.method} ${path}: ${String(err)}`);
      return twilioError(500, 20500, 'Fake failure');
    }
    if (failsOutright && fault.afterApplying) {
      if (fault.drop) {
        call.status = -1;
        call.endedAt = Date.now();
        req.socket.destroy();
        return;
      }
      return twilioError(fault.status!, fault.twilioCode ?? 20500, 'Injected failure after applying');
    }
    send(status, body);
  }

  private handle(req: RouteRequest): [number, Json] {
    const key = `${req.method} ${req.subdomain}${req.template}`;
    const extra = this.routes.find((r) => `${r.method} ${r.template}` === key);
    if (extra) return extra.handle(req);
    const p = req.pathParams;
    const f = (name: string) => req.form.get(name) ?? undefined;
    switch (key) {
      case 'POST iam/v1/Accounts/{AccountSid}/Tokens/validate': {
        const user = this.flexTokens.get((req.json as { token: string }).token);
        if (!user) return [403, { valid: false, code: 20003, message: 'Invalid token' }];
        return [200, { valid: true, code: 0, message: null, identity: user.identity, worker_sid: user.worker_sid ?? null, roles: user.roles, realm_user_id: `US${'0'.repeat(32)}`, expiration: iso(Date.now() + 3_600_000) }];
      }
      case 'GET taskrouter/v1/Workspaces/{WorkspaceSid}/Tasks/{Sid}': {
        const task = this.tasks.get(p.Sid);
        if (!task) throw new TwilioError(404, 20404, 'The requested resource was not found');
        return [200, this.taskJson(p.WorkspaceSid, task)];
      }
      case 'GET taskrouter/v1/Workspaces/{WorkspaceSid}/Tasks/{TaskSid}/Reservations': {
        if (!this.tasks.has(p.TaskSid)) throw new TwilioError(404, 20404, 'The requested resource was not found');
        const worker = req.query.get('WorkerSid');
        const status = req.query.get('ReservationStatus');
        const items = (this.reservations.get(p.TaskSid) ?? []).filter((r) => (!worker || r.worker_sid === worker) && (!status || r.reservation_status === status)).map((r) => ({
          account_sid: ACCOUNT_SID, date_created: iso(), date_updated: iso(), reservation_status: r.reservation_status, sid: r.sid,
          task_sid: p.TaskSid, worker_name: 'agent', worker_sid: r.worker_sid, workspace_sid: p.WorkspaceSid, url: '', links: {},
        }));
        return [200, this.page('reservations', items, req, `https://taskrouter.twilio.com/v1/Workspaces/${p.WorkspaceSid}/Tasks/${p.TaskSid}/Reservations`)];
      }
      case 'POST video/v1/Rooms': {
        const uniqueName = f('UniqueName') ?? newSid('RM');
        if (this.rooms.some((r) => r.unique_name === uniqueName && r.status === 'in-progress')) {
          throw new TwilioError(400, 53113, 'Room exists');
        }
        const room: Room = {
          sid: newSid('RM'), unique_name: uniqueName, status: 'in-progress', date_created: iso(), date_updated: iso(), end_time: null,
          account_sid: ACCOUNT_SID, enable_turn: true, status_callback: f('StatusCallback') ?? null, status_callback_method: f('StatusCallbackMethod') ?? 'POST',
          duration: null, type: f('Type') ?? 'group', max_participants: 50, max_participant_duration: 14400, max_concurrent_published_tracks: 170,
          record_participants_on_connect: f('RecordParticipantsOnConnect') === 'true', video_codecs: ['VP8'], media_region: 'us1', audio_only: false,
          empty_room_timeout: Number(f('EmptyRoomTimeout') ?? 5), unused_room_timeout: Number(f('UnusedRoomTimeout') ?? 5), large_room: false, url: '', links: {},
        };
        room.url = `https://video.twilio.com/v1/Rooms/${room.sid}`;
        this.rooms.push(room);
        // A room created without explicit rules may report none, whatever it records.
        const rules = f('RecordingRules') === undefined ? [] : (JSON.parse(f('RecordingRules')!) as { rules?: Json[] }).rules;
        if (!Array.isArray(rules)) throw new TwilioError(400, 53120, 'Invalid Recording Rules');
        this.recordingRules.set(room.sid, rules);
        return [201, room];
      }
      case 'GET video/v1/Rooms/{Sid}': {
        const room = p.Sid.startsWith('RM')
          ? this.rooms.find((r) => r.sid === p.Sid)
          : this.rooms.find((r) => r.unique_name === p.Sid && r.status === 'in-progress');
        if (!room) throw new TwilioError(404, 20404, 'The requested resource was not found');
        return [200, room];
      }
      case 'POST video/v1/Rooms/{Sid}': {
        const room = this.rooms.find((r) => r.sid === p.Sid || (r.unique_name === p.Sid && r.status === 'in-progress'));
        if (!room) throw new TwilioError(404, 20404, 'The requested resource was not found');
        if (room.status !== 'in-progress') throw new TwilioError(400, 53118, 'Room is already completed');
        this.endRoom(room.sid);
        return [200, room];
      }
      case 'GET video/v1/Rooms': {
        const status = req.query.get('Status') ?? 'in-progress';
        const name = req.query.get('UniqueName');
        const items = this.rooms
          .filter((r) => r.status === status && (!name || r.unique_name === name))
          .sort((a, b) => b.date_created.localeCompare(a.date_created));
        return [200, this.page('rooms', items, req, 'https://video.twilio.com/v1/Rooms')];
      }
      case 'GET video/v1/Rooms/{RoomSid}/RecordingRules':
      case 'POST video/v1/Rooms/{RoomSid}/RecordingRules': {
        const room = this.rooms.find((r) => r.sid === p.RoomSid);
        if (!room) throw new TwilioError(404, 20404, 'The requested resource was not found');
        if (req.method === 'POST') {
          if (room.status !== 'in-progress') throw new TwilioError(400, 53118, 'Room is not in-progress');
          const rules: unknown = JSON.parse(f('Rules') ?? '[]');
          const valid = Array.isArray(rules) && rules.length > 0 && rules.every((rule: Json) => rule.type === 'include' || rule.type === 'exclude');
          if (!valid) throw new TwilioError(400, 53120, 'Invalid Recording Rules');
          this.recordingRules.set(room.sid, rules as Json[]);
        }
        return [200, { room_sid: room.sid, rules: this.recordingRules.get(room.sid) ?? [], date_created: room.date_created, date_updated: iso() }];
      }
      case 'GET video/v1/Rooms/{RoomSid}/Recordings': {
        if (!this.rooms.some((r) => r.sid === p.RoomSid)) throw new TwilioError(404, 20404, 'The requested resource was not found');
        const status = req.query.get('Status');
        const items = this.recordings.filter((r) => r.room_sid === p.RoomSid && (!status || r.status === status));
        return [200, this.page('recordings', items, req, `https://video.twilio.com/v1/Rooms/${p.RoomSid}/Recordings`)];
      }
      case 'GET video/v1/Rooms/{RoomSid}/Participants': {
        const status = req.query.get('Status') ?? 'connected';
        const identity = req.query.get('Identity');
        const items = this.participants.filter((x) => x.room_sid === p.RoomSid && x.status === status && (!identity || x.identity === identity));
        return [200, this.page('participants', items, req, `https://video.twilio.com/v1/Rooms/${p.RoomSid}/Participants`)];
      }
      case 'GET video/v1/Rooms/{RoomSid}/Participants/{Sid}':
      case 'POST video/v1/Rooms/{RoomSid}/Participants/{Sid}': {
        // The Sid may be the participant's identity: then only a connected participant matches.
        const participant = this.participants.find(
          (x) => x.room_sid === p.RoomSid && (x.sid === p.Sid || (x.identity === decodeURIComponent(p.Sid) && x.status === 'connected')),
        );
        if (!participant) throw new TwilioError(404, 20404, 'The requested resource was not found');
        if (req.method === 'POST') {
          if (f('Status') !== 'disconnected') throw new TwilioError(400, 53209, 'Participant status is invalid');
          this.disconnect(participant);
          return [202, participant];
        }
        return [200, participant];
      }
      case 'POST video/v1/Compositions': {
        const room = this.rooms.find((r) => r.sid === f('RoomSid'));
        if (!room) throw new TwilioError(404, 20404, 'The requested resource was not found');
        if (room.status === 'in-progress') throw new TwilioError(400, 53120, 'Room must be completed before it can be composed');
        if (f('VideoLayout') === undefined && f('AudioSources') === undefined) throw new TwilioError(400, 53120, 'VideoLayout or AudioSources required');
        const sid = newSid('CJ');
        const composition: Json = {
          account_sid: ACCOUNT_SID, status: 'enqueued', date_created: iso(), date_completed: null, date_deleted: null, sid, room_sid: room.sid,
          audio_sources: req.form.getAll('AudioSources'), audio_sources_excluded: req.form.getAll('AudioSourcesExcluded'),
          video_layout: JSON.parse(f('VideoLayout') ?? '{}'), resolution: f('Resolution') ?? '640x480', trim: f('Trim') !== 'false',
          format: f('Format') ?? 'webm', bitrate: 0, size: 0, duration: 0, media_external_location: null, status_callback: f('StatusCallback') ?? null,
          status_callback_method: f('StatusCallbackMethod') ?? 'POST', url: `https://video.twilio.com/v1/Compositions/${sid}`,
          links: { media: `https://video.twilio.com/v1/Compositions/${sid}/Media` },
        };
        this.compositions.push(composition);
        return [201, composition];
      }
      case 'GET video/v1/Compositions': {
        const roomSid = req.query.get('RoomSid');
        const status = req.query.get('Status');
        const items = this.compositions
          .filter((c) => (!roomSid || c.room_sid === roomSid) && (!status || c.status === status))
          .sort((a, b) => String(b.date_created).localeCompare(String(a.date_created)));
        return [200, this.page('compositions', items, req, 'https://video.twilio.com/v1/Compositions')];
      }
      case 'GET video/v1/Compositions/{Sid}': {
        const composition = this.compositions.find((c) => c.sid === p.Sid);
        if (!composition) throw new TwilioError(404, 20404, 'The requested resource was not found');
        return [200, composition];
      }
      case 'POST conversations/v1/Conversations/{ConversationSid}/Messages': {
        const list = this.conversations.get(p.ConversationSid);
        if (!list) throw new TwilioError(404, 20404, 'Conversation not found');
        const body = f('Body') ?? null;
        if (body && body.length > 1600) throw new TwilioError(400, 50004, 'Body too long');
        const attributes = f('Attributes') ?? '{}';
        JSON.parse(attributes);
        const message = this.messageJson(p.ConversationSid, body, attributes, f('Author') ?? 'system');
        list.push(message);
        return [201, message];
      }
      case 'GET conversations/v1/Conversations/{ConversationSid}/Messages': {
        const list = this.conversations.get(p.ConversationSid);
        if (!list) throw new TwilioError(404, 20404, 'Conversation not found');
        const items = req.query.get('Order') === 'desc' ? [...list].reverse() : [...list];
        return [200, this.page('messages', items, req, `https://conversations.twilio.com/v1/Conversations/${p.ConversationSid}/Messages`)];
      }
      case 'POST sync/v1/Services/{ServiceSid}/Documents': {
        const uniqueName = f('UniqueName') ?? null;
        if (uniqueName && [...this.documents.values()].some((d) => d.unique_name === uniqueName)) {
          throw new TwilioError(409, 54301, 'Unique name already exists');
        }
        const doc = { sid: newSid('ET'), unique_name: uniqueName, account_sid: ACCOUNT_SID, service_sid: req.pathParams.ServiceSid, url: '', links: {}, revision: '0', data: JSON.parse(f('Data') ?? '{}'), date_expires: null, date_created: iso(), date_updated: iso(), created_by: 'system' };
        this.documents.set(doc.sid, doc);
        return [201, doc];
      }
      case 'GET sync/v1/Services/{ServiceSid}/Documents/{Sid}':
      case 'POST sync/v1/Services/{ServiceSid}/Documents/{Sid}': {
        const doc = [...this.documents.values()].find((d) => d.sid === p.Sid || d.unique_name === p.Sid);
        if (!doc) throw new TwilioError(404, 20404, 'Document not found');
        if (req.method === 'GET') return [200, doc];
        const ifMatch = req.headers['if-match'];
        if (ifMatch !== undefined && ifMatch !== doc.revision) throw new TwilioError(412, 54103, 'The revision of the Document does not match');
        if (f('Data') !== undefined) doc.data = JSON.parse(f('Data')!);
        doc.revision = String(Number(doc.revision) + 1);
        doc.date_updated = iso();
        return [200, doc];
      }
      default:
        this.violations.push(`fake has no behaviour for ${key}`);
        throw new TwilioError(501, 20500, `Not implemented in the fake: ${key}`);
    }
  }

  private taskJson(workspaceSid: string, task: { sid: string; attributes: string; assignment_status: string }): Json {
    return {
      account_sid: ACCOUNT_SID, age: 10, assignment_status: task.assignment_status, attributes: task.attributes, addons: '{}', date_created: iso(), date_updated: iso(),
      task_queue_entered_date: iso(), priority: 0, reason: null, sid: task.sid, task_queue_sid: newSid('WQ'), task_queue_friendly_name: 'Everyone',
      task_channel_sid: newSid('TC'), task_channel_unique_name: 'chat', timeout: 86400, workflow_sid: newSid('WW'), workflow_friendly_name: 'Assign',
      workspace_sid: workspaceSid, url: '', links: {}, virtual_start_time: iso(), ignore_capacity: false, routing_target: null,
    };
  }

  /** Twilio's list envelope; pages by PageSize with a PageToken-free `Page` number. */
  page(key: string, items: unknown[], req: RouteRequest, baseUrl: string): Json {
    const pageSize = Number(req.query.get('PageSize') ?? 50);
    const pageNumber = Number(req.query.get('Page') ?? 0);
    const slice = items.slice(pageNumber * pageSize, (pageNumber + 1) * pageSize);
    const params = new URLSearchParams(req.query);
    params.set('PageSize', String(pageSize));
    const at = (n: number) => {
      params.set('Page', String(n));
      return `${baseUrl}?${params}`;
    };
    return {
      [key]: slice,
      meta: {
        page: pageNumber, page_size: pageSize, first_page_url: at(0), previous_page_url: pageNumber > 0 ? at(pageNumber - 1) : null,
        url: at(pageNumber), next_page_url: (pageNumber + 1) * pageSize < items.length ? at(pageNumber + 1) : null, key,
      },
    };
  }
}

export interface RouteRequest {
  method: string;
  subdomain: string;
  template: string;
  pathParams: Record<string, string>;
  query: URLSearchParams;
  form: URLSearchParams;
  json: unknown;
  headers: http.IncomingHttpHeaders;
}

export { TwilioError, iso };
