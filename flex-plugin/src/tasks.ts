/**
 * Which Flex tasks the video applies to. The fields are a subset of Flex's ITask, so a real
 * task fits and tests need not build one.
 */
export interface TaskLike {
  taskSid: string;
  status: string;
  taskChannelUniqueName: string;
  channelType: string;
  attributes: Record<string, unknown>;
}

const CONVERSATION_SID = /^CH[0-9a-f]{32}$/;

/**
 * A Flex Conversations messaging task: the service finds the conversation through the
 * `conversationSid` attribute (without it, /video/escalate answers 409 no_conversation).
 * Flex email tasks are conversations too, but the invite is a chat message, so they are left out.
 */
export function isMessagingTask(task: TaskLike): boolean {
  const conversationSid = task.attributes.conversationSid;
  if (typeof conversationSid !== 'string' || !CONVERSATION_SID.test(conversationSid)) return false;
  return task.taskChannelUniqueName !== 'email' && task.channelType !== 'email';
}

/**
 * Whether the Video button and tab show: only while the agent holds the task ("accepted"), as the
 * service's escalate and agent-token endpoints require. A pending task is not the agent's yet, and
 * a wrapping one has had its video ended.
 */
export function offersVideo<T extends TaskLike>(task: T | undefined): task is T {
  return task !== undefined && task.status === 'accepted' && isMessagingTask(task);
}

/**
 * Whether the Video button and tab show: as `offersVideo`, and also while a wrapping task still
 * has its panel (its call live: the end is on its way, or failed), so the agent can see and leave
 * the call that goes on.
 */
export function showsVideo(task: TaskLike | undefined, hasPanel: (taskSid: string) => boolean): boolean {
  if (task?.status === 'wrapping') return isMessagingTask(task) && hasPanel(task.taskSid);
  return offersVideo(task);
}
