/** The network item of the equipment check: Twilio Video's preflight test, run with a token the
 * service issues only for it (/video/preflight-token), turned into a verdict. Twilio's own step
 * timeouts are long (its signalling wait alone is several seconds per try), so the check keeps
 * its own deadlines: a network that cannot reach Twilio is said to be one within seconds. */
import type { Clock } from './token-refresh';
import type { ItemResult } from '../../panel-protocol';
import { networkVerdict } from './equipment-rules';
import type { PreflightReport, PreflightTest } from '../shared/sdk';

export interface NetworkTestDeps {
  /** The preflight token, or null when the service refused or could not be reached. */
  token(): Promise<string | null>;
  /** null: the SDK could not be loaded. */
  runPreflight(): Promise<((token: string, options: { duration: number }) => PreflightTest) | null>;
  clock: Clock;
}

/** Signalling answers in well under a second from anywhere Twilio serves; 5 s without it is a
 * firewall, a proxy or no route at all. */
export const REACH_DEADLINE_MS = 5000;
export const MEDIA_DURATION_MS = 8000;
/** Media setup, the test's media time and the report, with room to spare on a slow network. */
export const TOTAL_DEADLINE_MS = REACH_DEADLINE_MS + MEDIA_DURATION_MS + 10_000;
/** Twilio's progress step once signalling handed out TURN credentials. */
const REACHED = 'connected';

export async function testNetwork(deps: NetworkTestDeps): Promise<ItemResult> {
  const [token, run] = await Promise.all([deps.token(), deps.runPreflight()]);
  if (!token || !run) return { verdict: 'problem', finding: 'network-failed' };
  return new Promise<ItemResult>((resolve) => {
    let test: PreflightTest | null = null;
    const timers: unknown[] = [];
    let done = false;
    const finish = (result: ItemResult) => {
      if (done) return;
      done = true;
      timers.forEach((timer) => deps.clock.clearTimeout(timer));
      test?.stop();
      resolve(result);
    };
    const unreachable = () => finish({ verdict: 'problem', finding: 'network-unreachable' });
    timers.push(
      deps.clock.setTimeout(unreachable, REACH_DEADLINE_MS),
      deps.clock.setTimeout(unreachable, TOTAL_DEADLINE_MS),
    );
    try {
      test = run(token, { duration: MEDIA_DURATION_MS });
    } catch {
      return finish({ verdict: 'problem', finding: 'network-failed' });
    }
    test.on('progress', (step) => {
      if (step === REACHED) deps.clock.clearTimeout(timers[0]);
    });
    test.on('completed', (report) => finish(networkVerdict(figuresOf(report))));
    // Whatever Twilio's error, the agent's next step is the same: the network cannot carry a call.
    test.on('failed', unreachable);
  });
}

function figuresOf(report: PreflightReport) {
  return {
    connectMs: report.networkTiming.connect?.duration ?? 0,
    rttMs: report.stats.rtt?.average ?? 0,
    jitterMs: (report.stats.jitter?.average ?? 0) * 1000,
    packetLossPercent: report.stats.packetLoss?.average ?? 0,
  };
}
