import { emulatorEnv } from '../../dev/emulator';
import {
  policyVersion,
  READINESS_ATTRIBUTE,
  signedRecord,
  type ReadinessItem,
} from '../../src/core/readiness';
import { loadConfig } from '../../src/platform/config';
import { expectError } from '../support/expect';
import type { SeededTask, Stack } from '../support/stack';
import { useStack } from '../support/use-stack';

/** VIDEO_AGENT_READINESS=require (issue 23, part 3): escalate refuses an agent without a fresh
 * passing check, and the check's result is kept, signed, on the agent's worker. */

const POLICY = 'Business dress; a quiet room; nothing confidential in view.';
const env = { VIDEO_AGENT_READINESS: 'require', VIDEO_AGENT_POLICY_TEXT: POLICY };
const stack = useStack({ env });
/** The key the bundle signs records with, from the same environment: the test writes records
 * Twilio would hold (a stale one, a tampered one) without waiting hours. */
const signingKey = loadConfig({ ...emulatorEnv('http://127.0.0.1:1'), DOMAIN_NAME: 'localhost:1', ...env })
  .readiness.signingKey;

const HOUR = 60 * 60 * 1000;
/** What the equipment check reports, and what the appearance check adds: `require` needs both. */
const equipment = {
  camera: { verdict: 'good', finding: 'camera-good', figures: { width: 1280, height: 720, brightness: 110 } },
  microphone: { verdict: 'warning', finding: 'microphone-silent', figures: { peak: 0.005 } },
  speakers: { verdict: 'good', finding: 'speakers-played' },
  network: { verdict: 'good', finding: 'network-good', figures: { rttMs: 40 } },
} satisfies Record<string, ReadinessItem>;
const appearance = {
  'appearance-framing': {
    verdict: 'good',
    finding: 'appearance-framing-good',
    figures: { faceHeightPercent: 30 },
  },
  'appearance-lighting': { verdict: 'good', finding: 'appearance-lighting-good', figures: { face: 120 } },
  'appearance-voice': { verdict: 'good', finding: 'appearance-voice-good', figures: { snrDb: 32 } },
  'appearance-echo': { verdict: 'warning', finding: 'appearance-echo-speakers' },
} satisfies Record<string, ReadinessItem>;
const passing = { ...equipment, ...appearance };
const failing = {
  ...passing,
  'appearance-lighting': { verdict: 'problem', finding: 'appearance-face-black' },
};
const APPEARANCE_ITEMS = ['appearance-framing', 'appearance-lighting', 'appearance-voice'];

const report = (task: SeededTask, items: object, acknowledged?: boolean) =>
  stack.post('/video/readiness', {
    Token: task.token,
    Action: 'report',
    Items: items,
    ...(acknowledged !== undefined && { PolicyAcknowledged: acknowledged }),
  });
const escalate = (task: SeededTask) =>
  stack.post('/video/escalate', { Token: task.token, TaskSid: task.taskSid });
const attributesOf = (s: Stack, task: SeededTask) =>
  JSON.parse(s.fake.workers.get(task.workerSid)!.attributes) as Record<string, unknown>;

test('without a check on record, escalate is 403 readiness_required: no room, no message', async () => {
  const task = stack.seedTask();
  const refused = expectError(await escalate(task), 403, 'readiness_required');
  expect(refused.error.message).toContain('no equipment and appearance check');
  expect(stack.fake.rooms.filter((r) => r.unique_name.includes(task.taskSid))).toEqual([]);
  expect(stack.fake.conversations.get(task.conversationSid)).toEqual([]);
});

test('the equipment check alone is not enough: the result is not ready and escalate names the appearance items', async () => {
  const task = stack.seedTask();
  const kept = await report(task, equipment, true);
  expect(kept.body).toMatchObject({
    verdict: 'warning',
    missingItems: APPEARANCE_ITEMS,
    ready: false,
    readyUntil: null,
    policyAcknowledged: true,
  });
  const refused = expectError(await escalate(task), 403, 'readiness_required');
  expect(refused.error.message).toContain(
    `did not cover or could not measure ${APPEARANCE_ITEMS.join(', ')}`,
  );
  expect(stack.fake.rooms.filter((r) => r.unique_name.includes(task.taskSid))).toEqual([]);
  // The appearance check's items on their own are not enough either.
  expect((await report(task, appearance)).body).toMatchObject({
    missingItems: ['camera', 'microphone', 'speakers', 'network'],
    ready: false,
  });
  expectError(await escalate(task), 403, 'readiness_required');
});

test('an item that could not be measured does not pass, even as a warning', async () => {
  const task = stack.seedTask();
  const unavailable = { verdict: 'warning', finding: 'appearance-unavailable' };
  const kept = await report(
    task,
    { ...passing, 'appearance-framing': unavailable, 'appearance-lighting': unavailable },
    true,
  );
  expect(kept.body).toMatchObject({
    verdict: 'warning',
    missingItems: ['appearance-framing', 'appearance-lighting'],
    ready: false,
  });
  expect(expectError(await escalate(task), 403, 'readiness_required').error.message).toContain(
    'could not measure appearance-framing, appearance-lighting',
  );
});

test('a problem in an appearance item fails the check; a passing one without the policy acknowledged is not enough', async () => {
  const task = stack.seedTask();
  const failed = await report(task, failing);
  expect(failed.body).toMatchObject({
    rule: 'require',
    verdict: 'problem',
    missingItems: [],
    ready: false,
    readyUntil: null,
  });
  expect(expectError(await escalate(task), 403, 'readiness_required').error.message).toContain('problem');
  const unacknowledged = await report(task, passing);
  expect(unacknowledged.body).toMatchObject({ verdict: 'warning', ready: false, policyAcknowledged: false });
  expect(expectError(await escalate(task), 403, 'readiness_required').error.message).toContain('policy');
});

test('a fresh passing result of both checks with the policy acknowledged lets escalate through, and is kept on the worker', async () => {
  const task = stack.seedTask();
  stack.fake.workers.get(task.workerSid)!.attributes = JSON.stringify({
    skills: ['video'],
    contact_uri: 'x',
  });
  const kept = await report(task, passing, true);
  expect(kept.body).toMatchObject({
    rule: 'require',
    hours: 12,
    verdict: 'warning',
    missingItems: [],
    ready: true,
  });
  expect(Date.parse(kept.body.readyUntil!) - Date.parse(kept.body.checkedAt!)).toBe(12 * HOUR);
  const attributes = attributesOf(stack, task);
  // Everything else on the worker is left as it was; the record carries time, figures and policy.
  expect(attributes).toMatchObject({ skills: ['video'], contact_uri: 'x' });
  expect(attributes[READINESS_ATTRIBUTE]).toMatchObject({
    checkedAt: kept.body.checkedAt,
    verdict: 'warning',
    items: passing,
    policy: { version: policyVersion(POLICY), acknowledgedAt: kept.body.checkedAt },
  });
  expect((await escalate(task)).status).toBe(200);
  // The acknowledgement holds for the period: a later check need not repeat it.
  const again = await report(task, passing);
  expect(again.body).toMatchObject({ ready: true, policyAcknowledged: true });
  expect((await stack.post('/video/readiness', { Token: task.token, Action: 'status' })).body).toMatchObject({
    ready: true,
    checkedAt: again.body.checkedAt,
  });
});

test('a passing check older than VIDEO_AGENT_READINESS_HOURS is stale; one just inside the period is not', async () => {
  const task = stack.seedTask();
  const record = (ageHours: number) => {
    const at = new Date(Date.now() - ageHours * HOUR).toISOString();
    return signedRecord(signingKey, task.workerSid, {
      checkedAt: at,
      verdict: 'warning',
      items: passing,
      policy: { version: policyVersion(POLICY), acknowledgedAt: at },
    });
  };
  const worker = stack.fake.workers.get(task.workerSid)!;
  worker.attributes = JSON.stringify({ [READINESS_ATTRIBUTE]: record(12.1) });
  expect(expectError(await escalate(task), 403, 'readiness_required').error.message).toContain('12 hours');
  worker.attributes = JSON.stringify({ [READINESS_ATTRIBUTE]: record(11.9) });
  expect((await escalate(task)).status).toBe(200);
});

test('a record written by hand, changed, or copied from another worker counts for nothing', async () => {
  const task = stack.seedTask();
  const other = stack.seedTask();
  await report(other, passing, true);
  const copied = attributesOf(stack, other)[READINESS_ATTRIBUTE] as { verdict: string; signature: string };
  const worker = stack.fake.workers.get(task.workerSid)!;
  worker.attributes = JSON.stringify({ [READINESS_ATTRIBUTE]: copied });
  expectError(await escalate(task), 403, 'readiness_required');
  await report(task, failing, true);
  const own = attributesOf(stack, task)[READINESS_ATTRIBUTE] as { verdict: string };
  worker.attributes = JSON.stringify({ [READINESS_ATTRIBUTE]: { ...own, verdict: 'good' } });
  expectError(await escalate(task), 403, 'readiness_required');
  expect((await stack.post('/video/readiness', { Token: task.token, Action: 'status' })).body).toMatchObject({
    checkedAt: null,
    ready: false,
  });
});

test('a Flex user without a worker cannot keep a result', async () => {
  const token = stack.fake.addFlexUser({ identity: 'admin@example.com', roles: ['admin'] });
  expectError(
    await stack.post('/video/readiness', { Token: token, Action: 'report', Items: passing }),
    403,
    'forbidden',
  );
  expect((await stack.post('/video/readiness', { Token: token, Action: 'status' })).body.ready).toBe(false);
});

test.each([
  ['no Action', { Items: passing }],
  ['an unknown Action', { Action: 'pass' }],
  ['no Items', { Action: 'report' }],
  ['Items as a list', { Action: 'report', Items: [passing.camera] }],
  ['empty Items', { Action: 'report', Items: {} }],
  ['a bad verdict', { Action: 'report', Items: { camera: { verdict: 'fine', finding: 'camera-good' } } }],
  ['an extra field', { Action: 'report', Items: { camera: { ...passing.camera, note: 'x' } } }],
  [
    'a figure that is not a number',
    { Action: 'report', Items: { camera: { ...passing.camera, figures: { w: '1' } } } },
  ],
  ['a bad item name', { Action: 'report', Items: { 'Camera!': passing.camera } }],
  [
    'seventeen items',
    {
      Action: 'report',
      Items: Object.fromEntries(Array.from({ length: 17 }, (_, i) => [`item-${i}`, passing.camera])),
    },
  ],
  ['PolicyAcknowledged not a flag', { Action: 'report', Items: passing, PolicyAcknowledged: 'yes' }],
])('%s is 400 invalid_request', async (_name, body) => {
  const task = stack.seedTask();
  expectError(await stack.post('/video/readiness', { Token: task.token, ...body }), 400, 'invalid_request');
});

test('no Token is 401, before anything else', async () => {
  expectError(await stack.post('/video/readiness', { Action: 'status' }), 401, 'unauthenticated');
});
