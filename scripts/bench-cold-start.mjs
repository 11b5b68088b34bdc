// The cold-start part of `npm run bench`: what loading each built handler costs a fresh
// process, as a multiple of a bare `node` start, so that the figure holds on a busy machine.
//   wall         a fresh `node -e "require(handler)"` from spawn to exit, ÷ the same for
//                `node -e ""`: the measure, what a cold Function pays before its code runs
//   cpu          the same ratio of the child's own CPU time (user + system, every thread), which
//                other processes on the machine disturb less than wall time
//   after twilio `require('twilio'); require(handler)` ÷ `require('twilio')`: the runtimes
//                (twilio-run, @twilio/runtime-handler) require the project's twilio for the
//                `Twilio` global before they load a handler, so this is what the handler adds there
// Every case runs once per round, in a new random order each round; each figure is the median
// of RUNS rounds, after two uncounted rounds that warm the file system cache.
import { spawnSync } from 'node:child_process';
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const functionsDir = path.join(root, 'dist', 'functions');
const RUNS = Number(process.env.BENCH_COLD_RUNS ?? 21);
/** The targets, × bare node, wall time. */
const BUDGETS = { 'video/join': 1.5, 'video/escalate': 2 };

async function listJs(dir) {
  const entries = await readdir(dir, { withFileTypes: true });
  const nested = await Promise.all(
    entries.map((e) =>
      e.isDirectory()
        ? listJs(path.join(dir, e.name))
        : e.name.endsWith('.js')
          ? [path.join(dir, e.name)]
          : [],
    ),
  );
  return nested.flat().sort();
}

/** One fresh process running `code`: its wall time as seen from here, and its own CPU time. */
function run(code) {
  const report = 'const u = process.cpuUsage(); process.stdout.write(String((u.user + u.system) / 1000));';
  const started = process.hrtime.bigint();
  const child = spawnSync(process.execPath, ['-e', `${code};${report}`], { cwd: root, encoding: 'utf8' });
  const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
  if (child.status !== 0) throw new Error(`node -e ${JSON.stringify(code)} failed:\n${child.stderr}`);
  return { wallMs, cpuMs: Number(child.stdout) };
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const shuffled = (items) => {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [copy[i], copy[j]] = [copy[j], copy[i]];
  }
  return copy;
};

export async function coldStartSection() {
  const handlers = await listJs(functionsDir);
  const load = (file) => `require(${JSON.stringify(file)})`;
  const cases = [
    { key: 'bare', code: '' },
    { key: 'twilio', code: "require('twilio')" },
    ...handlers.flatMap((file) => [
      { key: `fresh:${file}`, code: load(file) },
      { key: `twilio:${file}`, code: `require('twilio');${load(file)}` },
    ]),
  ];
  const samples = new Map(cases.map((c) => [c.key, { wallMs: [], cpuMs: [] }]));
  for (let round = -2; round < RUNS; round++) {
    for (const c of shuffled(cases)) {
      const { wallMs, cpuMs } = run(c.code);
      if (round < 0) continue;
      samples.get(c.key).wallMs.push(wallMs);
      samples.get(c.key).cpuMs.push(cpuMs);
    }
  }
  const med = (key, measure) => median(samples.get(key)[measure]);
  const ratio = (key, baseKey, measure) => med(key, measure) / med(baseKey, measure);

  const rows = [
    [
      'bare node',
      '',
      `1.00 (${med('bare', 'wallMs').toFixed(0)} ms)`,
      `1.00 (${med('bare', 'cpuMs').toFixed(0)} ms)`,
      '',
    ],
  ];
  for (const file of handlers) {
    const name = path.relative(functionsDir, file).replace(/\.js$/, '').split(path.sep).join('/');
    const wall = ratio(`fresh:${file}`, 'bare', 'wallMs');
    const budget = BUDGETS[name];
    const verdict =
      budget === undefined ? '' : ` (budget ${budget.toFixed(1)}) ${wall <= budget ? 'ok' : 'OVER'}`;
    rows.push([
      name,
      `${((await stat(file)).size / 1024).toFixed(0)} kB`,
      `${wall.toFixed(2)}${verdict}`,
      ratio(`fresh:${file}`, 'bare', 'cpuMs').toFixed(2),
      ratio(`twilio:${file}`, 'twilio', 'wallMs').toFixed(2),
    ]);
  }
  return {
    title: `cold start (fresh node requiring one handler, × bare node; medians of ${RUNS} interleaved rounds)`,
    header: ['handler', 'size', 'wall', 'cpu', 'after twilio'],
    rows,
  };
}
