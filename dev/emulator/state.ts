import { randomUUID } from 'node:crypto';
import { ACCOUNT_SID, CHAT_SERVICE_SID, flexShapedToken, iso, Json, newSid, SYNC_SERVICE_SID } from './ids';

/**
 * What Twilio would hold for the account: rooms and their participants, recording rules and
 * recordings, compositions, conversations, TaskRouter tasks, Sync documents, Flex users. The
 * routes read and change it; tests, scripts and the sandbox seed it. Changes Twilio reports to
 * status callbacks are announced to listeners (see callbacks.ts), never delivered from here.
 */

export interface Room extends Json {
  sid: string;
  unique_name: string;
  status: 'in-progress' | 'completed' | 'failed';
  date_created: string;
  end_time: string | null;
  status_callback: string | null;
}

export interface Message extends Json {
  sid: string;
  conversation_sid: string;
  index: number;
  author: string;
  body: string | null;
  attributes: string;
  date_created: string;
}

/** A file of the Media Content Service, with its bytes as uploaded. */
export interface Media {
  sid: string;
  serviceSid: string;
  contentType: string;
  bytes: Buffer;
  dateCreated: string;
}

export interface Participant extends Json {
  sid: string;
  room_sid: string;
  identity: string;
  status: 'connected' | 'disconnected';
}

export interface Recording extends Json {
  sid: string;
  room_sid: string;
  status: string;
  type: string;
  track_name: string;
}

/** A room's Transcriptions resource (Video v1 `room_transcriptions`): whether and since when
 * Twilio transcribes the room, never what was said. */
export interface Transcription extends Json {
  ttid: string;
  room_sid: string;
  status: 'created' | 'started' | 'stopped' | 'failed';
  /** The `Configuration` it was created with (language...), as sent. */
  configuration: Json;
}

export interface Composition extends Json {
  sid: string;
  room_sid: string;
  status: string;
  status_callback: string | null;
}

export interface Task {
  sid: string;
  attributes: string;
  assignment_status: string;
}

/** A TaskRouter worker: its attributes (a JSON string, as Twilio keeps them) and a revision
 * that every write bumps, sent as its ETag. */
export interface Worker {
  sid: string;
  attributes: string;
  revision: number;
}

export interface Reservation {
  sid: string;
  worker_sid: string;
  reservation_status: string;
}

export interface SyncService extends Json {
  sid: string;
  /** `default` for the account's default service, which the path may name by that word. */
  unique_name: string | null;
  friendly_name: string | null;
  acl_enabled: boolean;
}

export interface SyncDocument extends Json {
  sid: string;
  service_sid: string;
  unique_name: string | null;
  revision: string;
  data: unknown;
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

export type RoomEventName =
  | 'room-created'
  | 'room-ended'
  | 'participant-connected'
  | 'participant-disconnected'
  | 'recording-started'
  | 'recording-completed'
  | 'recording-failed';

export type CompositionEventName = 'composition-enqueued' | 'composition-available' | 'composition-failed';

export type EmulatorEvent =
  | { type: 'room'; room: Room; event: RoomEventName; params: Record<string, string> }
  | { type: 'composition'; composition: Composition; event: CompositionEventName }
  | { type: 'message'; message: Message };

type RecordingRule = Json & { type?: unknown; all?: unknown };

/** Recording is on while the rules include something and do not exclude everything. */
const recordsWith = (rules: RecordingRule[]) =>
  rules.some((r) => r.type === 'include') && !rules.some((r) => r.type === 'exclude' && r.all === true);

export function syncService(sid: string, fields: Partial<SyncService> = {}): SyncService {
  return {
    sid,
    unique_name: null,
    account_sid: ACCOUNT_SID,
    friendly_name: null,
    acl_enabled: false,
    date_created: iso(),
    date_updated: iso(),
    url: `https://sync.twilio.com/v1/Services/${sid}`,
    webhook_url: null,
    webhooks_from_rest_enabled: false,
    reachability_webhooks_enabled: false,
    reachability_debouncing_enabled: false,
    reachability_debouncing_window: 5000,
    links: {},
    ...fields,
  };
}

const initialSyncServices = () => [
  syncService(newSid('IS'), { unique_name: 'default', friendly_name: 'Default Service' }),
  syncService(SYNC_SERVICE_SID, { friendly_name: 'flex-video-escalation (emulated)', acl_enabled: true }),
];

export class EmulatorState {
  readonly rooms: Room[] = [];
  readonly participants: Participant[] = [];
  readonly recordingRules = new Map<string, RecordingRule[]>();
  readonly recordings: Recording[] = [];
  readonly compositions: Composition[] = [];
  readonly transcriptions: Transcription[] = [];
  readonly conversations = new Map<string, Message[]>();
  readonly media = new Map<string, Media>();
  readonly tasks = new Map<string, Task>();
  readonly reservations = new Map<string, Reservation[]>();
  readonly workers = new Map<string, Worker>();
  readonly documents = new Map<string, SyncDocument>();
  /** A fresh account's: its default service (ACLs off) and the bundle's own (emulatorEnv's). */
  readonly syncServices: SyncService[] = initialSyncServices();
  readonly flexTokens = new Map<string, FlexUser>();

  private readonly listeners: ((event: EmulatorEvent) => void)[] = [];
  private messageIndex = 0;
  /** How far a test has moved the clock on (advanceClock). */
  private clockOffsetMs = 0;
  /** While advanceClock applies a change: the time it happens, for all it does. */
  private happeningAt: number | undefined;

  /** The emulator's clock: real time, plus however far a test has moved it on. The state's times
   * follow it (rooms, participants, recordings, transcriptions, messages). */
  now(): number {
    return this.happeningAt ?? Date.now() + this.clockOffsetMs;
  }

  /**
   * Moves the clock on by `ms`, applying in time order what Twilio does as time passes: a
   * participant connected for the room's MaxParticipantDuration is disconnected; a room that has
   * been empty for its EmptyRoomTimeout, or never used for its UnusedRoomTimeout (minutes),
   * completes. Each with the status callbacks Twilio sends (participant-disconnected,
   * room-ended), stamped with the time it happened.
   */
  advanceClock(ms: number): void {
    const until = this.now() + ms;
    for (let next = this.nextTimedChange(until); next; next = this.nextTimedChange(until)) {
      this.happeningAt = next.at;
      try {
        next.apply();
      } finally {
        this.happeningAt = undefined;
      }
    }
    this.clockOffsetMs = until - Date.now();
  }

  /** The earliest change due by `until`, if any. */
  private nextTimedChange(until: number): { at: number; apply: () => void } | undefined {
    const due: { at: number; apply: () => void }[] = [];
    for (const room of this.rooms.filter((r) => r.status === 'in-progress')) {
      const own = this.participants.filter((p) => p.room_sid === room.sid);
      const connected = own.filter((p) => p.status === 'connected');
      const maxSeconds = room.max_participant_duration;
      if (typeof maxSeconds === 'number' && maxSeconds > 0)
        for (const participant of connected)
          due.push({
            at: Date.parse(participant.start_time as string) + maxSeconds * 1000,
            apply: () => this.disconnect(participant),
          });
      if (connected.length > 0) continue;
      const lastLeft = Math.max(...own.map((p) => Date.parse(p.end_time as string)));
      const [since, minutes] = own.length
        ? [lastLeft, room.empty_room_timeout]
        : [Date.parse(room.date_created), room.unused_room_timeout];
      due.push({
        at: since + (typeof minutes === 'number' ? minutes : 5) * 60_000,
        apply: () => this.endRoom(room.sid),
      });
    }
    return due.filter((change) => change.at <= until).sort((a, b) => a.at - b.at)[0];
  }

  onEvent(listener: (event: EmulatorEvent) => void): () => void {
    this.listeners.push(listener);
    return () => this.listeners.splice(this.listeners.indexOf(listener) >>> 0, 1);
  }

  private emit(event: EmulatorEvent): void {
    for (const listener of [...this.listeners]) listener(event);
  }

  private roomEvent(room: Room, event: RoomEventName, params: Record<string, string> = {}): void {
    this.emit({ type: 'room', room, event, params });
  }

  // ---- seeding --------------------------------------------------------------------------

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
    this.reservations
      .get(taskSid)!
      .push({ sid: newSid('WR'), worker_sid: workerSid, reservation_status: status });
  }

  addFlexUser(user: FlexUser, token = flexShapedToken()): string {
    this.flexTokens.set(token, user);
    return token;
  }

  /** A messaging task held by a new agent (an accepted reservation), with its conversation and
   * the agent's Flex token: what every flow starts from. */
  seedTask(seed: { reservationStatus?: string; attributes?: Json; identity?: string } = {}): SeededTask {
    const conversationSid = this.addConversation();
    const taskSid = this.addTask(seed.attributes ?? { conversationSid, channelType: 'web' });
    const workerSid = newSid('WK');
    this.workers.set(workerSid, { sid: workerSid, attributes: '{}', revision: 1 });
    this.addReservation(taskSid, workerSid, seed.reservationStatus ?? 'accepted');
    const identity = seed.identity ?? `agent${workerSid.slice(-6)}@example.com`;
    const token = this.addFlexUser({ identity, worker_sid: workerSid, roles: ['agent'] });
    return { taskSid, conversationSid, workerSid, token };
  }

  /** A message a chat participant posted (web chat, SMS...): Twilio sets its participant SID,
   * whatever author or attributes the participant sends. */
  postAsParticipant(
    conversationSid: string,
    message: { author: string; body: string; attributes?: unknown },
  ): Message {
    const stored: Message = {
      ...this.messageJson(
        conversationSid,
        message.body,
        JSON.stringify(message.attributes ?? {}),
        message.author,
      ),
      participant_sid: newSid('MB'),
    };
    this.messages(conversationSid).push(stored);
    this.emit({ type: 'message', message: stored });
    return stored;
  }

  /** A file uploaded to the Media Content Service of the account's Conversations service. */
  addMedia(contentType: string, bytes: Buffer, serviceSid = CHAT_SERVICE_SID): Media {
    const media = { sid: newSid('ME'), serviceSid, contentType, bytes, dateCreated: iso(this.now()) };
    this.media.set(media.sid, media);
    return media;
  }

  /** A message posted through the REST API (the bundle's notices), with the file `media` if given. */
  postMessage(
    conversationSid: string,
    body: string | null,
    attributes: string,
    author: string,
    media?: Media,
  ): Message {
    const message = {
      ...this.messageJson(conversationSid, body, attributes, author),
      ...(media && {
        media: [
          {
            sid: media.sid,
            size: media.bytes.length,
            content_type: media.contentType,
            filename: null,
            category: 'media',
          },
        ],
      }),
    };
    this.messages(conversationSid).push(message);
    this.emit({ type: 'message', message });
    return message;
  }

  /** A track recording of the room, as Twilio would list it; returns its sid. */
  addRecording(
    roomSid: string,
    options: {
      type?: 'audio' | 'video' | 'data';
      status?: string;
      duration?: number | null;
      trackName?: string;
      createdAt?: number;
      participantSid?: string;
    } = {},
  ): string {
    const sid = newSid('RT');
    const type = options.type ?? 'audio';
    const status = options.status ?? 'completed';
    this.recordings.push({
      account_sid: ACCOUNT_SID,
      status,
      date_created: iso(options.createdAt),
      sid,
      source_sid: newSid('MT'),
      size: status === 'completed' ? 1024 : null,
      url: `https://video.twilio.com/v1/Recordings/${sid}`,
      type,
      duration: options.duration === undefined ? (status === 'completed' ? 42 : null) : options.duration,
      container_format: type === 'video' ? 'mkv' : 'mka',
      codec: type === 'video' ? 'VP8' : 'OPUS',
      grouping_sids: { room_sid: roomSid, participant_sid: options.participantSid ?? newSid('PA') },
      track_name: options.trackName ?? `${type}-track`,
      offset: 0,
      media_external_location: null,
      room_sid: roomSid,
      links: { media: `https://video.twilio.com/v1/Recordings/${sid}/Media` },
    });
    return sid;
  }

  // ---- reading ------------------------------------------------------------------------

  room(sidOrName: string): Room | undefined {
    return sidOrName.startsWith('RM')
      ? this.rooms.find((r) => r.sid === sidOrName)
      : this.rooms.find((r) => r.unique_name === sidOrName && r.status === 'in-progress');
  }

  connectedIdentities(roomSid: string): string[] {
    return this.participants
      .filter((p) => p.room_sid === roomSid && p.status === 'connected')
      .map((p) => p.identity);
  }

  messages(conversationSid: string): Message[] {
    return this.conversations.get(conversationSid) ?? [];
  }

  noticesOf(conversationSid: string, kind: string, roomSid?: string): Message[] {
    return this.messages(conversationSid).filter((m) => {
      const tag = noticeTag(m);
      return tag?.kind === kind && (!roomSid || tag.roomSid === roomSid);
    });
  }

  compositionsOf(roomSid: string): Composition[] {
    return this.compositions.filter((c) => c.room_sid === roomSid);
  }

  transcriptionsOf(roomSid: string): Transcription[] {
    return this.transcriptions.filter((t) => t.room_sid === roomSid);
  }

  isTranscribing(roomSid: string): boolean {
    return this.transcriptionsOf(roomSid).some((t) => t.status === 'started');
  }

  isRecording(roomSid: string): boolean {
    return (
      this.room(roomSid)?.status === 'in-progress' && recordsWith(this.recordingRules.get(roomSid) ?? [])
    );
  }

  // ---- changes Twilio reports ---------------------------------------------------------

  createRoom(
    fields: Json & { unique_name: string; status_callback: string | null },
    rules: RecordingRule[],
  ): Room {
    const room: Room = {
      ...fields,
      sid: newSid('RM'),
      status: 'in-progress',
      date_created: iso(this.now()),
      date_updated: iso(this.now()),
      end_time: null,
    };
    room.url = `https://video.twilio.com/v1/Rooms/${room.sid}`;
    this.rooms.push(room);
    this.recordingRules.set(room.sid, rules);
    this.roomEvent(room, 'room-created');
    return room;
  }

  /** Transcription of the room starts (a create, or TranscribeParticipantsOnConnect). */
  startTranscription(room: Room, configuration: Json): Transcription {
    const ttid = `video_extension_${randomUUID()}`;
    const transcription: Transcription = {
      ttid,
      account_sid: ACCOUNT_SID,
      room_sid: room.sid,
      status: 'started',
      identity: null,
      date_created: iso(this.now()),
      date_updated: iso(this.now()),
      start_time: iso(this.now()),
      end_time: null,
      duration: null,
      url: `https://video.twilio.com/v1/Rooms/${room.sid}/Transcriptions/${ttid}`,
      configuration,
    };
    this.transcriptions.push(transcription);
    return transcription;
  }

  setTranscriptionStatus(transcription: Transcription, status: 'started' | 'stopped'): void {
    if (transcription.status === status) return;
    const stopping = status === 'stopped';
    Object.assign(transcription, {
      status,
      date_updated: iso(this.now()),
      start_time: stopping ? transcription.start_time : iso(this.now()),
      end_time: stopping ? iso(this.now()) : null,
      duration: stopping
        ? Math.max(0, Math.round((this.now() - Date.parse(String(transcription.start_time))) / 1000))
        : null,
    });
  }

  /** Someone connected to the room with a token for `identity`, as Twilio would list them. */
  addParticipant(roomSid: string, identity: string): Participant {
    const participant: Participant = {
      sid: newSid('PA'),
      room_sid: roomSid,
      account_sid: ACCOUNT_SID,
      identity,
      status: 'connected',
      date_created: iso(this.now()),
      date_updated: iso(this.now()),
      start_time: iso(this.now()),
      end_time: null,
      duration: null,
      url: '',
      links: {},
    };
    participant.url = `https://video.twilio.com/v1/Rooms/${roomSid}/Participants/${participant.sid}`;
    this.participants.push(participant);
    const room = this.room(roomSid);
    if (room) {
      this.roomEvent(room, 'participant-connected', {
        ParticipantSid: participant.sid,
        ParticipantIdentity: identity,
        ParticipantStatus: 'connected',
      });
      if (this.isRecording(roomSid)) this.startTrackRecordings(room, participant);
    }
    return participant;
  }

  disconnect(participant: Participant): void {
    if (participant.status === 'disconnected') return;
    Object.assign(participant, {
      status: 'disconnected',
      end_time: iso(this.now()),
      date_updated: iso(this.now()),
      duration: Math.max(1, Math.round((this.now() - Date.parse(participant.start_time as string)) / 1000)),
    });
    const room = this.room(participant.room_sid);
    if (!room) return;
    this.completeRecordings(
      room,
      (r) => (r.grouping_sids as { participant_sid: string }).participant_sid === participant.sid,
    );
    this.roomEvent(room, 'participant-disconnected', {
      ParticipantSid: participant.sid,
      ParticipantIdentity: participant.identity,
      ParticipantStatus: 'disconnected',
    });
  }

  setRecordingRules(room: Room, rules: RecordingRule[]): void {
    const was = this.isRecording(room.sid);
    this.recordingRules.set(room.sid, rules);
    const now = this.isRecording(room.sid);
    if (!was && now)
      for (const p of this.participants.filter((x) => x.room_sid === room.sid && x.status === 'connected'))
        this.startTrackRecordings(room, p);
    if (was && !now) this.completeRecordings(room, () => true);
  }

  /** Completed first, so that whoever hears its participants leave knows why. */
  endRoom(roomSid: string): void {
    const room = this.rooms.find((r) => r.sid === roomSid);
    if (!room || room.status !== 'in-progress') return;
    Object.assign(room, {
      status: 'completed',
      end_time: iso(this.now()),
      date_updated: iso(this.now()),
      duration: Math.max(1, Math.round((this.now() - Date.parse(room.date_created)) / 1000)),
    });
    for (const participant of this.participants.filter((p) => p.room_sid === roomSid))
      this.disconnect(participant);
    for (const transcription of this.transcriptionsOf(roomSid))
      if (transcription.status === 'started') this.setTranscriptionStatus(transcription, 'stopped');
    this.roomEvent(room, 'room-ended', { RoomDuration: String(room.duration) });
  }

  /** Forgets everything held, as a fresh account would be (listeners stay). */
  reset(): void {
    for (const list of [
      this.rooms,
      this.participants,
      this.recordings,
      this.compositions,
      this.transcriptions,
    ])
      list.length = 0;
    this.syncServices.splice(0, this.syncServices.length, ...initialSyncServices());
    for (const map of [
      this.recordingRules,
      this.conversations,
      this.tasks,
      this.reservations,
      this.documents,
      this.flexTokens,
      this.media,
    ])
      map.clear();
  }

  /** Twilio could not record a track (a media server fault). */
  failRecording(recordingSid: string, reason = 'Recording failed'): void {
    const recording = this.recordings.find((r) => r.sid === recordingSid);
    const room = recording && this.room(recording.room_sid);
    if (!recording || !room) return;
    Object.assign(recording, { status: 'failed', duration: null });
    this.roomEvent(room, 'recording-failed', {
      ...this.recordingParams(recording),
      FailedOperation: 'recording',
      ErrorMessage: reason,
    });
  }

  addComposition(composition: Composition): void {
    this.compositions.push(composition);
    this.emit({ type: 'composition', composition, event: 'composition-enqueued' });
  }

  /** The composition finishes: `available` (its media is ready) or `failed`. */
  finishComposition(sid: string, outcome: 'available' | 'failed' = 'available'): void {
    const composition = this.compositions.find((c) => c.sid === sid);
    if (!composition || composition.status === 'completed' || composition.status === 'failed') return;
    Object.assign(composition, {
      status: outcome === 'available' ? 'completed' : 'failed',
      date_completed: iso(this.now()),
      duration: outcome === 'available' ? 42 : 0,
    });
    this.emit({
      type: 'composition',
      composition,
      event: outcome === 'available' ? 'composition-available' : 'composition-failed',
    });
  }

  private startTrackRecordings(room: Room, participant: Participant): void {
    for (const type of ['audio', 'video'] as const) {
      const sid = this.addRecording(room.sid, {
        type,
        status: 'processing',
        duration: null,
        participantSid: participant.sid,
        trackName: `${participant.identity}-${type}`,
      });
      this.roomEvent(
        room,
        'recording-started',
        this.recordingParams(this.recordings.find((r) => r.sid === sid)!),
      );
    }
  }

  private completeRecordings(room: Room, which: (recording: Recording) => boolean): void {
    for (const recording of this.recordings.filter(
      (r) => r.room_sid === room.sid && r.status === 'processing' && which(r),
    )) {
      const duration = Math.max(
        1,
        Math.round((this.now() - Date.parse(String(recording.date_created))) / 1000),
      );
      Object.assign(recording, { status: 'completed', duration, size: 1024 });
      this.roomEvent(room, 'recording-completed', {
        ...this.recordingParams(recording),
        RecordingDuration: String(duration),
      });
    }
  }

  private recordingParams(recording: Recording): Record<string, string> {
    return {
      RecordingSid: recording.sid,
      TrackName: recording.track_name,
      SourceSid: String(recording.source_sid),
      ParticipantSid: (recording.grouping_sids as { participant_sid: string }).participant_sid,
      RecordingUri: `/v1/Recordings/${recording.sid}`,
      Container: String(recording.container_format),
      Codec: String(recording.codec),
      Type: recording.type,
    };
  }

  private messageJson(
    conversationSid: string,
    body: string | null,
    attributes: string,
    author: string,
  ): Message {
    return {
      sid: newSid('IM'),
      account_sid: ACCOUNT_SID,
      conversation_sid: conversationSid,
      index: this.messageIndex++,
      author,
      body,
      media: null,
      attributes,
      participant_sid: null,
      date_created: iso(this.now()),
      date_updated: iso(this.now()),
      url: '',
      delivery: null,
      links: {},
      content_sid: null,
    };
  }
}

/** What the bundle tags its notices with (the message's `videoEscalation` attribute); undefined
 * for any other message. */
export function noticeTag(message: Message): { kind?: string; roomSid?: string } | undefined {
  return (JSON.parse(message.attributes) as { videoEscalation?: { kind?: string; roomSid?: string } })
    .videoEscalation;
}
