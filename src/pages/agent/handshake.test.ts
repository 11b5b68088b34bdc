import {
  actionFor,
  connectToHost,
  hostOf,
  parseHostMessage,
  READY_MESSAGE,
  senderAllowed,
  type PanelWindow,
} from './handshake';

const TASK = `WT${'a'.repeat(32)}`;
const OTHER_TASK = `WT${'b'.repeat(32)}`;
const FLEX = 'https://flex.twilio.com';
const session = (token = 'flex-token', taskSid = TASK) => ({
  type: 'video-escalation:session',
  token,
  taskSid,
});

test('only the two host messages, exactly shaped, are understood', () => {
  expect(parseHostMessage(session())).toEqual({ type: 'session', token: 'flex-token', taskSid: TASK });
  expect(parseHostMessage({ type: 'video-escalation:token', token: 't2' })).toEqual({
    type: 'token',
    token: 't2',
  });
  for (const bad of [
    null,
    'video-escalation:session',
    session(''),
    session('t', 'WT123'),
    session('t', `WS${'a'.repeat(32)}`),
    session('x'.repeat(8193)),
    { ...session(), type: 'video-escalation:ready' },
    { type: 'video-escalation:token' },
    { type: 'video-escalation:token', token: 42 },
  ]) {
    expect([bad, parseHostMessage(bad)]).toEqual([bad, null]);
  }
});

test('a sender counts only as the host window itself, from an allowed origin, then only from the bound one', () => {
  const host = {};
  const rules = { host, allowedOrigins: [FLEX, 'https://desk.example.com'], boundOrigin: null };
  expect(senderAllowed(rules, host, FLEX)).toBe(true);
  expect(senderAllowed(rules, host, 'https://desk.example.com')).toBe(true);
  expect(senderAllowed(rules, host, 'https://evil.example.com')).toBe(false);
  expect(senderAllowed(rules, host, 'https://flex.twilio.com:444')).toBe(false);
  expect(senderAllowed(rules, {}, FLEX)).toBe(false);
  expect(senderAllowed(rules, null, FLEX)).toBe(false);
  const bound = { ...rules, boundOrigin: FLEX };
  expect(senderAllowed(bound, host, FLEX)).toBe(true);
  expect(senderAllowed(bound, host, 'https://desk.example.com')).toBe(false);
  expect(senderAllowed({ ...rules, host: null }, null, FLEX)).toBe(false);
});

test('one task per page: a repeat for the same task renews the token, another task is ignored', () => {
  const current = { token: 't1', taskSid: TASK };
  expect(actionFor({ type: 'session', token: 't1', taskSid: TASK }, null)).toEqual({
    kind: 'start',
    session: current,
  });
  expect(actionFor({ type: 'session', token: 't2', taskSid: TASK }, current)).toEqual({
    kind: 'renew',
    token: 't2',
  });
  expect(actionFor({ type: 'session', token: 't2', taskSid: OTHER_TASK }, current)).toEqual({
    kind: 'ignore',
  });
  expect(actionFor({ type: 'token', token: 't3' }, current)).toEqual({ kind: 'renew', token: 't3' });
  expect(actionFor({ type: 'token', token: 't3' }, null)).toEqual({ kind: 'ignore' });
});

/** A window in an iframe (or opened by another), whose host records what it is sent. */
function panelWindow(place: 'iframe' | 'opened' | 'alone') {
  const sent: { message: unknown; targetOrigin: string }[] = [];
  const host = {
    postMessage: (message: unknown, targetOrigin: string) => void sent.push({ message, targetOrigin }),
  };
  const listeners: ((event: { data: unknown; origin: string; source: unknown }) => void)[] = [];
  // A window on its own is its own parent, as in browsers.
  const win: PanelWindow & { parent: PanelWindow['parent']; postMessage(): void } = {
    parent: host,
    opener: place === 'opened' ? host : null,
    addEventListener: (_type, listener) => void listeners.push(listener),
    postMessage() {},
  };
  if (place !== 'iframe') win.parent = win;
  const deliver = (data: unknown, origin: string, source: unknown = host) =>
    listeners.forEach((listener) => listener({ data, origin, source }));
  return { win, host, sent, deliver };
}

test('the host is the parent when framed, else the opener, else none', () => {
  const framed = panelWindow('iframe');
  expect(hostOf(framed.win)).toBe(framed.host);
  const opened = panelWindow('opened');
  expect(hostOf(opened.win)).toBe(opened.host);
  expect(hostOf(panelWindow('alone').win)).toBeNull();
});

test('ready goes out first; a session from a disallowed origin or another window is ignored; state goes to the bound origin only', () => {
  const { win, sent, deliver } = panelWindow('iframe');
  const sessions: unknown[] = [];
  const tokens: string[] = [];
  const link = connectToHost(win, [FLEX, 'https://desk.example.com'], {
    onSession: (s) => sessions.push(s),
    onToken: (t) => tokens.push(t),
  })!;
  expect(sent).toEqual([{ message: READY_MESSAGE, targetOrigin: '*' }]);

  link.post({ type: 'video-escalation:state' });
  expect(sent).toHaveLength(1);

  deliver(session('stolen'), 'https://evil.example.com');
  deliver(session('stolen'), FLEX, { postMessage() {} });
  expect(sessions).toEqual([]);

  deliver(session('t1'), FLEX);
  expect(sessions).toEqual([{ token: 't1', taskSid: TASK }]);
  deliver(session('t-other'), 'https://desk.example.com');
  deliver({ type: 'video-escalation:token', token: 'evil' }, 'https://desk.example.com');
  deliver({ type: 'video-escalation:token', token: 't2' }, FLEX);
  deliver(session('t3'), FLEX);
  expect(sessions).toHaveLength(1);
  expect(tokens).toEqual(['t2', 't3']);

  link.post({ type: 'video-escalation:state' });
  expect(sent[1]).toEqual({ message: { type: 'video-escalation:state' }, targetOrigin: FLEX });
});

test('without a host there is nothing to talk to', () => {
  const { win, sent } = panelWindow('alone');
  expect(connectToHost(win, [FLEX], { onSession() {}, onToken() {} })).toBeNull();
  expect(sent).toEqual([]);
});
