import { startStack, Stack, StackOptions } from './stack';

/**
 * One stack per test file: started before its tests, stopped after them. After each test the
 * fake must have seen no request that breaks Twilio's spec, every answer of the bundle must
 * have kept its contract (docs/openapi.yaml), and the fake's faults and latency are cleared.
 * The returned object stands for the running stack.
 */
export function useStack(options?: StackOptions): Stack {
  let current: Stack | undefined;
  beforeAll(async () => {
    current = await startStack(options);
  });
  afterAll(() => current?.stop());
  afterEach(() => {
    if (!current) return;
    // Taken out first, so that one test's violations are not blamed on the next.
    const contractViolations = current.contract.violations.splice(0);
    expect(current.fake.violations).toEqual([]);
    expect(contractViolations).toEqual([]);
    current.fake.faults.length = 0;
    current.fake.latencyMs = 0;
  });
  return new Proxy({} as Stack, {
    get(_target, property) {
      if (!current) throw new Error('the stack is not running yet: use it inside a test');
      return current[property as keyof Stack];
    },
  });
}
