import http from 'node:http';
import type { AddressInfo } from 'node:net';
import twilio from 'twilio';
import { z } from 'zod';
import { createTwilioClient, Deadline, INVOCATION_BUDGET_MS } from '../../src/platform/twilio-client';
import { ACCOUNT_SID, AUTH_TOKEN, CHAT_SERVICE_SID, TwilioEmulator } from '.';

/** The emulator on its own: what it refuses, what it signs, what its control surface seeds. */

const emulator = new TwilioEmulator({ callbacks: true });
const received: { url: string; signature: string; params: Record<string, string> }[] = [];
let receiver: http.Server;
let callbackBase = '';

beforeAll(async () => {
  await emulator.start();
  // Stands for the bundle: records every callback as it arrived.
  receiver = http.createServer((req, res) => {
    let raw = '';
    req.on('data', (chunk: Buffer) => (raw += chunk.toString()));
    req.on('end', () => {
      received.push({
        url: `${callbackBase}${req.url}`,
        signature: String(req.headers['x-twilio-signature']),
        params: Object.fromEntries(new URLSearchParams(raw)),
      });
      res.writeHead(200, { 'Content-Type': 'application/json' }).end('{}');
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  callbackBase = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await emulator.stop();
  receiver.closeAllConnections();
  await new Promise((resolve) => receiver.close(resolve));
});
beforeEach(() => {
  received.length = 0;
  emulator.violations.length = 0;
  emulator.clearFaults();
});

const auth = `Basic ${Buffer.from(`${ACCOUNT_SID}:${AUTH_TOKEN}`).toString('base64')}`;

async function rest(
  method: string,
  path: string,
  form?: Record<string, string>,
  headers: Record<string, string> = { Authorization: auth },
) {
  const response = await fetch(`${emulator.url}${path}`, {
    method,
    headers: { ...headers, ...(form ? { 'Content-Type': 'application/x-www-form-urlencoded' } : {}) },
    body: form ? new URLSearchParams(form).toString() : undefined,
  });
  return { status: response.status, body: (await response.json()) as unknown };
}

async function control(method: string, path: string, body?: unknown) {
  const response = await fetch(`${emulator.url}/__emulator/${path}`, {
    method,
    headers: { 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as unknown };
}

/** The fields the tests read of the emulator's answers (`rest` and `control` leave them
 * `unknown`), checked as they are read; the rest of each answer is kept. */
const Resource = z.looseObject({ sid: z.string() });
const SeededTaskJson = z.looseObject({
  token: z.string(),
  workerSid: z.string(),
  taskSid: z.string(),
  conversationSid: z.string(),
});
const TaskJson = z.looseObject({ attributes: z.string() });
const MessagesJson = z.looseObject({
  messages: z.array(z.looseObject({ author: z.string(), body: z.string().nullable() })),
});
const StateJson = z.looseObject({ rooms: z.array(z.unknown()), callbacks: z.array(z.unknown()) });

describe('spec checks', () => {
  test('a parameter that Twilio does not know is refused and recorded', async () => {
    const answer = await rest('POST', '/video/v1/Rooms', { UniqueName: 'x', Colour: 'blue' });
    expect(answer.status).toBe(400);
    expect(emulator.violations).toHaveLength(1);
    expect(emulator.violations[0]).toContain('Colour');
  });

  test('a value of the wrong type is refused', async () => {
    const answer = await rest('GET', '/video/v1/Rooms?PageSize=many');
    expect(answer.status).toBe(400);
    expect(emulator.violations).toHaveLength(1);
  });

  test('a request without the account credentials is refused', async () => {
    const answer = await rest('GET', '/video/v1/Rooms', undefined, {});
    expect(answer).toMatchObject({ status: 401, body: { code: 20003 } });
    expect(emulator.violations).toEqual(['GET /video/v1/Rooms: missing or wrong credentials']);
  });

  test('a request in the spec is answered as Twilio would, and nothing is recorded', async () => {
    const answer = await rest('POST', '/video/v1/Rooms', { UniqueName: 'spec-ok', Type: 'group' });
    expect(answer).toMatchObject({
      status: 201,
      body: { unique_name: 'spec-ok', status: 'in-progress', type: 'group' },
    });
    expect(Resource.parse(answer.body).sid).toMatch(/^RM[0-9a-f]{32}$/);
    expect(emulator.violations).toEqual([]);
  });
});

describe('a room’s Transcriptions resource', () => {
  // The real twilio client, as the bundle builds it (TWILIO_API_BASE_URL points it here).
  const rooms = () =>
    createTwilioClient({
      accountSid: ACCOUNT_SID,
      authToken: AUTH_TOKEN,
      apiBaseUrl: emulator.url,
      deadline: new Deadline(INVOCATION_BUDGET_MS),
    }).video.v1.rooms;

  test('a room created with TranscribeParticipantsOnConnect is transcribed, with its configuration', async () => {
    const room = await rooms().create({
      uniqueName: 'transcribed',
      transcribeParticipantsOnConnect: true,
      transcriptionsConfiguration: { LanguageCode: 'es-MX' },
    });
    const [transcription] = await rooms()(room.sid).transcriptions.list();
    expect(transcription).toMatchObject({ roomSid: room.sid, status: 'started' });
    expect(emulator.transcriptionsOf(room.sid)[0].configuration).toEqual({ LanguageCode: 'es-MX' });
    expect(emulator.violations).toEqual([]);
  });

  test('create, stop, read, restart; a second create is refused; the room’s end stops it', async () => {
    const room = await rooms().create({ uniqueName: 'on-demand' });
    expect(await rooms()(room.sid).transcriptions.list()).toEqual([]);
    const created = await rooms()(room.sid).transcriptions.create({
      configuration: { LanguageCode: 'en-US' },
    });
    expect(created.status).toBe('started');
    await expect(rooms()(room.sid).transcriptions.create()).rejects.toMatchObject({ status: 409 });
    const stopped = await rooms()(room.sid).transcriptions(created.ttid).update({ status: 'stopped' });
    expect(stopped).toMatchObject({ status: 'stopped', ttid: created.ttid });
    expect((await rooms()(room.sid).transcriptions(created.ttid).fetch()).status).toBe('stopped');
    await rooms()(room.sid).transcriptions(created.ttid).update({ status: 'started' });
    expect(emulator.isTranscribing(room.sid)).toBe(true);
    await rooms()(room.sid).update({ status: 'completed' });
    expect(emulator.isTranscribing(room.sid)).toBe(false);
    await expect(
      rooms()(room.sid).transcriptions(created.ttid).update({ status: 'started' }),
    ).rejects.toMatchObject({ status: 400 });
    expect(emulator.violations).toEqual([]);
  });

  test('a Configuration that is not JSON is refused by the spec check', async () => {
    const room = await rooms().create({ uniqueName: 'bad-configuration' });
    const answer = await rest('POST', `/video/v1/Rooms/${room.sid}/Transcriptions`, {
      Configuration: 'en-US',
    });
    expect(answer.status).toBe(400);
    expect(emulator.violations).toHaveLength(1);
    emulator.violations.length = 0;
  });
});

describe('callbacks', () => {
  test('a room’s life reaches its StatusCallback in order, each signed as twilio.validateRequest expects', async () => {
    const url = `${callbackBase}/video/callbacks/room-status`;
    const room = Resource.parse(
      (
        await rest('POST', '/video/v1/Rooms', {
          UniqueName: 'signed',
          Type: 'group',
          StatusCallback: url,
          StatusCallbackMethod: 'POST',
        })
      ).body,
    );
    expect((await control('POST', `rooms/${room.sid}/participants`, { identity: 'customer-1' })).status).toBe(
      201,
    );
    await rest('POST', `/video/v1/Rooms/${room.sid}/RecordingRules`, {
      Rules: JSON.stringify([{ type: 'include', all: true }]),
    });
    await rest('POST', `/video/v1/Rooms/${room.sid}/RecordingRules`, {
      Rules: JSON.stringify([{ type: 'exclude', all: true }]),
    });
    await rest('POST', `/video/v1/Rooms/${room.sid}`, { Status: 'completed' });
    await emulator.callbacks.idle();

    expect(received.map((r) => r.params.StatusCallbackEvent)).toEqual([
      'room-created',
      'participant-connected',
      'recording-started',
      'recording-started',
      'recording-completed',
      'recording-completed',
      'participant-disconnected',
      'room-ended',
    ]);
    expect(received.map((r) => r.params.SequenceNumber)).toEqual(['0', '1', '2', '3', '4', '5', '6', '7']);
    for (const callback of received) {
      expect(callback.url).toBe(url);
      expect(twilio.validateRequest(AUTH_TOKEN, callback.signature, url, callback.params)).toBe(true);
      expect(callback.params).toMatchObject({
        AccountSid: ACCOUNT_SID,
        RoomSid: room.sid,
        RoomName: 'signed',
      });
    }
    expect(received.at(-1)!.params.RoomStatus).toBe('completed');
    expect(received[2].params.RecordingSid).toMatch(/^RT/);
    // A signature made with another token does not pass: the check above can fail.
    expect(twilio.validateRequest('another-token', received[0].signature, url, received[0].params)).toBe(
      false,
    );
  });

  test('a failed recording and a composition reach their callbacks, signed', async () => {
    const roomUrl = `${callbackBase}/video/callbacks/room-status`;
    const compositionUrl = `${callbackBase}/video/callbacks/composition-status`;
    const room = Resource.parse(
      (
        await rest('POST', '/video/v1/Rooms', {
          UniqueName: 'composed',
          Type: 'group',
          StatusCallback: roomUrl,
        })
      ).body,
    );
    await control('POST', `rooms/${room.sid}/participants`, { identity: 'agent@example.com' });
    await rest('POST', `/video/v1/Rooms/${room.sid}/RecordingRules`, {
      Rules: JSON.stringify([{ type: 'include', all: true }]),
    });
    const recording = emulator.recordings.find((r) => r.room_sid === room.sid)!;
    await control('POST', `recordings/${recording.sid}/fail`, { reason: 'media server lost' });
    await control('POST', `rooms/${room.sid}/end`);
    const composition = Resource.parse(
      (
        await rest('POST', '/video/v1/Compositions', {
          RoomSid: room.sid,
          AudioSources: '*',
          StatusCallback: compositionUrl,
        })
      ).body,
    );
    await control('POST', `compositions/${composition.sid}/finish`, { outcome: 'available' });
    await emulator.callbacks.idle();

    const failed = received.find((r) => r.params.StatusCallbackEvent === 'recording-failed')!;
    expect(failed.params).toMatchObject({ RecordingSid: recording.sid, ErrorMessage: 'media server lost' });
    const compositionEvents = received.filter((r) => r.url === compositionUrl);
    expect(compositionEvents.map((r) => r.params.StatusCallbackEvent)).toEqual([
      'composition-enqueued',
      'composition-available',
    ]);
    for (const callback of [failed, ...compositionEvents])
      expect(twilio.validateRequest(AUTH_TOKEN, callback.signature, callback.url, callback.params)).toBe(
        true,
      );
    expect(compositionEvents[1].params).toMatchObject({ CompositionSid: composition.sid, RoomSid: room.sid });
  });
});

describe('the clock', () => {
  test('moved on, it applies MaxParticipantDuration, EmptyRoomTimeout and UnusedRoomTimeout, with the callbacks at their times', async () => {
    const url = `${callbackBase}/video/callbacks/room-status`;
    const create = async (UniqueName: string) =>
      Resource.parse(
        (
          await rest('POST', '/video/v1/Rooms', {
            UniqueName,
            Type: 'group',
            StatusCallback: url,
            MaxParticipantDuration: '1800',
            EmptyRoomTimeout: '5',
            UnusedRoomTimeout: '5',
          })
        ).body,
      );
    const room = await create('timed');
    const unused = await create('never-used');
    await control('POST', `rooms/${room.sid}/participants`, { identity: 'agent-1' });
    const status = (sid: string) => emulator.room(sid)?.status;
    const connected = () => emulator.connectedIdentities(room.sid);

    expect((await control('POST', 'clock', { advanceMs: 29 * 60_000 })).status).toBe(200);
    expect([connected(), status(room.sid), status(unused.sid)]).toEqual([
      ['agent-1'],
      'in-progress',
      'completed',
    ]);
    await control('POST', 'clock', { advanceMs: 2 * 60_000 });
    expect([connected(), status(room.sid)]).toEqual([[], 'in-progress']);
    const participant = emulator.participants.find((p) => p.room_sid === room.sid)!;
    expect(participant).toMatchObject({ status: 'disconnected', duration: 1800 });
    await control('POST', 'clock', { advanceMs: 5 * 60_000 });
    expect(status(room.sid)).toBe('completed');

    await emulator.callbacks.idle();
    const events = received.filter((r) => r.params.RoomSid === room.sid);
    expect(events.map((r) => r.params.StatusCallbackEvent)).toEqual([
      'room-created',
      'participant-connected',
      'participant-disconnected',
      'room-ended',
    ]);
    const at = (event: string) =>
      Date.parse(events.find((r) => r.params.StatusCallbackEvent === event)!.params.Timestamp);
    // Disconnected at the limit (the start is kept to the second), the room ended 5 minutes later.
    expect(at('participant-disconnected') - at('participant-connected')).toBeGreaterThan(1799_000);
    expect(at('participant-disconnected') - at('participant-connected')).toBeLessThanOrEqual(1800_000);
    expect(at('room-ended') - at('participant-disconnected')).toBe(5 * 60_000);
    expect(
      received.filter((r) => r.params.RoomSid === unused.sid).map((r) => r.params.StatusCallbackEvent),
    ).toEqual(['room-created', 'room-ended']);
  });

  test('a bad advance is refused', async () => {
    expect((await control('POST', 'clock', { advanceMs: -1 })).status).toBe(400);
    expect((await control('POST', 'clock', {})).status).toBe(400);
  });
});

describe('control surface', () => {
  test('a seeded task: its agent’s Flex token validates, the task names its conversation, the messages are there', async () => {
    const seeded = SeededTaskJson.parse(
      (
        await control('POST', 'tasks', {
          identity: 'ada@example.com',
          messages: [{ author: 'customer', body: 'Hello?' }],
        })
      ).body,
    );
    const response = await fetch(`${emulator.url}/iam/v1/Accounts/${ACCOUNT_SID}/Tokens/validate`, {
      method: 'POST',
      headers: { Authorization: auth, 'Content-Type': 'application/json' },
      body: JSON.stringify({ token: seeded.token }),
    });
    expect(await response.json()).toMatchObject({
      valid: true,
      identity: 'ada@example.com',
      worker_sid: seeded.workerSid,
    });
    const task = await rest('GET', `/taskrouter/v1/Workspaces/WS${'c3'.repeat(16)}/Tasks/${seeded.taskSid}`);
    expect(JSON.parse(TaskJson.parse(task.body).attributes)).toMatchObject({
      conversationSid: seeded.conversationSid,
    });
    const messages = await rest('GET', `/conversations/v1/Conversations/${seeded.conversationSid}/Messages`);
    expect(MessagesJson.parse(messages.body).messages.map((m) => [m.author, m.body])).toEqual([
      ['customer', 'Hello?'],
    ]);
    expect(emulator.violations).toEqual([]);
  });

  test('a fault set through the control surface fails the next matching request only', async () => {
    await control('POST', 'faults', {
      path: '^/video/v1/Rooms$',
      method: 'GET',
      status: 503,
      twilioCode: 20429,
      times: 1,
    });
    expect((await rest('GET', '/video/v1/Rooms')).body).toMatchObject({ status: 503, code: 20429 });
    expect((await rest('GET', '/video/v1/Rooms')).status).toBe(200);
  });

  test('state shows what is held; an unknown control is a 404 that says so', async () => {
    const state = StateJson.parse((await control('GET', 'state')).body);
    expect(state.rooms.length).toBe(emulator.rooms.length);
    expect(state.callbacks.length).toBe(emulator.callbacks.deliveries.length);
    expect(await control('POST', 'nonsense')).toEqual({
      status: 404,
      body: { error: 'no control POST /__emulator/nonsense' },
    });
  });
});

describe('the Media Content Service', () => {
  const upload = (body: Buffer, type: string, service = CHAT_SERVICE_SID) =>
    fetch(`${emulator.url}/mcs/v1/Services/${service}/Media`, {
      method: 'POST',
      headers: { Authorization: auth, 'Content-Type': type },
      body: new Uint8Array(body),
    });

  test('keeps the bytes uploaded, serves them back, and a message with MediaSid lists the file', async () => {
    const bytes = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 1, 2, 0xfe]);
    const created = (await (await upload(bytes, 'image/jpeg')).json()) as { sid: string; size: number };
    expect(created).toEqual(expect.objectContaining({ size: bytes.length }));
    const content = await fetch(
      `${emulator.url}/mcs/v1/Services/${CHAT_SERVICE_SID}/Media/${created.sid}/Content`,
      { headers: { Authorization: auth } },
    );
    expect(content.headers.get('content-type')).toBe('image/jpeg');
    expect(Buffer.from(await content.arrayBuffer()).equals(bytes)).toBe(true);

    const conversationSid = emulator.addConversation();
    const conversation = await rest('GET', `/conversations/v1/Conversations/${conversationSid}`);
    expect(conversation.body).toEqual(expect.objectContaining({ chat_service_sid: CHAT_SERVICE_SID }));
    const posted = await rest('POST', `/conversations/v1/Conversations/${conversationSid}/Messages`, {
      MediaSid: created.sid,
    });
    expect(posted.status).toBe(201);
    expect(posted.body).toEqual(
      expect.objectContaining({
        body: null,
        media: [
          expect.objectContaining({ sid: created.sid, size: bytes.length, content_type: 'image/jpeg' }),
        ],
      }),
    );
    expect(emulator.violations).toEqual([]);
  });

  test('refuses a form or JSON body as a file, another service, and a message naming no file it holds', async () => {
    expect((await upload(Buffer.from('a=b'), 'application/x-www-form-urlencoded')).status).toBe(400);
    expect(emulator.violations.splice(0)).toHaveLength(1);
    expect((await upload(Buffer.from([1]), 'image/png', `IS${'0'.repeat(32)}`)).status).toBe(404);
    const conversationSid = emulator.addConversation();
    const posted = await rest('POST', `/conversations/v1/Conversations/${conversationSid}/Messages`, {
      MediaSid: `ME${'0'.repeat(32)}`,
    });
    expect(posted.status).toBe(400);
    expect(emulator.messages(conversationSid)).toEqual([]);
  });
});
