/** What a test or script asks the emulator to get wrong, kept apart from what it emulates. */
export interface Fault {
  method?: string;
  /** Matched against `/{subdomain}{path}`, e.g. /conversations/v1/Conversations/CH.../Messages */
  path: RegExp;
  /** How many matching requests it hits; Infinity for all. */
  times: number;
  status?: number;
  twilioCode?: number;
  delayMs?: number;
  /** Apply the request, then answer with `status` as if the answer was lost. */
  afterApplying?: boolean;
  /** Close the connection without an answer. */
  drop?: boolean;
}

/** The fault a request meets: how long it waits, and whether it fails before or after being applied. */
export interface Verdict {
  delayMs: number;
  failure?: { when: 'before' | 'after'; drop: boolean; status: number; twilioCode: number };
}

export class FaultInjector {
  readonly faults: Fault[] = [];
  /** Added to every request. */
  latencyMs = 0;

  /** Consumes one hit of the first fault matching the request. */
  verdict(method: string, fullPath: string): Verdict {
    const fault = this.faults.find(
      (f) => f.times > 0 && (!f.method || f.method === method) && f.path.test(fullPath),
    );
    if (fault) fault.times -= 1;
    const delayMs = this.latencyMs + (fault?.delayMs ?? 0);
    // A fault with only a delay slows the request down and then lets it through.
    if (!fault || (fault.status === undefined && !fault.drop)) return { delayMs };
    return {
      delayMs,
      failure: {
        when: fault.afterApplying ? 'after' : 'before',
        drop: !!fault.drop,
        status: fault.status ?? 500,
        twilioCode: fault.twilioCode ?? 20500,
      },
    };
  }

  clear(): void {
    this.faults.length = 0;
    this.latencyMs = 0;
  }
}
