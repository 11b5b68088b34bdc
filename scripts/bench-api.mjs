// The API part of `npm run bench`: how many Twilio requests each endpoint makes, how many of
// them wait on one another (the critical path), and how the Function's own time compares to
// Twilio's latency. The bundle runs under twilio-run against the test suite's fake Twilio with
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

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const LATENCY_MS = 200;

/** The test support code is TypeScript: bundle it once for this script. */
async function loadSupport() {
  await mkdir(path.join(root, '.test-stacks'), { recursive: true });
  const dir = await mkdtemp(path.join(root, '.test-stacks', 'bench-'));
  const outfile = path.join(dir, 'support.cjs');
  await build({
    entryPoints: [path.join(root, 'tests', 'support', 'stack.ts')],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    packages: 'external',
    outfile,
    logLevel: 'error',
  });
  return { support: createRequire(import.meta.url)(outfile), cleanup: () => rm(dir, { recursive: true, force: true }) };
}

function sequentialDepth(calls) {
  const sorted = [...calls].sort((a, b) => a.startedAt - b.startedAt);
  const depth = sorted.map(() => 1);
  sorted.forEach((call, i) => {
    for (let j = 0; j < i; j++) if (sorted[j].endedAt <= call.startedAt) depth[i] = Math.max(depth[i], depth[j] + 1);
  });
  return Math.max(0, ...depth);
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const functionMillis = (answer) => Number(/total;dur=(\d+)/.exec(answer.headers.get('server-timing') ?? '')?.[1]);

/** Runs `call` RUNS times on fresh state and measures each run's Twilio traffic. */
async function measure(stack, label, prepare, call) {
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
  const escalate = (t, extra = {}) => stack.post('/video/escalate', { Token: t.token, TaskSid: t.taskSid, ...extra });
  const escalated = async () => {
    const t = stack.seedTask();
    stack.fake.latencyMs = 0;
    const answer = await escalate(t);
    stack.fake.latencyMs = LATENCY_MS;
    return { ...t, invite: decodeURIComponent(new URL(answer.body.joinUrl).hash.slice('#invite='.length)) };
  };
  try {
    const rows = [
      await measure(stack, 'escalate, first', async () => stack.seedTask(), (t) => escalate(t)),
      await measure(stack, 'escalate, repeated', escalated, (t) => escalate(t)),
      await measure(stack, 'escalate, Resend', escalated, (t) => escalate(t, { Resend: true })),
      await measure(stack, 'agent-token', escalated, (t) => stack.post('/video/agent-token', { Token: t.token, TaskSid: t.taskSid })),
      await measure(stack, 'join', escalated, (t) => stack.post('/video/join', { Invite: t.invite })),
      await measure(stack, 'complete', escalated, (t) => stack.post('/video/complete', { Token: t.token, TaskSid: t.taskSid })),
    ];
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
  const { formatSection } = await import('./bench.mjs');
  console.log(formatSection(await apiSection()));
}
