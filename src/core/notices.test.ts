import { inviteText, noticeTexts } from './notices';

test('the invite carries the link where {joinUrl} stands, and says so when calls are recorded', () => {
  const texts = noticeTexts({});
  expect(inviteText(texts, 'https://x/join.html#invite=a', false)).toBe(
    'Your agent has invited you to a video call. Tap to join: https://x/join.html#invite=a',
  );
  expect(inviteText(texts, 'https://x/join.html#invite=a', true)).toMatch(
    /#invite=a\nThis call will be recorded\.$/,
  );
});

test('every text can be replaced through the environment; a reworded invite without {joinUrl} still gets the link', () => {
  const texts = noticeTexts({
    VIDEO_NOTICE_INVITE: 'Únete a la videollamada:',
    VIDEO_NOTICE_RECORDED_CALL: 'Esta llamada se grabará.',
    VIDEO_NOTICE_SESSION_ENDED: '  La videollamada ha terminado.  ',
    VIDEO_NOTICE_RECORDING_STARTED: '',
  });
  expect(inviteText(texts, 'L', true)).toBe('Únete a la videollamada: L\nEsta llamada se grabará.');
  expect(texts['session-ended']).toBe('La videollamada ha terminado.');
  expect(texts['recording-started']).toBe('This video call is now being recorded.');
});
