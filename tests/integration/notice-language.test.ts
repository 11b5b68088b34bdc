import type { SeededTask } from '../support/stack';
import { useStack } from '../support/use-stack';

/** The chat notices in the customer's language, as the company records it on the task (the
 * attribute VIDEO_LANGUAGE_ATTRIBUTE names), through real twilio-run and the emulator. */

const stack = useStack({
  env: { VIDEO_LANGUAGE_ATTRIBUTE: 'language', VIDEO_NOTICE_SESSION_ENDED_DE: 'Der Anruf ist vorbei.' },
});

/** A task whose attributes carry `language` beside its conversation. */
function taskIn(language: string | undefined): SeededTask {
  const task = stack.seedTask();
  const attributes = { conversationSid: task.conversationSid, channelType: 'web', language };
  stack.fake.tasks.get(task.taskSid)!.attributes = JSON.stringify(attributes);
  return task;
}

const bodyOf = (task: SeededTask, kind: string) =>
  stack.fake.noticesOf(task.conversationSid, kind).map((message) => message.body);

test('the invite and the end notice go out in the task’s language', async () => {
  const task = taskIn('es-MX');
  const escalated = await stack.post('/video/escalate', { Token: task.token, TaskSid: task.taskSid });
  expect(escalated.status).toBe(200);
  expect(bodyOf(task, 'invite')).toEqual([
    `Tu agente te ha invitado a una videollamada. Toca para unirte: ${escalated.body.joinUrl}`,
  ]);
  expect((await stack.post('/video/complete', { Token: task.token, TaskSid: task.taskSid })).status).toBe(
    200,
  );
  expect(bodyOf(task, 'session-ended')).toEqual([
    'La videollamada ha terminado. Puedes seguir escribiendo aquí.',
  ]);
});

test('a text the company set for a language replaces the built-in one', async () => {
  const task = taskIn('de');
  await stack.post('/video/escalate', { Token: task.token, TaskSid: task.taskSid });
  expect(bodyOf(task, 'invite')[0]).toMatch(/^Ihr Mitarbeiter hat Sie zu einem Videoanruf eingeladen/);
  await stack.post('/video/complete', { Token: task.token, TaskSid: task.taskSid });
  expect(bodyOf(task, 'session-ended')).toEqual(['Der Anruf ist vorbei.']);
});

test('a task without a language, or in one without texts, is told in the default language', async () => {
  for (const language of [undefined, 'ja']) {
    const task = taskIn(language);
    await stack.post('/video/escalate', { Token: task.token, TaskSid: task.taskSid });
    expect(bodyOf(task, 'invite')[0]).toMatch(/^Your agent has invited you to a video call/);
  }
});
