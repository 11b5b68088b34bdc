import { TaskLike } from './tasks';
import { CONFIRMED, TaskAction, TaskActionPayload, WrapupDeps, createWrapupListeners } from './wrapup';

const CHAT_TASK: TaskLike = {
  taskSid: 'WT' + '2'.repeat(32),
  status: 'accepted',
  taskChannelUniqueName: 'chat',
  channelType: 'whatsapp',
  attributes: { conversationSid: 'CH' + '3'.repeat(32) },
};
const VOICE_TASK: TaskLike = {
  ...CHAT_TASK,
  taskChannelUniqueName: 'voice',
  channelType: 'voice',
  attributes: {},
};

function setUp({ live = false, endFails = false } = {}) {
  const asked: Array<{ task: TaskLike; proceed: () => void }> = [];
  const invoked: Array<{ action: TaskAction; payload: TaskActionPayload }> = [];
  const ended: string[] = [];
  const failures: unknown[] = [];
  let failing = endFails;
  const deps: WrapupDeps = {
    isLive: (taskSid) => live && taskSid === CHAT_TASK.taskSid,
    askToEnd: (task, proceed) => asked.push({ task, proceed }),
    invoke: (action, payload) => invoked.push({ action, payload }),
    endVideo: (task) => {
      ended.push(task.taskSid);
      return failing ? Promise.reject(new Error('service down')) : Promise.resolve();
    },
    reportEndFailure: (_task, error) => failures.push(error),
  };
  const listeners = createWrapupListeners(deps);
  const recover = () => {
    failing = false;
  };
  return { listeners, asked, invoked, ended, failures, recover };
}

describe('wrapping up a messaging task', () => {
  it('lets the wrap-up through when no call is live, and ends the video after it', async () => {
    const { listeners, asked, ended } = setUp();
    const abort = jest.fn();
    listeners.beforeWrapupTask({ task: CHAT_TASK }, abort);
    expect(abort).not.toHaveBeenCalled();
    expect(asked).toEqual([]);

    await listeners.afterWrapupTask({ task: { ...CHAT_TASK, status: 'wrapping' } });
    expect(ended).toEqual([CHAT_TASK.taskSid]);
  });

  it('cancels the wrap-up of a live call and asks the agent: nothing ends unless they agree', () => {
    const { listeners, asked, invoked, ended } = setUp({ live: true });
    const abort = jest.fn();
    listeners.beforeWrapupTask({ task: CHAT_TASK }, abort);
    expect(abort).toHaveBeenCalledTimes(1);
    expect(asked.map((question) => question.task)).toEqual([CHAT_TASK]);
    expect(invoked).toEqual([]);
    expect(ended).toEqual([]);
  });

  it('wraps up after all when the agent agrees: the re-invoked action passes the guard', () => {
    const { listeners, asked, invoked } = setUp({ live: true });
    const payload = { task: CHAT_TASK, sid: 'WR' + '4'.repeat(32) };
    listeners.beforeWrapupTask(payload, jest.fn());
    asked[0].proceed();
    expect(invoked).toEqual([{ action: 'WrapupTask', payload: { ...payload, [CONFIRMED]: true } }]);

    const abort = jest.fn();
    listeners.beforeWrapupTask(invoked[0].payload, abort);
    expect(abort).not.toHaveBeenCalled();
    expect(asked).toHaveLength(1);
  });

  it('reports a video that could not be ended without failing the wrap-up', async () => {
    const { listeners, failures } = setUp({ endFails: true });
    await expect(
      listeners.afterWrapupTask({ task: { ...CHAT_TASK, status: 'wrapping' } }),
    ).resolves.toBeUndefined();
    expect(failures).toEqual([new Error('service down')]);
  });

  it('leaves voice tasks and payloads without a task alone', async () => {
    const { listeners, asked, ended } = setUp({ live: true });
    const abort = jest.fn();
    listeners.beforeWrapupTask({ task: VOICE_TASK }, abort);
    listeners.beforeWrapupTask({}, abort);
    await listeners.afterWrapupTask({ task: VOICE_TASK });
    await listeners.beforeCompleteTask({ task: VOICE_TASK }, abort);
    expect(abort).not.toHaveBeenCalled();
    expect(asked).toEqual([]);
    expect(ended).toEqual([]);
  });
});

describe('completing a messaging task', () => {
  const wrapping = { ...CHAT_TASK, status: 'wrapping' };

  it('does not call the service again for a task whose video ended at wrap-up', async () => {
    const { listeners, ended } = setUp();
    await listeners.afterWrapupTask({ task: wrapping });
    await listeners.beforeCompleteTask({ task: wrapping }, jest.fn());
    expect(ended).toEqual([CHAT_TASK.taskSid]);
  });

  it('tries again when ending failed at wrap-up', async () => {
    const { listeners, ended, failures, recover } = setUp({ endFails: true });
    await listeners.afterWrapupTask({ task: wrapping });
    recover();
    await listeners.beforeCompleteTask({ task: wrapping }, jest.fn());
    await listeners.beforeCompleteTask({ task: wrapping }, jest.fn());
    expect(ended).toEqual([CHAT_TASK.taskSid, CHAT_TASK.taskSid]);
    expect(failures).toHaveLength(1);
  });

  it('ends the video before completing a task that skipped wrap-up', async () => {
    const { listeners, ended } = setUp();
    const abort = jest.fn();
    await listeners.beforeCompleteTask({ task: CHAT_TASK }, abort);
    expect(abort).not.toHaveBeenCalled();
    expect(ended).toEqual([CHAT_TASK.taskSid]);
  });

  it('asks first when that call is live, then completes with the guard passed', async () => {
    const { listeners, asked, invoked, ended } = setUp({ live: true });
    const abort = jest.fn();
    await listeners.beforeCompleteTask({ task: CHAT_TASK }, abort);
    expect(abort).toHaveBeenCalledTimes(1);
    expect(ended).toEqual([]);

    asked[0].proceed();
    expect(invoked).toEqual([{ action: 'CompleteTask', payload: { task: CHAT_TASK, [CONFIRMED]: true } }]);
    await listeners.beforeCompleteTask(invoked[0].payload, abort);
    expect(abort).toHaveBeenCalledTimes(1);
    expect(ended).toEqual([CHAT_TASK.taskSid]);
  });

  it('completes even when the service cannot end the video', async () => {
    const { listeners, failures } = setUp({ endFails: true });
    const abort = jest.fn();
    await listeners.beforeCompleteTask({ task: CHAT_TASK }, abort);
    expect(abort).not.toHaveBeenCalled();
    expect(failures).toHaveLength(1);
  });
});
