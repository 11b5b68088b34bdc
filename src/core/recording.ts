import type { Twilio } from 'twilio';
import { AppError } from './errors';
import { findNotice, NoticeKind, postNotice } from './messages';
import { noticesFor, type CustomerChat, type NoticeSettings } from './notices';
import { ClaimStore, DeliveryOutcome, postAsOwner, postUnlessFound } from './once';
import type { RecordingPolicy } from './recording-policy';
import { RECORD_EVERYTHING, RECORD_NOTHING, requireRoom, VideoRoom } from './rooms';
import { FlexTask, requireConversation } from './tasks';
import { twilioFailure } from './twilio-errors';

/**
 * Recording of a whole room with Video Recording Rules, under the company's VIDEO_RECORDING
 * policy, told to the customer in the conversation once per real change.
 *
 * Nothing is kept between calls, so what "the room is recording" means lives in Twilio:
 * - the Recording Rules are what Twilio records (the answer to `status`);
 * - a Sync document per room holds what the bundle last decided (recording or not) and how
 *   many changes it has made. A change is decided by the one call whose create-if-absent or
 *   If-Match write of that document wins; only that call posts the change's notice, so two
 *   concurrent `start`s post one notice, and a repeated `start` finds the decision already
 *   made and posts nothing. Comparing the rules alone could not do this: both concurrent
 *   calls would read "not recording" and both would post.
 */

export type RecordingAction = 'start' | 'stop' | 'status';

/** What recording needs from its surroundings; EscalationDeps provides all of it. */
export interface RecordingDeps {
  twilio: Twilio;
  syncServiceSid: string;
  recordingPolicy: RecordingPolicy;
  notices: NoticeSettings;
  now: () => Date;
}

export interface RecordingAnswer {
  recording: boolean;
  roomSid: string;
}

/** One Video Recording Rule, as Twilio lists it. */
export interface RecordingRule {
  type?: string;
  all?: boolean;
  publisher?: string;
  track?: string;
  kind?: string;
}

/** Whether any track may be recorded under these rules. Twilio applies them in order, so an
 * `exclude all` cancels what came before it; any include after that records something (the
 * customer must be told about a partial recording too). No rules at all record nothing. */
export function rulesRecord(rules: readonly RecordingRule[]): boolean {
  let recording = false;
  for (const rule of rules) {
    if (rule.type === 'include') recording = true;
    else if (rule.type === 'exclude' && rule.all === true) recording = false;
  }
  return recording;
}

/** The company's policy, checked before anything else: `off` never starts, `always` never stops. */
export function assertPolicyAllows(policy: RecordingPolicy, action: RecordingAction): void {
  if (policy === 'off' && action === 'start') {
    throw new AppError(
      'recording_disabled',
      'Recording is turned off for this service (VIDEO_RECORDING=off).',
    );
  }
  if (policy === 'always' && action === 'stop') {
    throw new AppError(
      'recording_disabled',
      'Every video call is recorded on this service (VIDEO_RECORDING=always); recording cannot be stopped.',
    );
  }
}

/** The bundle's decision about a room's recording, kept in a Sync document. */
export interface RecordingDecision {
  recording: boolean;
  /** How many times the bundle changed the room's recording; each change has one notice. */
  change: number;
  /** Epoch ms of the change; its notice cannot be older. */
  changedAt: number;
}

export const recordingDecisionKey = (roomSid: string) => `video-recording-${roomSid}`;
export const recordingNoticeKey = (roomSid: string, change: number) => `video-recording-${roomSid}-${change}`;

/** A room starts out not recorded as far as the customer was told, even one that Twilio records
 * from the start (`always`): its first change posts the recording-started notice. */
const undecided = (room: VideoRoom): RecordingDecision => ({
  recording: false,
  change: 0,
  changedAt: room.dateCreated.getTime(),
});

/** At most this many rounds when other calls keep changing the decision in between. */
const MAX_ROUNDS = 3;

async function fetchRules(client: Twilio, roomSid: string): Promise<RecordingRule[]> {
  try {
    return (await client.video.v1.rooms(roomSid).recordingRules.fetch()).rules ?? [];
  } catch (err) {
    if (twilioFailure(err)?.status === 404) throw new AppError('no_room', 'The video room has ended.');
    throw err;
  }
}

async function writeRules(client: Twilio, roomSid: string, recording: boolean): Promise<void> {
  try {
    await client.video.v1
      .rooms(roomSid)
      .recordingRules.update({ rules: [...(recording ? RECORD_EVERYTHING : RECORD_NOTHING)] });
  } catch (err) {
    // Twilio refuses rules for a room that is no longer in progress.
    const status = twilioFailure(err)?.status;
    if (status === 404 || status === 400) throw new AppError('no_room', 'The video room has ended.');
    throw err;
  }
}

/**
 * Makes the room's rules match the decision. Two opposite changes racing (a start and a stop)
 * could land their rule updates in either order; so after each write the decision is read
 * again, and if it moved meanwhile the latest one is written. The last writer of the rules thus
 * always writes the last decision. Answers what the rules were left at.
 */
async function applyDecision(
  deps: RecordingDeps,
  decisions: ClaimStore<RecordingDecision>,
  roomSid: string,
  recording: boolean,
): Promise<boolean> {
  let target = recording;
  for (let round = 0; round < MAX_ROUNDS; round++) {
    await writeRules(deps.twilio, roomSid, target);
    const latest = (await decisions.read(recordingDecisionKey(roomSid)))?.record.recording ?? target;
    if (latest === target) return target;
    target = latest;
  }
  return target;
}

/** Posts the notice of one change, once. The deciding call posts straight away; any other call
 * checks that it went out, and takes over only once the decider can no longer be posting. */
async function announceChange(
  deps: RecordingDeps,
  chat: CustomerChat,
  roomSid: string,
  decision: RecordingDecision,
  decider: boolean,
): Promise<DeliveryOutcome> {
  const kind: NoticeKind = decision.recording ? 'recording-started' : 'recording-stopped';
  const changedAt = new Date(decision.changedAt);
  const delivery = {
    claims: new ClaimStore(deps.twilio, deps.syncServiceSid),
    key: recordingNoticeKey(roomSid, decision.change),
    find: () => findNotice(deps.twilio, chat.conversationSid, roomSid, kind, changedAt),
    post: () => postNotice(deps.twilio, chat.conversationSid, roomSid, kind, chat.notices[kind]),
    now: deps.now,
  };
  return (decider ? await postAsOwner(delivery) : await postUnlessFound(delivery, { startedAt: changedAt }))
    .outcome;
}

/** The customer hears of a start before anything is recorded, and of a stop only once it is.
 * A call that finds a start's notice still being posted by the deciding call leaves the rules
 * to that call, which applies them once the notice is out: recording never begins untold. */
async function carryOut(
  deps: RecordingDeps,
  decisions: ClaimStore<RecordingDecision>,
  room: VideoRoom,
  chat: CustomerChat,
  decision: RecordingDecision,
  options: { decider: boolean; rulesMatch: boolean },
): Promise<boolean> {
  const announce = () =>
    decision.change > 0 ? announceChange(deps, chat, room.sid, decision, options.decider) : undefined;
  const apply = async () =>
    options.rulesMatch ? decision.recording : applyDecision(deps, decisions, room.sid, decision.recording);
  if (decision.recording) {
    if ((await announce()) === 'pending') return decision.recording;
    return apply();
  }
  const recording = await apply();
  await announce();
  return recording;
}

/**
 * Brings the room's recording to `recording`: decides the change if it is still to be made,
 * else finishes whatever the call that decided it may have left undone (rules, notice).
 * Answers whether the room records now.
 */
export async function ensureRoomRecording(
  deps: RecordingDeps,
  room: VideoRoom,
  chat: CustomerChat,
  recording: boolean,
): Promise<boolean> {
  const decisions = new ClaimStore<RecordingDecision>(deps.twilio, deps.syncServiceSid);
  const key = recordingDecisionKey(room.sid);
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const [rules, current] = await Promise.all([fetchRules(deps.twilio, room.sid), decisions.read(key)]);
    const decision = current?.record ?? undecided(room);
    const rulesMatch = rulesRecord(rules) === recording;
    if (decision.recording === recording) {
      return carryOut(deps, decisions, room, chat, decision, { decider: false, rulesMatch });
    }
    const next: RecordingDecision = {
      recording,
      change: decision.change + 1,
      changedAt: deps.now().getTime(),
    };
    const decided = current
      ? await decisions.replace(key, next, current.revision)
      : await decisions.create(key, next);
    if (decided) return carryOut(deps, decisions, room, chat, next, { decider: true, rulesMatch });
    // Another call changed the decision between the read and the write: look again.
  }
  throw new AppError(
    'upstream_unavailable',
    'Recording is being changed by another request right now; try again.',
    1,
  );
}

/** POST /video/recording with Action start or stop. */
export async function changeRecording(
  deps: RecordingDeps,
  task: FlexTask,
  inProgress: VideoRoom | undefined,
  action: 'start' | 'stop',
): Promise<RecordingAnswer> {
  assertPolicyAllows(deps.recordingPolicy, action);
  const chat = {
    conversationSid: requireConversation(task),
    notices: noticesFor(deps.notices, task.attributes),
  };
  const room = requireRoom(inProgress);
  const recording = await ensureRoomRecording(deps, room, chat, action === 'start');
  return { recording, roomSid: room.sid };
}

/** POST /video/recording with Action status: what Twilio records now; reads only. */
export async function recordingStatus(
  deps: Pick<RecordingDeps, 'twilio'>,
  task: FlexTask,
  inProgress: VideoRoom | undefined,
): Promise<RecordingAnswer> {
  requireConversation(task);
  const room = requireRoom(inProgress);
  return { recording: rulesRecord(await fetchRules(deps.twilio, room.sid)), roomSid: room.sid };
}
