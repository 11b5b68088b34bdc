import type { EscalationDeps } from '../../src/core/escalation';
import type { TaskCaller } from '../../src/core/ownership';
import type { RoomEventDeps } from '../../src/core/room-events';
import { Config, loadConfig } from '../../src/platform/config';
import { escalationDeps, roomEventDeps } from '../../src/platform/deps';
import { createTwilioClient, Deadline, INVOCATION_BUDGET_MS } from '../../src/platform/twilio-client';
import { emulatorEnv, TwilioEmulator, SeededTask } from '../../dev/emulator';

/**
 * The core's real flows in this process, with the real `twilio` client talking to the fake over
 * HTTP: what a Function does between parsing and answering, without twilio-run's process per
 * request. Milliseconds per flow, so races and lost answers can be tried many times.
 */
export interface InProcess {
  fake: TwilioEmulator;
  config: Config;
  /** One invocation's dependencies: a fresh client and deadline, as each Function call has.
   * `clockOffsetMs` moves that invocation's clock, e.g. past a claim's lease. */
  deps(options?: { clockOffsetMs?: number }): RoomEventDeps & EscalationDeps;
  agentOf(task: SeededTask): TaskCaller;
}

export function useInProcess(env: Record<string, string> = {}): InProcess {
  const fake = new TwilioEmulator();
  let config: Config | undefined;
  beforeAll(async () => {
    const url = await fake.start();
    config = loadConfig({ ...emulatorEnv(url), DOMAIN_NAME: 'localhost:3000', ...env });
  });
  afterAll(() => fake.stop());
  afterEach(() => {
    expect(fake.violations).toEqual([]);
    fake.faults.length = 0;
    fake.latencyMs = 0;
  });
  const current = () => {
    if (!config) throw new Error('the fake is not running yet: use it inside a test');
    return config;
  };
  return {
    fake,
    get config() {
      return current();
    },
    deps({ clockOffsetMs = 0 } = {}) {
      const cfg = current();
      const twilio = createTwilioClient({
        accountSid: cfg.accountSid,
        authToken: cfg.authToken,
        apiBaseUrl: cfg.apiBaseUrl,
        deadline: new Deadline(INVOCATION_BUDGET_MS),
      });
      const invocation = {
        config: cfg,
        twilio,
        headers: {},
        now: () => new Date(Date.now() + clockOffsetMs),
      };
      return { ...escalationDeps(invocation), ...roomEventDeps(invocation) };
    },
    agentOf: (task) => ({
      identity: `agent${task.workerSid.slice(-6)}@example.com`,
      workerSid: task.workerSid,
      roles: ['agent'],
      role: 'agent',
    }),
  };
}
