import type { BrowserContext } from 'playwright-core';

export type ProbeOutcome = 'good' | 'poor';

/**
 * A test double for the network probe alone: the real SDK's runPreflight, replaced as the SDK
 * defines itself, by one that reports fixed figures and records the tokens it was given.
 * Preflight cannot pass on the local Video edge (it needs TURN and Twilio's insights socket,
 * which the edge leaves out: dev/video-edge/README.md), so the probe's verdicts and figures
 * are checked against this double; everything else in the panel is the real SDK. The probe
 * with Twilio out of reach runs the real preflight (agent-equipment.test.ts, its last test).
 */
export async function preflightDouble(context: BrowserContext, outcome: ProbeOutcome): Promise<void> {
  await context.addInitScript((result: ProbeOutcome) => {
    const figures = {
      good: { rtt: 45, jitter: 0.003, packetLoss: 0 },
      poor: { rtt: 520, jitter: 0.09, packetLoss: 9 },
    }[result];
    type Listener = (...args: unknown[]) => void;
    const runs: { token: string }[] = [];
    (window as unknown as { __preflightDouble: { runs: { token: string }[] } }).__preflightDouble = { runs };
    const runPreflight = (token: string) => {
      runs.push({ token });
      const listeners: Record<string, Listener[]> = {};
      let stopped = false;
      const emit = (event: string, ...args: unknown[]) => {
        if (!stopped) for (const listener of listeners[event] ?? []) listener(...args);
      };
      const test = {
        on(event: string, listener: Listener) {
          (listeners[event] ??= []).push(listener);
          return test;
        },
        stop() {
          stopped = true;
        },
      };
      setTimeout(() => emit('progress', 'connected'), 50);
      setTimeout(
        () =>
          emit('completed', {
            networkTiming: { connect: { start: 0, end: 180, duration: 180 } },
            stats: {
              rtt: { average: figures.rtt, min: figures.rtt, max: figures.rtt },
              jitter: { average: figures.jitter, min: 0, max: figures.jitter },
              packetLoss: { average: figures.packetLoss, min: 0, max: figures.packetLoss },
            },
          }),
        300,
      );
      return test;
    };
    // The SDK's bundle does `Twilio.Video = Twilio.Video || sdk`: the probe is swapped on the way in.
    let video: { runPreflight: unknown } | undefined;
    const twilio = {};
    Object.defineProperty(twilio, 'Video', {
      get: () => video,
      set(sdk: { runPreflight: unknown }) {
        video = sdk;
        sdk.runPreflight = runPreflight;
      },
    });
    (window as unknown as { Twilio: unknown }).Twilio = twilio;
  }, outcome);
}
