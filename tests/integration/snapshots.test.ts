import fs from 'node:fs';
import path from 'node:path';
import { ACCOUNT_SID, AUTH_TOKEN, CHAT_SERVICE_SID, noticeTag } from '../../dev/emulator';
import { LIMITS } from '../../src/contract';
import { escalated, type Escalated } from '../support/escalated';
import { expectError } from '../support/expect';
import { ROOT, type Stack } from '../support/stack';
import { useStack } from '../support/use-stack';

/** VIDEO_SNAPSHOTS under each policy: the agent's request, the customer's post, every refusal
 * (with nothing posted), and real images arriving byte for byte in the emulator's conversation. */

const PNG = fs.readFileSync(path.join(ROOT, 'docs', 'screenshots', 'phone-in-call-390x844.png'));
const JPEG = fs.readFileSync(path.join(ROOT, 'tests', 'fixtures', 'snapshot-label.jpg'));

const inviteOf = (task: Escalated) => task.joinUrl.split('#invite=')[1];

const askFor = (stack: Stack, task: Escalated) =>
  stack.post('/video/snapshot-request', { Token: task.token, TaskSid: task.taskSid });

const postPicture = (
  stack: Stack,
  task: Escalated,
  requestId: string,
  bytes: Buffer,
  ContentType = 'image/jpeg',
) =>
  stack.post('/video/snapshot', {
    Invite: inviteOf(task),
    RequestId: requestId,
    ContentType,
    Image: bytes.toString('base64'),
  });

/** What a refusal must leave untouched: no upload, no message. */
function postedSince(stack: Stack, task: Escalated, mark: number) {
  return {
    uploads: stack.fake.callsTo('POST', /^\/mcs\//, mark).length,
    messages: stack.fake.callsTo('POST', /^\/conversations\/v1\/Conversations\/[^/]+\/Messages$/, mark)
      .length,
    snapshots: stack.fake.noticesOf(task.conversationSid, 'snapshot-taken').length,
  };
}

async function mediaContent(stack: Stack, mediaSid: string): Promise<Buffer> {
  const response = await fetch(
    `${stack.fake.url}/mcs/v1/Services/${CHAT_SERVICE_SID}/Media/${mediaSid}/Content`,
    { headers: { Authorization: `Basic ${Buffer.from(`${ACCOUNT_SID}:${AUTH_TOKEN}`).toString('base64')}` } },
  );
  expect(response.status).toBe(200);
  return Buffer.from(await response.arrayBuffer());
}

describe('VIDEO_SNAPSHOTS=off (the default)', () => {
  const stack = useStack();

  test('the panel is told; the request is refused; a post is refused before any Twilio request', async () => {
    expect((await stack.post('/video/agent-config', {})).body.snapshotsPolicy).toBe('off');
    const task = await escalated(stack);
    expect((await stack.post('/video/join', { Invite: inviteOf(task) })).body.snapshots).toBe('off');
    expectError(await askFor(stack, task), 403, 'snapshots_disabled');

    const mark = stack.fake.calls.length;
    expectError(await postPicture(stack, task, 'R'.repeat(22), JPEG), 403, 'snapshots_disabled');
    expect(stack.fake.calls.length).toBe(mark);
    expect(postedSince(stack, task, 0)).toEqual({ uploads: 0, messages: 1, snapshots: 0 });
  });
});

describe('VIDEO_SNAPSHOTS=ask', () => {
  const stack = useStack({ env: { VIDEO_SNAPSHOTS: 'ask' } });

  test('a real JPEG and a real PNG arrive byte-identical, as media messages with the notice', async () => {
    expect((await stack.post('/video/agent-config', {})).body.snapshotsPolicy).toBe('ask');
    const task = await escalated(stack);
    expect((await stack.post('/video/join', { Invite: inviteOf(task) })).body.snapshots).toBe('ask');
    // The invite says nothing of pictures under `ask`: each one is asked for.
    expect(stack.fake.noticesOf(task.conversationSid, 'invite')[0].body).not.toMatch(/picture/i);

    for (const [bytes, type] of [
      [JPEG, 'image/jpeg'],
      [PNG, 'image/png'],
    ] as const) {
      const request = await askFor(stack, task);
      expect(request.body.requestId).toMatch(/^[A-Za-z0-9_-]{22}$/);
      expect(request.body.roomSid).toBe(task.roomSid);
      expect(request.body.policy).toBe('ask');
      expect(Date.parse(request.body.expiresAt) - Date.now()).toBeLessThanOrEqual(120_000);
      const posted = await postPicture(stack, task, request.body.requestId, bytes, type);
      expect(posted.body.messageSid).toMatch(/^IM/);
      expect(posted.body.mediaSid).toMatch(/^ME/);
      expect(posted.body.bytes).toBe(bytes.length);
      const message = stack.fake
        .messages(task.conversationSid)
        .find((m) => m.sid === posted.body.messageSid)!;
      expect(noticeTag(message)).toEqual({ roomSid: task.roomSid, kind: 'snapshot-taken' });
      expect(message.author).toBe('system');
      expect(message.body).toBe('The agent took a picture during the video call.');
      expect(message.media).toEqual([
        expect.objectContaining({ sid: posted.body.mediaSid, size: bytes.length, content_type: type }),
      ]);
      expect((await mediaContent(stack, posted.body.mediaSid)).equals(bytes)).toBe(true);
    }
  });

  test('a request is used once: the replay is refused and posts nothing', async () => {
    const task = await escalated(stack);
    const { requestId } = (await askFor(stack, task)).body;
    expect((await postPicture(stack, task, requestId, JPEG)).status).toBe(200);
    const mark = stack.fake.calls.length;
    expectError(await postPicture(stack, task, requestId, JPEG), 410, 'snapshot_request_invalid');
    expect(postedSince(stack, task, mark)).toEqual({ uploads: 0, messages: 0, snapshots: 1 });
  });

  test('two posts with one request at once: one picture', async () => {
    const task = await escalated(stack);
    const { requestId } = (await askFor(stack, task)).body;
    const answers = await Promise.all([
      postPicture(stack, task, requestId, JPEG),
      postPicture(stack, task, requestId, JPEG),
    ]);
    expect(answers.map((a) => a.status).sort((a, b) => a - b)).toEqual([200, 410]);
    expect(stack.fake.noticesOf(task.conversationSid, 'snapshot-taken')).toHaveLength(1);
  });

  test('wrong type and oversize are refused before any Twilio request, and leave the request usable', async () => {
    const task = await escalated(stack);
    const { requestId } = (await askFor(stack, task)).body;
    const mark = stack.fake.calls.length;
    // PNG bytes declared as JPEG; text declared as PNG; an SVG (script-capable) declared as PNG.
    expectError(await postPicture(stack, task, requestId, PNG, 'image/jpeg'), 415, 'unsupported_image');
    expectError(await postPicture(stack, task, requestId, JPEG, 'image/png'), 415, 'unsupported_image');
    expectError(
      await postPicture(stack, task, requestId, Buffer.from('<svg onload="alert(1)"/>'), 'image/png'),
      415,
      'unsupported_image',
    );
    const oversize = Buffer.concat([JPEG.subarray(0, 3), Buffer.alloc(LIMITS.snapshotBytes - 2)]);
    expectError(await postPicture(stack, task, requestId, oversize), 413, 'image_too_large');
    expect(stack.fake.calls.length).toBe(mark);

    const justFits = Buffer.concat([JPEG, Buffer.alloc(LIMITS.snapshotBytes - JPEG.length)]);
    const posted = await postPicture(stack, task, requestId, justFits);
    expect(posted.body.bytes).toBe(LIMITS.snapshotBytes);
  });

  test('only the agent holding the task asks; only the invite of that room posts', async () => {
    const task = await escalated(stack);
    const other = await escalated(stack);
    expectError(
      await stack.post('/video/snapshot-request', { Token: other.token, TaskSid: task.taskSid }),
      403,
      'forbidden',
    );
    expectError(
      await stack.post('/video/snapshot-request', { TaskSid: task.taskSid }),
      401,
      'unauthenticated',
    );

    const { requestId } = (await askFor(stack, task)).body;
    const mark = stack.fake.calls.length;
    const tampered = `${inviteOf(task).slice(0, -2)}AA`;
    expectError(
      await stack.post('/video/snapshot', {
        Invite: tampered,
        RequestId: requestId,
        ContentType: 'image/jpeg',
        Image: JPEG.toString('base64'),
      }),
      401,
      'invalid_invite',
    );
    // Another room's customer holding this room's request id.
    expectError(await postPicture(stack, other, requestId, JPEG), 410, 'snapshot_request_invalid');
    // A request id nobody issued.
    expectError(await postPicture(stack, task, 'Z'.repeat(22), JPEG), 410, 'snapshot_request_invalid');
    expect(postedSince(stack, task, mark)).toEqual({ uploads: 0, messages: 0, snapshots: 0 });
    expect(postedSince(stack, other, mark).snapshots).toBe(0);

    // None of that used the request up.
    expect((await postPicture(stack, task, requestId, JPEG)).status).toBe(200);
  });

  test('an expired request is refused', async () => {
    const task = await escalated(stack);
    const { requestId } = (await askFor(stack, task)).body;
    const record = [...stack.fake.documents.values()].find((d) => d.unique_name?.includes(requestId))!;
    (record.data as { expiresAt: number }).expiresAt = Date.now() - 1;
    const mark = stack.fake.calls.length;
    expectError(await postPicture(stack, task, requestId, JPEG), 410, 'snapshot_request_invalid');
    expect(postedSince(stack, task, mark)).toEqual({ uploads: 0, messages: 0, snapshots: 0 });
  });

  test(`at most ${LIMITS.snapshotsPerMinute} pictures a minute per room; the next is 429 and posts nothing`, async () => {
    const task = await escalated(stack);
    const requests = [];
    for (let i = 0; i <= LIMITS.snapshotsPerMinute; i++)
      requests.push((await askFor(stack, task)).body.requestId);
    for (const requestId of requests.slice(0, -1))
      expect((await postPicture(stack, task, requestId, JPEG)).status).toBe(200);
    const mark = stack.fake.calls.length;
    const refused = await postPicture(stack, task, requests.at(-1)!, JPEG);
    expectError(refused, 429, 'rate_limited');
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(postedSince(stack, task, mark)).toEqual({
      uploads: 0,
      messages: 0,
      snapshots: LIMITS.snapshotsPerMinute,
    });
    // Another room has its own count.
    const other = await escalated(stack);
    const { requestId } = (await askFor(stack, other)).body;
    expect((await postPicture(stack, other, requestId, JPEG)).status).toBe(200);
  });
});

describe('VIDEO_SNAPSHOTS=on', () => {
  const stack = useStack({ env: { VIDEO_SNAPSHOTS: 'on' } });

  test('the invite announces pictures; a picture still needs the agent’s request', async () => {
    const task = await escalated(stack);
    expect(stack.fake.noticesOf(task.conversationSid, 'invite')[0].body).toMatch(
      /\nThe agent may take pictures during this call\.$/,
    );
    const request = await askFor(stack, task);
    expect(request.body.policy).toBe('on');
    expect((await postPicture(stack, task, request.body.requestId, JPEG)).status).toBe(200);
    expect(stack.fake.noticesOf(task.conversationSid, 'snapshot-taken')).toHaveLength(1);
  });
});
