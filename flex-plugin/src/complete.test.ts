import { CompleteOptions, VideoServiceError, completeVideo } from './complete';
import { parseServiceUrl } from './service';

const SERVICE = parseServiceUrl('https://video-1234-prod.twil.io');
const CREDENTIALS = { token: 'flex-token', taskSid: 'WT' + 'f'.repeat(32) };
const ROOM_SID = 'RM' + '1'.repeat(32);

function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json', ...headers },
  });
}

function setUp(...answers: Array<Response | Error>) {
  const calls: Array<{ url: string; init: RequestInit }> = [];
  const waits: number[] = [];
  const options: CompleteOptions = {
    fetch: (url, init) => {
      calls.push({ url: url instanceof Request ? url.url : url.toString(), init: init ?? {} });
      const answer = answers.shift();
      if (!answer) return Promise.reject(new Error('unexpected request'));
      return answer instanceof Error ? Promise.reject(answer) : Promise.resolve(answer);
    },
    wait: (ms) => {
      waits.push(ms);
      return Promise.resolve();
    },
  };
  return { calls, waits, options };
}

async function failure(promise: Promise<unknown>): Promise<VideoServiceError> {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  if (!(error instanceof VideoServiceError))
    throw new Error(`expected a VideoServiceError, got ${String(error)}`);
  return error;
}

describe('completeVideo', () => {
  it("POSTs the agent's Flex token and the task SID as JSON to /video/complete", async () => {
    const { calls, options } = setUp(json(200, { completed: true, roomSid: ROOM_SID }));
    await expect(completeVideo(SERVICE, CREDENTIALS, options)).resolves.toEqual({
      completed: true,
      roomSid: ROOM_SID,
    });
    expect(calls).toHaveLength(1);
    expect(calls[0].url).toBe('https://video-1234-prod.twil.io/video/complete');
    expect(calls[0].init.method).toBe('POST');
    expect(calls[0].init.headers).toEqual({ 'Content-Type': 'application/json' });
    expect(JSON.parse(calls[0].init.body as string)).toEqual({
      Token: 'flex-token',
      TaskSid: CREDENTIALS.taskSid,
    });
    expect(calls[0].init.signal).toBeInstanceOf(AbortSignal);
  });

  it('answers roomSid null for a task that never had a room', async () => {
    const { options } = setUp(json(200, { completed: true, roomSid: null }));
    await expect(completeVideo(SERVICE, CREDENTIALS, options)).resolves.toEqual({
      completed: true,
      roomSid: null,
    });
  });

  it("raises the contract's error code and message", async () => {
    const { options } = setUp(
      json(403, { error: { code: 'forbidden', message: 'You do not hold this task.' } }),
    );
    const error = await failure(completeVideo(SERVICE, CREDENTIALS, options));
    expect([error.code, error.message]).toEqual(['forbidden', 'You do not hold this task.']);
  });

  it("names the status when the error body is not the contract's", async () => {
    const { options } = setUp(new Response('<html>Bad gateway</html>', { status: 502 }));
    const error = await failure(completeVideo(SERVICE, CREDENTIALS, options));
    expect(error.code).toBe('http_502');
  });

  it("refuses a 200 that is not the contract's answer", async () => {
    const { options } = setUp(new Response('ok', { status: 200 }));
    expect((await failure(completeVideo(SERVICE, CREDENTIALS, options))).code).toBe('invalid_response');
  });

  it('reports an unreachable service as network_error', async () => {
    const { options } = setUp(new TypeError('Failed to fetch'));
    const error = await failure(completeVideo(SERVICE, CREDENTIALS, options));
    expect(error.code).toBe('network_error');
    expect(error.message).toContain('Failed to fetch');
  });

  it('retries once after a 503, waiting what Retry-After asks', async () => {
    const busy = json(
      503,
      { error: { code: 'upstream_unavailable', message: 'Try again.' } },
      { 'Retry-After': '2' },
    );
    const { calls, waits, options } = setUp(busy, json(200, { completed: true, roomSid: ROOM_SID }));
    await expect(completeVideo(SERVICE, CREDENTIALS, options)).resolves.toEqual({
      completed: true,
      roomSid: ROOM_SID,
    });
    expect(calls).toHaveLength(2);
    expect(calls[1].init.body).toBe(calls[0].init.body);
    expect(waits).toEqual([2000]);
  });

  it('waits at most 5 s, and gives up after the second 503', async () => {
    const busy = () =>
      json(503, { error: { code: 'upstream_unavailable', message: 'Try again.' } }, { 'Retry-After': '120' });
    const { calls, waits, options } = setUp(busy(), busy());
    expect((await failure(completeVideo(SERVICE, CREDENTIALS, options))).code).toBe('upstream_unavailable');
    expect(calls).toHaveLength(2);
    expect(waits).toEqual([5000]);
  });

  it('does not retry other failures', async () => {
    const { calls, options } = setUp(
      json(502, { error: { code: 'upstream_error', message: 'Twilio failed.' } }),
    );
    expect((await failure(completeVideo(SERVICE, CREDENTIALS, options))).code).toBe('upstream_error');
    expect(calls).toHaveLength(1);
  });
});
