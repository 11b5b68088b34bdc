import { agentStringsFor } from '../shared/strings';
import { mediaProblemText, participantLabel, participantName, problemText } from './labels';
import type { ParticipantRow } from './participants';
import type { ProblemKind } from './problems';

const text = agentStringsFor(['en']).text;
const row = (
  kind: ParticipantRow['kind'],
  identity = 'x',
  ordinal: number | null = null,
): ParticipantRow => ({ sid: 'PA1', identity, kind, ordinal, removable: kind !== 'you' });

test('each kind of participant has its own label; repeated kinds are numbered', () => {
  expect(participantLabel(row('you'), text)).toBe('You');
  expect(participantLabel(row('customer'), text)).toBe('Customer');
  expect(participantLabel(row('customer', 'x', 2), text)).toBe('Customer 2');
  expect(participantLabel(row('agent'), text)).toBe('Another agent');
  expect(participantLabel(row('supervisor'), text)).toBe('Supervisor');
  expect(participantLabel(row('supervisor', 'x', 2), text)).toBe('Supervisor 2');
  expect(participantLabel(row('unexpected'), text)).toBe('Unexpected participant');
});

test('an unexpected participant is named with their identity, cut when long', () => {
  expect(participantName(row('unexpected', 'recorder-bot'), text)).toBe(
    'Unexpected participant “recorder-bot”',
  );
  expect(participantName(row('unexpected', 'z'.repeat(80)), text)).toBe(
    `Unexpected participant “${'z'.repeat(39)}…”`,
  );
  expect(participantName(row('customer', 'customer-AbCdEfGhIjKlMnOp'), text)).toBe('Customer');
});

test('every problem has a sentence; busy says when to retry', () => {
  const kinds: ProblemKind[] = [
    'config',
    'signed-out',
    'not-your-task',
    'no-task',
    'not-chat',
    'recording-disabled',
    'no-room',
    'busy',
    'offline',
    'connect',
    'unsupported',
    'service',
  ];
  const sentences = kinds.map((kind) => problemText({ kind, retryAfterSeconds: 7 }, text));
  expect(new Set(sentences).size).toBe(kinds.length);
  expect(problemText({ kind: 'busy', retryAfterSeconds: 7 }, text)).toBe(
    'The video service is busy. Try again in 7 seconds.',
  );
});

test('media problems are explained once each, camera first', () => {
  expect(mediaProblemText({ audio: null, video: null }, text)).toEqual([]);
  expect(mediaProblemText({ audio: 'denied', video: 'denied' }, text)).toEqual([
    text.cameraBlocked,
    text.micBlocked,
  ]);
  expect(mediaProblemText({ audio: 'in-use', video: 'in-use' }, text)).toEqual([text.deviceInUse]);
  expect(mediaProblemText({ audio: 'not-found', video: 'failed' }, text)).toEqual([
    text.mediaFailed,
    text.micMissing,
  ]);
});
