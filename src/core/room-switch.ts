import type { Twilio } from 'twilio';
import { AppError } from './errors';
import { findNotice, NoticeKind, postNotice } from './messages';
import type { CustomerChat } from './notices';
import { ClaimStore, DeliveryOutcome, postAsOwner, postUnlessFound } from './once';
import type { VideoRoom } from './rooms';

/**
 * Something about a room that is on or off in Twilio (recording, transcription), changed under a
 * company policy and told to the customer in the conversation once per real change.
 *
 * Nothing is kept between calls, so what "on" means lives in Twilio:
 * - Twilio's own state is what it does (the answer to `status`);
 * - a Sync document per room holds what the bundle last decided and how many changes it has
 *   made. A change is decided by the one call whose create-if-absent or If-Match write of that
 *   document wins; only that call posts the change's notice, so two concurrent `start`s post one
 *   notice, and a repeated `start` finds the decision already made and posts nothing. Comparing
 *   Twilio's state alone could not do this: both concurrent calls would read "off" and both post.
 */

export interface SwitchDeps {
  twilio: Twilio;
  syncServiceSid: string;
  now: () => Date;
}

type SwitchNoticeKind = Extract<NoticeKind, `${string}-started` | `${string}-stopped`>;

/** What one switch is: its Sync keys, its notices, and how Twilio's side is read and written. */
export interface RoomSwitch {
  /** The Sync document of the room's decision. */
  decisionKey(roomSid: string): string;
  /** The once-only claim of one change's notice. */
  noticeKey(roomSid: string, change: number): string;
  started: SwitchNoticeKind;
  stopped: SwitchNoticeKind;
  /** Whether Twilio has it on now. */
  read(roomSid: string): Promise<boolean>;
  write(roomSid: string, on: boolean): Promise<void>;
  /** Said when other calls kept changing the decision for every round. */
  busy: string;
}

/** The bundle's decision about a room's switch, kept in a Sync document. */
export interface SwitchDecision {
  on: boolean;
  /** How many times the bundle changed the switch; each change has one notice. */
  change: number;
  /** Epoch ms of the change; its notice cannot be older. */
  changedAt: number;
}

/** Decisions in the bundle's Sync service. Recording decisions written before recording and
 * transcription shared this module name their state `recording`; they are read as `on`, so a
 * deploy in the middle of a recorded call keeps its decision (the documents live two days). */
class DecisionStore extends ClaimStore<SwitchDecision> {
  override async read(key: string): Promise<{ record: SwitchDecision; revision: string } | undefined> {
    const found = await super.read(key);
    const legacy = (found?.record as { recording?: unknown } | undefined)?.recording;
    if (!found || typeof found.record.on === 'boolean' || typeof legacy !== 'boolean') return found;
    return { ...found, record: { ...found.record, on: legacy } };
  }
}

/** A room starts out off as far as the customer was told, even one Twilio switched on from the
 * start (`always`): its first change posts the started notice. */
const undecided = (room: VideoRoom): SwitchDecision => ({
  on: false,
  change: 0,
  changedAt: room.dateCreated.getTime(),
});

/** At most this many rounds when other calls keep changing the decision in between. */
const MAX_ROUNDS = 3;

export async function readDecision(
  deps: SwitchDeps,
  roomSwitch: RoomSwitch,
  roomSid: string,
): Promise<SwitchDecision | undefined> {
  const decisions = new DecisionStore(deps.twilio, deps.syncServiceSid);
  return (await decisions.read(roomSwitch.decisionKey(roomSid)))?.record;
}

/**
 * Makes Twilio match the decision. Two opposite changes racing (a start and a stop) could land
 * their writes in either order; so after each write the decision is read again, and if it moved
 * meanwhile the latest one is written. The last writer thus always writes the last decision.
 * Answers what Twilio was left at.
 */
async function applyDecision(
  roomSwitch: RoomSwitch,
  decisions: ClaimStore<SwitchDecision>,
  roomSid: string,
  on: boolean,
): Promise<boolean> {
  let target = on;
  for (let round = 0; round < MAX_ROUNDS; round++) {
    await roomSwitch.write(roomSid, target);
    const latest = (await decisions.read(roomSwitch.decisionKey(roomSid)))?.record.on ?? target;
    if (latest === target) return target;
    target = latest;
  }
  return target;
}

/** Posts the notice of one change, once. The deciding call posts straight away; any other call
 * checks that it went out, and takes over only once the decider can no longer be posting. */
async function announceChange(
  deps: SwitchDeps,
  roomSwitch: RoomSwitch,
  chat: CustomerChat,
  roomSid: string,
  decision: SwitchDecision,
  decider: boolean,
): Promise<DeliveryOutcome> {
  const kind = decision.on ? roomSwitch.started : roomSwitch.stopped;
  const text = chat.notices[kind];
  const changedAt = new Date(decision.changedAt);
  const delivery = {
    claims: new ClaimStore(deps.twilio, deps.syncServiceSid),
    key: roomSwitch.noticeKey(roomSid, decision.change),
    find: () => findNotice(deps.twilio, chat.conversationSid, roomSid, kind, changedAt),
    post: () => postNotice(deps.twilio, chat.conversationSid, roomSid, kind, text),
    now: deps.now,
  };
  return (decider ? await postAsOwner(delivery) : await postUnlessFound(delivery, { startedAt: changedAt }))
    .outcome;
}

/** The customer hears of a start before anything is on, and of a stop only once it is off.
 * A call that finds a start's notice still being posted by the deciding call leaves Twilio to
 * that call, which switches it on once the notice is out: nothing begins untold. */
async function carryOut(
  deps: SwitchDeps,
  roomSwitch: RoomSwitch,
  decisions: ClaimStore<SwitchDecision>,
  room: VideoRoom,
  chat: CustomerChat,
  decision: SwitchDecision,
  options: { decider: boolean; twilioMatches: boolean },
): Promise<boolean> {
  const announce = () =>
    decision.change > 0
      ? announceChange(deps, roomSwitch, chat, room.sid, decision, options.decider)
      : undefined;
  const apply = async () =>
    options.twilioMatches ? decision.on : applyDecision(roomSwitch, decisions, room.sid, decision.on);
  if (decision.on) {
    if ((await announce()) === 'pending') return decision.on;
    return apply();
  }
  const on = await apply();
  await announce();
  return on;
}

/**
 * Brings the room's switch to `on`: decides the change if it is still to be made, else finishes
 * whatever the call that decided it may have left undone (Twilio's side, the notice). Answers
 * whether Twilio has it on now, and the decision it acted on.
 */
export async function ensureRoomSwitch(
  deps: SwitchDeps,
  roomSwitch: RoomSwitch,
  room: VideoRoom,
  chat: CustomerChat,
  on: boolean,
): Promise<{ on: boolean; decision: SwitchDecision }> {
  const decisions = new DecisionStore(deps.twilio, deps.syncServiceSid);
  const key = roomSwitch.decisionKey(room.sid);
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const [actual, current] = await Promise.all([roomSwitch.read(room.sid), decisions.read(key)]);
    const decision = current?.record ?? undecided(room);
    const twilioMatches = actual === on;
    if (decision.on === on) {
      const now = await carryOut(deps, roomSwitch, decisions, room, chat, decision, {
        decider: false,
        twilioMatches,
      });
      return { on: now, decision };
    }
    const next: SwitchDecision = { on, change: decision.change + 1, changedAt: deps.now().getTime() };
    const decided = current
      ? await decisions.replace(key, next, current.revision)
      : await decisions.create(key, next);
    if (decided) {
      const now = await carryOut(deps, roomSwitch, decisions, room, chat, next, {
        decider: true,
        twilioMatches,
      });
      return { on: now, decision: next };
    }
    // Another call changed the decision between the read and the write: look again.
  }
  throw new AppError('upstream_unavailable', roomSwitch.busy, 1);
}
