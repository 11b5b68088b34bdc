import { TaskLike, isMessagingTask, offersVideo, showsVideo } from './tasks';

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
    expect(
      isMessagingTask(
        task({ taskChannelUniqueName: 'voice', channelType: 'voice', attributes: { call_sid: 'CA1' } }),
      ),
    ).toBe(false);
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

describe('showsVideo', () => {
  const none = () => false;
  const all = () => true;

  it('is offersVideo for tasks that are not wrapping', () => {
    expect(showsVideo(task(), none)).toBe(true);
    expect(showsVideo(task({ status: 'pending' }), all)).toBe(false);
    expect(showsVideo(task({ status: 'completed' }), all)).toBe(false);
    expect(showsVideo(undefined, all)).toBe(false);
  });

  it('keeps the Video tab of a wrapping task while its panel is still there (the call is live)', () => {
    const wrapping = task({ status: 'wrapping' });
    expect(showsVideo(wrapping, (sid) => sid === wrapping.taskSid)).toBe(true);
    expect(showsVideo(wrapping, none)).toBe(false);
  });

  it('never shows it on a wrapping task that is not a messaging task', () => {
    expect(showsVideo(task({ status: 'wrapping', attributes: {} }), all)).toBe(false);
  });
});
