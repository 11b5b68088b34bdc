import { execFile } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { ACCOUNT_SID, AUTH_TOKEN, SYNC_SERVICE_SID, TwilioEmulator } from '../../dev/emulator';
import { escalated } from '../support/escalated';
import { expectError, inviteOf } from '../support/expect';
import { ROOT } from '../support/stack';
import { useStack } from '../support/use-stack';

/** The guards and revocations decide what the bundle does: they must live in a Sync service no Flex
 * user can write (README, "Security model"). */

// Cold starts: the service check is kept per instance once it passed, and these tests change the
// service under the bundle.
const stack = useStack({ coldStarts: true });
const onDefault = useStack({ env: { TWILIO_SYNC_SERVICE_SID: 'default' }, coldStarts: true });

const bundleService = () => stack.fake.syncServices.find((s) => s.sid === SYNC_SERVICE_SID)!;

function expectMisconfiguredService(answer: Parameters<typeof expectError>[0]): void {
  const { error } = expectError(answer, 500, 'misconfigured');
  expect(error.message).toContain('TWILIO_SYNC_SERVICE_SID');
  expect(error.message).toContain('npm run setup');
}

test('`default` (the account’s default service, writable by Flex users) is refused before any Twilio request', async () => {
  const task = onDefault.seedTask();
  const before = onDefault.fake.calls.length;
  expectMisconfiguredService(
    await onDefault.post('/video/escalate', { Token: task.token, TaskSid: task.taskSid }),
  );
  expectMisconfiguredService(await onDefault.post('/video/join', { Invite: 'x'.repeat(40) }));
  expect(onDefault.fake.calls.length).toBe(before);
});

test('a service whose ACLs are off is refused, and no guard is decided from it', async () => {
  const task = await escalated(stack);
  const invite = inviteOf(task.joinUrl);
  bundleService().acl_enabled = false;
  try {
    expectMisconfiguredService(await stack.post('/video/join', { Invite: invite }));
    expectMisconfiguredService(
      await stack.post('/video/escalate', { Token: task.token, TaskSid: task.taskSid, Resend: true }),
    );
    expect(stack.fake.noticesOf(task.conversationSid, 'invite', task.roomSid)).toHaveLength(1);
  } finally {
    bundleService().acl_enabled = true;
  }
  // Only a passed check is kept: the service put right is used on the next request.
  expect((await stack.post('/video/join', { Invite: invite })).status).toBe(200);
});

test('a service the account does not have is refused', async () => {
  const task = await escalated(stack);
  const invite = inviteOf(task.joinUrl);
  const sid = SYNC_SERVICE_SID;
  bundleService().sid = `IS${'0'.repeat(32)}`;
  try {
    expectMisconfiguredService(await stack.post('/video/join', { Invite: invite }));
  } finally {
    stack.fake.syncServices.find((s) => s.sid === `IS${'0'.repeat(32)}`)!.sid = sid;
  }
});

describe('npm run setup', () => {
  const emulator = new TwilioEmulator();
  let url = '';
  beforeAll(async () => {
    url = await emulator.start();
  });
  afterAll(() => emulator.stop());
  afterEach(() => expect(emulator.violations).toEqual([]));

  /** The command as an operator runs it, in a directory without a .env, against the emulator. */
  const setup = async () => {
    const { stdout } = await promisify(execFile)(
      process.execPath,
      [path.join(ROOT, 'dev', 'run.mjs'), 'setup'],
      {
        cwd: os.tmpdir(),
        env: { PATH: process.env.PATH, ACCOUNT_SID, AUTH_TOKEN, TWILIO_API_BASE_URL: url },
      },
    );
    return { stdout, sid: /TWILIO_SYNC_SERVICE_SID=(IS[0-9a-f]{32})/.exec(stdout)?.[1] };
  };
  const ours = () => emulator.syncServices.filter((s) => s.friendly_name === 'flex-video-escalation guards');

  test('run twice, it creates one service with ACLs on and prints the same SID', async () => {
    const first = await setup();
    const second = await setup();
    expect(ours()).toHaveLength(1);
    expect(ours()[0]).toMatchObject({ sid: first.sid, acl_enabled: true });
    expect(second.sid).toBe(first.sid);
    expect(emulator.callsTo('POST', /^\/sync\/v1\/Services$/)).toHaveLength(1);
    expect(first.stdout).toContain('created');
    expect(second.stdout).toContain('found');
  });

  test('a service found with its ACLs off gets them turned on', async () => {
    ours()[0].acl_enabled = false;
    const again = await setup();
    expect(again.sid).toBe(ours()[0].sid);
    expect(ours()).toHaveLength(1);
    expect(ours()[0].acl_enabled).toBe(true);
  });
});
