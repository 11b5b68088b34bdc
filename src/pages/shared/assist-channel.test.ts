import { EventEmitter } from 'node:events';
import {
  ASSIST_TRACK_NAME,
  MAX_ASSIST_MESSAGE_BYTES,
  openAssistChannel,
  parseAssistMessage,
  type AssistMessage,
} from './assist-channel';
import type { RemoteDataTrack, RemoteParticipant, Room } from './sdk';

/** The SDK's LocalDataTrack as the channel uses it: what was sent, in order. */
class SentData {
  readonly sent: string[] = [];
  constructor(readonly options: { name: string }) {}
  send(data: string) {
    this.sent.push(data);
  }
}

function setUp(present: RemoteParticipant[] = [], connectedWith?: SentData) {
  const published: unknown[] = [];
  const unpublished: unknown[] = [];
  const room = Object.assign(new EventEmitter(), {
    participants: new Map(present.map((p) => [p.sid, p])),
    localParticipant: {
      publishTrack: (track: unknown) => {
        published.push(track);
        return Promise.resolve();
      },
      unpublishTrack: (track: unknown) => unpublished.push(track),
    },
  }) as unknown as Room & EventEmitter;
  const made: SentData[] = [];
  const sdk = {
    LocalDataTrack: class extends SentData {
      constructor(options: { name: string }) {
        super(options);
        made.push(this);
      }
    },
  } as never;
  const channel = openAssistChannel(sdk, room, connectedWith as never);
  const local = connectedWith ?? made[0];
  const sent = () => local.sent.map((text) => JSON.parse(text) as AssistMessage);
  return { room, channel, sent, local, published, unpublished };
}

const dataTrack = (name = ASSIST_TRACK_NAME) =>
  Object.assign(new EventEmitter(), { kind: 'data', sid: `MT${name}`, name }) as unknown as RemoteDataTrack &
    EventEmitter;
const agent = { identity: 'agent-1', sid: 'PA1', tracks: new Map() } as unknown as RemoteParticipant;

test('publishes one data track named assist when opened', () => {
  const { local, published } = setUp();
  expect(local.options).toEqual({ name: 'assist' });
  expect(published).toEqual([local]);
});

test('a page that connected with its assist track (assistTrack) sends on it and publishes nothing more', () => {
  const connected = new SentData({ name: ASSIST_TRACK_NAME });
  const { channel, published } = setUp([], connected);
  expect(published).toEqual([]);
  channel.send({ type: 'hello' });
  expect(connected.sent).toEqual([JSON.stringify({ type: 'hello' })]);
});

test("the other page's messages reach the handlers of their kind, with who sent them", () => {
  const { room, channel } = setUp();
  const track = dataTrack();
  room.emit('trackSubscribed', track, {}, agent);
  const pointers: unknown[] = [];
  const answers: unknown[] = [];
  channel.on('pointer', (message, from) => pointers.push([message, from.identity]));
  channel.on('camera-answer', (message) => answers.push(message));
  track.emit('message', JSON.stringify({ type: 'pointer', x: 0.25, y: 1, phase: 'start' }));
  track.emit('message', JSON.stringify({ type: 'camera-answer', accepted: false }));
  expect(pointers).toEqual([[{ type: 'pointer', x: 0.25, y: 1, phase: 'start' }, 'agent-1']]);
  expect(answers).toEqual([{ type: 'camera-answer', accepted: false }]);
});

test('unknown kinds, malformed JSON, wrong shapes, binary and oversized data are dropped', () => {
  const { room, channel } = setUp();
  const track = dataTrack();
  room.emit('trackSubscribed', track, {}, agent);
  const heard: unknown[] = [];
  channel.on('pointer', (message) => heard.push(message));
  channel.on('audio-only', (message) => heard.push(message));
  for (const data of [
    '{"type":"pointer","x":0.5',
    'null',
    '[]',
    '"pointer"',
    JSON.stringify({ type: 'toString' }),
    JSON.stringify({ type: 'laser', x: 0.5, y: 0.5 }),
    JSON.stringify({ type: 'pointer', x: 1.5, y: 0.5, phase: 'start' }),
    JSON.stringify({ type: 'pointer', x: '0.5', y: 0.5, phase: 'start' }),
    JSON.stringify({ type: 'pointer', x: 0.5, y: 0.5, phase: 'hover' }),
    JSON.stringify({ type: 'audio-only', on: 'yes', reason: 'chosen' }),
    JSON.stringify({
      type: 'pointer',
      x: 0.5,
      y: 0.5,
      phase: 'move',
      pad: 'x'.repeat(MAX_ASSIST_MESSAGE_BYTES),
    }),
  ])
    track.emit('message', data);
  track.emit('message', new ArrayBuffer(8));
  expect(heard).toEqual([]);
  track.emit('message', JSON.stringify({ type: 'audio-only', on: true, reason: 'network' }));
  expect(heard).toEqual([{ type: 'audio-only', on: true, reason: 'network' }]);
});

test('parseAssistMessage accepts each kind in its shape', () => {
  const valid: AssistMessage[] = [
    { type: 'pointer', x: 0, y: 0.5, phase: 'end' },
    { type: 'camera-request', facing: 'environment' },
    { type: 'camera-answer', accepted: true },
    { type: 'camera-facing', facing: 'unknown' },
    { type: 'audio-only', on: false, reason: 'chosen' },
    { type: 'transcription', on: true },
    { type: 'hello' },
  ];
  for (const message of valid) expect(parseAssistMessage(JSON.stringify(message))).toEqual(message);
  expect(parseAssistMessage(JSON.stringify({ type: 'camera-request', facing: 'left' }))).toBeNull();
  expect(parseAssistMessage(JSON.stringify({ type: 'transcription', on: 'true' }))).toBeNull();
  expect(parseAssistMessage(JSON.stringify({ type: 'transcription' }))).toBeNull();
});

test('a message over the size limit is not sent', () => {
  const { channel, local } = setUp();
  const before = local.sent.length;
  const huge = { type: 'camera-answer', accepted: true, note: 'x'.repeat(MAX_ASSIST_MESSAGE_BYTES) };
  expect(channel.send(huge as AssistMessage)).toBe(false);
  expect(local.sent.length).toBe(before);
  expect(channel.send({ type: 'camera-answer', accepted: true })).toBe(true);
});

test('state is sent at once, and again with a hello to a page whose track appears or that asks', () => {
  const { room, channel, sent } = setUp();
  channel.setState({ type: 'camera-facing', facing: 'user' });
  channel.setState({ type: 'camera-facing', facing: 'environment' });
  channel.send({ type: 'camera-answer', accepted: true });
  expect(sent()).toEqual([
    { type: 'camera-facing', facing: 'user' },
    { type: 'camera-facing', facing: 'environment' },
    { type: 'camera-answer', accepted: true },
  ]);
  const track = dataTrack();
  room.emit('trackSubscribed', track, {}, agent);
  expect(sent().slice(3)).toEqual([{ type: 'hello' }, { type: 'camera-facing', facing: 'environment' }]);
  track.emit('message', JSON.stringify({ type: 'hello' }));
  expect(sent().slice(5)).toEqual([{ type: 'camera-facing', facing: 'environment' }]);
});

test('reads the assist tracks of pages already in the room, and no other data track', () => {
  const present = dataTrack();
  const other = dataTrack('captions');
  const participant = {
    ...agent,
    tracks: new Map([
      ['PUB1', { track: present }],
      ['PUB2', { track: other }],
      ['PUB3', { track: null }],
    ]),
  } as unknown as RemoteParticipant;
  const { channel } = setUp([participant]);
  const heard: string[] = [];
  channel.on('camera-request', (message, from) => heard.push(`${from.sid} ${message.facing}`));
  present.emit('message', JSON.stringify({ type: 'camera-request', facing: 'environment' }));
  other.emit('message', JSON.stringify({ type: 'camera-request', facing: 'user' }));
  expect(heard).toEqual(['PA1 environment']);
});

test('unsubscribing and closing stop the handlers; close unpublishes the track', () => {
  const { room, channel, local, unpublished } = setUp();
  const track = dataTrack();
  room.emit('trackSubscribed', track, {}, agent);
  room.emit('trackSubscribed', track, {}, agent);
  const heard: unknown[] = [];
  const stop = channel.on('camera-answer', (message) => heard.push(message));
  channel.on('camera-facing', (message) => heard.push(message));
  stop();
  track.emit('message', JSON.stringify({ type: 'camera-answer', accepted: true }));
  track.emit('message', JSON.stringify({ type: 'camera-facing', facing: 'user' }));
  expect(heard).toEqual([{ type: 'camera-facing', facing: 'user' }]);
  channel.close();
  track.emit('message', JSON.stringify({ type: 'camera-facing', facing: 'environment' }));
  expect(heard).toHaveLength(1);
  expect(unpublished).toEqual([local]);
  expect(channel.send({ type: 'hello' })).toBe(false);
});

test('snapshot messages: a request names a request id; an answer its outcome and what was sent', () => {
  const requestId = 'R'.repeat(22);
  const parse = (message: object) => parseAssistMessage(JSON.stringify(message));
  expect(parse({ type: 'snapshot-request', requestId })).toEqual({ type: 'snapshot-request', requestId });
  expect(parse({ type: 'snapshot-request', requestId: 'short' })).toBeNull();
  expect(parse({ type: 'snapshot-request', requestId: `${'R'.repeat(21)}/` })).toBeNull();
  const posted = {
    type: 'snapshot-answer',
    requestId,
    outcome: 'posted',
    width: 1280,
    height: 720,
    bytes: 90_000,
  };
  expect(parse(posted)).toEqual(posted);
  expect(parse({ type: 'snapshot-answer', requestId, outcome: 'declined' })).not.toBeNull();
  expect(parse({ type: 'snapshot-answer', requestId, outcome: 'maybe' })).toBeNull();
  expect(parse({ ...posted, width: -1 })).toBeNull();
  expect(parse({ ...posted, bytes: '90000' })).toBeNull();
});

test('snapshot receipt: names the request id it acknowledges, and nothing else passes', () => {
  const requestId = 'R'.repeat(22);
  const parse = (message: object) => parseAssistMessage(JSON.stringify(message));
  expect(parse({ type: 'snapshot-received', requestId })).toEqual({ type: 'snapshot-received', requestId });
  expect(parse({ type: 'snapshot-received' })).toBeNull();
  expect(parse({ type: 'snapshot-received', requestId: 'short' })).toBeNull();
  expect(parse({ type: 'snapshot-received', requestId: 42 })).toBeNull();
});
