import type { SeededTask, TwilioEmulator } from '../emulator';

export const AGENT_IDENTITY = 'ada.agent@example.com';

/** What Flex would hold when an agent has accepted a web chat: the task, its conversation, and
 * the first few messages of the chat. */
export function seedConversation(emulator: TwilioEmulator): SeededTask & { identity: string } {
  const task = emulator.seedTask({ identity: AGENT_IDENTITY });
  const say = (author: string, body: string) =>
    emulator.postAsParticipant(task.conversationSid, { author, body });
  say('customer', 'Hi! The new router blinks orange and I cannot get online.');
  say(AGENT_IDENTITY, 'Sorry to hear that. Which lights are on at the front?');
  say('customer', 'Hard to describe… could I just show you?');
  return { ...task, identity: AGENT_IDENTITY };
}
