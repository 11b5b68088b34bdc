import * as z from 'zod';
import { agentTaskParams, displayName, invite, optionalFlag, parseParams } from './validate';

const WT = `WT${'a'.repeat(32)}`;
const fail = (schema: z.ZodType, event: Record<string, unknown>) => {
  try {
    parseParams(schema, event);
  } catch (err) {
    return err as { code: string; status: number; message: string };
  }
  throw new Error('expected a rejection');
};

test('valid agent parameters pass and unknown ones are dropped', () => {
  expect(parseParams(agentTaskParams, { Token: 't', TaskSid: WT, Extra: 1 })).toEqual({
    Token: 't',
    TaskSid: WT,
  });
});

test('a missing parameter is named in the message', () => {
  const err = fail(agentTaskParams, { Token: 't' });
  expect(err).toMatchObject({ code: 'invalid_request', status: 400 });
  expect(err.message).toBe('TaskSid is required.');
});

test.each([[''], ['WT1'], [`WS${'a'.repeat(32)}`], [`${WT}a`], [1], [[WT]], [{}], [null]])(
  'TaskSid %p is refused',
  (value) => {
    expect(fail(agentTaskParams, { Token: 't', TaskSid: value }).message).toMatch(/TaskSid/);
  },
);

test('a huge token is refused without echoing it', () => {
  const err = fail(agentTaskParams, { Token: 'x'.repeat(10_000), TaskSid: WT });
  expect(err.message.length).toBeLessThan(100);
});

test.each([
  [true, true],
  ['true', true],
  [false, false],
  ['false', false],
  [undefined, false],
])('Resend %p means %p', (value, expected) => {
  expect(parseParams(z.object({ Resend: optionalFlag('Resend') }), { Resend: value }).Resend).toBe(expected);
});

test.each([['yes'], [1], ['TRUE'], [[]]])('Resend %p is refused', (value) => {
  expect(fail(z.object({ Resend: optionalFlag('Resend') }), { Resend: value }).message).toMatch(
    /Resend must be true or false/,
  );
});

test('Name is at most 64 characters; Invite must be a non-empty string', () => {
  const schema = z.object({ Invite: invite, Name: displayName });
  expect(parseParams(schema, { Invite: 'x', Name: 'N'.repeat(64) }).Name).toHaveLength(64);
  expect(fail(schema, { Invite: 'x', Name: 'N'.repeat(65) }).message).toMatch(/Name/);
  expect(fail(schema, { Invite: '' }).message).toMatch(/Invite/);
  expect(fail(schema, { Invite: 5 }).message).toMatch(/Invite must be a string/);
});
