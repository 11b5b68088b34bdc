import { agentApi, fetchAgentConfig } from './api';

const TASK = `WT${'a'.repeat(32)}`;
const ROOM = `RM${'b'.repeat(32)}`;
const EXPIRES = '2030-01-01T00:00:00.000Z';
const AGENT = { token: 'eyJ.v.t', identity: 'agent-WK1', roomName: `flex-video-${TASK}`, expiresAt: EXPIRES };

function answering(status: number, body: unknown, headers: Record<string, string> = {}) {
  const sent: { url: string; init: RequestInit }[] = [];
  const fetchFn = async (url: string, init: RequestInit) => {
    sent.push({ url, init });
    return new Response(typeof body === 'string' ? body : JSON.stringify(body), { status, headers });
  };
  return { fetchFn, sent };
}

test('agent-config: the background rule; an unknown rule or an image rule without its picture is no usable answer', async () => {
  const image = await fetchAgentConfig(answering(200, { allowedOrigins: [], recordingPolicy: 'off', agentBackground: 'image', agentBackgroundImage: '/bg/office.jpg' }).fetchFn);
  expect(image).toMatchObject({ ok: true, value: { agentBackground: 'image', agentBackgroundImage: '/bg/office.jpg' } });
  for (const body of [{ agentBackground: 'sepia' }, { agentBackground: 'image', agentBackgroundImage: null }]) {
    expect(await fetchAgentConfig(answering(200, { allowedOrigins: [], recordingPolicy: 'off', ...body }).fetchFn)).toMatchObject({ ok: false, failure: { code: 'bad_answer' } });
  }
});

test('agent-config: the allowed origins and the policy; an unknown policy is read as on-demand', async () => {
  const { fetchFn, sent } = answering(200, { allowedOrigins: ['https://flex.twilio.com'], recordingPolicy: 'always', agentBackground: 'none' });
  expect(await fetchAgentConfig(fetchFn)).toEqual({
    ok: true,
    value: { allowedOrigins: ['https://flex.twilio.com'], recordingPolicy: 'always', agentBackground: 'none', agentBackgroundImage: null },
  });
  expect(sent[0]).toMatchObject({ url: '/video/agent-config', init: { method: 'GET' } });
  const odd = await fetchAgentConfig(answering(200, { allowedOrigins: [], recordingPolicy: 'sometimes' }).fetchFn);
  expect(odd).toEqual({ ok: true, value: { allowedOrigins: [], recordingPolicy: 'on-demand', agentBackground: 'none', agentBackgroundImage: null } });
  expect(await fetchAgentConfig(answering(200, { allowedOrigins: 'https://flex.twilio.com' }).fetchFn)).toEqual({
    ok: false,
    failure: { status: 200, code: 'bad_answer', retryAfterSeconds: null },
  });
});

test('each call posts the current Flex token and the task as PascalCase JSON', async () => {
  const { fetchFn, sent } = answering(200, { ...AGENT, roomSid: ROOM });
  let token = 'flex-1';
  const api = agentApi(fetchFn, () => ({ token, taskSid: TASK }));
  const grant = await api.agentToken();
  expect(grant).toEqual({ ok: true, value: { ...AGENT, roomSid: ROOM, expiresAt: Date.parse(EXPIRES) } });
  token = 'flex-2';
  await api.recording('start');
  await api.removeParticipant('customer-x');
  await api.escalate(true);
  await api.escalate(false);
  await api.complete();
  expect(sent.map((s) => [s.url, s.init.method, JSON.parse(s.init.body as string)])).toEqual([
    ['/video/agent-token', 'POST', { Token: 'flex-1', TaskSid: TASK }],
    ['/video/recording', 'POST', { Token: 'flex-2', TaskSid: TASK, Action: 'start' }],
    ['/video/remove-participant', 'POST', { Token: 'flex-2', TaskSid: TASK, Identity: 'customer-x' }],
    ['/video/escalate', 'POST', { Token: 'flex-2', TaskSid: TASK, Resend: true }],
    ['/video/escalate', 'POST', { Token: 'flex-2', TaskSid: TASK }],
    ['/video/complete', 'POST', { Token: 'flex-2', TaskSid: TASK }],
  ]);
});

test('escalate: the agent grant carries the room SID', async () => {
  const body = { roomSid: ROOM, roomName: AGENT.roomName, joinUrl: 'https://x/join.html#invite=i', created: true, messageSid: 'IM1', inviteStatus: 'sent', agent: AGENT };
  const api = agentApi(answering(200, body).fetchFn, () => ({ token: 't', taskSid: TASK }));
  expect(await api.escalate(false)).toEqual({
    ok: true,
    value: { roomSid: ROOM, joinUrl: body.joinUrl, created: true, inviteStatus: 'sent', agent: { ...AGENT, roomSid: ROOM, expiresAt: Date.parse(EXPIRES) } },
  });
  const broken = agentApi(answering(200, { ...body, agent: { ...AGENT, token: '' } }).fetchFn, () => ({ token: 't', taskSid: TASK }));
  expect((await broken.escalate(false)).ok).toBe(false);
});

test('failures carry status and code; a 503 its Retry-After; an unreachable service is offline', async () => {
  const credentials = () => ({ token: 't', taskSid: TASK });
  const refused = agentApi(answering(403, { error: { code: 'recording_disabled', message: 'm' } }).fetchFn, credentials);
  expect(await refused.recording('start')).toEqual({ ok: false, failure: { status: 403, code: 'recording_disabled', retryAfterSeconds: null } });
  const busy = agentApi(answering(503, { error: { code: 'upstream_unavailable', message: 'm' } }, { 'Retry-After': '4' }).fetchFn, credentials);
  expect(await busy.complete()).toEqual({ ok: false, failure: { status: 503, code: 'upstream_unavailable', retryAfterSeconds: 4 } });
  const html = agentApi(answering(502, '<html>').fetchFn, credentials);
  expect(await html.complete()).toEqual({ ok: false, failure: { status: 502, code: 'unknown', retryAfterSeconds: null } });
  const offline = agentApi(async () => Promise.reject(new TypeError('Failed to fetch')), credentials);
  expect(await offline.agentToken()).toEqual({ ok: false, failure: { status: 0, code: 'offline', retryAfterSeconds: null } });
});
