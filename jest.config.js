/** Four suites: pure unit tests beside the code (and the emulator's own, in dev/), the bundle
 * under twilio-run against the spec-checking Twilio emulator, the pages in headless Chromium, and
 * the sandbox (npm start without credentials) end to end in Chromium. */
// Types are stripped, not checked (tests/support/esbuild-transform.cjs): `npm run build` and
// `npm run lint` check them.
const typescript = '<rootDir>/tests/support/esbuild-transform.cjs';

/** @type {import('jest').Config} */
module.exports = {
  projects: [
    {
      displayName: 'unit',
      testEnvironment: 'node',
      transform: { '^.+\\.ts$': typescript },
      testMatch: [
        '<rootDir>/src/**/*.test.ts',
        '<rootDir>/dev/**/*.test.ts',
        '<rootDir>/tests/unit/**/*.test.ts',
      ],
    },
    {
      displayName: 'integration',
      testEnvironment: 'node',
      transform: { '^.+\\.ts$': typescript },
      testMatch: ['<rootDir>/tests/integration/**/*.test.ts'],
    },
    {
      displayName: 'sandbox',
      testEnvironment: 'node',
      transform: { '^.+\\.ts$': typescript },
      testMatch: ['<rootDir>/tests/sandbox/**/*.test.ts'],
    },
    {
      displayName: 'browser',
      testEnvironment: 'node',
      transform: { '^.+\\.ts$': typescript },
      testMatch: ['<rootDir>/tests/browser/**/*.test.ts'],
    },
  ],
  // Integration and browser tests drive a whole stack (twilio-run, the emulator, Chromium) on a
  // shared 2-core machine.
  testTimeout: 90000,
  // One worker per core: a browser file alone keeps about 1.6 cores busy (Chromium's processes, the
  // stack), so more workers than cores only adds load, under which waits in the tests run out
  // (four workers on two cores failed four files); fewer leave a bigger machine idle.
  maxWorkers: '100%',
  testSequencer: '<rootDir>/tests/support/slow-first-sequencer.cjs',
  modulePathIgnorePatterns: ['<rootDir>/dist/', '<rootDir>/.test-stacks/'],
};
