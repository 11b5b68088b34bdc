import { LIMITS } from '../contract';
import { loadConfig } from './config';

const env = {
  ACCOUNT_SID: `AC${'1'.repeat(32)}`,
  AUTH_TOKEN: 'token',
  TWILIO_API_KEY: `SK${'2'.repeat(32)}`,
  TWILIO_API_SECRET: 'secret',
  TWILIO_FLEX_WORKSPACE_SID: `WS${'3'.repeat(32)}`,
  TWILIO_SYNC_SERVICE_SID: `IS${'4'.repeat(32)}`,
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

test("defaults follow the README's configuration table", () => {
  const config = loadConfig(env);
  expect(config).toMatchObject({
    allowedOrigins: ['https://flex.twilio.com'],
    recordingPolicy: 'on-demand',
    compose: false,
    inviteTtlSeconds: 3600,
    publicBaseUrl: 'https://video-1234-dev.twil.io',
    syncServiceSid: `IS${'4'.repeat(32)}`,
  });
  expect(config.inviteKeys).toHaveLength(1);
  expect(config.inviteKeys[0]).toHaveLength(32);
  expect(config.agentBackground).toEqual({ rule: 'none' });
});

test.each([undefined, 'default', 'IS123'])(
  'TWILIO_SYNC_SERVICE_SID %s is refused: only the bundle’s own service, which `npm run setup` makes',
  (sid) => {
    const message = misconfiguredMessage({ TWILIO_SYNC_SERVICE_SID: sid });
    expect(message).toContain('TWILIO_SYNC_SERVICE_SID');
    expect(message).toContain('npm run setup');
  },
);

test('twilio-run’s localhost domain is served over http', () => {
  expect(loadConfig({ ...env, DOMAIN_NAME: 'localhost:3000' }).publicBaseUrl).toBe('http://localhost:3000');
});

test('ALLOWED_ORIGINS is a comma-separated list, trimmed', () => {
  expect(
    loadConfig({ ...env, ALLOWED_ORIGINS: ' https://a.example/ ,https://b.example' }).allowedOrigins,
  ).toEqual(['https://a.example', 'https://b.example']);
});

test.each(['ACCOUNT_SID', 'AUTH_TOKEN', 'TWILIO_API_KEY', 'TWILIO_API_SECRET', 'TWILIO_FLEX_WORKSPACE_SID'])(
  'a missing %s is named, its value never',
  (name) => {
    expect(misconfiguredMessage({ [name]: undefined })).toContain(name);
    expect(misconfiguredMessage({ [name]: '   ' })).toContain(name);
  },
);

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
  expect(
    loadConfig(env).inviteKeys[0].equals(loadConfig({ ...env, AUTH_TOKEN: 'other' }).inviteKeys[0]),
  ).toBe(false);
});

test('notices can be reworded through the environment', () => {
  expect(
    loadConfig({ ...env, VIDEO_NOTICE_SESSION_ENDED: 'Fin de la videollamada.' }).notices.byLanguage.en[
      'session-ended'
    ],
  ).toBe('Fin de la videollamada.');
});

describe('invite secrets', () => {
  const secret = 's'.repeat(32);
  const oldAuthToken = 'o'.repeat(32);

  test('a dedicated secret replaces the auth token as the signing key, so rotating the auth token keeps links working', () => {
    const withSecret = loadConfig({ ...env, VIDEO_INVITE_SECRET: secret });
    const afterAuthRotation = loadConfig({ ...env, AUTH_TOKEN: 'rotated', VIDEO_INVITE_SECRET: secret });
    expect(withSecret.inviteKeys[0].equals(afterAuthRotation.inviteKeys[0])).toBe(true);
    expect(withSecret.inviteKeys[0].equals(loadConfig(env).inviteKeys[0])).toBe(false);
  });

  test('the previous secret, or a previous auth token, checks links while the current one signs', () => {
    const before = loadConfig({ ...env, AUTH_TOKEN: oldAuthToken });
    const during = loadConfig({ ...env, AUTH_TOKEN: 'rotated', VIDEO_INVITE_SECRET_PREVIOUS: oldAuthToken });
    expect(during.inviteKeys).toHaveLength(2);
    expect(during.inviteKeys[1].equals(before.inviteKeys[0])).toBe(true);
    expect(during.inviteKeys[0].equals(loadConfig({ ...env, AUTH_TOKEN: 'rotated' }).inviteKeys[0])).toBe(
      true,
    );
  });

  test.each(['VIDEO_INVITE_SECRET', 'VIDEO_INVITE_SECRET_PREVIOUS'])(
    'a short %s is refused, without its value',
    (name) => {
      const message = misconfiguredMessage({ [name]: 'short-secret-value' });
      expect(message).toContain(name);
      expect(message).not.toContain('short-secret-value');
    },
  );
});

describe('notice texts that could not be posted whole', () => {
  test('an invite text that leaves no room for the link is refused, naming the variable', () => {
    expect(misconfiguredMessage({ VIDEO_NOTICE_INVITE: `${'x'.repeat(1_500)} {joinUrl}` })).toContain(
      'VIDEO_NOTICE_INVITE',
    );
  });

  test('the longest invite that still fits with the longest link is accepted', () => {
    const config = loadConfig(env);
    const linkLength = `${config.publicBaseUrl}/join.html#invite=`.length + LIMITS.inviteLength;
    const text = `${'x'.repeat(1_600 - linkLength - 1)} {joinUrl}`;
    expect(loadConfig({ ...env, VIDEO_NOTICE_INVITE: text }).notices.byLanguage.en.invite).toBe(text);
    expect(misconfiguredMessage({ VIDEO_NOTICE_INVITE: `x${text}` })).toContain('VIDEO_NOTICE_INVITE');
  });

  test('under VIDEO_RECORDING=always the recorded-call note counts too, and is named when it is the one too long', () => {
    const note = 'n'.repeat(1_500);
    expect(
      loadConfig({ ...env, VIDEO_NOTICE_RECORDED_CALL: note }).notices.byLanguage.en.recordedCallNote,
    ).toBe(note);
    expect(misconfiguredMessage({ VIDEO_RECORDING: 'always', VIDEO_NOTICE_RECORDED_CALL: note })).toContain(
      'VIDEO_NOTICE_RECORDED_CALL',
    );
  });

  test('every language is checked: a text too long in one is refused, naming its variable', () => {
    expect(misconfiguredMessage({ VIDEO_NOTICE_SESSION_ENDED_ES: 'x'.repeat(1_601) })).toContain(
      'VIDEO_NOTICE_SESSION_ENDED_ES',
    );
    expect(misconfiguredMessage({ VIDEO_NOTICE_INVITE_IT: `${'x'.repeat(1_500)} {joinUrl}` })).toContain(
      'VIDEO_NOTICE_INVITE_IT',
    );
    expect(
      misconfiguredMessage({
        VIDEO_DEFAULT_LANGUAGE: 'de',
        VIDEO_RECORDING: 'always',
        VIDEO_NOTICE_RECORDED_CALL: 'n'.repeat(1_500),
      }),
    ).toContain('VIDEO_NOTICE_RECORDED_CALL');
  });

  test('any other notice over 1,600 characters is refused', () => {
    expect(misconfiguredMessage({ VIDEO_NOTICE_SESSION_ENDED: 'e'.repeat(1_601) })).toContain(
      'VIDEO_NOTICE_SESSION_ENDED',
    );
  });
});

describe('VIDEO_AGENT_BACKGROUND', () => {
  test.each([
    [{ VIDEO_AGENT_BACKGROUND: 'blur' }, { rule: 'blur' }],
    [
      { VIDEO_AGENT_BACKGROUND: 'image', VIDEO_AGENT_BACKGROUND_IMAGE: '/backgrounds/office.jpg' },
      { rule: 'image', image: '/backgrounds/office.jpg' },
    ],
  ])('%j is read as %j', (overrides, expected) => {
    expect(loadConfig({ ...env, ...overrides }).agentBackground).toEqual(expected);
  });

  test.each([
    [{ VIDEO_AGENT_BACKGROUND: 'green' }, 'VIDEO_AGENT_BACKGROUND'],
    [{ VIDEO_AGENT_BACKGROUND: 'image' }, 'VIDEO_AGENT_BACKGROUND_IMAGE'],
    [
      { VIDEO_AGENT_BACKGROUND: 'image', VIDEO_AGENT_BACKGROUND_IMAGE: 'https://cdn.example/office.jpg' },
      'VIDEO_AGENT_BACKGROUND_IMAGE',
    ],
    [
      { VIDEO_AGENT_BACKGROUND: 'image', VIDEO_AGENT_BACKGROUND_IMAGE: '//cdn.example/office.jpg' },
      'VIDEO_AGENT_BACKGROUND_IMAGE',
    ],
    [
      { VIDEO_AGENT_BACKGROUND: 'image', VIDEO_AGENT_BACKGROUND_IMAGE: '/../secret.jpg' },
      'VIDEO_AGENT_BACKGROUND_IMAGE',
    ],
  ])('%j is refused naming %s', (overrides, name) => {
    expect(misconfiguredMessage(overrides)).toContain(name);
  });
});

describe('transcription', () => {
  test('off by default, in en-US, kept in the conversation', () => {
    expect(loadConfig(env).transcription).toEqual({
      policy: 'off',
      language: 'en-US',
      destination: 'conversation',
    });
    expect(
      loadConfig({
        ...env,
        VIDEO_TRANSCRIPTION: 'always',
        VIDEO_TRANSCRIPTION_LANGUAGE: 'zh-Hans-CN',
        VIDEO_TRANSCRIPT_DESTINATION: 'none',
      }).transcription,
    ).toEqual({ policy: 'always', language: 'zh-Hans-CN', destination: 'none' });
  });

  test.each([
    ['VIDEO_TRANSCRIPTION', 'sometimes'],
    ['VIDEO_TRANSCRIPTION', 'ON-DEMAND'],
    ['VIDEO_TRANSCRIPT_DESTINATION', 'email'],
    ['VIDEO_TRANSCRIPTION_LANGUAGE', 'english'],
    ['VIDEO_TRANSCRIPTION_LANGUAGE', 'en_US'],
    ['VIDEO_TRANSCRIPTION_LANGUAGE', 'e'],
    ['VIDEO_TRANSCRIPTION_LANGUAGE', 'en-US-'],
    ['VIDEO_TRANSCRIPTION_LANGUAGE', 'en-US;drop'],
  ])('%s=%s is refused, naming the variable', (name, value) => {
    expect(misconfiguredMessage({ [name]: value })).toContain(name);
  });

  test.each(['en', 'es-419', 'pt-BR', 'sr-Latn-RS', 'de-CH-1996'])('%s is a language tag', (language) => {
    expect(loadConfig({ ...env, VIDEO_TRANSCRIPTION_LANGUAGE: language }).transcription.language).toBe(
      language,
    );
  });

  test('under always the invite carries the transcribed-call note; one too long for the invite is refused', () => {
    const note = 'n'.repeat(1_500);
    expect(loadConfig({ ...env, VIDEO_NOTICE_TRANSCRIBED_CALL: note }).transcription.policy).toBe('off');
    expect(
      misconfiguredMessage({ VIDEO_TRANSCRIPTION: 'always', VIDEO_NOTICE_TRANSCRIBED_CALL: note }),
    ).toContain('VIDEO_NOTICE_TRANSCRIBED_CALL');
    expect(misconfiguredMessage({ VIDEO_NOTICE_TRANSCRIPTION_STARTED_FR: 's'.repeat(1_601) })).toContain(
      'VIDEO_NOTICE_TRANSCRIPTION_STARTED_FR',
    );
  });
});

test('the readiness rule: advise for 12 hours by default; the hours and the policy text are checked', () => {
  const config = loadConfig(env);
  expect(config.readiness).toMatchObject({ rule: 'advise', hours: 12, policyText: null });
  expect(config.readiness.signingKey).toHaveLength(32);
  expect(config.practice.recording).toBe('off');
  expect(
    loadConfig({ ...env, VIDEO_AGENT_READINESS: 'require', VIDEO_AGENT_READINESS_HOURS: '8' }).readiness,
  ).toMatchObject({ rule: 'require', hours: 8 });
  for (const hours of ['0', '169', '1.5', '-3', 'twelve', '12h'])
    expect(misconfiguredMessage({ VIDEO_AGENT_READINESS_HOURS: hours })).toContain(
      'VIDEO_AGENT_READINESS_HOURS',
    );
  expect(misconfiguredMessage({ VIDEO_AGENT_READINESS: 'demand' })).toContain('VIDEO_AGENT_READINESS');
  expect(misconfiguredMessage({ VIDEO_AGENT_POLICY_TEXT: 'x'.repeat(2_001) })).toContain(
    'VIDEO_AGENT_POLICY_TEXT',
  );
  expect(misconfiguredMessage({ VIDEO_PRACTICE_RECORDING: 'on-demand' })).toContain(
    'VIDEO_PRACTICE_RECORDING',
  );
});

test('practice links are signed with keys of their own, never the task links’ keys', () => {
  const config = loadConfig(env);
  expect(config.practice.inviteKeys[0].equals(config.inviteKeys[0])).toBe(false);
  expect(config.readiness.signingKey.equals(config.inviteKeys[0])).toBe(false);
});

describe('snapshots', () => {
  test('off by default; ask and on as written; anything else is refused, naming the variable', () => {
    expect(loadConfig(env).snapshots).toBe('off');
    expect(loadConfig({ ...env, VIDEO_SNAPSHOTS: 'ask' }).snapshots).toBe('ask');
    expect(loadConfig({ ...env, VIDEO_SNAPSHOTS: 'on' }).snapshots).toBe('on');
    for (const value of ['ON', 'always', 'yes', 'true'])
      expect(misconfiguredMessage({ VIDEO_SNAPSHOTS: value })).toContain('VIDEO_SNAPSHOTS');
  });

  test('under on the invite carries the pictures note; one too long for the invite is refused', () => {
    const note = 'n'.repeat(1_500);
    expect(loadConfig({ ...env, VIDEO_NOTICE_PHOTOGRAPHED_CALL: note }).snapshots).toBe('off');
    expect(misconfiguredMessage({ VIDEO_SNAPSHOTS: 'on', VIDEO_NOTICE_PHOTOGRAPHED_CALL: note })).toContain(
      'VIDEO_NOTICE_PHOTOGRAPHED_CALL',
    );
    expect(misconfiguredMessage({ VIDEO_NOTICE_SNAPSHOT_TAKEN_DE: 's'.repeat(1_601) })).toContain(
      'VIDEO_NOTICE_SNAPSHOT_TAKEN_DE',
    );
  });
});
