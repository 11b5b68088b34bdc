import { inviteText, languageOf, noticeSettings, noticesFor } from './notices';

test('the invite carries the link where {joinUrl} stands, and says so when calls are recorded', () => {
  const texts = noticesFor(noticeSettings({}));
  expect(inviteText(texts, 'https://x/join.html#invite=a', false)).toBe(
    'Your agent has invited you to a video call. Tap to join: https://x/join.html#invite=a',
  );
  expect(inviteText(texts, 'https://x/join.html#invite=a', true)).toMatch(
    /#invite=a\nThis call will be recorded\.$/,
  );
});

test('every text can be replaced through the environment; a reworded invite without {joinUrl} still gets the link', () => {
  const texts = noticesFor(
    noticeSettings({
      VIDEO_NOTICE_INVITE: 'Join the video call:',
      VIDEO_NOTICE_RECORDED_CALL: 'It will be recorded.',
      VIDEO_NOTICE_SESSION_ENDED: '  The call is over.  ',
      VIDEO_NOTICE_RECORDING_STARTED: '',
    }),
  );
  expect(inviteText(texts, 'L', true)).toBe('Join the video call: L\nIt will be recorded.');
  expect(texts['session-ended']).toBe('The call is over.');
  expect(texts['recording-started']).toBe('This video call is now being recorded.');
});

describe('the customer’s language', () => {
  const settings = noticeSettings({ VIDEO_LANGUAGE_ATTRIBUTE: 'language' });

  test('the task attribute the company names picks the language, region or not', () => {
    expect(noticesFor(settings, { language: 'es-MX' }).invite).toMatch(/^Tu agente te ha invitado/);
    expect(noticesFor(settings, { language: 'FR' })['session-ended']).toMatch(/^L’appel vidéo est terminé/);
    expect(noticesFor(settings, { language: 'pt_BR' }).recordedCallNote).toBe('Esta chamada será gravada.');
    expect(noticesFor(settings, { language: 'de' })['recording-started']).toMatch(/aufgezeichnet/);
  });

  test('no attribute configured, none on the task, or a language without texts: the default language', () => {
    expect(noticesFor(noticeSettings({}), { language: 'es' }).invite).toMatch(/^Your agent/);
    expect(noticesFor(settings, {}).invite).toMatch(/^Your agent/);
    expect(noticesFor(settings, { language: 'ja' }).invite).toMatch(/^Your agent/);
    expect(noticesFor(settings, { language: 42 }).invite).toMatch(/^Your agent/);
    const spanishFirst = noticeSettings({
      VIDEO_LANGUAGE_ATTRIBUTE: 'language',
      VIDEO_DEFAULT_LANGUAGE: 'es',
    });
    expect(noticesFor(spanishFirst, { language: 'ja' }).invite).toMatch(/^Tu agente/);
  });

  test('each text can be overridden per language; the bare name overrides the default language only', () => {
    const custom = noticeSettings({
      VIDEO_LANGUAGE_ATTRIBUTE: 'language',
      VIDEO_DEFAULT_LANGUAGE: 'es',
      VIDEO_NOTICE_INVITE: 'Únase: {joinUrl}',
      VIDEO_NOTICE_INVITE_DE: 'Bitte beitreten: {joinUrl}',
      VIDEO_NOTICE_SESSION_ENDED_IT: 'La videochiamata è terminata.',
    });
    expect(noticesFor(custom, {}).invite).toBe('Únase: {joinUrl}');
    expect(noticesFor(custom, { language: 'de' }).invite).toBe('Bitte beitreten: {joinUrl}');
    expect(noticesFor(custom, { language: 'en' }).invite).toMatch(/^Your agent/);
    // A language the bundle has no texts for starts from English for the texts not given.
    expect(noticesFor(custom, { language: 'it' })['session-ended']).toBe('La videochiamata è terminata.');
    expect(noticesFor(custom, { language: 'it' }).invite).toMatch(/^Your agent/);
  });

  test('a language tag is read as its language; anything else is no language', () => {
    expect(['es-MX', 'EN', 'pt_BR', 'zh-Hant-TW'].map(languageOf)).toEqual(['es', 'en', 'pt', 'zh']);
    expect(['', 'e', 'spanish!', '../x', null, 7].map(languageOf)).toEqual(Array(6).fill(undefined));
  });
});

test('the snapshot notice and the pictures note are in every built-in language and configurable per language', () => {
  const settings = noticeSettings({
    VIDEO_LANGUAGE_ATTRIBUTE: 'language',
    VIDEO_NOTICE_SNAPSHOT_TAKEN_ES: 'Foto tomada.',
  });
  expect(noticesFor(settings, { language: 'es' })['snapshot-taken']).toBe('Foto tomada.');
  expect(noticesFor(settings, { language: 'fr' })['snapshot-taken']).toMatch(/photo/);
  expect(noticesFor(settings, { language: 'de' }).photographedCallNote).toMatch(/Fotos/);
  expect(inviteText(noticesFor(settings), 'L', false, false, true)).toMatch(
    /L\nThe agent may take pictures during this call\.$/,
  );
});
