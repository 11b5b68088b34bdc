import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { WebSocket } from 'ws';
import { issueVideoToken } from '../../src/core/tokens';
import { TWILIO_ERROR } from '../../src/twilio-errors';
import { ACCOUNT_SID, API_KEY, API_SECRET, TwilioEmulator } from '../../dev/emulator';
import { attachVideoEdge, EDGE_PATH, type VideoEdge } from '../../dev/video-edge';
import { DEFAULT_NETWORK_QUALITY, frameText } from '../../dev/video-edge/edge';
import { ROOT } from '../../dev/twilio-run';
import { useBrowserContext } from './harness';

/** The SDK file the build ships to the join page (dist/assets/join/twilio-video.min.js), in headless
 * Chromium pages with fake camera and microphone, connecting through the local Video edge: media
 * page to page, and every event the SDK reports for what the edge or the emulator does. */

const SDK_FILE = path.join(ROOT, 'dist', 'assets', 'join', 'twilio-video.min.js');
const PAGE = '<!doctype html><meta charset="utf-8"><title>edge</title><script src="/sdk.js"></script>';

/** What each page does with the SDK: connect through the edge, show remote video, and log the
 * room's events as plain data for the test to read. */
const CALL_SCRIPT = `
window.log = [];
window.join = async (token, options) => {
  const note = (event) => window.log.push(event);
  try {
    const room = await Twilio.Video.connect(token, {
      wsServer: 'ws://' + location.host + '${EDGE_PATH}', insights: false, iceServers: [],
      audio: true, video: { width: 320, height: 240, frameRate: 15 }, ...options,
    });
    window.room = room;
    // A page that publishes a data track as soon as it is connected, while the edge's own
    // media-signalling channels are still opening (as the pages' assist track is).
    if (window.dataAtConnect) room.localParticipant.publishTrack(new Twilio.Video.LocalDataTrack({ name: 'assist' }));
    note({ type: 'connected', sid: room.localParticipant.sid, others: [...room.participants.values()].map((p) => p.identity), recording: room.isRecording });
    const quality = (p) => p.on('networkQualityLevelChanged', (level) => note({ type: 'networkQuality', identity: p.identity, level }));
    quality(room.localParticipant);
    room.participants.forEach(quality);
    room.on('participantConnected', quality);
    room.on('dominantSpeakerChanged', (p) => note({ type: 'dominantSpeaker', identity: p ? p.identity : null }));
    room.on('transcription', (t) => note({ type: 'transcription', text: t.transcription, partial: t.partial_results, sid: t.participant, track: t.track, sequence: t.sequence_number, language: t.language_code }));
    const watch = (p) => p.on('trackSubscribed', (track) => {
      note({ type: 'trackSubscribed', kind: track.kind, from: p.identity });
      if (track.kind === 'video') { const el = track.attach(); el.dataset.from = p.identity; el.muted = true; document.body.append(el); }
    });
    const unwatch = (p) => p.on('trackUnsubscribed', (track) => track.detach().forEach((el) => el.remove()));
    room.participants.forEach((p) => { watch(p); unwatch(p); });
    room.on('participantConnected', (p) => { note({ type: 'participantConnected', identity: p.identity }); watch(p); unwatch(p); });
    room.on('participantDisconnected', (p) => note({ type: 'participantDisconnected', identity: p.identity }));
    room.on('participantReconnecting', (p) => note({ type: 'participantReconnecting', identity: p.identity }));
    room.on('participantReconnected', (p) => note({ type: 'participantReconnected', identity: p.identity }));
    for (const name of ['reconnecting', 'reconnected', 'recordingStarted', 'recordingStopped'])
      room.on(name, (error) => note({ type: name, code: error && error.code }));
    room.on('disconnected', (_room, error) => note({ type: 'disconnected', code: error ? error.code : null }));
    room.localParticipant.on('trackPublicationFailed', (error) => note({ type: 'trackPublicationFailed', code: error.code }));
  } catch (error) {
    note({ type: 'connectFailed', code: error.code ?? null });
  }
};
/** Frames decoded so far from the video of that participant. */
window.framesFrom = (identity) => {
  const el = document.querySelector('video[data-from="' + identity + '"]');
  return el ? el.getVideoPlaybackQuality().totalVideoFrames : 0;
};
`;

interface Logged {
  type: string;
  code?: number | null;
  identity?: string | null;
  level?: number;
  text?: string;
  partial?: boolean;
  track?: string;
  sequence?: number;
  language?: string;
  others?: string[];
  recording?: boolean;
  sid?: string;
  kind?: string;
  from?: string;
}

let emulator: TwilioEmulator;
let edge: VideoEdge;
let server: http.Server;
let origin = '';
beforeAll(async () => {
  emulator = new TwilioEmulator();
  server = http.createServer((req, res) => {
    if (req.url === '/sdk.js')
      return void res
        .writeHead(200, { 'Content-Type': 'application/javascript' })
        .end(fs.readFileSync(SDK_FILE));
    res.writeHead(200, { 'Content-Type': 'text/html' }).end(PAGE);
  });
  edge = attachVideoEdge(server, emulator);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

const context = useBrowserContext();

const newRoom = () => emulator.createRoom({ unique_name: `edge-${Date.now()}`, status_callback: null }, []);
const tokenFor = (identity: string, room: string, ttl = 600) =>
  issueVideoToken({ accountSid: ACCOUNT_SID, apiKey: API_KEY, apiSecret: API_SECRET }, identity, room, ttl)
    .token;

async function openPage(): Promise<Page> {
  const page = await context.newPage();
  await page.goto(origin);
  await page.addScriptTag({ content: CALL_SCRIPT });
  return page;
}

/** The SDK's media-signalling options a page connects with (none by default, as Twilio's). */
interface SignalingOptions {
  networkQuality?: { local: number; remote: number };
  dominantSpeaker?: boolean;
  receiveTranscriptions?: boolean;
}

async function join(page: Page, token: string, options: SignalingOptions = {}): Promise<void> {
  await page.evaluate(
    ([t, o]) => (window as unknown as { join(t: string, o: SignalingOptions): Promise<void> }).join(t, o),
    [token, options] as const,
  );
}

const logOf = (page: Page) => page.evaluate(() => (window as unknown as { log: Logged[] }).log);

/** Waits until the page logged an event of that type (and code, if given); returns it. */
async function logged(page: Page, type: string, code?: number | null): Promise<Logged> {
  await page.waitForFunction(
    ([t, c]) =>
      (window as unknown as { log: Logged[] }).log.some(
        (e) => e.type === t && (c === undefined || e.code === c),
      ),
    [type, code] as const,
    { timeout: 20_000 },
  );
  return (await logOf(page)).find((e) => e.type === type && (code === undefined || e.code === code))!;
}

/** Waits until the page logged an event with all these fields. */
async function seen(page: Page, fields: Partial<Logged>): Promise<void> {
  await page.waitForFunction(
    (f) =>
      (window as unknown as { log: Record<string, unknown>[] }).log.some((e) =>
        Object.entries(f).every(([key, value]) => e[key] === value),
      ),
    fields,
    { timeout: 20_000 },
  );
}

/** Resolves once the condition on the edge's state holds (checked as the event loop turns). */
async function until(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => setTimeout(resolve, 50));
}

/** Waits until the page decoded `more` further frames of that participant's video. */
async function framesFlow(page: Page, identity: string, more = 10): Promise<void> {
  const framesFrom = (who: string) =>
    page.evaluate((w) => (window as unknown as { framesFrom(w: string): number }).framesFrom(w), who);
  const start = await framesFrom(identity);
  await page.waitForFunction(
    ([w, target]) => (window as unknown as { framesFrom(w: string): number }).framesFrom(w) >= target,
    [identity, start + more] as const,
    { timeout: 20_000 },
  );
}

/** Two pages in one room, each seeing the other's video. */
async function twoInACall(options: { a?: SignalingOptions; b?: SignalingOptions } = {}) {
  const room = newRoom();
  const [a, b] = [await openPage(), await openPage()];
  await join(a, tokenFor('agent-a', room.sid), options.a);
  await logged(a, 'connected');
  await join(b, tokenFor('customer-b', room.sid), options.b);
  await logged(b, 'connected');
  await framesFlow(a, 'customer-b');
  await framesFlow(b, 'agent-a');
  const sidOf = (identity: string) =>
    emulator.participants.find(
      (p) => p.room_sid === room.sid && p.identity === identity && p.status === 'connected',
    )!.sid;
  return { room, a, b, sidOf };
}

test('two pages connect through the edge and each decodes the other’s video; REST lists both', async () => {
  const { room, a, b } = await twoInACall();
  expect((await logOf(b)).find((e) => e.type === 'connected')?.others).toEqual(['agent-a']);
  expect(await logged(a, 'participantConnected')).toMatchObject({ identity: 'customer-b' });
  expect(emulator.connectedIdentities(room.sid).sort()).toEqual(['agent-a', 'customer-b']);
});

test('a dropped socket: reconnecting, then reconnected, and the video still plays', async () => {
  const { a, b, sidOf } = await twoInACall();
  expect(edge.dropSocket(sidOf('agent-a'))).toBe(true);
  expect(await logged(a, 'reconnecting')).toMatchObject({
    code: TWILIO_ERROR.SIGNALING_CONNECTION_DISCONNECTED,
  });
  await logged(a, 'reconnected');
  await framesFlow(b, 'agent-a');
  await framesFlow(a, 'customer-b');
  expect((await logOf(a)).some((e) => e.type === 'disconnected')).toBe(false);
});

test('a refused reconnection ends the call with the edge’s code; the other page carries on', async () => {
  const { a, b, sidOf } = await twoInACall();
  edge.refuseReconnection(sidOf('agent-a'));
  edge.dropSocket(sidOf('agent-a'));
  await logged(a, 'disconnected', TWILIO_ERROR.PARTICIPANT_NOT_FOUND);
  expect(await logged(b, 'participantDisconnected')).toMatchObject({ identity: 'agent-a' });
  expect((await logOf(b)).some((e) => e.type === 'disconnected')).toBe(false);
});

test('REST Status=disconnected reaches the page as a disconnect without an error; the other sees it leave', async () => {
  const { a, b, sidOf } = await twoInACall();
  emulator.disconnect(emulator.participants.find((p) => p.sid === sidOf('customer-b'))!);
  await logged(b, 'disconnected', null);
  await logged(a, 'participantDisconnected');
  expect((await logOf(a)).some((e) => e.type === 'disconnected')).toBe(false);
});

test('the room completed during a call: both pages are disconnected with 53118', async () => {
  const { room, a, b } = await twoInACall();
  emulator.endRoom(room.sid);
  await logged(a, 'disconnected', TWILIO_ERROR.ROOM_COMPLETED);
  await logged(b, 'disconnected', TWILIO_ERROR.ROOM_COMPLETED);
  // A completed room cannot be joined again.
  const late = await openPage();
  await join(late, tokenFor('late', room.sid));
  await logged(late, 'connectFailed', TWILIO_ERROR.ROOM_COMPLETED);
});

test('the same identity joining again: the older page gets 53205, the newer one the call', async () => {
  const { room, a, b } = await twoInACall();
  const again = await openPage();
  await join(again, tokenFor('customer-b', room.sid));
  await logged(again, 'connected');
  await logged(b, 'disconnected', TWILIO_ERROR.DUPLICATE_IDENTITY);
  await framesFlow(again, 'agent-a');
  await framesFlow(a, 'customer-b');
  expect(emulator.connectedIdentities(room.sid).sort()).toEqual(['agent-a', 'customer-b']);
});

test('recording rules switched on and off reach both pages as recordingStarted and recordingStopped', async () => {
  const { room, a, b } = await twoInACall();
  emulator.setRecordingRules(room, [{ type: 'include', all: true }]);
  await logged(a, 'recordingStarted');
  await logged(b, 'recordingStarted');
  emulator.setRecordingRules(room, [{ type: 'exclude', all: true }]);
  await logged(a, 'recordingStopped');
  await logged(b, 'recordingStopped');
});

test('a refused publish: trackPublicationFailed with the edge’s code, the call goes on', async () => {
  const { a, b } = await twoInACall();
  edge.refusePublish('agent-a');
  await a.evaluate(async () => {
    const { LocalVideoTrack } = (
      window as unknown as { Twilio: { Video: { LocalVideoTrack: new (t: MediaStreamTrack) => unknown } } }
    ).Twilio.Video;
    const stream = await navigator.mediaDevices.getUserMedia({ video: true });
    const room = (
      window as unknown as { room: { localParticipant: { publishTrack(t: unknown): Promise<unknown> } } }
    ).room;
    await room.localParticipant
      .publishTrack(new LocalVideoTrack(stream.getVideoTracks()[0]))
      .catch(() => undefined);
  });
  await logged(a, 'trackPublicationFailed', TWILIO_ERROR.TRACK_SERVER_CAPACITY_REACHED);
  edge.allowPublish('agent-a');
  await framesFlow(b, 'agent-a');
});

test('a signalling-only participant (no page, no media) is seen joining and leaving', async () => {
  const { room, a, b } = await twoInACall();
  const supervisor = edge.addSignallingOnly(room.sid, 'supervisor-s')!;
  expect(await logged(a, 'participantConnected', undefined)).toBeTruthy();
  await b.waitForFunction(() =>
    (window as unknown as { log: Logged[] }).log.some(
      (e) => e.type === 'participantConnected' && e.identity === 'supervisor-s',
    ),
  );
  emulator.disconnect(supervisor);
  await a.waitForFunction(() =>
    (window as unknown as { log: Logged[] }).log.some(
      (e) => e.type === 'participantDisconnected' && e.identity === 'supervisor-s',
    ),
  );
  await framesFlow(a, 'customer-b');
});

test('bad input gets its documented error on that socket only; the call in progress carries on', async () => {
  const { room, a, b } = await twoInACall();
  // Pages refused on admission, through the real SDK.
  const refusals: [string, number][] = [
    ['not-a-token', TWILIO_ERROR.ACCESS_TOKEN_INVALID],
    [tokenFor('expired', room.sid, -60), TWILIO_ERROR.ACCESS_TOKEN_EXPIRED],
    [tokenFor('nobody', 'RM00000000000000000000000000000000'), TWILIO_ERROR.ROOM_NOT_FOUND],
  ];
  for (const [token, code] of refusals) {
    const page = await openPage();
    await join(page, token);
    await logged(page, 'connectFailed', code);
  }
  // Raw sockets: a malformed frame, a wrong protocol version.
  const url = `${origin.replace('http', 'ws')}${EDGE_PATH}`;
  expect(await rawExchange(url, 'not json')).toEqual({ type: 'bad', reason: 'Malformed frame' });
  expect(await rawExchange(url, JSON.stringify({ type: 'hello', id: 'x', version: 1 }))).toEqual({
    type: 'bad',
    reason: 'Unsupported TCMP version',
  });
  await framesFlow(a, 'customer-b');
  await framesFlow(b, 'agent-a');
  expect(emulator.connectedIdentities(room.sid).sort()).toEqual(['agent-a', 'customer-b']);
});

/** Sends one frame on a fresh socket; the first frame answered, once the edge closed the socket. */
function rawExchange(url: string, frame: string): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url);
    let answer: unknown;
    ws.on('open', () => ws.send(frame));
    ws.on('message', (data) => (answer ??= JSON.parse(frameText(data)) as unknown));
    ws.on('close', () => resolve(answer));
    ws.on('error', reject);
  });
}

test('network quality set through the edge reaches networkQualityLevelChanged, local and remote', async () => {
  const { a, b, sidOf } = await twoInACall({
    a: { networkQuality: { local: 1, remote: 1 } },
    b: { networkQuality: { local: 1, remote: 0 } },
  });
  // Nothing set yet: the edge's default, on the page's own participant and (asked for) the other's.
  await seen(a, { type: 'networkQuality', identity: 'agent-a', level: DEFAULT_NETWORK_QUALITY });
  await seen(a, { type: 'networkQuality', identity: 'customer-b', level: DEFAULT_NETWORK_QUALITY });
  expect(edge.setNetworkQuality(sidOf('customer-b'), 2)).toBe(true);
  await seen(b, { type: 'networkQuality', identity: 'customer-b', level: 2 });
  await seen(a, { type: 'networkQuality', identity: 'customer-b', level: 2 });
  expect(edge.setNetworkQuality(sidOf('agent-a'), 0)).toBe(true);
  await seen(a, { type: 'networkQuality', identity: 'agent-a', level: 0 });
  // The customer asked for no remote levels: it hears its own only.
  expect((await logOf(b)).filter((e) => e.type === 'networkQuality').map((e) => e.identity)).not.toContain(
    'agent-a',
  );
  await framesFlow(a, 'customer-b');
  await framesFlow(b, 'agent-a');
});

test('a data track published after connect gets a SID and carries messages both ways, beside the edge’s peer', async () => {
  // Network quality on: the SDK also adds the data track to its connection with the edge's peer.
  const quality = { networkQuality: { local: 1, remote: 1 } };
  const { a, b, sidOf } = await twoInACall({ a: quality, b: quality });
  const publishData = (page: Page) =>
    page.evaluate(async () => {
      const w = window as unknown as {
        log: Logged[];
        room: import('twilio-video').Room;
        Twilio: { Video: typeof import('twilio-video') };
        assist: import('twilio-video').LocalDataTrack;
      };
      w.room.on('trackSubscribed', (track) => {
        if (track.kind === 'data')
          track.on('message', (data) =>
            w.log.push({ type: 'data', text: typeof data === 'string' ? data : 'binary', track: track.name }),
          );
      });
      w.assist = new w.Twilio.Video.LocalDataTrack({ name: 'assist' });
      const publication = await w.room.localParticipant.publishTrack(w.assist);
      return publication.trackSid;
    });
  expect(await publishData(a)).toMatch(/^MT[0-9a-f]{32}$/);
  expect(await publishData(b)).toMatch(/^MT[0-9a-f]{32}$/);
  await seen(a, { type: 'trackSubscribed', kind: 'data', from: 'customer-b' });
  await seen(b, { type: 'trackSubscribed', kind: 'data', from: 'agent-a' });
  // The SDK drops what is sent while its data channel to the other page is still opening, and the
  // other side's trackSubscribed can come first (the pages' assist channel greets for the same
  // reason): each side repeats its message until the other has it.
  type Saying = { assist: { send(t: string): void }; saying?: ReturnType<typeof setInterval> };
  const keepSaying = (page: Page, text: string) =>
    page.evaluate((t) => {
      const w = window as unknown as Saying;
      w.assist.send(t);
      w.saying = setInterval(() => w.assist.send(t), 250);
    }, text);
  const stopSaying = (page: Page) => page.evaluate(() => clearInterval((window as unknown as Saying).saying));
  await keepSaying(a, 'from a');
  await keepSaying(b, 'from b');
  await seen(b, { type: 'data', text: 'from a', track: 'assist' });
  await seen(a, { type: 'data', text: 'from b', track: 'assist' });
  await stopSaying(a);
  await stopSaying(b);
  // The edge's own channels still work beside the data tracks.
  expect(edge.setNetworkQuality(sidOf('customer-b'), 2)).toBe(true);
  await seen(b, { type: 'networkQuality', identity: 'customer-b', level: 2 });
  await seen(a, { type: 'networkQuality', identity: 'customer-b', level: 2 });
  await framesFlow(a, 'customer-b');
});

test('a data track published at connect does not take the stream id of the edge’s channels: network quality still arrives', async () => {
  const room = newRoom();
  const page = await openPage();
  await page.evaluate(() => ((window as unknown as { dataAtConnect: boolean }).dataAtConnect = true));
  await join(page, tokenFor('customer-c', room.sid), { networkQuality: { local: 1, remote: 0 } });
  await logged(page, 'connected');
  await seen(page, { type: 'networkQuality', identity: 'customer-c', level: DEFAULT_NETWORK_QUALITY });
  const sid = emulator.participants.find((p) => p.room_sid === room.sid && p.identity === 'customer-c')!.sid;
  expect(edge.setNetworkQuality(sid, 1)).toBe(true);
  await seen(page, { type: 'networkQuality', identity: 'customer-c', level: 1 });
});

test('the dominant speaker set through the edge reaches dominantSpeakerChanged', async () => {
  const { room, a, b, sidOf } = await twoInACall({
    a: { dominantSpeaker: true },
    b: { dominantSpeaker: true },
  });
  expect(edge.setDominantSpeaker(room.sid, sidOf('customer-b'))).toBe(true);
  await seen(a, { type: 'dominantSpeaker', identity: 'customer-b' });
  expect(edge.setDominantSpeaker(room.sid, 'agent-a')).toBe(true);
  await seen(b, { type: 'dominantSpeaker', identity: 'agent-a' });
  // A page's own participant is not a remote one: the SDK reports no one.
  await seen(a, { type: 'dominantSpeaker', identity: null });
  expect(edge.setDominantSpeaker(room.sid, null)).toBe(true);
  await seen(b, { type: 'dominantSpeaker', identity: null });
  expect(edge.setDominantSpeaker(room.sid, 'nobody')).toBe(false);
});

test('speech said through the edge reaches room.on(transcription), partial then final, only where asked for', async () => {
  const { room, a, b, sidOf } = await twoInACall({ a: { receiveTranscriptions: true } });
  const peerOf = (identity: string) =>
    edge.mediaSignalingPeers().find((p) => p.roomSid === room.sid && p.identity === identity);
  await until(() => Boolean(peerOf('agent-a')?.open.includes('extension_transcriptions')));
  // The customer's page did not ask: the edge opened it no channel to read them from.
  expect(peerOf('customer-b')).toBeUndefined();
  expect(edge.say(room.sid, 'customer-b', 'Hello', { partial: true })).toBe('not-transcribed');
  emulator.startTranscription(room, {});
  expect(edge.say(room.sid, 'customer-b', 'Hello', { partial: true })).toBe('said');
  expect(edge.say(room.sid, sidOf('customer-b'), 'Hello, can you see me?')).toBe('said');
  await seen(a, { type: 'transcription', partial: false });
  const heard = (await logOf(a)).filter((e) => e.type === 'transcription');
  expect(heard).toEqual([
    expect.objectContaining({ text: 'Hello', partial: true, sid: sidOf('customer-b'), language: 'en-US' }),
    expect.objectContaining({ text: 'Hello, can you see me?', partial: false, sid: sidOf('customer-b') }),
  ]);
  expect(heard[1].sequence).toBe(heard[0].sequence! + 1);
  // The track transcribed is the customer's microphone, as the agent's page knows it.
  const microphone = await a.evaluate(() => {
    type Publication = { trackSid: string };
    const { room } = window as unknown as {
      room: { participants: Map<string, { identity: string; audioTracks: Map<string, Publication> }> };
    };
    const customer = [...room.participants.values()].find((p) => p.identity === 'customer-b');
    return [...(customer?.audioTracks.values() ?? [])].map((p) => p.trackSid);
  });
  expect(microphone).toEqual([heard[0].track]);
  expect(heard[1].track).toBe(heard[0].track);
  expect((await logOf(b)).some((e) => e.type === 'transcription')).toBe(false);
  await framesFlow(b, 'agent-a');
});

test('each page’s media-signalling peer survives a dropped socket and closes when the page leaves', async () => {
  const quality = { networkQuality: { local: 1, remote: 1 } };
  const { room, a, b, sidOf } = await twoInACall({ a: quality, b: quality });
  const peersIn = () =>
    edge
      .mediaSignalingPeers()
      .filter((p) => p.roomSid === room.sid)
      .map((p) => p.identity)
      .sort();
  expect(peersIn()).toEqual(['agent-a', 'customer-b']);
  edge.dropSocket(sidOf('agent-a'));
  await logged(a, 'reconnected');
  expect(peersIn()).toEqual(['agent-a', 'customer-b']);
  // The same channel still carries the levels after the reconnection.
  edge.setNetworkQuality(sidOf('agent-a'), 3);
  await seen(a, { type: 'networkQuality', identity: 'agent-a', level: 3 });
  await b.evaluate(() => (window as unknown as { room: { disconnect(): void } }).room.disconnect());
  await logged(a, 'participantDisconnected');
  expect(peersIn()).toEqual(['agent-a']);
  emulator.endRoom(room.sid);
  await logged(a, 'disconnected', TWILIO_ERROR.ROOM_COMPLETED);
  expect(peersIn()).toEqual([]);
});
