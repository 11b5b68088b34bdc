import { randomBytes, randomUUID } from 'node:crypto';
import type http from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocket, WebSocketServer, type RawData } from 'ws';
import { TWILIO_ERROR } from '../../src/twilio-errors';
import type { Participant, TwilioEmulator } from '../emulator';
import { admit } from './admission';
import { announced, MediaSignalingPeer, requestedChannels, type Channel } from './media-signaling';

/**
 * A local Twilio Video signalling edge for the unmodified twilio-video SDK (see README.md here):
 * TwilioConnection framing (TCMP 2) carrying the Room Signalling Protocol (RSP 2), in Twilio's
 * peer-to-peer room mode: the edge relays the SDK's offers, answers and ICE candidates between
 * the pages, which exchange media directly. Its participants are the emulator's participants.
 */

/** The SDK version whose private protocol this file speaks (edge.test.ts fails on any other). */
export const SDK_VERSION = '2.36.0';
/** Where the edge takes WebSocket upgrades, on the origin of the server it is attached to. */
export const EDGE_PATH = '/__video-edge';
const TCMP_VERSION = 2;
const RSP_VERSION = 2;
const ICE_VERSION = 1;
/** How long the edge keeps a participant whose socket dropped (Twilio's default is 30 s): the SDK
 * may reconnect with `sync` within it. */
const SESSION_TIMEOUT_SECONDS = 30;
const MAX_HEARTBEAT_MS = 30_000;
/** Missed client heartbeats after which the edge counts the socket as dropped, as the SDK does. */
const MISSED_HEARTBEATS = 3;
/** The network quality a participant has until a test sets another: the edge's network is
 * loopback, which Twilio would rate at its best, and a page that shows full bars by default
 * shows what a good connection looks like. */
export const DEFAULT_NETWORK_QUALITY = 5;
/** Twilio's default transcription language (TranscriptionsConfiguration's languageCode). */
const TRANSCRIPTION_LANGUAGE = 'en-US';

export interface EdgeError {
  code: number;
  message: string;
}

type Body = Record<string, unknown>;
type TrackState = {
  id: string;
  sid: string;
  kind: string;
  name: string;
  enabled: boolean;
  priority: string;
  error?: EdgeError;
};
type PeerConnection = { id: string; description?: Body; ice?: Body };

/** Why a member left, which decides what its page is told. */
type Leaving = 'left' | 'duplicate' | 'errored' | 'timed-out';

/** One participant as the edge holds it; `socket` is null while its page reconnects, and always
 * for a participant with no page (signalling only). */
interface Member {
  participant: Participant;
  session: string;
  socket: WebSocket | null;
  withMedia: boolean;
  /** The revision others see; it rises on every change, or the SDK drops the update. */
  revision: number;
  reconnecting: boolean;
  clientRevision: number;
  tracks: Map<string, TrackState>;
  publishedRevision: number;
  subscribedRevision: number;
  subscribedKey: string;
  leaving?: Leaving;
  dropTimer?: NodeJS.Timeout;
  /** The edge's own connection for the media-signalling channels the SDK asked for, if any. */
  signaling?: MediaSignalingPeer;
  /** The network-quality verbosities (local 1-3, remote 0-3) the SDK last asked for. */
  qualityReport: { local: number; remote: number };
}

interface RoomState {
  recording: boolean;
  recordingRevision: number;
  dominantSpeaker: string | null;
  transcriptionSequence: number;
}

export interface SayOptions {
  /** A partial result (Twilio sends partials while someone speaks, then the final one). */
  partial?: boolean;
}

/** What `say` did: `said`; `no-speaker` (no such participant, none with an audio track, or
 * nothing said); `not-transcribed` (the room's transcription is not started: Twilio sends nothing). */
export type SayOutcome = 'said' | 'no-speaker' | 'not-transcribed';

const isObject = (value: unknown): value is Body =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const newTrackSid = () => `MT${randomBytes(16).toString('hex')}`;

const invalidMessage = (message: string): EdgeError => ({
  code: TWILIO_ERROR.SIGNALING_OUTGOING_MESSAGE_INVALID,
  message,
});

export class VideoEdge {
  private readonly server = new WebSocketServer({ noServer: true, maxPayload: 1 << 20 });
  private readonly members = new Map<string, Member>();
  private readonly sessions = new Map<string, Member>();
  private readonly pairs = new Map<string, [Member, Member]>();
  private readonly rooms = new Map<string, RoomState>();
  private readonly publishRefusals = new Map<string, EdgeError>();
  private readonly reconnectRefusals = new Map<string, EdgeError>();
  /** Network quality levels set by tests, by participant SID or identity. */
  private readonly networkLevels = new Map<string, number>();
  /** Every media-signalling connection until it is closed (what `mediaSignalingPeers` counts). */
  private readonly signalingPeers = new Map<MediaSignalingPeer, Member>();
  private readonly stopListening: () => void;
  /** Set while the edge itself adds a participant to the emulator, so it is not adopted twice. */
  private joining = false;

  constructor(
    private readonly emulator: TwilioEmulator,
    private readonly log: (line: string) => void = () => {},
  ) {
    this.stopListening = emulator.onEvent((event) => {
      if (event.type !== 'room') return;
      const sid = event.params.ParticipantSid;
      if (event.event === 'participant-connected' && !this.joining) this.adopt(sid);
      if (event.event === 'participant-disconnected') this.removed(sid);
      this.tellRecording(event.room.sid);
    });
  }

  /** Takes an HTTP upgrade for the edge's path; false for any other, left to the caller. */
  handleUpgrade(req: http.IncomingMessage, socket: Duplex, head: Buffer): boolean {
    if (new URL(req.url ?? '/', 'http://edge').pathname !== EDGE_PATH) return false;
    this.server.handleUpgrade(req, socket, head, (ws) => this.accept(ws));
    return true;
  }

  close(): void {
    this.stopListening();
    for (const member of this.members.values()) {
      clearTimeout(member.dropTimer);
      member.socket?.terminate();
    }
    for (const peer of this.signalingPeers.keys()) peer.close();
    this.server.close();
  }

  // ---- controls for tests (also over HTTP, see control.ts) ------------------------------

  /** The participants the edge holds, as the pages know them. */
  list(): { sid: string; identity: string; roomSid: string; reconnecting: boolean; withMedia: boolean }[] {
    return [...this.members.values()].map((m) => ({
      sid: m.participant.sid,
      identity: m.participant.identity,
      roomSid: m.participant.room_sid,
      reconnecting: m.reconnecting,
      withMedia: m.withMedia,
    }));
  }

  /** Cuts the participant's socket as a network loss would: its SDK reconnects with `sync`. */
  dropSocket(participantSid: string): boolean {
    const socket = this.members.get(participantSid)?.socket;
    socket?.terminate();
    return Boolean(socket);
  }

  /** The participant's next reconnection is refused with `error`: its SDK disconnects with that code. */
  refuseReconnection(
    participantSid: string,
    error: EdgeError = { code: TWILIO_ERROR.PARTICIPANT_NOT_FOUND, message: 'Participant not found' },
  ): void {
    this.reconnectRefusals.set(participantSid, error);
  }

  /** Tracks this identity publishes from now on fail (the SDK's trackPublicationFailed), until allowPublish. */
  refusePublish(
    identity: string,
    error: EdgeError = {
      code: TWILIO_ERROR.TRACK_SERVER_CAPACITY_REACHED,
      message: 'The server has reached capacity and cannot fulfill this request',
    },
  ): void {
    this.publishRefusals.set(identity, error);
  }

  allowPublish(identity: string): void {
    this.publishRefusals.delete(identity);
  }

  /** Someone in the room with no page and no media (a silent supervisor): the emulator's
   * participant, which the pages see join and, on emulator.disconnect, leave. Undefined when the
   * room is not in progress. */
  addSignallingOnly(room: string, identity: string): Participant | undefined {
    const found = this.emulator.room(room);
    return found?.status === 'in-progress' && identity
      ? this.emulator.addParticipant(found.sid, identity)
      : undefined;
  }

  /** The participant's network quality level (0-5), by SID or identity (also before it joins), as
   * its own page reads it (`networkQualityLevelChanged` on the local participant) and as the
   * others read it when they asked for remote levels. False for a level out of range. */
  setNetworkQuality(participant: string, level: number): boolean {
    if (!Number.isInteger(level) || level < 0 || level > 5) return false;
    this.networkLevels.set(participant, level);
    for (const member of this.members.values()) this.tellNetworkQuality(member);
    return true;
  }

  /** The room's dominant speaker (SID or identity; null for none): the SDK's
   * `dominantSpeakerChanged` on pages that connected with `dominantSpeaker: true`. False when the
   * edge holds no such room or participant. */
  setDominantSpeaker(roomSid: string, participant: string | null): boolean {
    const room = this.rooms.get(roomSid);
    const speaker = participant === null ? null : this.memberIn(roomSid, participant);
    if (!room || speaker === undefined) return false;
    room.dominantSpeaker = speaker?.participant.sid ?? null;
    for (const member of this.inRoom(roomSid)) this.tellDominantSpeaker(member);
    return true;
  }

  /** Speech of the participant (SID or identity), transcribed as Twilio would: the SDK's
   * `transcription` event on every page in the room that connected with `receiveTranscriptions:
   * true`, only while the emulator's Transcriptions resource of the room is started, as Twilio
   * transcribes only then. Refused when the edge holds no such participant, it publishes no audio
   * track (Twilio transcribes audio tracks) or the text is empty (`no-speaker`), and when the
   * room is not transcribed (`not-transcribed`). */
  say(roomSid: string, participant: string, text: string, options: SayOptions = {}): SayOutcome {
    const speaker = this.memberIn(roomSid, participant);
    const track = speaker && [...speaker.tracks.values()].find((t) => t.kind === 'audio' && !t.error);
    if (!speaker || !track || !text.trim()) return 'no-speaker';
    if (!this.emulator.isTranscribing(roomSid)) return 'not-transcribed';
    const room = this.roomState(roomSid);
    const transcription = {
      type: 'extension_transcriptions',
      transcription: text,
      partial_results: options.partial === true,
      participant: speaker.participant.sid,
      track: track.sid,
      language_code: TRANSCRIPTION_LANGUAGE,
      sequence_number: ++room.transcriptionSequence,
      timestamp: new Date().toISOString(),
    };
    for (const member of this.inRoom(roomSid))
      member.signaling?.send('extension_transcriptions', transcription);
    return 'said';
  }

  /** The edge's media-signalling connections not yet closed, one per participant that asked for
   * any of the channels: the channels asked for, and those open. */
  mediaSignalingPeers(): {
    participantSid: string;
    identity: string;
    roomSid: string;
    channels: Channel[];
    open: Channel[];
  }[] {
    return [...this.signalingPeers].map(([peer, member]) => ({
      participantSid: member.participant.sid,
      identity: member.participant.identity,
      roomSid: member.participant.room_sid,
      channels: [...peer.channels],
      open: peer.channels.filter((channel) => peer.isOpen(channel)),
    }));
  }

  // ---- TwilioConnection ------------------------------------------------------------------

  private accept(ws: WebSocket): void {
    let member: Member | null = null;
    let welcomed = false;
    let heartbeat: NodeJS.Timeout | undefined;
    let silence: NodeJS.Timeout | undefined;
    let timeoutMs = 5000;
    const heard = () => {
      clearTimeout(silence);
      silence = setTimeout(() => ws.terminate(), timeoutMs * MISSED_HEARTBEATS).unref();
    };
    const fail = (error: EdgeError) => {
      this.log(`refused: ${error.code} ${error.message}`);
      if (welcomed) send(ws, { type: 'error', code: error.code, message: error.message });
      else sendFrame(ws, { type: 'bad', reason: error.message });
      if (member) this.leave(member, 'errored');
      ws.close(1000);
    };
    ws.on('error', () => ws.terminate());
    ws.on('close', () => {
      clearInterval(heartbeat);
      clearTimeout(silence);
      if (member?.socket === ws) this.dropped(member);
    });
    ws.on('message', (data, isBinary) => {
      heard();
      let parsed: unknown;
      try {
        parsed = isBinary ? null : JSON.parse(frameText(data));
      } catch {
        parsed = null;
      }
      if (!isObject(parsed)) return fail(invalidMessage('Malformed frame'));
      let frame = parsed;
      if (!welcomed) {
        if (frame.type !== 'hello') return fail(invalidMessage('Expected hello'));
        if (frame.version !== TCMP_VERSION) return fail(invalidMessage('Unsupported TCMP version'));
        const requested = typeof frame.timeout === 'number' ? frame.timeout : timeoutMs;
        timeoutMs = Math.min(Math.max(requested, 1000), MAX_HEARTBEAT_MS);
        sendFrame(ws, { type: 'welcome', id: frame.id, negotiatedTimeout: timeoutMs });
        welcomed = true;
        heartbeat = setInterval(() => sendFrame(ws, { type: 'heartbeat' }), timeoutMs - 200).unref();
        heard();
        if (frame.body === undefined) return;
        frame = { type: 'msg', body: frame.body };
      }
      switch (frame.type) {
        case 'heartbeat':
          return;
        case 'bye':
          return ws.close(1000);
        case 'msg': {
          if (!isObject(frame.body)) return fail(invalidMessage('Malformed message'));
          const outcome = this.rsp(ws, member, frame.body);
          if ('code' in outcome) return fail(outcome);
          member = outcome.member;
          return;
        }
        default:
          return fail(invalidMessage(`Unknown frame type`));
      }
    });
  }

  // ---- Room Signalling Protocol -----------------------------------------------------------

  /** One RSP message from a socket; the member it belongs to afterwards, or the error to end it with. */
  private rsp(ws: WebSocket, member: Member | null, body: Body): { member: Member | null } | EdgeError {
    if (body.type === 'ice') {
      if (body.version !== ICE_VERSION) return invalidMessage('Unsupported ICE version');
      const admission = admit(body.token, 'preflight');
      if (!admission.ok) return admission;
      send(ws, { type: 'iced', ice_servers: [] });
      return { member };
    }
    if (body.version !== RSP_VERSION) return invalidMessage('Unsupported RSP version');
    switch (body.type) {
      case 'connect':
        return member ? invalidMessage('Already connected') : this.connect(ws, body);
      case 'sync':
        return member ? invalidMessage('Already connected') : this.sync(ws, body);
      case 'update':
        if (!member) return invalidMessage('Not connected');
        this.update(member, body);
        return { member };
      case 'disconnect':
        if (member) this.leave(member, 'left');
        ws.close(1000);
        return { member: null };
      default:
        return invalidMessage('Unknown message type');
    }
  }

  private connect(ws: WebSocket, body: Body): { member: Member } | EdgeError {
    const admission = admit(body.token, body.name);
    if (!admission.ok) return admission;
    const room = this.emulator.room(admission.room);
    if (!room) return { code: TWILIO_ERROR.ROOM_NOT_FOUND, message: 'Room not found' };
    if (room.status !== 'in-progress')
      return { code: TWILIO_ERROR.ROOM_COMPLETED, message: 'Room completed' };
    const local = isObject(body.participant) ? body.participant : {};
    if (!Array.isArray(local.tracks)) return invalidMessage('Malformed participant');
    // One connection per identity, as in Twilio: the newer one replaces the older.
    for (const older of this.inRoom(room.sid).filter((m) => m.participant.identity === admission.identity))
      this.leave(older, 'duplicate');
    this.joining = true;
    const participant = this.emulator.addParticipant(room.sid, admission.identity);
    this.joining = false;
    const member = this.hold(participant, ws);
    this.log(`${room.sid}: ${participant.identity} connected as ${participant.sid}`);
    const channels = requestedChannels(body.media_signaling);
    if (channels.length) member.signaling = this.openMediaSignaling(member, channels);
    this.applyTracks(member, local.tracks);
    member.clientRevision = typeof local.revision === 'number' ? local.revision : 0;

    const offers = peerConnections(body.peer_connections);
    const others = this.inRoom(room.sid).filter((m) => m !== member);
    const peers = others.filter((m) => m.withMedia);
    const forNewcomer: Body[] = [];
    const [initial] = offers;
    peers.forEach((peer, index) => {
      const id = index === 0 && initial ? initial.id : randomUUID();
      this.pairs.set(id, [member, peer]);
      if (id !== initial?.id) forNewcomer.push({ id, description: { type: 'create-offer', revision: 1 } });
    });
    if (initial && !peers.length) forNewcomer.push({ id: initial.id, description: { type: 'close' } });

    send(ws, {
      type: 'connected',
      session: member.session,
      sid: room.sid,
      name: room.unique_name,
      options: { session_timeout: SESSION_TIMEOUT_SECONDS },
      participant: { sid: participant.sid, identity: participant.identity },
      participants: others.map(remoteState),
      published: this.published(member),
      subscribed: this.subscribed(member, true),
      recording: this.recordingOf(room.sid),
      ...(member.signaling ? { media_signaling: announced(member.signaling.channels) } : {}),
      ...(forNewcomer.length ? { peer_connections: forNewcomer } : {}),
    });
    member.signaling?.offer();
    for (const other of others)
      this.tell(other, {
        participants: [remoteState(member)],
        ...this.subscribedIfChanged(other),
        ...(peers[0] === other && initial ? { peer_connections: [initial] } : {}),
      });
    return { member };
  }

  private sync(ws: WebSocket, body: Body): { member: Member } | EdgeError {
    const admission = admit(body.token, body.name);
    if (!admission.ok) return admission;
    const member = typeof body.session === 'string' ? this.sessions.get(body.session) : undefined;
    if (!member) return { code: TWILIO_ERROR.PARTICIPANT_NOT_FOUND, message: 'Participant not found' };
    const refusal = this.reconnectRefusals.get(member.participant.sid);
    if (refusal) {
      this.reconnectRefusals.delete(member.participant.sid);
      this.leave(member, 'errored');
      return refusal;
    }
    if (member.socket && member.socket !== ws) member.socket.terminate();
    member.socket = ws;
    clearTimeout(member.dropTimer);
    const wasReconnecting = member.reconnecting;
    member.reconnecting = false;
    if (wasReconnecting) member.revision++;
    this.update(member, body, 'synced');
    member.signaling?.reofferIfUnanswered();
    if (wasReconnecting)
      for (const other of this.othersOf(member)) this.tell(other, { participants: [remoteState(member)] });
    return { member };
  }

  /** A participant's changes (tracks) and its peer connections' descriptions and candidates. */
  private update(member: Member, body: Body, reply: 'update' | 'synced' = 'update'): void {
    const local = isObject(body.participant) ? body.participant : null;
    const changed =
      local !== null &&
      Array.isArray(local.tracks) &&
      typeof local.revision === 'number' &&
      local.revision > member.clientRevision;
    if (changed) {
      member.clientRevision = local.revision as number;
      this.applyTracks(member, local.tracks as unknown[]);
      member.revision++;
    }
    if (reply === 'synced')
      send(member.socket, {
        type: 'synced',
        session: member.session,
        participant: { sid: member.participant.sid, identity: member.participant.identity },
        participants: this.othersOf(member).map(remoteState),
        published: this.published(member),
        subscribed: this.subscribed(member, true),
        recording: this.recordingOf(member.participant.room_sid),
      });
    else if (changed) this.tell(member, { published: this.published(member) });
    if (changed)
      for (const other of this.othersOf(member))
        this.tell(other, { participants: [remoteState(member)], ...this.subscribedIfChanged(other) });
    for (const connection of peerConnections(body.peer_connections)) {
      if (connection.id === member.signaling?.id) {
        member.signaling.apply(connection.description);
        continue;
      }
      const pair = this.pairs.get(connection.id);
      const partner = pair && (pair[0] === member ? pair[1] : pair[0]);
      if (partner) this.tell(partner, { peer_connections: [connection] });
    }
  }

  private applyTracks(member: Member, tracks: unknown[]): void {
    const refusal = this.publishRefusals.get(member.participant.identity);
    const seen = new Set<string>();
    for (const track of tracks) {
      if (!isObject(track) || typeof track.id !== 'string') continue;
      seen.add(track.id);
      const known = member.tracks.get(track.id);
      const state: TrackState = {
        id: track.id,
        sid: known?.sid ?? newTrackSid(),
        kind: String(track.kind),
        name: String(track.name),
        enabled: track.enabled !== false,
        priority: typeof track.priority === 'string' ? track.priority : 'standard',
        error: known ? known.error : refusal,
      };
      member.tracks.set(track.id, state);
    }
    for (const id of member.tracks.keys()) if (!seen.has(id)) member.tracks.delete(id);
  }

  // ---- what each page is told ------------------------------------------------------------

  private published(member: Member): Body {
    return {
      revision: ++member.publishedRevision,
      tracks: [...member.tracks.values()].map((t) =>
        t.error ? { id: t.id, state: 'failed', error: t.error } : { id: t.id, sid: t.sid, state: 'ready' },
      ),
    };
  }

  /** Everything the others in the room publish: the SDK takes each list as the whole truth. */
  private subscribed(member: Member, force: boolean): Body | undefined {
    const tracks = this.othersOf(member).flatMap((m) =>
      [...m.tracks.values()].filter((t) => !t.error).map((t) => ({ sid: t.sid, id: t.id })),
    );
    const key = JSON.stringify(tracks);
    if (!force && key === member.subscribedKey) return undefined;
    member.subscribedKey = key;
    return { revision: ++member.subscribedRevision, tracks };
  }

  private subscribedIfChanged(member: Member): Body {
    const subscribed = this.subscribed(member, false);
    return subscribed ? { subscribed } : {};
  }

  private recordingOf(roomSid: string): Body {
    const room = this.roomState(roomSid);
    return { revision: room.recordingRevision, is_recording: room.recording };
  }

  private roomState(roomSid: string): RoomState {
    let room = this.rooms.get(roomSid);
    if (!room) {
      room = {
        recording: this.emulator.isRecording(roomSid),
        recordingRevision: 1,
        dominantSpeaker: null,
        transcriptionSequence: 0,
      };
      this.rooms.set(roomSid, room);
    }
    return room;
  }

  /** The emulator's recording rules decide; a change reaches every page in the room. A completed
   * room says nothing more: its pages are told it completed. */
  private tellRecording(roomSid: string): void {
    if (this.emulator.room(roomSid)?.status !== 'in-progress' || !this.rooms.has(roomSid)) return;
    const room = this.roomState(roomSid);
    const recording = this.emulator.isRecording(roomSid);
    if (recording === room.recording) return;
    room.recording = recording;
    room.recordingRevision++;
    this.log(`${roomSid}: recording ${recording ? 'on' : 'off'}`);
    for (const member of this.inRoom(roomSid)) this.tell(member, { recording: this.recordingOf(roomSid) });
  }

  private tell(member: Member, update: Body): void {
    send(member.socket, { type: 'update', ...update });
  }

  // ---- participants coming and going --------------------------------------------------------

  private hold(participant: Participant, socket: WebSocket | null): Member {
    const member: Member = {
      participant,
      session: randomUUID(),
      socket,
      withMedia: socket !== null,
      revision: 1,
      reconnecting: false,
      clientRevision: 0,
      tracks: new Map(),
      publishedRevision: 0,
      subscribedRevision: 0,
      subscribedKey: '',
      qualityReport: { local: 1, remote: 0 },
    };
    this.members.set(participant.sid, member);
    this.sessions.set(member.session, member);
    this.roomState(participant.room_sid);
    return member;
  }

  /** A participant the emulator gained without a page (REST seeding, a signalling-only member). */
  private adopt(participantSid: string): void {
    const participant = this.emulator.participants.find((p) => p.sid === participantSid);
    if (!participant || this.members.has(participantSid)) return;
    const member = this.hold(participant, null);
    for (const other of this.othersOf(member)) this.tell(other, { participants: [remoteState(member)] });
  }

  private leave(member: Member, why: Leaving): void {
    member.leaving ??= why;
    this.emulator.disconnect(member.participant);
  }

  /** The page's socket closed without a goodbye: the participant stays, reconnecting, for the
   * session timeout. */
  private dropped(member: Member): void {
    member.socket = null;
    if (!this.members.has(member.participant.sid)) return;
    this.log(`${member.participant.room_sid}: ${member.participant.identity} dropped, reconnecting`);
    member.reconnecting = true;
    member.revision++;
    for (const other of this.othersOf(member)) this.tell(other, { participants: [remoteState(member)] });
    member.dropTimer = setTimeout(
      () => this.leave(member, 'timed-out'),
      SESSION_TIMEOUT_SECONDS * 1000,
    ).unref();
  }

  /** The emulator disconnected the participant (the page left, REST, a newer duplicate, the room's
   * end): its page hears why, the others see it leave and close their connection to it. */
  private removed(participantSid: string): void {
    const member = this.members.get(participantSid);
    if (!member) return;
    this.members.delete(participantSid);
    this.sessions.delete(member.session);
    this.log(
      `${member.participant.room_sid}: ${member.participant.identity} disconnected (${member.leaving ?? 'by the server'})`,
    );
    clearTimeout(member.dropTimer);
    member.signaling?.close();
    const room = this.rooms.get(member.participant.room_sid);
    if (room?.dominantSpeaker === participantSid) room.dominantSpeaker = null;
    const completed = this.emulator.room(member.participant.room_sid)?.status !== 'in-progress';
    const socket = member.socket;
    member.socket = null;
    if (member.leaving === 'duplicate')
      send(socket, {
        type: 'error',
        code: TWILIO_ERROR.DUPLICATE_IDENTITY,
        message: 'Participant disconnected because of duplicate identity',
      });
    // A removal through REST: see README.md for why it carries no error code.
    else if (!member.leaving)
      send(socket, { type: 'disconnected', ...(completed ? { status: 'completed' } : {}) });
    socket?.close(1000);

    const closed = [...this.pairs].filter(([, pair]) => pair.includes(member));
    for (const [id] of closed) this.pairs.delete(id);
    // Everyone in a completed room is told that instead, each in turn.
    if (completed) return;
    const others = this.inRoom(member.participant.room_sid);
    // Its tracks go first, in an update of their own, then the participant. Seen here: a page
    // that had republished its camera beside a data track stayed on the others' screens, still
    // publishing video, when both went in one update (mobile.test.ts, pagehide); the cause inside
    // the SDK was not traced. Two updates are what a page unpublishing before it leaves sends.
    member.revision++;
    for (const other of others) this.tell(other, { participants: [{ ...remoteState(member), tracks: [] }] });
    member.revision++;
    for (const other of others) {
      const mine = closed.filter(([, pair]) => pair.includes(other));
      this.tell(other, {
        participants: [{ ...remoteState(member), state: 'disconnected', tracks: [] }],
        ...this.subscribedIfChanged(other),
        ...(mine.length
          ? { peer_connections: mine.map(([id]) => ({ id, description: { type: 'close' } })) }
          : {}),
      });
    }
  }

  // ---- media signalling (network quality, dominant speaker, transcriptions) -----------------

  private openMediaSignaling(member: Member, channels: Channel[]): MediaSignalingPeer {
    const { room_sid: roomSid, identity } = member.participant;
    const peer: MediaSignalingPeer = new MediaSignalingPeer(channels, {
      describe: (description) => this.tell(member, { peer_connections: [{ id: peer.id, description }] }),
      opened: (channel) => {
        if (channel === 'network_quality') this.tellNetworkQuality(member);
        if (channel === 'active_speaker') this.tellDominantSpeaker(member);
      },
      message: (channel, message) => {
        if (channel !== 'network_quality' || message.type !== 'network_quality') return;
        member.qualityReport = {
          local: verbosity(message.reportLevel, 1),
          remote: verbosity(message.remoteReportLevel, 0),
        };
        this.tellNetworkQuality(member);
      },
      closed: () => {
        this.signalingPeers.delete(peer);
        this.log(`${roomSid}: ${identity}'s media signalling closed`);
      },
    });
    this.signalingPeers.set(peer, member);
    this.log(`${roomSid}: ${identity} asked for ${channels.join(', ')}`);
    return peer;
  }

  private networkLevelOf(member: Member): number {
    const { sid, identity } = member.participant;
    return this.networkLevels.get(sid) ?? this.networkLevels.get(identity) ?? DEFAULT_NETWORK_QUALITY;
  }

  /** The levels in the shape the SDK reads (networkqualitysignaling.js): the level alone at
   * verbosity 1; from 2 on, also per medium (the edge has one figure: it is each medium's). */
  private levelsOf(member: Member, detail: number): Body {
    const level = this.networkLevelOf(member);
    const medium = { send: level, recv: level };
    return detail > 1 ? { level, audio: medium, video: medium } : { level };
  }

  /** Answers a network-quality request, and pushes a level a test changed. */
  private tellNetworkQuality(member: Member): void {
    const { local, remote } = member.qualityReport;
    member.signaling?.send('network_quality', {
      type: 'network_quality',
      local: local > 1 ? this.levelsOf(member, local) : this.networkLevelOf(member),
      ...(remote > 0
        ? {
            remotes: this.othersOf(member)
              .filter((other) => other.withMedia)
              .map((other) => ({ sid: other.participant.sid, ...this.levelsOf(other, remote) })),
          }
        : {}),
    });
  }

  private tellDominantSpeaker(member: Member): void {
    const { dominantSpeaker } = this.roomState(member.participant.room_sid);
    member.signaling?.send('active_speaker', { type: 'active_speaker', participant: dominantSpeaker });
  }

  private memberIn(roomSid: string, participant: string): Member | undefined {
    return this.inRoom(roomSid).find(
      (m) => m.participant.sid === participant || m.participant.identity === participant,
    );
  }

  private inRoom(roomSid: string): Member[] {
    return [...this.members.values()].filter((m) => m.participant.room_sid === roomSid);
  }

  private othersOf(member: Member): Member[] {
    return this.inRoom(member.participant.room_sid).filter((m) => m !== member);
  }
}

function sendFrame(socket: WebSocket | null, frame: Body): void {
  if (socket?.readyState === WebSocket.OPEN) socket.send(JSON.stringify(frame));
}

/** An RSP message, in its TwilioConnection frame. */
function send(socket: WebSocket | null, body: Body): void {
  sendFrame(socket, { type: 'msg', body });
}

function remoteState(member: Member): Body {
  return {
    sid: member.participant.sid,
    identity: member.participant.identity,
    revision: member.revision,
    state: member.reconnecting ? 'reconnecting' : 'connected',
    tracks: [...member.tracks.values()]
      .filter((t) => !t.error)
      .map((t) => ({ sid: t.sid, kind: t.kind, name: t.name, enabled: t.enabled, priority: t.priority })),
  };
}

/** A network-quality verbosity the SDK asked for (0 to 3), or the SDK's default. */
function verbosity(value: unknown, fallback: number): number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= 3 ? value : fallback;
}

function peerConnections(value: unknown): PeerConnection[] {
  return Array.isArray(value)
    ? value.filter((pc): pc is PeerConnection => isObject(pc) && typeof pc.id === 'string')
    : [];
}

/** A text frame's characters, however ws hands the frame over (one buffer or fragments). */
export function frameText(data: RawData): string {
  if (Array.isArray(data)) return Buffer.concat(data).toString('utf8');
  return (data instanceof ArrayBuffer ? Buffer.from(data) : data).toString('utf8');
}
