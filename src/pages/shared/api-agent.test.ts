import type { ApiAnswer, ApiSchema } from '../../contract';
import { agentApi, fetchAgentConfig } from './api';
import { answering, failing, unreachable } from '../../../tests/support/fake-fetch';

const TASK = `WT${'a'.repeat(32)}`;
const ROOM = `RM${'b'.repeat(32)}`;
const EXPIRES = '2030-01-01T00:00:00.000Z';
const AGENT = {
  token: 'eyJ.v.t',
  identity: 'agent-WK1',
  roomName: `flex-video-${TASK}`,
  expiresAt: EXPIRES,
} satisfies ApiSchema['AgentToken'];
const CONFIG = {
  allowedOrigins: [],
  recordingPolicy: 'off',
  agentBackground: 'none',
  agentBackgroundImage: null,
} satisfies ApiAnswer<'/video/agent-config'>;

test('agent-config: the background rule; an unknown rule or an image rule without its picture is no usable answer', async () => {
  const image = await fetchAgentConfig(
    answering(200, { ...CONFIG, agentBackground: 'image', agentBackgroundImage: '/bg/office.jpg' }).fetchFn,
  );
  expect(image).toMatchObject({
    ok: true,
    value: { agentBackground: 'image', agentBackgroundImage: '/bg/office.jpg' },
  });
  for (const body of [
    { agentBackground: 'sepia' },
    { agentBackground: 'image', agentBackgroundImage: null },
  ]) {
    expect(await fetchAgentConfig(answering(200, { ...CONFIG, ...body }).fetchFn)).toMatchObject({
      ok: false,
      failure: { code: 'bad_answer' },
    });
  }
});

test('agent-config: the allowed origins and the policy; an unknown policy is read as on-demand', async () => {
  const { fetchFn, sent } = answering(200, {
    allowedOrigins: ['https://flex.twilio.com'],
    recordingPolicy: 'always',
    transcriptionPolicy: 'on-demand',
    transcriptDestination: 'none',
    agentBackground: 'none',
  });
  expect(await fetchAgentConfig(fetchFn)).toEqual({
    ok: true,
    value: {
      allowedOrigins: ['https://flex.twilio.com'],
      recordingPolicy: 'always',
      transcriptionPolicy: 'on-demand',
      transcriptDestination: 'none',
      agentBackground: 'none',
      agentBackgroundImage: null,
      // An older deployment names no readiness rule: the default.
      readiness: { rule: 'advise', hours: 12, policyText: null },
      snapshotsPolicy: 'off',
    },
  });
  expect(sent).toEqual([{ url: '/video/agent-config', method: 'GET', body: undefined }]);
  const odd = await fetchAgentConfig(
    answering(200, { allowedOrigins: [], recordingPolicy: 'sometimes' }).fetchFn,
  );
  expect(odd).toEqual({
    ok: true,
    value: {
      allowedOrigins: [],
      recordingPolicy: 'on-demand',
      // An older deployment says nothing of transcription: read as off.
      transcriptionPolicy: 'off',
      transcriptDestination: 'conversation',
      agentBackground: 'none',
      agentBackgroundImage: null,
      readiness: { rule: 'advise', hours: 12, policyText: null },
      snapshotsPolicy: 'off',
    },
  });
  const asking = await fetchAgentConfig(
    answering(200, { allowedOrigins: [], snapshotsPolicy: 'ask' }).fetchFn,
  );
  expect(asking.ok && asking.value.snapshotsPolicy).toBe('ask');
  expect(
    await fetchAgentConfig(answering(200, { allowedOrigins: 'https://flex.twilio.com' }).fetchFn),
  ).toEqual({
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
  expect(sent.map((request) => [request.url, request.method, request.body])).toEqual([
    ['/video/agent-token', 'POST', { Token: 'flex-1', TaskSid: TASK }],
    ['/video/recording', 'POST', { Token: 'flex-2', TaskSid: TASK, Action: 'start' }],
    ['/video/remove-participant', 'POST', { Token: 'flex-2', TaskSid: TASK, Identity: 'customer-x' }],
    ['/video/escalate', 'POST', { Token: 'flex-2', TaskSid: TASK, Resend: true }],
    ['/video/escalate', 'POST', { Token: 'flex-2', TaskSid: TASK }],
    ['/video/complete', 'POST', { Token: 'flex-2', TaskSid: TASK }],
  ]);
});

test('agent-call: the task’s call as a grant, none as null, and a call that is not a grant as a bad answer', async () => {
  const api = (answer: unknown) =>
    agentApi(answering(200, answer).fetchFn, () => ({ token: 't', taskSid: TASK }));
  expect(await api({ call: { ...AGENT, roomSid: ROOM } }).agentCall()).toEqual({
    ok: true,
    value: { call: { ...AGENT, roomSid: ROOM, expiresAt: Date.parse(EXPIRES) } },
  });
  expect(await api({ call: null }).agentCall()).toEqual({ ok: true, value: { call: null } });
  for (const body of [{}, { call: { ...AGENT } }, { call: 'RM1' }])
    expect(await api(body).agentCall()).toEqual({
      ok: false,
      failure: { status: 200, code: 'bad_answer', retryAfterSeconds: null },
    });
});

test('escalate: the agent grant carries the room SID; an invite outcome the panel does not know is read as posted', async () => {
  const body = {
    roomSid: ROOM,
    roomName: AGENT.roomName,
    joinUrl: 'https://x/join.html#invite=i',
    created: true,
    messageSid: 'IM1',
    inviteStatus: 'pending',
    agent: AGENT,
  } satisfies ApiAnswer<'/video/escalate'>;
  const escalate = (answer: object) =>
    agentApi(answering(200, answer).fetchFn, () => ({ token: 't', taskSid: TASK })).escalate(false);
  expect(await escalate(body)).toEqual({
    ok: true,
    value: {
      roomSid: ROOM,
      joinUrl: body.joinUrl,
      created: true,
      inviteStatus: 'pending',
      agent: { ...AGENT, roomSid: ROOM, expiresAt: Date.parse(EXPIRES) },
    },
  });
  expect(await escalate({ ...body, inviteStatus: 'queued' })).toMatchObject({
    ok: true,
    value: { inviteStatus: 'posted' },
  });
  expect((await escalate({ ...body, agent: { ...AGENT, token: '' } })).ok).toBe(false);
});

test('failures carry status and code; a 503 its Retry-After; an unreachable service is offline', async () => {
  const credentials = () => ({ token: 't', taskSid: TASK });
  const refused = agentApi(failing('recording_disabled').fetchFn, credentials);
  expect(await refused.recording('start')).toEqual({
    ok: false,
    failure: { status: 403, code: 'recording_disabled', retryAfterSeconds: null },
  });
  const busy = agentApi(failing('upstream_unavailable', { 'Retry-After': '4' }).fetchFn, credentials);
  expect(await busy.complete()).toEqual({
    ok: false,
    failure: { status: 503, code: 'upstream_unavailable', retryAfterSeconds: 4 },
  });
  const html = agentApi(answering(502, '<html>').fetchFn, credentials);
  expect(await html.complete()).toEqual({
    ok: false,
    failure: { status: 502, code: 'unknown', retryAfterSeconds: null },
  });
  const offline = agentApi(unreachable, credentials);
  expect(await offline.agentToken()).toEqual({
    ok: false,
    failure: { status: 0, code: 'offline', retryAfterSeconds: null },
  });
});

test('agent-config: the readiness rule as the service names it', async () => {
  const readiness = { rule: 'require', hours: 8, policyText: 'No logos in view.' };
  const answer = await fetchAgentConfig(
    answering(200, { allowedOrigins: [], recordingPolicy: 'off', agentBackground: 'none', readiness })
      .fetchFn,
  );
  expect(answer.ok && answer.value.readiness).toEqual(readiness);
});

test('readiness: a report carries every item and the acknowledgement; the answer’s times become ms', async () => {
  const { fetchFn, sent } = answering(200, {
    rule: 'require',
    hours: 12,
    checkedAt: '2026-03-10T09:00:00.000Z',
    verdict: 'good',
    ready: true,
    readyUntil: '2026-03-10T21:00:00.000Z',
    policyAcknowledged: true,
  });
  const api = agentApi(fetchFn, () => ({ token: 'flex-token', taskSid: `WT${'a'.repeat(32)}` }));
  const items = { camera: { verdict: 'good' as const, finding: 'camera-good' } };
  expect(await api.readiness({ items, acknowledged: true })).toEqual({
    ok: true,
    value: {
      ready: true,
      verdict: 'good',
      checkedAt: Date.parse('2026-03-10T09:00:00.000Z'),
      readyUntil: Date.parse('2026-03-10T21:00:00.000Z'),
      policyAcknowledged: true,
    },
  });
  expect(sent).toEqual([
    {
      url: '/video/readiness',
      method: 'POST',
      body: { Token: 'flex-token', Action: 'report', Items: items, PolicyAcknowledged: true },
    },
  ]);
});
