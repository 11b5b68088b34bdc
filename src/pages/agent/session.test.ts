import { EventEmitter } from 'node:events';
import type {
  AgentApi,
  AgentCall,
  AgentGrant,
  AgentResult,
  ReportedResult,
  TranscriptionPolicy,
} from '../shared/api';
import type { AssistChannel } from '../shared/assist-channel';
import type { Heard } from '../shared/captions';
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
    transcription?: TranscriptionPolicy;
    identity?: string;
  } = {},
) {
  const heard: Heard[] = [];
  /** What reached the service, in order: `status`, `start`, `stop`, reports as their sequences. */
  const transcriptionCalls: (string | number[])[] = [];
  const connects: string[] = [];
  const rooms: (Room & EventEmitter)[] = [];
  const events: PanelEvent[] = [];
  let state = initialPanelState;
  const mediaLog: string[] = [];
  const assists: AssistChannel[] = [];
  /** What the panel sent on its assist data track, parsed. */
  const sentOnAssist: unknown[] = [];
  const sdk = {
    isSupported: true,
    LocalDataTrack: class {
      send(data: string) {
        sentOnAssist.push(JSON.parse(data));
      }
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
    answers.agentToken?.shift() ?? {
      ok: true,
      value: { ...grant(`video-${++tokens}`), identity: answers.identity ?? 'agent-WK0' },
    };
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
    transcription: (action: string) => {
      transcriptionCalls.push(action);
      return Promise.resolve({ ok: true, value: { transcribing: action === 'start' } });
    },
    transcript: (results: ReportedResult[]) => {
      transcriptionCalls.push(results.map((r) => r.Sequence));
      return Promise.resolve({ ok: true, value: { kept: results.length } });
    },
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
    transcription: { policy: answers.transcription ?? 'off', kept: true },
    heard: (result) => heard.push(result),
    onAssist: (channel) => assists.push(channel),
  });
  const settle = () => new Promise((resolve) => setTimeout(resolve, 20));
  return {
    session,
    connects,
    rooms,
    events,
    mediaLog,
    assists,
    state: () => state,
    settle,
    heard,
    transcriptionCalls,
    /** The transcription states the customer's page was told, in order. */
    badgeStates: () =>
      sentOnAssist
        .filter((m) => (m as { type: string }).type === 'transcription')
        .map((m) => (m as { on: boolean }).on),
  };
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

/** The SDK's transcription event, as the local edge or Twilio sends it. */
const spoken = (seq: number, partial: boolean, participant = 'PA0') => ({
  transcription: `words ${seq}`,
  partial_results: partial,
  participant,
  sequence_number: seq,
  timestamp: new Date(seq * 1000).toISOString(),
});

test('on-demand: the panel reads whether the room is transcribed, shows every result and reports the final ones before a stop', async () => {
  const call = harness({ transcription: 'on-demand' });
  await call.session.begin();
  await call.settle();
  expect(call.transcriptionCalls).toEqual(['status']);
  await call.session.setTranscription('start');
  expect(call.state().transcription).toEqual({ on: true, busy: false, problem: null });
  call.rooms[0].emit('transcription', spoken(1, true));
  call.rooms[0].emit('transcription', spoken(2, false));
  call.rooms[0].emit('transcription', spoken(3, false, 'PA-unknown'));
  expect(call.heard.map((h) => [h.seq, h.partial, h.identity])).toEqual([
    [1, true, 'agent-WK0'],
    [2, false, 'agent-WK0'],
  ]);
  // The stop waits for the held result to be reported: the transcript closes at the stop.
  await call.session.setTranscription('stop');
  expect(call.transcriptionCalls).toEqual(['status', 'start', [2], 'stop']);
});

test('a supervisor’s panel shows captions but reports nothing; under off nothing is asked', async () => {
  const supervisor = harness({ transcription: 'always', identity: `supervisor-${'a'.repeat(40)}` });
  await supervisor.session.begin();
  await supervisor.settle();
  supervisor.rooms[0].emit('transcription', spoken(1, false));
  await supervisor.session.end();
  expect(supervisor.heard).toHaveLength(1);
  expect(supervisor.transcriptionCalls).toEqual([]);
  const off = harness();
  await off.session.begin();
  await off.settle();
  expect(off.transcriptionCalls).toEqual([]);
});

test('the customer’s badge follows the agent’s answers: the status read, Start and Stop; always is on from connect', async () => {
  const onDemand = harness({ transcription: 'on-demand' });
  await onDemand.session.begin();
  await onDemand.settle();
  expect(onDemand.badgeStates()).toEqual([false]);
  await onDemand.session.setTranscription('start');
  await onDemand.session.setTranscription('stop');
  expect(onDemand.badgeStates()).toEqual([false, true, false]);

  const always = harness({ transcription: 'always' });
  await always.session.begin();
  await always.settle();
  expect(always.badgeStates()).toEqual([true]);

  // A supervisor's answer may be older than the agent's: their panel says nothing.
  const supervisor = harness({ transcription: 'on-demand', identity: `supervisor-${'a'.repeat(40)}` });
  await supervisor.session.begin();
  await supervisor.settle();
  await supervisor.session.setTranscription('start');
  expect(supervisor.badgeStates()).toEqual([]);
});

test('End reports what is held first: the room’s end closes the transcript', async () => {
  const call = harness({ transcription: 'always' });
  await call.session.begin();
  await call.settle();
  call.rooms[0].emit('transcription', spoken(4, false));
  await call.session.end();
  expect(call.transcriptionCalls).toEqual([[4]]);
});
