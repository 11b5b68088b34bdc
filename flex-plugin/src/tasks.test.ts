import { TaskLike, isMessagingTask, offersVideo } from './tasks';

const CONVERSATION = 'CH' + '0123456789abcdef'.repeat(2);

function task(overrides: Partial<TaskLike> = {}): TaskLike {
  return {
    taskSid: 'WT' + 'a'.repeat(32),
    status: 'accepted',
    taskChannelUniqueName: 'chat',
    channelType: 'web',
    attributes: { conversationSid: CONVERSATION },
    ...overrides,
  };
}

describe('isMessagingTask', () => {
  it.each(['web', 'sms', 'whatsapp', 'messenger'])('accepts a %s conversation', (channelType) => {
    expect(isMessagingTask(task({ channelType }))).toBe(true);
  });

  it('refuses a task without a conversationSid attribute (a voice call)', () => {
    expect(isMessagingTask(task({ taskChannelUniqueName: 'voice', channelType: 'voice', attributes: { call_sid: 'CA1' } }))).toBe(false);
  });

  it('refuses a conversationSid that is not a conversation SID', () => {
    expect(isMessagingTask(task({ attributes: { conversationSid: 'CH123' } }))).toBe(false);
    expect(isMessagingTask(task({ attributes: { conversationSid: 42 } }))).toBe(false);
  });

  it('refuses email tasks, though Flex keeps them in conversations too', () => {
    expect(isMessagingTask(task({ taskChannelUniqueName: 'email', channelType: 'email' }))).toBe(false);
    expect(isMessagingTask(task({ channelType: 'email' }))).toBe(false);
  });
});

describe('offersVideo', () => {
  it('offers the video on an accepted messaging task', () => {
    expect(offersVideo(task())).toBe(true);
  });

  it.each(['pending', 'wrapping', 'completed', 'canceled'])('does not while the task is %s', (status) => {
    expect(offersVideo(task({ status }))).toBe(false);
  });

  it('does not without a task or on a voice task', () => {
    expect(offersVideo(undefined)).toBe(false);
    expect(offersVideo(task({ attributes: {} }))).toBe(false);
  });
});
