import { EventEmitter } from 'node:events';
import type { AgentApi, AgentCall, AgentGrant, AgentResult } from '../shared/api';
import type { AssistChannel } from '../shared/assist-channel';
import type { Room, VideoSdk } from '../shared/sdk';
import type { PanelMedia } from './media';
import { initialPanelState, reducePanel, type PanelEvent } from './panel-state';
import { PanelSession, REJOIN_ATTEMPTS } from './session';

const HOUR = 3_600_000;
const ROOM_SID = `RM${'1'.repeat(32)}`;
const grant = (token: string): AgentGrant => ({
  token,
  identity: 'agent-WK0',
  roomName: 'flex-video-WT0',
  roomSid: ROOM_SID,
  expiresAt: Date.now() + 4 * HOUR,
});
const failure = (status: number, code: string) => ({
  ok: false as const,
  failure: { status, code, retryAfterSeconds: null },
});
const twilioError = (code: number) => Object.assign(new Error(`twilio ${code}`), { code });

/** A room as the SDK gives it: an emitter with the agent in it. */
function fakeRoom(): Room & EventEmitter {
  const local = Object.assign(new EventEmitter(), {
    identity: 'agent-WK0',
    sid: 'PA0',
    networkQualityLevel: null,
    publishTrack: () => Promise.resolve(undefined),
    unpublishTrack: () => undefined,
  });
  const room = Object.assign(new EventEmitter(), {
    sid: ROOM_SID,
    name: 'flex-video-WT0',
    isRecording: false,
    localParticipant: local,
    participants: new Map(),
    disconnect() {
      room.emit('disconnected', room);
      return room;
    },
  });
  return room;
}

/** The session with every edge replaced: the SDK connects (or fails) as told, the service answers
 * from queues, short timers run at once. Events go through the real reducer. */
function harness(
  answers: {
    agentToken?: AgentResult<AgentGrant>[];
    /** What /video/agent-call answers when the panel opens; else the next agent token's call. */
    callAtOpen?: AgentResult<AgentCall>;
    connect?: (Error | null)[];
    slowToken?: Promise<AgentResult<AgentGrant>>;
  } = {},
) {
  const connects: string[] = [];
  const rooms: (Room & EventEmitter)[] = [];
  const events: PanelEvent[] = [];
  let state = initialPanelState;
  const mediaLog: string[] = [];
  const assists: AssistChannel[] = [];
  const sdk = {
    isSupported: true,
    LocalDataTrack: class {
      send() {}
    },
    connect: (token: string) => {
      connects.push(token);
      const outcome = answers.connect?.shift();
      if (outcome) return Promise.reject(outcome);
      const room = fakeRoom();
      rooms.push(room);
      return Promise.resolve(room);
    },
  } as unknown as VideoSdk;
  let tokens = 0;
  const agentToken = async (): Promise<AgentResult<AgentGrant>> =>
    (await answers.slowToken) ??
    answers.agentToken?.shift() ?? { ok: true, value: grant(`video-${++tokens}`) };
  const api = {
    agentCall: async (): Promise<AgentResult<AgentCall>> => {
      if (answers.callAtOpen) return answers.callAtOpen;
      const token = await agentToken();
      return token.ok ? { ok: true, value: { call: token.value } } : token;
    },
    agentToken,
    escalate: () =>
      Promise.resolve({
        ok: true,
        value: {
          roomSid: ROOM_SID,
          joinUrl: 'u',
          created: true,
          inviteStatus: 'posted',
          agent: grant('from-escalate'),
        },
      }),
    complete: () => Promise.resolve({ ok: true, value: { roomSid: ROOM_SID } }),
  } as unknown as AgentApi;
  const media = {
    start: () => {
      mediaLog.push('start');
      return Promise.resolve({ audio: null, video: null });
    },
    stop: () => void mediaLog.push('stop'),
    sdkTracks: () => [],
    publishTo: () => () => undefined,
  } as unknown as PanelMedia;
  const session = new PanelSession({
    loadSdk: () => Promise.resolve(sdk),
    api,
    media,
    // Pauses between rejoins pass at once; the token refresh planned hours ahead never comes.
    clock: {
      now: () => Date.now(),
      setTimeout: (callback, ms) => ms < HOUR && setImmediate(callback),
      clearTimeout: () => undefined,
    },
    tracks: { addTrack: () => undefined, removeTrack: () => undefined },
    captureScreen: () => Promise.reject(new Error('no screen here')),
    dispatch: (event) => {
      events.push(event);
      state = reducePanel(state, event);
    },
    onAssist: (channel) => assists.push(channel),
  });
  const settle = () => new Promise((resolve) => setTimeout(resolve, 20));
  return { session, connects, rooms, events, mediaLog, assists, state: () => state, settle };
}

test('a task with a room is joined with the token agent-token gave; without one, Start is offered', async () => {
  const withRoom = harness();
  await withRoom.session.begin();
  await withRoom.settle();
  expect(withRoom.connects).toEqual(['video-1']);
  expect(withRoom.state()).toMatchObject({
    phase: 'connected',
    roomSid: ROOM_SID,
    self: { identity: 'agent-WK0' },
  });
  // The call's assist channel reaches the panel.
  expect(withRoom.assists).toHaveLength(1);

  const without = harness({ callAtOpen: { ok: true, value: { call: null } } });
  await without.session.begin();
  expect(without.state().phase).toBe('ready');
  expect(without.connects).toEqual([]);
});

test('start escalates and joins with the agent token from escalate', async () => {
  const h = harness();
  expect(await h.session.start()).toBe('posted');
  await h.settle();
  expect(h.connects).toEqual(['from-escalate']);
  expect(h.state().phase).toBe('connected');
});

test('a signalling loss rejoins with the kept token; a token refusal fetches a fresh one first', async () => {
  const h = harness();
  await h.session.begin();
  await h.settle();
  h.rooms[0].emit('disconnected', h.rooms[0], twilioError(53001));
  expect(h.state().phase).toBe('reconnecting');
  await h.settle();
  expect(h.connects).toEqual(['video-1', 'video-1']);
  expect(h.state().phase).toBe('connected');

  h.rooms[1].emit('disconnected', h.rooms[1], twilioError(20104));
  await h.settle();
  expect(h.connects).toEqual(['video-1', 'video-1', 'video-2']);
  expect(h.state().phase).toBe('connected');
  expect(h.mediaLog).toEqual(['start']);
});

test(`rejoining gives up after ${REJOIN_ATTEMPTS} failed connects, and frees the camera`, async () => {
  const h = harness({ connect: [null, twilioError(53000), twilioError(53000), twilioError(53000)] });
  await h.session.begin();
  await h.settle();
  h.rooms[0].emit('disconnected', h.rooms[0], twilioError(53001));
  await new Promise((resolve) => setTimeout(resolve, 100));
  expect(h.connects).toHaveLength(1 + REJOIN_ATTEMPTS);
  expect(h.state()).toMatchObject({ phase: 'failed', problem: { kind: 'connect' } });
  expect(h.mediaLog).toEqual(['start', 'stop']);
});

test('the room closing, the agent joining elsewhere, or the room gone at rejoin end the panel’s call', async () => {
  for (const [code, phase] of [
    [53118, 'ended'],
    [null, 'ended'],
    [53205, 'replaced'],
  ] as const) {
    const h = harness();
    await h.session.begin();
    await h.settle();
    h.rooms[0].emit('disconnected', h.rooms[0], code === null ? undefined : twilioError(code));
    await h.settle();
    expect([code, h.state().phase, h.connects.length]).toEqual([code, phase, 1]);
  }

  const gone = harness({ agentToken: [{ ok: true, value: grant('video-1') }, failure(404, 'no_room')] });
  await gone.session.begin();
  await gone.settle();
  gone.rooms[0].emit('disconnected', gone.rooms[0], twilioError(20104));
  await gone.settle();
  expect(gone.state().phase).toBe('ended');
});

test('ending the call leaves the room without treating it as a loss', async () => {
  const h = harness();
  await h.session.begin();
  await h.settle();
  expect(await h.session.end()).toBeNull();
  await h.settle();
  expect(h.state().phase).toBe('ended');
  expect(h.events.filter((e) => e.type === 'rejoining')).toEqual([]);
  expect(h.connects).toHaveLength(1);
});

test('an answer that comes after the agent moved on is dropped', async () => {
  let answer: (value: AgentResult<AgentGrant>) => void = () => undefined;
  const h = harness({ slowToken: new Promise((resolve) => (answer = resolve)) });
  const begun = h.session.begin();
  h.session.leave();
  answer({ ok: true, value: grant('late') });
  await begun;
  await h.settle();
  expect(h.connects).toEqual([]);
});
