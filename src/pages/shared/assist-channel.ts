/** The pages' messages to each other during a call (issue 21: pointing, the camera, audio only;
 * issue 22: whether the call is transcribed), over one Twilio Video data track per page named
 * ASSIST_TRACK_NAME: they travel with the call's media, page to page, and never through the bundle. Each message is a JSON object
 * `{type: '<kind>', ...}`; what arrives is checked against its kind's shape, and anything else
 * (another kind, malformed JSON, binary data, an oversized message) is dropped unread.
 *
 * The SDK drops what is sent before the other page has the data channel open, so a page's state
 * (which camera it uses, whether it is audio only) is kept here and sent again whenever a page
 * appears or asks with `hello`. */
import type { LocalDataTrack, RemoteDataTrack, RemoteParticipant, Room, VideoSdk } from './sdk';

export const ASSIST_TRACK_NAME = 'assist';

/** The shared limit of the pages' data track (COMMON-S26): larger SCTP messages are not carried
 * alike by every browser, and nothing the pages say needs more. */
export const MAX_ASSIST_MESSAGE_BYTES = 16 * 1024;

export type CameraFacing = 'user' | 'environment';

/** Every message the pages exchange. Pointer coordinates are fractions (0 to 1) of the video
 * frame as the customer's camera captures it, not of any element showing it (pointing.ts). */
export type AssistMessage =
  /** The agent points: a press, the drag that follows, and its release. */
  | { type: 'pointer'; x: number; y: number; phase: 'start' | 'move' | 'end' }
  /** The agent asks the customer to show them with this camera. */
  | { type: 'camera-request'; facing: CameraFacing }
  /** The customer's answer to a camera request. */
  | { type: 'camera-answer'; accepted: boolean }
  /** The camera the customer's page sends now ('unknown': the browser does not say). State. */
  | { type: 'camera-facing'; facing: CameraFacing | 'unknown' }
  /** Whether this page sends no video to save the network ('network': it degraded). State. */
  | { type: 'audio-only'; on: boolean; reason: 'chosen' | 'network' }
  /** Whether the room is transcribed, as the agent's panel knows it (the service's answer to
   * its start, stop or status): the customer's badge follows it. State. */
  | { type: 'transcription'; on: boolean }
  /** A page that just found the other's track asks for its state. */
  | { type: 'hello' }
  /** The agent asks for one picture: the id /video/snapshot-request issued, for the upload. */
  | { type: 'snapshot-request'; requestId: string }
  /** What became of it; `posted` with the picture's pixels and bytes as sent. */
  | {
      type: 'snapshot-answer';
      requestId: string;
      outcome: 'posted' | 'declined' | 'failed';
      width?: number;
      height?: number;
      bytes?: number;
    }
  /** The customer's page has the request, sent the moment it arrives (before any prompt): a
   * request the page never got (its channel not open yet, no assist script) is otherwise silent. */
  | { type: 'snapshot-received'; requestId: string };

export type AssistType = AssistMessage['type'];
export type AssistMessageOf<T extends AssistType> = Extract<AssistMessage, { type: T }>;
/** The kinds that describe a page's lasting state: the latest of each is sent to late comers. */
export type AssistState = AssistMessageOf<'camera-facing' | 'audio-only' | 'transcription'>;

export interface AssistSender {
  identity: string;
  sid: string;
}

type Fields = Record<string, unknown>;
const fraction = (value: unknown) => typeof value === 'number' && value >= 0 && value <= 1;
const oneOf =
  <T extends string>(...values: T[]) =>
  (value: unknown): value is T =>
    values.includes(value as T);
const facing = oneOf<CameraFacing>('user', 'environment');
const snapshotRequestId = (value: unknown) => typeof value === 'string' && /^[A-Za-z0-9_-]{22}$/.test(value);

/** Each kind's shape: a kind added to AssistMessage must be given one here. */
const SHAPES: { [K in AssistType]: (fields: Fields) => boolean } = {
  pointer: (m) => fraction(m.x) && fraction(m.y) && oneOf('start', 'move', 'end')(m.phase),
  'camera-request': (m) => facing(m.facing),
  'camera-answer': (m) => typeof m.accepted === 'boolean',
  'camera-facing': (m) => facing(m.facing) || m.facing === 'unknown',
  'audio-only': (m) => typeof m.on === 'boolean' && oneOf('chosen', 'network')(m.reason),
  transcription: (m) => typeof m.on === 'boolean',
  hello: () => true,
  'snapshot-request': (m) => snapshotRequestId(m.requestId),
  'snapshot-answer': (m) =>
    snapshotRequestId(m.requestId) &&
    oneOf('posted', 'declined', 'failed')(m.outcome) &&
    [m.width, m.height, m.bytes].every((n) => n === undefined || (Number.isInteger(n) && (n as number) > 0)),
  'snapshot-received': (m) => snapshotRequestId(m.requestId),
};

/** The message `data` carries, or null for anything that is not one of AssistMessage's kinds. */
export function parseAssistMessage(data: unknown): AssistMessage | null {
  if (typeof data !== 'string' || byteLength(data) > MAX_ASSIST_MESSAGE_BYTES) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(data);
  } catch {
    return null;
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return null;
  const fields = parsed as Fields;
  const type = fields.type;
  if (typeof type !== 'string' || !Object.hasOwn(SHAPES, type)) return null;
  return SHAPES[type as AssistType](fields) ? (parsed as AssistMessage) : null;
}

const byteLength = (text: string) => new TextEncoder().encode(text).length;

type Handler<T extends AssistType> = (message: AssistMessageOf<T>, from: AssistSender) => void;
type AnyHandler = (message: AssistMessage, from: AssistSender) => void;

export interface AssistChannel {
  /** Sends to every page in the room that has its channel open; false (nothing sent) for a
   * message over MAX_ASSIST_MESSAGE_BYTES. */
  send(message: AssistMessage): boolean;
  /** Sends a state now, and again to each page that appears or asks later. */
  setState(message: AssistState): void;
  /** Hears each valid message of one kind from the other pages; returns the unsubscribe. */
  on<T extends AssistType>(type: T, handler: Handler<T>): () => void;
  /** Stops publishing and hearing. */
  close(): void;
}

/** The page's assist track, to connect with (ConnectOptions.tracks): in the first offer, a data
 * track needs no renegotiation of the connections being set up. */
export function assistTrack(sdk: Pick<VideoSdk, 'LocalDataTrack'>): LocalDataTrack {
  return new sdk.LocalDataTrack({ name: ASSIST_TRACK_NAME });
}

/** Reads the other pages' assist tracks in `room` and sends on this page's: `connectedWith`, the
 * one the page connected with (assistTrack), or else one published now. */
export function openAssistChannel(
  sdk: Pick<VideoSdk, 'LocalDataTrack'>,
  room: Room,
  connectedWith?: LocalDataTrack,
): AssistChannel {
  const local = connectedWith ?? assistTrack(sdk);
  // A refused publication leaves the call as it was, without the assist features.
  if (!connectedWith) room.localParticipant.publishTrack(local).catch(() => undefined);
  /** Each handler is kept under its own kind and only called with messages of that kind. */
  const handlers = new Map<AssistType, Set<AnyHandler>>();
  const states = new Map<AssistState['type'], AssistState>();
  const heard = new WeakSet<RemoteDataTrack>();
  let closed = false;

  const send = (message: AssistMessage): boolean => {
    const text = JSON.stringify(message);
    if (closed || byteLength(text) > MAX_ASSIST_MESSAGE_BYTES) return false;
    local.send(text);
    return true;
  };
  const sendStates = () => states.forEach((state) => send(state));

  const hear = (track: RemoteDataTrack, participant: RemoteParticipant) => {
    if (track.name !== ASSIST_TRACK_NAME || heard.has(track)) return;
    heard.add(track);
    const from = { identity: participant.identity, sid: participant.sid };
    track.on('message', (data) => {
      const message = parseAssistMessage(data);
      if (!message || closed) return;
      if (message.type === 'hello') sendStates();
      handlers.get(message.type)?.forEach((handler) => handler(message, from));
    });
    send({ type: 'hello' });
    sendStates();
  };

  room.on('trackSubscribed', (track, _publication, participant) => {
    if (track.kind === 'data') hear(track, participant);
  });
  for (const participant of room.participants.values())
    for (const publication of participant.tracks.values())
      if (publication.track?.kind === 'data') hear(publication.track, participant);

  return {
    send,
    setState(message) {
      states.set(message.type, message);
      send(message);
    },
    on(type, handler) {
      const forType = handlers.get(type) ?? new Set();
      handlers.set(type, forType);
      const stored = handler as unknown as AnyHandler;
      forType.add(stored);
      return () => forType.delete(stored);
    },
    close() {
      closed = true;
      handlers.clear();
      room.localParticipant.unpublishTrack(local);
    },
  };
}
