import http from 'node:http';
import type { AddressInfo } from 'node:net';
import RequestClient from 'twilio/lib/base/RequestClient';
import { AppError } from '../core/errors';
import { OutcomeUnknownError } from '../core/twilio-errors';
import { createTwilioClient, Deadline, isRetrySafe, rewriteTwilioUri, upstreamError } from './twilio-client';

const ACCOUNT = `AC${'1'.repeat(32)}`;

test('Twilio hosts map onto TWILIO_API_BASE_URL/{subdomain}/{path}', () => {
  expect(
    rewriteTwilioUri('https://video.twilio.com/v1/Rooms?Status=completed', 'http://127.0.0.1:4010/'),
  ).toBe('http://127.0.0.1:4010/video/v1/Rooms?Status=completed');
  expect(rewriteTwilioUri(`https://iam.twilio.com/v1/Accounts/${ACCOUNT}/Tokens/validate`, 'http://h')).toBe(
    `http://h/iam/v1/Accounts/${ACCOUNT}/Tokens/validate`,
  );
  expect(rewriteTwilioUri('https://video.twilio.com/v1/Rooms')).toBe('https://video.twilio.com/v1/Rooms');
});

test('only message and composition creates are unsafe to repeat', () => {
  expect(
    isRetrySafe('post', `https://conversations.twilio.com/v1/Conversations/CH${'a'.repeat(32)}/Messages`),
  ).toBe(false);
  expect(isRetrySafe('post', 'https://video.twilio.com/v1/Compositions')).toBe(false);
  expect(isRetrySafe('post', 'https://video.twilio.com/v1/Rooms')).toBe(true);
  expect(
    isRetrySafe('get', `https://conversations.twilio.com/v1/Conversations/CH${'a'.repeat(32)}/Messages`),
  ).toBe(true);
});

test.each([
  [{ status: 429 }, 503, 'upstream_unavailable'],
  [{ status: 503 }, 503, 'upstream_unavailable'],
  [{ status: 500 }, 502, 'upstream_error'],
  [{ status: 401 }, 502, 'upstream_error'],
  [new OutcomeUnknownError(undefined), 503, 'upstream_unavailable'],
  [new Error('boom'), 502, 'upstream_error'],
])('a Twilio failure %p is answered %p %p', (failure, status, code) => {
  expect(upstreamError(failure)).toMatchObject({ status, code });
});

/** A tiny server that answers from a script, to drive the client's retries. */
async function scriptedServer(script: ((res: http.ServerResponse) => void)[]) {
  let hits = 0;
  const server = http.createServer((req, res) => {
    req.resume();
    req.on('end', () => (script[Math.min(hits++, script.length - 1)] ?? script[0])(res));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    base,
    hits: () => hits,
    close: () => new Promise((r) => (server.closeAllConnections(), server.close(r))),
  };
}

const json = (status: number, body: object) => (res: http.ServerResponse) => {
  res.writeHead(status, { 'Content-Type': 'application/json' });
  res.end(JSON.stringify(body));
};
const room = {
  sid: `RM${'2'.repeat(32)}`,
  status: 'in-progress',
  unique_name: 'x',
  date_created: '2026-01-01T00:00:00Z',
};

/** The client under test, against `base`, with a fresh 8 s deadline unless one is given. */
const clientOf = (
  base: string,
  options: { deadline?: Deadline; pause?: (ms: number) => Promise<void> } = {},
) =>
  createTwilioClient({
    accountSid: ACCOUNT,
    authToken: 't',
    apiBaseUrl: base,
    deadline: options.deadline ?? new Deadline(8_000),
    pause: options.pause,
  });

/** The backoffs the client asked to wait, recorded instead of waited out. */
function recordedPauses() {
  const waits: number[] = [];
  return { waits, pause: (ms: number) => (waits.push(ms), Promise.resolve()) };
}

/** Jittered exponential backoff from 150 ms: attempt n waits between half and all of 150·2ⁿ. */
const backoffOf = (attempt: number) => {
  const exponential = 150 * 2 ** attempt;
  return { min: exponential / 2, max: exponential };
};

test('429 and 5xx are retried with backoff, then succeed', async () => {
  const server = await scriptedServer([
    json(429, { code: 20429 }),
    json(500, { code: 20500 }),
    json(200, room),
  ]);
  const { waits, pause } = recordedPauses();
  const client = clientOf(server.base, { pause });
  await expect(client.video.v1.rooms(room.sid).fetch()).resolves.toMatchObject({ sid: room.sid });
  expect(server.hits()).toBe(3);
  expect(waits).toHaveLength(2);
  waits.forEach((wait, attempt) => {
    expect(wait).toBeGreaterThanOrEqual(backoffOf(attempt).min);
    expect(wait).toBeLessThanOrEqual(backoffOf(attempt).max);
  });
  await server.close();
});

test('a Retry-After is waited as Twilio asks, up to 2 s', async () => {
  const retryAfter = (seconds: string) => (res: http.ServerResponse) => {
    res.writeHead(429, { 'Content-Type': 'application/json', 'Retry-After': seconds });
    res.end(JSON.stringify({ code: 20429 }));
  };
  const server = await scriptedServer([retryAfter('1'), retryAfter('30'), json(200, room)]);
  const { waits, pause } = recordedPauses();
  const client = clientOf(server.base, { pause });
  await expect(client.video.v1.rooms(room.sid).fetch()).resolves.toMatchObject({ sid: room.sid });
  expect(waits).toEqual([1_000, 2_000]);
  await server.close();
});

test('retries stop after two, and the failure is reported', async () => {
  const server = await scriptedServer([json(500, { code: 20500, message: 'down' })]);
  const { waits, pause } = recordedPauses();
  const client = clientOf(server.base, { pause });
  await expect(client.video.v1.rooms(room.sid).fetch()).rejects.toMatchObject({ status: 500 });
  expect(server.hits()).toBe(3);
  expect(waits).toHaveLength(2);
  await server.close();
});

test('a message create is not repeated after a 5xx: its outcome is unknown', async () => {
  const server = await scriptedServer([json(502, { code: 20500 })]);
  const client = clientOf(server.base);
  await expect(
    client.conversations.v1.conversations(`CH${'3'.repeat(32)}`).messages.create({ body: 'hi' }),
  ).rejects.toBeInstanceOf(OutcomeUnknownError);
  expect(server.hits()).toBe(1);
  await server.close();
});

test('a request that hangs gets only what is left of the deadline, is not retried past it, and ends as 503', async () => {
  const server = await scriptedServer([() => undefined]);
  // The one place every attempt goes through: what the client asks of each.
  const attempts = jest.spyOn(RequestClient.prototype, 'request');
  const budgetMs = 600;
  const client = clientOf(server.base, { deadline: new Deadline(budgetMs) });
  const failure = await client.video.v1
    .rooms(room.sid)
    .fetch()
    .catch((err: unknown) => err);
  expect(failure).toBeInstanceOf(AppError);
  expect(failure).toMatchObject({ code: 'upstream_unavailable' });
  expect(server.hits()).toBe(1);
  expect(attempts).toHaveBeenCalledTimes(1);
  expect(attempts.mock.calls[0][0].timeout).toBeLessThan(budgetMs);
  attempts.mockRestore();
  await server.close();
});
