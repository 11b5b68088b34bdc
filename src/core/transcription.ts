import type { Twilio } from 'twilio';
import type { TranscriptionsInstance } from 'twilio/lib/rest/video/v1/room/transcriptions';
import { AppError, isAppError } from './errors';
import { postNotice } from './messages';
import { requireCustomerChat, type CustomerChat, type NoticeSettings } from './notices';
import { ClaimStore, CLAIM_LEASE_MS } from './once';
import { ensureRoomSwitch, readDecision, type RoomSwitch, type SwitchDecision } from './room-switch';
import { requireRoom, type VideoRoom } from './rooms';
import { FlexTask, requireConversation } from './tasks';
import { oneLine, speakerOf, splitIntoMessages, transcriptLines, type TranscriptResult } from './transcript';
import type { TranscriptionSettings } from './transcription-policy';
import { TWILIO_ERROR } from '../twilio-errors';
import { twilioFailure } from './twilio-errors';

/**
 * Real-time transcription of a room under the company's VIDEO_TRANSCRIPTION policy, told to the
 * customer once per real change (room-switch.ts, as recording is), and the transcript kept with
 * the conversation (VIDEO_TRANSCRIPT_DESTINATION).
 *
 * Where the results are kept: Twilio's Transcriptions resource of a room says only whether
 * transcription runs (status, times), never what was said; the words reach the participants'
 * SDKs alone (the room's `transcription` event). So the agent's panel reports the final results
 * to /video/transcript, and the bundle keeps them in its own Sync service (ACLs on: no Flex user
 * can add to or read another's transcript), one document per transcription segment (a start to
 * its stop): `video-transcript-<RoomSid>-<change>`, the change being the start's decision number.
 * When the segment ends (a stop, or the room's end) the one call holding its posting claim
 * closes the document, so results that arrive afterwards are dropped (answered as dropped), and
 * posts what it holds, in order, exactly once.
 */

export type TranscriptionAction = 'start' | 'stop' | 'status';

export interface TranscriptionDeps {
  twilio: Twilio;
  syncServiceSid: string;
  transcription: TranscriptionSettings;
  notices: NoticeSettings;
  now: () => Date;
}

export interface TranscriptionAnswer {
  transcribing: boolean;
  roomSid: string;
}

/** A segment keeps at most this much text in at most this many results: its transcript then
 * posts as a handful of messages within one Function's time. Results beyond either are dropped. */
export const TRANSCRIPT_MAX_CHARS = 7_500;
export const TRANSCRIPT_MAX_RESULTS = 200;
/** With a line's label and time (at most 22 characters), a transcript is at most 7,500 + 200 × 22
 * = 11,900 characters; lines are packed whole, so any two consecutive messages together exceed
 * 1,600 characters (or they would be one): at most 2 × 11,900 / 1,600 + 1, 15 messages. */
export const TRANSCRIPT_MAX_MESSAGES = 15;
/** Transcriptions resources of a room read at once; a room has one per start at most. */
const TRANSCRIPTIONS_PAGE = 20;
const MAX_ROUNDS = 3;

export const transcriptionDecisionKey = (roomSid: string) => `video-transcription-${roomSid}`;
export const transcriptionNoticeKey = (roomSid: string, change: number) =>
  `video-transcription-${roomSid}-${change}`;
export const transcriptKey = (roomSid: string, segment: number) => `video-transcript-${roomSid}-${segment}`;
export const transcriptPostKey = (roomSid: string, segment: number) =>
  `video-transcript-post-${roomSid}-${segment}`;

const RUNNING: readonly string[] = ['created', 'started'];

/** Twilio's refusals in words an agent can act on; the call itself goes on either way. */
function transcriptionFailure(err: unknown): unknown {
  const failure = twilioFailure(err);
  if (!failure) return err;
  // A room that ended under the request is refused as completed (53118), not as a transcription Twilio will not do.
  if (failure.status === 404 || failure.code === TWILIO_ERROR.ROOM_COMPLETED)
    return new AppError('no_room', 'The video room has ended.');
  if (failure.status === 429) {
    return new AppError(
      'transcription_unavailable',
      'Twilio is receiving too many transcription requests right now; try again in a moment. The call goes on.',
      2,
    );
  }
  if (failure.status >= 400 && failure.status < 500) {
    return new AppError(
      'transcription_unavailable',
      'Twilio refused to transcribe this call (live transcription may not be offered in this account’s region). The call goes on without it.',
    );
  }
  return err;
}

async function listTranscriptions(client: Twilio, roomSid: string): Promise<TranscriptionsInstance[]> {
  try {
    return await client.video.v1
      .rooms(roomSid)
      .transcriptions.list({ limit: TRANSCRIPTIONS_PAGE, pageSize: TRANSCRIPTIONS_PAGE });
  } catch (err) {
    throw transcriptionFailure(err);
  }
}

export async function isTranscribing(client: Twilio, roomSid: string): Promise<boolean> {
  return (await listTranscriptions(client, roomSid)).some((t) => RUNNING.includes(t.status));
}

/** On: restarts the room's transcription if it has one, else creates it in the company's
 * language. Off: stops every one running. */
async function writeTranscriptions(
  client: Twilio,
  settings: TranscriptionSettings,
  roomSid: string,
  on: boolean,
): Promise<void> {
  const existing = await listTranscriptions(client, roomSid);
  const room = client.video.v1.rooms(roomSid);
  try {
    if (!on) {
      const running = existing.filter((t) => RUNNING.includes(t.status) && t.ttid);
      await Promise.all(running.map((t) => room.transcriptions(t.ttid).update({ status: 'stopped' })));
    } else if (!existing.some((t) => RUNNING.includes(t.status))) {
      const restartable = existing.find((t) => t.ttid);
      if (restartable) await room.transcriptions(restartable.ttid).update({ status: 'started' });
      else await createTranscription(client, settings, roomSid);
    }
  } catch (err) {
    throw transcriptionFailure(err);
  }
}

/** A concurrent start may have created the room's one transcription first (409): that is this
 * start done too; the caller reads the decision again after writing (room-switch.ts). */
async function createTranscription(client: Twilio, settings: TranscriptionSettings, roomSid: string) {
  try {
    await client.video.v1
      .rooms(roomSid)
      .transcriptions.create({ configuration: transcriptionsConfiguration(settings) });
  } catch (err) {
    if (twilioFailure(err)?.status !== 409) throw err;
  }
}

/** Twilio's `TranscriptionsConfiguration` (and a start's `Configuration`), in the field names of
 * the spec's own example; anything not given takes Twilio's defaults. */
export const transcriptionsConfiguration = (settings: TranscriptionSettings) => ({
  LanguageCode: settings.language,
});

export const transcriptionSwitch = (client: Twilio, settings: TranscriptionSettings): RoomSwitch => ({
  decisionKey: transcriptionDecisionKey,
  noticeKey: transcriptionNoticeKey,
  started: 'transcription-started',
  stopped: 'transcription-stopped',
  read: (roomSid) => isTranscribing(client, roomSid),
  write: (roomSid, on) => writeTranscriptions(client, settings, roomSid, on),
  busy: 'Transcription is being changed by another request right now; try again.',
});

/** The company's policy, checked before anything else: `off` never starts, `always` never stops. */
export function assertTranscriptionAllowed(
  settings: TranscriptionSettings,
  action: TranscriptionAction,
): void {
  if (settings.policy === 'off' && action === 'start') {
    throw new AppError(
      'transcription_disabled',
      'Transcription is turned off for this service (VIDEO_TRANSCRIPTION=off).',
    );
  }
  if (settings.policy === 'always' && action === 'stop') {
    throw new AppError(
      'transcription_disabled',
      'Every video call is transcribed on this service (VIDEO_TRANSCRIPTION=always); transcription cannot be stopped.',
    );
  }
}

/** Brings the room's transcription to `on`, telling the customer once per change; a stop then
 * posts the transcript of the segment it ended. */
export async function ensureRoomTranscription(
  deps: TranscriptionDeps,
  room: VideoRoom,
  chat: CustomerChat,
  on: boolean,
): Promise<boolean> {
  const done = await ensureRoomSwitch(
    deps,
    transcriptionSwitch(deps.twilio, deps.transcription),
    room,
    chat,
    on,
  );
  if (!on) {
    const segment = endedSegment(done.decision);
    if (segment) await deliverTranscript(deps, chat, room, segment);
  }
  return done.on;
}

/** The segment whose results are still to be posted: the running one, or the one the last stop ended. */
function endedSegment(decision: SwitchDecision | undefined): number | undefined {
  if (!decision || decision.change === 0) return undefined;
  return decision.on ? decision.change : decision.change - 1 || undefined;
}

/** POST /video/transcription with Action start or stop. */
export async function changeTranscription(
  deps: TranscriptionDeps,
  task: FlexTask,
  inProgress: VideoRoom | undefined,
  action: 'start' | 'stop',
): Promise<TranscriptionAnswer> {
  assertTranscriptionAllowed(deps.transcription, action);
  const chat = requireCustomerChat(deps.notices, task);
  const room = requireRoom(inProgress);
  try {
    return {
      transcribing: await ensureRoomTranscription(deps, room, chat, action === 'start'),
      roomSid: room.sid,
    };
  } catch (err) {
    // Twilio refused the room outright (not a rate limit, which a retry gets past): the customer
    // was told it started, so they are told it stopped, and the agent hears why.
    if (action === 'start' && refusedOutright(err)) await ensureRoomTranscription(deps, room, chat, false);
    throw err;
  }
}

const refusedOutright = (err: unknown) =>
  isAppError(err) && err.code === 'transcription_unavailable' && err.retryAfterSeconds === undefined;

/** POST /video/transcription with Action status: whether Twilio transcribes the room now; reads only. */
export async function transcriptionStatus(
  deps: Pick<TranscriptionDeps, 'twilio'>,
  task: FlexTask,
  inProgress: VideoRoom | undefined,
): Promise<TranscriptionAnswer> {
  requireConversation(task);
  const room = requireRoom(inProgress);
  return { transcribing: await isTranscribing(deps.twilio, room.sid), roomSid: room.sid };
}

// ---- the transcript -------------------------------------------------------------------------

/** One segment's results, in Sync. */
interface TranscriptDocument {
  closed: boolean;
  results: TranscriptResult[];
}

/** One result as the panel reports it (the SDK's `transcription` event, final ones only). */
export interface ReportedResult {
  participant: string;
  text: string;
  /** Epoch ms. */
  at: number;
  seq: number;
}

export interface ReportAnswer {
  roomSid: string;
  kept: number;
  dropped: number;
}

/** Whether a room's transcript can be owed: not when nothing is kept (`none`), nor when
 * transcription is off (`off`: no request is spent on it). */
const keepsTranscripts = (settings: TranscriptionSettings) =>
  settings.destination !== 'none' && settings.policy !== 'off';

const sameResult = (a: TranscriptResult, b: TranscriptResult) => a.speaker === b.speaker && a.seq === b.seq;
const charsOf = (results: readonly TranscriptResult[]) => results.reduce((n, r) => n + r.text.length, 0);

/** Adds what is new and fits; a repeat (the panel resending after a lost answer) is not added again. */
function merged(kept: readonly TranscriptResult[], incoming: readonly TranscriptResult[]) {
  const results = [...kept];
  let added = 0;
  for (const result of incoming) {
    if (results.some((r) => sameResult(r, result))) continue;
    if (results.length >= TRANSCRIPT_MAX_RESULTS) break;
    if (charsOf(results) + result.text.length > TRANSCRIPT_MAX_CHARS) continue;
    results.push(result);
    added++;
  }
  return { results, added };
}

/**
 * POST /video/transcript: keeps the final results of the room's running segment. Dropped, and
 * counted as such: results of an unknown participant or with no words; everything under
 * VIDEO_TRANSCRIPT_DESTINATION=none (nothing is kept); results while transcription is off (or
 * VIDEO_TRANSCRIPTION=off), or
 * after its segment was closed (the transcript is posted, or being posted); text beyond the
 * segment's limit. At most 2 + 2 × 3 Twilio requests.
 */
export async function reportResults(
  deps: TranscriptionDeps,
  inProgress: VideoRoom | undefined,
  reported: readonly ReportedResult[],
): Promise<ReportAnswer> {
  const room = requireRoom(inProgress);
  const answer = (kept: number) => ({ roomSid: room.sid, kept, dropped: reported.length - kept });
  const incoming = reported.flatMap((r): TranscriptResult[] => {
    const speaker = speakerOf(r.participant);
    const text = oneLine(r.text);
    return speaker && text ? [{ speaker, text, at: r.at, seq: r.seq }] : [];
  });
  if (!keepsTranscripts(deps.transcription) || incoming.length === 0) return answer(0);
  const decision = await readDecision(deps, transcriptionSwitch(deps.twilio, deps.transcription), room.sid);
  if (!decision?.on) return answer(0);
  const documents = new ClaimStore<TranscriptDocument>(deps.twilio, deps.syncServiceSid);
  const key = transcriptKey(room.sid, decision.change);
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const current = await documents.read(key);
    if (current?.record.closed) return answer(0);
    const { results, added } = merged(current?.record.results ?? [], incoming);
    if (added === 0) return answer(0);
    const record = { closed: false, results };
    const wrote = current
      ? await documents.replace(key, record, current.revision)
      : await documents.create(key, record);
    if (wrote) return answer(added);
  }
  throw new AppError(
    'upstream_unavailable',
    'The transcript is being written by another request; try again.',
    1,
  );
}

/** The posting claim of one segment's transcript: which parts are out, for a taker-over. */
interface TranscriptClaim {
  state: 'claimed' | 'released' | 'done';
  claimedAt: number;
  claimId: string;
  posted: number;
}

export type TranscriptOutcome = 'posted' | 'already-posted' | 'pending' | 'empty' | 'off';

/** Closes the segment so nothing more is added, and answers what it holds. */
async function closeSegment(deps: TranscriptionDeps, roomSid: string, segment: number) {
  const documents = new ClaimStore<TranscriptDocument>(deps.twilio, deps.syncServiceSid);
  const key = transcriptKey(roomSid, segment);
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const current = await documents.read(key);
    if (!current) {
      // Created closed: a report racing the end finds it closed rather than opening it anew.
      if (await documents.create(key, { closed: true, results: [] })) return [];
      continue;
    }
    if (current.record.closed) return current.record.results;
    if (await documents.replace(key, { ...current.record, closed: true }, current.revision))
      return current.record.results;
  }
  throw new AppError(
    'upstream_unavailable',
    'The transcript is being written by another request; try again.',
    1,
  );
}

/** Takes the segment's posting claim: a fresh one, or one whose holder released it or can no
 * longer be at work. Answers where to resume, or why not to post. */
async function claimPosting(
  deps: TranscriptionDeps,
  claims: ClaimStore<TranscriptClaim>,
  key: string,
  claimId: string,
): Promise<number | 'already-posted' | 'pending'> {
  const now = deps.now().getTime();
  const claim = (posted: number): TranscriptClaim => ({ state: 'claimed', claimedAt: now, claimId, posted });
  if (await claims.create(key, claim(0))) return 0;
  const current = await claims.read(key);
  if (!current) return 'pending';
  const { record } = current;
  if (record.state === 'done') return 'already-posted';
  if (record.claimId === claimId) return record.posted; // our own create, whose answer was lost
  const free = record.state === 'released' || now - record.claimedAt > CLAIM_LEASE_MS;
  if (free && (await claims.replace(key, claim(record.posted), current.revision))) return record.posted;
  return 'pending';
}

/**
 * Posts one segment's transcript into the conversation, exactly once however many calls try
 * (a stop and the room's end, a callback delivered twice): the one call holding the segment's
 * claim closes it and posts its parts in order, as `system` messages with kind `transcript`;
 * should a part fail, the claim is released with the parts already out, and the next call (a
 * repeated stop, the room's end) posts the rest. At most 3 + 2 × 3 + TRANSCRIPT_MAX_MESSAGES + 1
 * Twilio requests.
 */
export async function deliverTranscript(
  deps: TranscriptionDeps,
  chat: CustomerChat,
  room: VideoRoom,
  segment: number,
): Promise<TranscriptOutcome> {
  if (deps.transcription.destination === 'none') return 'off';
  const claims = new ClaimStore<TranscriptClaim>(deps.twilio, deps.syncServiceSid);
  const key = transcriptPostKey(room.sid, segment);
  const claimId = `${deps.now().getTime()}-${Math.random().toString(36).slice(2)}`;
  const from = await claimPosting(deps, claims, key, claimId);
  if (typeof from !== 'number') return from;
  const record = (state: TranscriptClaim['state'], posted: number) =>
    claims.replace(key, { state, claimedAt: deps.now().getTime(), claimId, posted });
  let posted = from;
  try {
    const results = await closeSegment(deps, room.sid, segment);
    const parts = splitIntoMessages(transcriptLines(results, room.dateCreated.getTime()));
    for (; posted < parts.length; posted++)
      await postNotice(deps.twilio, chat.conversationSid, room.sid, 'transcript', parts[posted]);
    await record('done', posted);
    return parts.length === 0 ? 'empty' : 'posted';
  } catch (err) {
    await record('released', posted).catch(() => false);
    throw err;
  }
}

/**
 * At the room's end: the transcript of the segment still running, or of one whose stop could not
 * post it. Returns a function that delivers it, so that the decision is read alongside whatever
 * the caller posts first (the session-ended notice) and the transcript follows that.
 */
export function transcriptAtEnd(
  deps: TranscriptionDeps,
  room: VideoRoom,
): (chat: CustomerChat) => Promise<TranscriptOutcome> {
  if (!keepsTranscripts(deps.transcription)) return () => Promise.resolve('off');
  const decision = readDecision(deps, transcriptionSwitch(deps.twilio, deps.transcription), room.sid);
  decision.catch(() => undefined); // awaited below; a failure before then is not unhandled
  return async (chat) => {
    const segment = endedSegment(await decision);
    return segment ? deliverTranscript(deps, chat, room, segment) : 'empty';
  };
}
