import { EventEmitter } from 'node:events';
import { REACH_DEADLINE_MS, testNetwork, TOTAL_DEADLINE_MS } from './equipment-network';
import type { PreflightReport } from '../shared/sdk';

class FakeClock {
  time = 0;
  now = () => this.time;
  private timers = new Map<number, { at: number; callback: () => void }>();
  private next = 1;
  setTimeout = (callback: () => void, ms: number) => {
    this.timers.set(this.next, { at: this.time + ms, callback });
    return this.next++;
  };
  clearTimeout = (handle: unknown) => void this.timers.delete(handle as number);
  advance(ms: number) {
    this.time += ms;
    for (const [id, timer] of [...this.timers]) {
      if (timer.at <= this.time) {
        this.timers.delete(id);
        timer.callback();
      }
    }
  }
}

class FakePreflight extends EventEmitter {
  stopped = false;
  stop() {
    this.stopped = true;
  }
}

const report: PreflightReport = {
  networkTiming: { connect: { duration: 420 } },
  stats: { rtt: { average: 60 }, jitter: { average: 0.004 }, packetLoss: { average: 0 } },
};

function setup(token: string | null = 'preflight-token') {
  const clock = new FakeClock();
  const preflight = new FakePreflight();
  const runs: [string, { duration: number }][] = [];
  const run = (...args: [string, { duration: number }]) => {
    runs.push(args);
    return preflight;
  };
  const result = testNetwork({
    token: () => Promise.resolve(token),
    runPreflight: () => Promise.resolve(run),
    clock,
  });
  return { clock, preflight, runs, result };
}
const settle = () => new Promise((resolve) => setImmediate(resolve));

test('a completed test is judged on its figures, jitter turned into milliseconds', async () => {
  const { preflight, runs, result } = setup();
  await settle();
  expect(runs).toEqual([['preflight-token', { duration: 8000 }]]);
  preflight.emit('progress', 'connected');
  preflight.emit('completed', report);
  expect(await result).toEqual({
    verdict: 'good',
    finding: 'network-good',
    figures: { connectMs: 420, rttMs: 60, jitterMs: 4, packetLossPercent: 0 },
  });
});

test('no signalling within the reach deadline: unreachable, and the test is stopped', async () => {
  const { clock, preflight, result } = setup();
  await settle();
  clock.advance(REACH_DEADLINE_MS - 1);
  await settle();
  preflight.emit('progress', 'mediaAcquired');
  clock.advance(1);
  expect(await result).toEqual({ verdict: 'problem', finding: 'network-unreachable' });
  expect(preflight.stopped).toBe(true);
});

test('once Twilio is reached, only the total deadline applies', async () => {
  const { clock, preflight, result } = setup();
  await settle();
  preflight.emit('progress', 'connected');
  clock.advance(REACH_DEADLINE_MS + 1000);
  preflight.emit('completed', report);
  expect((await result).finding).toBe('network-good');

  const stalled = setup();
  await settle();
  stalled.preflight.emit('progress', 'connected');
  stalled.clock.advance(TOTAL_DEADLINE_MS);
  expect((await stalled.result).finding).toBe('network-unreachable');
});

test('a failed test is unreachable; no token is a failure of the check itself', async () => {
  const { preflight, result } = setup();
  await settle();
  preflight.emit('failed', new Error('SignalingConnectionError'));
  expect(await result).toEqual({ verdict: 'problem', finding: 'network-unreachable' });
  expect(await setup(null).result).toEqual({ verdict: 'problem', finding: 'network-failed' });
});
