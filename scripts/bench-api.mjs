// The API part of `npm run bench`: how many Twilio requests each endpoint makes, how many of
// them wait on one another (the critical path), and how the Function's own time compares to
// Twilio's latency. The bundle runs under twilio-run against the local Twilio emulator (dev/emulator) with
// a fixed latency added to every request, so
//   calls       requests sent to Twilio for one call of the endpoint
//   sequential  the longest chain of requests each starting after the previous one ended
//   time/RTT    the Function's own duration (its Server-Timing) divided by that latency:
//               close to `sequential` when nothing else costs time
// Counts are exact; time/RTT is the median of RUNS calls.
import { build } from 'esbuild';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { formatSection } from './bench-table.mjs';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const LATENCY_MS = 200;

/** The test support code (and the sandbox, for the call section) is TypeScript: bundle it once for this script. The critical-path
 * count is the tests' own (sequentialDepth), so bench and tests cannot disagree about it, and a
 * task is escalated as the tests escalate one. */
export async function loadSupport() {
  await mkdir(path.join(root, '.test-stacks'), { recursive: true });
  const dir = await mkdtemp(path.join(root, '.test-stacks', 'bench-'));
  const outfile = path.join(dir, 'support.cjs');
  await build({
    stdin: {
      contents:
        "export * from './stack'; export { escalated } from './escalated'; export { inviteOf, sequentialDepth, functionMillis } from './expect'; export { startSandbox } from '../../dev/sandbox/server';",
      resolveDir: path.join(root, 'tests', 'support'),
      loader: 'ts',
    },
    bundle: true,
    platform: 'node',
    format: 'cjs',
    packages: 'external',
    outfile,
    logLevel: 'error',
  });
  return {
    support: createRequire(import.meta.url)(outfile),
    cleanup: () => rm(dir, { recursive: true, force: true }),
  };
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** Runs `call` RUNS times on fresh state and measures each run's Twilio traffic. */
async function measure({ sequentialDepth, functionMillis }, stack, label, prepare, call) {
  const calls = [];
  const depths = [];
  const ratios = [];
  for (let run = 0; run < RUNS; run++) {
    const state = await prepare();
    const before = stack.fake.calls.length;
    const answer = await call(state);
    if (answer.status !== 200) throw new Error(`${label}: ${answer.status} ${answer.text}`);
    const made = stack.fake.calls.slice(before);
    calls.push(made.length);
    depths.push(sequentialDepth(made));
    ratios.push(functionMillis(answer) / LATENCY_MS);
  }
  return [label, String(median(calls)), String(median(depths)), median(ratios).toFixed(2)];
}

export async function apiSection() {
  const { support, cleanup } = await loadSupport();
  const stack = await support.startStack();
  stack.fake.latencyMs = LATENCY_MS;
  /** A task in a call, escalated without the added latency: only the measured call has it. */
  const escalated = async () => {
    stack.fake.latencyMs = 0;
    const task = await support.escalated(stack);
    stack.fake.latencyMs = LATENCY_MS;
    return { ...task, invite: support.inviteOf(task.joinUrl) };
  };
  try {
    const agent =
      (endpoint, extra = {}) =>
      (t) =>
        stack.post(endpoint, { Token: t.token, TaskSid: t.taskSid, ...extra });
    const inCall = async () => {
      const t = await escalated();
      stack.fake.addParticipant(t.roomSid, 'customer-AAAAAAAAAAAAAAAA');
      return t;
    };
    const rows = [];
    for (const [label, prepare, call] of [
      ['escalate, first', async () => stack.seedTask(), agent('/video/escalate')],
      ['escalate, repeated', escalated, agent('/video/escalate')],
      ['escalate, Resend', escalated, agent('/video/escalate', { Resend: true })],
      ['agent-token', escalated, agent('/video/agent-token')],
      ['join', escalated, (t) => stack.post('/video/join', { Invite: t.invite })],
      ['recording start', escalated, agent('/video/recording', { Action: 'start' })],
      [
        'remove-participant',
        inCall,
        agent('/video/remove-participant', { Identity: 'customer-AAAAAAAAAAAAAAAA' }),
      ],
      ['complete', escalated, agent('/video/complete')],
      ['agent-config', async () => undefined, () => stack.post('/video/agent-config', {})],
    ]) {
      rows.push(await measure(support, stack, label, prepare, call));
    }
    if (stack.fake.violations.length) throw new Error(`spec violations: ${stack.fake.violations.join('; ')}`);
    return {
      title: `API (Twilio latency ${LATENCY_MS} ms per request, median of ${RUNS} runs)`,
      header: ['endpoint', 'calls', 'sequential', 'time/RTT'],
      rows,
    };
  } finally {
    await stack.stop();
    await cleanup();
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  console.log(formatSection(await apiSection()));
}
