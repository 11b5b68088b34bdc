import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocket } from 'ws';
import { RTCPeerConnection, type RTCDataChannel } from 'werift';
import installedSdk from 'twilio-video/package.json';
import pkg from '../../package.json';
import { issueVideoToken } from '../../src/core/tokens';
import { TWILIO_ERROR } from '../../src/twilio-errors';
import { ACCOUNT_SID, API_KEY, API_SECRET, TwilioEmulator } from '../emulator';
import { admit } from './admission';
import { DEFAULT_NETWORK_QUALITY, frameText } from './edge';
import { readJson } from './front';
import { attachVideoEdge, CONTROL_PATH, EDGE_PATH, handleEdgeControl, SDK_VERSION, type VideoEdge } from '.';

/** The edge's protocol on raw sockets, as the SDK would speak it: admission, framing, the
 * relay between two participants, and bad input on one socket leaving the others alone. The
 * unmodified SDK against the edge is tests/browser/video-edge.test.ts. */

type Frame = Record<string, unknown> & { type: string; body?: Record<string, unknown> & { type: string } };

let emulator: TwilioEmulator;
let edge: VideoEdge;
let server: http.Server;
let url = '';
let controls = '';
beforeAll(async () => {
  emulator = new TwilioEmulator();
  server = http.createServer((req, res) => {
    void readJson(req).then((body) => {
      const { pathname } = new URL(req.url ?? '/', 'http://edge');
      if (!handleEdgeControl(edge, req.method ?? 'GET', pathname, body, res)) res.writeHead(404).end();
    });
  });
  edge = attachVideoEdge(server, emulator);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  url = `ws://127.0.0.1:${port}${EDGE_PATH}`;
  controls = `http://127.0.0.1:${port}${CONTROL_PATH}`;
});
afterAll(async () => {
  edge.close();
  await new Promise((resolve) => server.close(resolve));
});

const signer = { accountSid: ACCOUNT_SID, apiKey: API_KEY, apiSecret: API_SECRET };
const tokenFor = (identity: string, room: string, ttl = 600) =>
  issueVideoToken(signer, identity, room, ttl).token;
const newRoom = () =>
  emulator.createRoom({ unique_name: `unit-${Math.random()}`, status_callback: null }, []);

/** A raw client: every frame it received, and a way to wait for one. */
class Client {
  readonly frames: Frame[] = [];
  readonly ws: WebSocket;
  closed = false;
  private waiters: (() => void)[] = [];
  constructor() {
    this.ws = new WebSocket(url);
    this.ws.on('message', (data) => {
      this.frames.push(JSON.parse(frameText(data)) as Frame);
      this.waiters.splice(0).forEach((wake) => wake());
    });
    this.ws.on('close', () => {
      this.closed = true;
      this.waiters.splice(0).forEach((wake) => wake());
    });
  }
  opened(): Promise<void> {
    return new Promise((resolve) => this.ws.on('open', resolve));
  }
  send(frame: unknown): void {
    this.ws.send(typeof frame === 'string' ? frame : JSON.stringify(frame));
  }
  /** The first frame (or message body, for `msg`) that matches. */
  async next(match: (frame: Frame) => boolean): Promise<Frame> {
    for (;;) {
      const found = this.frames.find(match);
      if (found) return found;
      if (this.closed) throw new Error(`closed without it: ${JSON.stringify(this.frames)}`);
      await new Promise<void>((resolve) => this.waiters.push(resolve));
    }
  }
  body(type: string): Promise<Record<string, unknown>> {
    return this.next((f) => f.type === 'msg' && f.body?.type === type).then((f) => f.body!);
  }
  async whenClosed(): Promise<void> {
    while (!this.closed) await new Promise<void>((resolve) => this.waiters.push(resolve));
  }
}

const hello = (body: unknown, version = 2) => ({ type: 'hello', id: 'h1', timeout: 5000, version, body });
const connect = (token: string, tracks: unknown[] = [], offerId = 'pc-initial', mediaSignaling = {}) => ({
  type: 'connect',
  version: 2,
  token,
  name: 'ignored',
  participant: { revision: 1, tracks },
  peer_connections: [{ id: offerId, description: { type: 'offer', revision: 1, sdp: 'v=0 offer' } }],
  media_signaling: mediaSignaling,
});

async function joined(
  identity: string,
  roomSid: string,
  tracks: unknown[] = [],
  offerId?: string,
  mediaSignaling?: Record<string, unknown>,
) {
  const client = new Client();
  await client.opened();
  client.send(hello(connect(tokenFor(identity, roomSid), tracks, offerId, mediaSignaling)));
  const connected = await client.body('connected');
  return { client, connected };
}

test('the edge is written for the installed twilio-video, pinned exactly in package.json', () => {
  expect(installedSdk.version).toBe(SDK_VERSION);
  expect(pkg.devDependencies['twilio-video']).toBe(SDK_VERSION);
});

test('admission: signature, issuer, identity, expiry and the room grant', () => {
  const room = 'RM0123456789abcdef0123456789abcdef';
  expect(admit(tokenFor('a', room), undefined)).toEqual({ ok: true, identity: 'a', room });
  const [header, payload] = tokenFor('a', room).split('.');
  expect(admit(`${header}.${payload}.forged`, undefined)).toMatchObject({
    code: TWILIO_ERROR.ACCESS_TOKEN_INVALID,
  });
  expect(admit('garbage', undefined)).toMatchObject({ code: TWILIO_ERROR.ACCESS_TOKEN_INVALID });
  expect(
    admit(issueVideoToken({ ...signer, apiKey: 'SKother' }, 'a', room, 60).token, undefined),
  ).toMatchObject({
    code: TWILIO_ERROR.ACCESS_TOKEN_INVALID,
  });
  expect(admit(tokenFor('a', room, -1), undefined)).toMatchObject({
    code: TWILIO_ERROR.ACCESS_TOKEN_EXPIRED,
  });
});

test('hello is welcomed with the negotiated heartbeat; connect is answered with the session, the room and the participant', async () => {
  const room = newRoom();
  const { client, connected } = await joined('alice', room.sid);
  expect(client.frames[0]).toEqual({ type: 'welcome', id: 'h1', negotiatedTimeout: 5000 });
  expect(connected).toMatchObject({
    sid: room.sid,
    name: room.unique_name,
    options: { session_timeout: 30 },
    participant: { identity: 'alice' },
    participants: [],
    recording: { is_recording: false },
    // Alone in the room: the SDK's first offer has no one to go to.
    peer_connections: [{ id: 'pc-initial', description: { type: 'close' } }],
  });
  expect(emulator.connectedIdentities(room.sid)).toEqual(['alice']);
  client.ws.close();
});

test('the second participant: offers, answers and candidates relayed; tracks published and subscribed', async () => {
  const room = newRoom();
  const alice = await joined('alice', room.sid, [
    { id: 'cam-a', kind: 'video', name: 'camera', enabled: true, priority: 'standard' },
  ]);
  expect(alice.connected.published).toMatchObject({ tracks: [{ id: 'cam-a', state: 'ready' }] });
  const bob = await joined('bob', room.sid, [], 'pc-bob');
  const aliceTrackSid = (alice.connected.published as { tracks: { sid: string }[] }).tracks[0].sid;
  expect(bob.connected.subscribed).toMatchObject({ tracks: [{ sid: aliceTrackSid, id: 'cam-a' }] });
  expect(bob.connected.participants).toMatchObject([
    { identity: 'alice', state: 'connected', tracks: [{ sid: aliceTrackSid, kind: 'video' }] },
  ]);
  // Alice hears of Bob with Bob's offer in one update, and her answer goes back to Bob alone.
  const told = await alice.client.next((f) => f.body?.type === 'update' && Boolean(f.body.peer_connections));
  expect(told.body).toMatchObject({
    participants: [{ identity: 'bob', revision: 1 }],
    peer_connections: [{ id: 'pc-bob', description: { type: 'offer', sdp: 'v=0 offer' } }],
  });
  const answer = { id: 'pc-bob', description: { type: 'answer', revision: 1, sdp: 'v=0 answer' } };
  alice.client.send({
    type: 'msg',
    body: { type: 'update', version: 2, session: 'x', peer_connections: [answer] },
  });
  expect(await bob.client.body('update')).toMatchObject({ peer_connections: [answer] });
  // Bob publishes: he gets his track's SID, Alice sees a higher revision and the subscription.
  bob.client.send({
    type: 'msg',
    body: {
      type: 'update',
      version: 2,
      participant: { revision: 2, tracks: [{ id: 'mic-b', kind: 'audio', name: 'mic', enabled: true }] },
    },
  });
  const published = await bob.client.next((f) => f.body?.type === 'update' && Boolean(f.body.published));
  expect(published.body!.published).toMatchObject({ tracks: [{ id: 'mic-b', state: 'ready' }] });
  const seen = await alice.client.next((f) => f.body?.type === 'update' && Boolean(f.body.subscribed));
  expect(seen.body).toMatchObject({
    participants: [{ identity: 'bob', revision: 2 }],
    subscribed: { tracks: [{ id: 'mic-b' }] },
  });
  alice.client.ws.close();
  bob.client.ws.close();
});

test.each([
  ['a frame that is not JSON', 'not json', 'Malformed frame'],
  ['a hello of another TCMP version', hello(undefined, 1), 'Unsupported TCMP version'],
  ['a first frame that is not hello', { type: 'msg', body: {} }, 'Expected hello'],
])('before welcome, %s gets `bad` and the socket is closed', async (_name, frame, reason) => {
  const client = new Client();
  await client.opened();
  client.send(frame);
  await client.whenClosed();
  expect(client.frames).toEqual([{ type: 'bad', reason }]);
});

test.each([
  [
    'a wrong RSP version',
    (t: string) => ({ ...connect(t), version: 3 }),
    TWILIO_ERROR.SIGNALING_OUTGOING_MESSAGE_INVALID,
  ],
  ['an invalid token', () => connect('not-a-token'), TWILIO_ERROR.ACCESS_TOKEN_INVALID],
  [
    'a room that does not exist',
    () => connect(tokenFor('x', 'RM00000000000000000000000000000000')),
    TWILIO_ERROR.ROOM_NOT_FOUND,
  ],
])('%s gets its error after welcome, and the others in the room carry on', async (_name, body, code) => {
  const room = newRoom();
  const alice = await joined('alice', room.sid);
  const client = new Client();
  await client.opened();
  client.send(hello(body(tokenFor('mallory', room.sid))));
  expect(await client.body('error')).toMatchObject({ code });
  await client.whenClosed();
  expect(alice.client.closed).toBe(false);
  expect(emulator.connectedIdentities(room.sid)).toEqual(['alice']);
  // Alice is still served: her heartbeat is fine and her changes are acknowledged.
  alice.client.send({
    type: 'msg',
    body: { type: 'update', version: 2, participant: { revision: 2, tracks: [] } },
  });
  await alice.client.next((f) => Boolean(f.body?.published));
  alice.client.ws.close();
});

test('a malformed message after welcome ends only that participant, with 53004', async () => {
  const room = newRoom();
  const alice = await joined('alice', room.sid);
  const bob = await joined('bob', room.sid);
  bob.client.send('{"type":');
  expect(await bob.client.body('error')).toMatchObject({
    code: TWILIO_ERROR.SIGNALING_OUTGOING_MESSAGE_INVALID,
  });
  await bob.client.whenClosed();
  expect(
    await alice.client.next(
      (f) => f.body?.type === 'update' && JSON.stringify(f.body).includes('"disconnected"'),
    ),
  ).toBeTruthy();
  expect(emulator.connectedIdentities(room.sid)).toEqual(['alice']);
  alice.client.ws.close();
});

test('sync after a drop is answered synced on the same session; an unknown session gets 53204', async () => {
  const room = newRoom();
  const alice = await joined('alice', room.sid);
  const session = alice.connected.session as string;
  alice.client.ws.terminate();
  await alice.client.whenClosed();
  const again = new Client();
  await again.opened();
  again.send(
    hello({
      type: 'sync',
      version: 2,
      session,
      token: tokenFor('alice', room.sid),
      participant: { revision: 1, tracks: [] },
    }),
  );
  expect(await again.body('synced')).toMatchObject({ session, participant: { identity: 'alice' } });
  const stranger = new Client();
  await stranger.opened();
  stranger.send(hello({ type: 'sync', version: 2, session: 'nope', token: tokenFor('alice', room.sid) }));
  expect(await stranger.body('error')).toMatchObject({ code: TWILIO_ERROR.PARTICIPANT_NOT_FOUND });
  expect(emulator.connectedIdentities(room.sid)).toEqual(['alice']);
  again.ws.close();
});

test('preflight’s ice request is answered with no ICE servers', async () => {
  const client = new Client();
  await client.opened();
  client.send(
    hello({ type: 'ice', version: 1, edge: 'roaming', preflight: true, token: tokenFor('p', 'preflight-x') }),
  );
  expect(await client.body('iced')).toEqual({ type: 'iced', ice_servers: [] });
  client.ws.close();
});

// ---- media signalling: the edge's own peer connection, answered here by a werift client --------

/** What the SDK's connect asks for (util/index.js createMediaSignalingPayload). */
const overDataChannel = { transports: [{ type: 'data-channel' }] };
const ALL_CHANNELS = {
  network_quality: overDataChannel,
  active_speaker: overDataChannel,
  extension_transcriptions: overDataChannel,
  track_priority: overDataChannel,
};
const microphone = { id: 'mic', kind: 'audio', name: 'mic', enabled: true, priority: 'standard' };

/** The SDK's side of the edge's media-signalling connection: answers the edge's offer and
 * collects what each data channel carries. Loopback only, like the edge. */
async function answerMediaSignaling(client: Client) {
  const offered = await client.next((f) => {
    const connections = f.body?.peer_connections as { description: { type: string } }[] | undefined;
    return f.body?.type === 'update' && connections?.[0]?.description.type === 'offer';
  });
  const [{ id, description }] = offered.body!.peer_connections as {
    id: string;
    description: { revision: number; sdp: string };
  }[];
  const pc = new RTCPeerConnection({
    iceUseIpv4: false,
    iceUseIpv6: false,
    iceAdditionalHostAddresses: ['127.0.0.1'],
    iceInterfaceAddresses: { udp4: '127.0.0.1' },
  });
  const channels = new Map<string, RTCDataChannel>();
  const received: Record<string, unknown>[] = [];
  let waiters: (() => void)[] = [];
  const changed = () => new Promise<void>((resolve) => waiters.push(resolve));
  const wake = () => {
    const woken = waiters;
    waiters = [];
    woken.forEach((resolve) => resolve());
  };
  pc.onDataChannel.subscribe((channel) => {
    channels.set(channel.label, channel);
    channel.stateChanged.subscribe(wake);
    channel.onMessage.subscribe((data) => {
      received.push({ channel: channel.label, ...(JSON.parse(data.toString()) as object) });
      wake();
    });
    wake();
  });
  await pc.setRemoteDescription({ type: 'offer', sdp: description.sdp });
  await pc.setLocalDescription(await pc.createAnswer());
  if (pc.iceGatheringState !== 'complete') await pc.iceGatheringStateChange.watch((s) => s === 'complete');
  client.send({
    type: 'msg',
    body: {
      type: 'update',
      version: 2,
      peer_connections: [{ id, description: { type: 'answer', revision: 1, sdp: pc.localDescription!.sdp } }],
    },
  });
  /** The first message that matches, once it arrived. */
  const message = async (match: (m: Record<string, unknown>) => boolean) => {
    for (;;) {
      const found = received.find(match);
      if (found) return found;
      await changed();
    }
  };
  /** The data channel of that label, once open. */
  const channel = async (label: string) => {
    while (channels.get(label)?.readyState !== 'open') await changed();
    return channels.get(label)!;
  };
  return { id, pc, channels, received, message, channel };
}

/** Alice in a new room asking for every channel, her side of the edge's peer answered; and a
 * second participant with a microphone, when named. */
async function aliceAnswered(other?: string) {
  const room = newRoom();
  const alice = await joined('alice', room.sid, [microphone], 'pc-a', ALL_CHANNELS);
  const sdk = await answerMediaSignaling(alice.client);
  const bob = other ? await joined(other, room.sid, [{ ...microphone, id: `mic-${other}` }]) : undefined;
  const leave = async () => {
    alice.client.ws.close();
    bob?.client.ws.close();
    await sdk.pc.close();
  };
  return {
    room,
    alice,
    sdk,
    bob,
    bobSid: (bob?.connected.participant as { sid: string } | undefined)?.sid,
    leave,
  };
}

const control = (method: string, name: string, body?: unknown) =>
  fetch(`${controls}${name}`, { method, body: body === undefined ? undefined : JSON.stringify(body) });

test('media signalling: the channels asked for are named in connected and opened from the edge’s own peer connection', async () => {
  const room = newRoom();
  const before = edge.mediaSignalingPeers().length;
  const alice = await joined('alice', room.sid, [microphone], 'pc-a', ALL_CHANNELS);
  // Only the channels the edge serves (track priority is not one of them), each on its own label.
  expect(alice.connected.media_signaling).toEqual({
    network_quality: { transport: { type: 'data-channel', label: 'network_quality' } },
    active_speaker: { transport: { type: 'data-channel', label: 'active_speaker' } },
    extension_transcriptions: { transport: { type: 'data-channel', label: 'extension_transcriptions' } },
  });
  const sdk = await answerMediaSignaling(alice.client);
  // Its own id, not the relay's: the SDK's first offer still had no one to go to.
  expect(sdk.id).not.toBe('pc-a');
  await Promise.all(['network_quality', 'active_speaker', 'extension_transcriptions'].map(sdk.channel));
  // No audio or video section: media never goes to the edge.
  expect(sdk.pc.remoteDescription!.sdp).not.toMatch(/m=(audio|video)/);
  expect(edge.mediaSignalingPeers()).toHaveLength(before + 1);
  // Bob asked for nothing: no media_signaling, no offer, no peer.
  const bob = await joined('bob', room.sid);
  expect(bob.connected.media_signaling).toBeUndefined();
  expect(edge.mediaSignalingPeers().map((p) => p.identity)).not.toContain('bob');
  alice.client.ws.close();
  bob.client.ws.close();
  await sdk.pc.close();
});

test('network quality: each request is answered with the levels set, local and (when asked) remote', async () => {
  const carol = `carol-${Date.now()}`;
  const { sdk, bobSid, leave } = await aliceAnswered(carol);
  const quality = await sdk.channel('network_quality');
  // Verbosity 1: the level alone.
  quality.send(JSON.stringify({ type: 'network_quality', reportLevel: 1, remoteReportLevel: 1 }));
  expect(
    await sdk.message((m) => m.type === 'network_quality' && Array.isArray(m.remotes) && m.local === 5),
  ).toEqual({
    channel: 'network_quality',
    type: 'network_quality',
    local: DEFAULT_NETWORK_QUALITY,
    remotes: [{ sid: bobSid, level: DEFAULT_NETWORK_QUALITY }],
  });
  // Set over HTTP by identity (also before a participant joins), pushed at once.
  expect((await control('POST', 'network-quality', { participant: carol, level: 1 })).status).toBe(200);
  expect(
    await sdk.message((m) => JSON.stringify(m.remotes) === JSON.stringify([{ sid: bobSid, level: 1 }])),
  ).toBeTruthy();
  // Verbosity 2: per medium too.
  quality.send(JSON.stringify({ type: 'network_quality', reportLevel: 2, remoteReportLevel: 0 }));
  expect(await sdk.message((m) => typeof m.local === 'object')).toEqual({
    channel: 'network_quality',
    type: 'network_quality',
    local: { level: 5, audio: { send: 5, recv: 5 }, video: { send: 5, recv: 5 } },
  });
  // Bad levels and unnamed participants change nothing.
  for (const body of [{ participant: carol, level: 6 }, { participant: carol, level: 2.5 }, { level: 3 }, {}])
    expect((await control('POST', 'network-quality', body)).status).toBe(400);
  await leave();
});

test('dominant speaker and transcriptions reach the channels; unknown rooms, participants, empty speech and a room not transcribed are refused', async () => {
  const { room, sdk, bob, bobSid, leave } = await aliceAnswered('bob');
  await sdk.channel('active_speaker');
  await sdk.channel('extension_transcriptions');
  expect((await control('POST', 'dominant-speaker', { room: room.sid, participant: 'bob' })).status).toBe(
    200,
  );
  expect(await sdk.message((m) => m.type === 'active_speaker' && m.participant === bobSid)).toBeTruthy();
  expect((await control('POST', 'dominant-speaker', { room: room.sid, participant: null })).status).toBe(200);
  expect(
    await sdk.message(
      (m) => m.type === 'active_speaker' && m.participant === null && sdk.received.indexOf(m) > 0,
    ),
  ).toBeTruthy();
  const bobsMicrophone = bob!.connected.published as { tracks: { sid: string }[] };
  const say = (text: string, partial?: boolean) =>
    control('POST', 'say', { room: room.sid, participant: bobSid, text, partial });
  // Twilio transcribes nothing until the room's transcription is started.
  const notTranscribed = await say('Hel', true);
  expect(notTranscribed.status).toBe(409);
  expect(((await notTranscribed.json()) as { error: string }).error).toMatch(/transcription is not started/);
  const transcription = emulator.startTranscription(room, {});
  expect((await say('Hel', true)).status).toBe(200);
  expect((await say('Hello')).status).toBe(200);
  const said = await sdk.message((m) => m.type === 'extension_transcriptions' && m.partial_results === false);
  const partial = sdk.received.find((m) => m.type === 'extension_transcriptions' && m.partial_results)!;
  expect(partial).toMatchObject({ transcription: 'Hel', participant: bobSid, language_code: 'en-US' });
  expect(said).toMatchObject({
    transcription: 'Hello',
    participant: bobSid,
    track: bobsMicrophone.tracks[0].sid,
    sequence_number: (partial.sequence_number as number) + 1,
  });
  expect(new Date(said.timestamp as string).toISOString()).toBe(said.timestamp);
  expect((await say('  ')).status).toBe(400);
  emulator.setTranscriptionStatus(transcription, 'stopped');
  expect((await say('Still there?')).status).toBe(409);
  expect(sdk.received.filter((m) => m.type === 'extension_transcriptions')).toHaveLength(2);
  expect((await control('POST', 'say', { room: room.sid, participant: 'nobody', text: 'hi' })).status).toBe(
    404,
  );
  expect((await control('POST', 'dominant-speaker', { room: 'RMnone', participant: 'bob' })).status).toBe(
    404,
  );
  await leave();
});

test('the media-signalling peer survives a dropped socket (sync) and is closed when its participant leaves', async () => {
  const { room, alice, sdk } = await aliceAnswered();
  await sdk.channel('network_quality');
  const peersInRoom = async () =>
    (
      (await (await control('GET', 'media-signaling-peers')).json()) as {
        roomSid: string;
        identity: string;
        channels: string[];
        open: string[];
      }[]
    ).filter((p) => p.roomSid === room.sid);
  const [held] = await peersInRoom();
  expect(held).toMatchObject({
    identity: 'alice',
    channels: ['network_quality', 'active_speaker', 'extension_transcriptions'],
  });
  expect(held.open).toContain('network_quality');
  alice.client.ws.terminate();
  await alice.client.whenClosed();
  const again = new Client();
  await again.opened();
  again.send(
    hello({
      type: 'sync',
      version: 2,
      session: alice.connected.session,
      token: tokenFor('alice', room.sid),
      participant: { revision: 1, tracks: [microphone] },
      peer_connections: [
        { id: sdk.id, description: { type: 'answer', revision: 1, sdp: sdk.pc.localDescription!.sdp } },
      ],
    }),
  );
  await again.body('synced');
  expect(await peersInRoom()).toHaveLength(1);
  // The same channel still carries the levels.
  expect((await control('POST', 'network-quality', { participant: 'alice', level: 2 })).status).toBe(200);
  expect(await sdk.message((m) => m.type === 'network_quality' && m.local === 2)).toBeTruthy();
  again.send({ type: 'msg', body: { type: 'disconnect', version: 2 } });
  await again.whenClosed();
  expect(await peersInRoom()).toEqual([]);
  await sdk.pc.close();
});
