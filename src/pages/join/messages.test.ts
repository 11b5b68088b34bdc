import type { JoinFailure } from '../shared/api';
import { en } from '../shared/strings';
import { endMessage, failureMessage } from './messages';

const text = en;
const retry = { label: text.tryAgain, onClick: () => undefined };

test.each<[JoinFailure, string, boolean]>([
  [{ kind: 'invalid' }, 'invite-invalid', false],
  [{ kind: 'expired' }, 'invite-expired', false],
  [{ kind: 'revoked' }, 'invite-revoked', false],
  [{ kind: 'ended' }, 'session-ended', false],
  [{ kind: 'busy', retryAfterSeconds: 7 }, 'busy', true],
  [{ kind: 'offline' }, 'offline', true],
  [{ kind: 'failed' }, 'error', true],
])('%o shows %s, with a retry button: %s', (failure, state, retries) => {
  const message = failureMessage(text, failure, retry);
  expect(message.state).toBe(state);
  expect(message.action === retry).toBe(retries);
});

test('a revoked link sends the customer to the newest link in the chat, not to the agent for a new one', () => {
  const message = failureMessage(text, { kind: 'revoked' }, retry);
  expect(message.title).toBe('A newer link was sent');
  expect(message.paragraphs).toEqual([
    text.inviteRevokedBody,
    'Go back to the chat and open the newest link to join the call.',
  ]);
});

test('busy says how long to wait', () => {
  expect(failureMessage(text, { kind: 'busy', retryAfterSeconds: 7 }, retry).paragraphs).toEqual([
    'The video service is busy right now. Please try again in 7 seconds.',
  ]);
});

test.each([
  ['agent-ended', 'ended', false],
  ['left', 'left', true],
  ['connection-lost', 'connection-lost', true],
  ['replaced', 'replaced', false],
] as const)('the call ending as %s shows %s, with a rejoin button: %s', (reason, state, rejoins) => {
  const message = endMessage(text, reason, retry);
  expect(message.state).toBe(state);
  expect(message.action === retry).toBe(rejoins);
});
