import { randomBytes } from 'node:crypto';
import type { Twilio } from 'twilio';
import type TwilioResponse from 'twilio/lib/http/response';
import { LIMITS, SNAPSHOT_TYPES } from '../contract';
import { AppError } from './errors';
import type { EscalationDeps } from './escalation';
import { verifyInvite } from './invites';
import { isRevoked, readRevocations } from './links';
import { postNotice } from './messages';
import { requireCustomerChat } from './notices';
import { ClaimStore } from './once';
import { fetchRoom, requireRoom, type VideoRoom } from './rooms';
import type { FlexTask } from './tasks';
import { twilioFailure } from './twilio-errors';

/**
 * Snapshots (README, "Snapshots"): the agent asks for one picture, the customer's page posts it.
 * The agent's request is a Sync document of the bundle's guarded service, named by a random id
 * that only the agent's panel and the customer's page (over the call's data track) learn: short
 * lived and consumed by the one post it admits, so a customer cannot post pictures unasked and a
 * request cannot be replayed. Posts are also counted per room, a few a minute.
 */

export type SnapshotType = (typeof SNAPSHOT_TYPES)[number];

/** Long enough for the customer to read the prompt and tap Allow, no longer. */
export const SNAPSHOT_REQUEST_TTL_SECONDS = 120;
const RATE_WINDOW_MS = 60_000;
/** A rate record outlives its window; Sync deletes it after this. */
const RATE_TTL_SECONDS = 300;
/** Concurrent posts for one room may race for its rate record; after this many lost races the
 * post is refused as busy rather than retried past the Function's deadline. */
const RATE_ATTEMPTS = 3;

export interface SnapshotRequestRecord {
  state: 'pending' | 'used';
  roomSid: string;
  conversationSid: string;
  /** The conversation's Conversations service, whose Media Content Service takes the file. */
  chatServiceSid: string;
  /** The notice in the task's language, decided when the agent asked. */
  notice: string;
  /** Epoch ms after which the request is refused even if Sync has not yet deleted it. */
  expiresAt: number;
}

interface RateRecord {
  /** Epoch ms of the room's posts in the last window. */
  postedAt: number[];
}

export const snapshotRequestKey = (requestId: string) => `video-snapshot-request-${requestId}`;
export const snapshotRateKey = (roomSid: string) => `video-snapshot-rate-${roomSid}`;

const disabled = () => new AppError('snapshots_disabled', 'Pictures are turned off for this service.');
const requestInvalid = () =>
  new AppError(
    'snapshot_request_invalid',
    'This picture request has expired or was already used; the agent can ask again.',
  );

export function assertSnapshotsAllowed(deps: Pick<EscalationDeps, 'snapshots'>): void {
  if (deps.snapshots === 'off') throw disabled();
}

async function chatServiceOf(client: Twilio, conversationSid: string): Promise<string> {
  try {
    return (await client.conversations.v1.conversations(conversationSid).fetch()).chatServiceSid;
  } catch (err) {
    if (twilioFailure(err)?.status === 404)
      throw new AppError('no_conversation', "The task's conversation no longer exists.");
    throw err;
  }
}

/** The agent's side: a fresh request for one picture of the task's call. */
export async function requestSnapshot(
  deps: EscalationDeps,
  task: FlexTask,
  inProgress: VideoRoom | undefined,
) {
  assertSnapshotsAllowed(deps);
  const room = requireRoom(inProgress);
  const chat = requireCustomerChat(deps.notices, task);
  const chatServiceSid = await chatServiceOf(deps.twilio, chat.conversationSid);
  const requestId = randomBytes(16).toString('base64url');
  const expiresAt = deps.now().getTime() + SNAPSHOT_REQUEST_TTL_SECONDS * 1000;
  const record: SnapshotRequestRecord = {
    state: 'pending',
    roomSid: room.sid,
    conversationSid: chat.conversationSid,
    chatServiceSid,
    notice: chat.notices['snapshot-taken'],
    expiresAt,
  };
  const requests = new ClaimStore<SnapshotRequestRecord>(
    deps.twilio,
    deps.syncServiceSid,
    SNAPSHOT_REQUEST_TTL_SECONDS,
  );
  // 128 random bits: a clash is not a case to handle, but a write that failed is.
  if (!(await requests.create(snapshotRequestKey(requestId), record))) throw requestInvalid();
  return {
    requestId,
    roomSid: room.sid,
    expiresAt: new Date(expiresAt).toISOString(),
    policy: deps.snapshots as 'ask' | 'on',
  };
}

const startsWith = (bytes: Buffer, magic: readonly number[]) =>
  bytes.length >= magic.length && magic.every((byte, i) => bytes[i] === byte);

/** What the bytes are, by their first bytes (JPEG's SOI marker, PNG's signature). */
export function imageTypeOf(bytes: Buffer): SnapshotType | undefined {
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  return undefined;
}

/** The largest base64 text that can decode to LIMITS.snapshotBytes. */
export const MAX_SNAPSHOT_BASE64 = Math.ceil(LIMITS.snapshotBytes / 3) * 4;

/** The picture's bytes, if they are within the cap and of the type declared. */
export function decodeSnapshot(base64: string, declared: SnapshotType): Buffer {
  const tooLarge = () =>
    new AppError(
      'image_too_large',
      `The picture is larger than ${LIMITS.snapshotBytes} bytes; send it smaller.`,
    );
  if (base64.length > MAX_SNAPSHOT_BASE64) throw tooLarge();
  const bytes = Buffer.from(base64, 'base64');
  if (bytes.length > LIMITS.snapshotBytes) throw tooLarge();
  if (imageTypeOf(bytes) !== declared) {
    throw new AppError(
      'unsupported_image',
      `The picture is not ${declared === 'image/png' ? 'a PNG' : 'a JPEG'}.`,
    );
  }
  return bytes;
}

/** Takes one of the room's few posts a minute, or says when the next may come. Sync's If-Match
 * makes concurrent posts of one room take turns. */
async function takeRateSlot(deps: EscalationDeps, roomSid: string): Promise<void> {
  const rates = new ClaimStore<RateRecord>(deps.twilio, deps.syncServiceSid, RATE_TTL_SECONDS);
  const key = snapshotRateKey(roomSid);
  for (let attempt = 0; attempt < RATE_ATTEMPTS; attempt++) {
    const now = deps.now().getTime();
    const current = await rates.read(key);
    const recent = (current?.record.postedAt ?? []).filter((at) => at > now - RATE_WINDOW_MS);
    if (recent.length >= LIMITS.snapshotsPerMinute) {
      const wait = Math.max(1, Math.ceil((Math.min(...recent) + RATE_WINDOW_MS - now) / 1000));
      throw new AppError(
        'rate_limited',
        `At most ${LIMITS.snapshotsPerMinute} pictures a minute; try again in ${wait} s.`,
        wait,
      );
    }
    const record = { postedAt: [...recent, now] };
    const took = current
      ? await rates.replace(key, record, current.revision)
      : await rates.create(key, record);
    if (took) return;
  }
  throw new AppError('upstream_unavailable', 'Pictures are being posted at the same moment; try again.', 1);
}

/** The Media Content Service of the conversation's service: the file itself is the body. It has
 * no entry in twilio's library, so it goes through the client's request(), which the one client
 * factory points at TWILIO_API_BASE_URL like every other host. */
async function uploadMedia(client: Twilio, chatServiceSid: string, bytes: Buffer, type: SnapshotType) {
  const response = (await client.request({
    method: 'post',
    uri: `https://mcs.us1.twilio.com/v1/Services/${chatServiceSid}/Media`,
    headers: { 'Content-Type': type },
    data: bytes,
  })) as TwilioResponse<unknown>;
  const body = (typeof response.body === 'string' ? safeJson(response.body) : response.body) as
    { sid?: unknown } | undefined;
  if (response.statusCode >= 300 || typeof body?.sid !== 'string' || !/^ME[0-9a-f]{32}$/i.test(body.sid)) {
    throw Object.assign(new Error('media upload failed'), { status: response.statusCode });
  }
  return body.sid;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

export interface SnapshotPost {
  invite: string;
  requestId: string;
  type: SnapshotType;
  image: string;
}

/**
 * The customer's side. Everything that needs no request is checked first (policy, size, type,
 * the invite's signature and expiry); then the request, the room and the link's revocations are
 * read together; then the room's rate; then the request is consumed (If-Match on the revision
 * read, so of two posts with one request only one passes); only then is anything uploaded or
 * posted.
 */
export async function postSnapshot(deps: EscalationDeps, post: SnapshotPost) {
  assertSnapshotsAllowed(deps);
  const bytes = decodeSnapshot(post.image, post.type);
  const invite = verifyInvite(deps.inviteKeys, post.invite, Math.floor(deps.now().getTime() / 1000));
  const requests = new ClaimStore<SnapshotRequestRecord>(deps.twilio, deps.syncServiceSid);
  const key = snapshotRequestKey(post.requestId);
  const [request, room, revocations] = await Promise.all([
    requests.read(key),
    fetchRoom(deps.twilio, invite.roomSid),
    readRevocations(deps.twilio, deps.syncServiceSid, invite.roomSid),
  ]);
  if (!room || room.status !== 'in-progress') {
    throw new AppError('session_ended', 'This video session has ended.');
  }
  if (isRevoked(revocations, invite)) {
    throw new AppError('invite_revoked', 'This link was replaced by a newer one.');
  }
  const record = request?.record;
  if (
    !request ||
    !record ||
    record.state !== 'pending' ||
    record.roomSid !== invite.roomSid ||
    record.expiresAt <= deps.now().getTime()
  ) {
    throw requestInvalid();
  }
  await takeRateSlot(deps, invite.roomSid);
  if (!(await requests.replace(key, { ...record, state: 'used' }, request.revision))) throw requestInvalid();
  const mediaSid = await uploadMedia(deps.twilio, record.chatServiceSid, bytes, post.type);
  const message = await postNotice(
    deps.twilio,
    record.conversationSid,
    record.roomSid,
    'snapshot-taken',
    record.notice,
    undefined,
    mediaSid,
  );
  return { messageSid: message.sid, mediaSid, bytes: bytes.length };
}
