import { loadConfig } from './config';

const env = {
  ACCOUNT_SID: `AC${'1'.repeat(32)}`,
  AUTH_TOKEN: 'token',
  TWILIO_API_KEY: `SK${'2'.repeat(32)}`,
  TWILIO_API_SECRET: 'secret',
  TWILIO_FLEX_WORKSPACE_SID: `WS${'3'.repeat(32)}`,
  DOMAIN_NAME: 'video-1234-dev.twil.io',
};

const misconfiguredMessage = (overrides: Record<string, string | undefined>) => {
  try {
    loadConfig({ ...env, ...overrides });
  } catch (err) {
    expect(err).toMatchObject({ code: 'misconfigured', status: 500 });
    return (err as Error).message;
  }
  throw new Error('expected misconfigured');
};

test('defaults follow API.md', () => {
  const config = loadConfig(env);
  expect(config).toMatchObject({
    allowedOrigins: ['https://flex.twilio.com'],
    recordingPolicy: 'on-demand',
    compose: false,
    inviteTtlSeconds: 3600,
    publicBaseUrl: 'https://video-1234-dev.twil.io',
    syncServiceSid: 'default',
  });
  expect(config.inviteKey).toHaveLength(32);
});

test('twilio-run’s localhost domain is served over http', () => {
  expect(loadConfig({ ...env, DOMAIN_NAME: 'localhost:3000' }).publicBaseUrl).toBe('http://localhost:3000');
});

test('ALLOWED_ORIGINS is a comma-separated list, trimmed', () => {
  expect(loadConfig({ ...env, ALLOWED_ORIGINS: ' https://a.example/ ,https://b.example' }).allowedOrigins).toEqual(['https://a.example', 'https://b.example']);
});

test.each(['ACCOUNT_SID', 'AUTH_TOKEN', 'TWILIO_API_KEY', 'TWILIO_API_SECRET', 'TWILIO_FLEX_WORKSPACE_SID'])('a missing %s is named, its value never', (name) => {
  expect(misconfiguredMessage({ [name]: undefined })).toContain(name);
  expect(misconfiguredMessage({ [name]: '   ' })).toContain(name);
});

test.each([
  ['VIDEO_RECORDING', 'sometimes'],
  ['VIDEO_INVITE_TTL_SECONDS', '0'],
  ['VIDEO_INVITE_TTL_SECONDS', '90000'],
  ['VIDEO_INVITE_TTL_SECONDS', '1e3'],
  ['TWILIO_API_BASE_URL', 'ftp://x'],
  ['TWILIO_API_KEY', 'not-a-key-sid'],
])('%s=%s is refused', (name, value) => {
  const message = misconfiguredMessage({ [name]: value });
  expect(message).toContain(name);
  expect(message).not.toContain(value === '0' ? 'never-matches' : value);
});

test('the invite key changes with the auth token', () => {
  expect(loadConfig(env).inviteKey.equals(loadConfig({ ...env, AUTH_TOKEN: 'other' }).inviteKey)).toBe(false);
});

test('notices can be reworded through the environment', () => {
  expect(loadConfig({ ...env, VIDEO_NOTICE_SESSION_ENDED: 'Fin de la videollamada.' }).notices['session-ended']).toBe('Fin de la videollamada.');
});
