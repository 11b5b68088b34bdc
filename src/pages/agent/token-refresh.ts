/** Keeps a Video token ready for the next (re)connect. Twilio checks the token when the panel
 * connects and again when the SDK restores a lost signalling connection, so a token that
 * expires during a long call makes the next network blip fatal; fetching a fresh one from
 * /video/agent-token some minutes before expiry avoids that. */
import type { AgentGrant, AgentResult } from '../shared/api';

/** How long before expiry to fetch, at most: plenty for a retry or two. */
export const REFRESH_MARGIN_MS = 10 * 60_000;
export const RETRY_AFTER_FAILURE_MS = 30_000;
/** A token with less than this left is not used to connect. */
export const MIN_VALIDITY_MS = 60_000;
/** setTimeout takes a signed 32-bit delay; a longer one fires at once. */
const MAX_TIMER_MS = 2 ** 31 - 1;

/** When to fetch the next token: `margin` before expiry, where the margin is ten minutes or
 * half of what is left of a short token, whichever is less. */
export function refreshDelayMs(expiresAt: number, now: number): number {
  const left = expiresAt - now;
  const margin = Math.min(REFRESH_MARGIN_MS, left / 2);
  return Math.min(MAX_TIMER_MS, Math.max(0, Math.floor(left - margin)));
}

export const usable = (grant: AgentGrant, now: number): boolean => grant.expiresAt - now > MIN_VALIDITY_MS;

export interface Clock {
  now(): number;
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export class TokenKeeper {
  private grant: AgentGrant | null = null;
  private timer: unknown = null;

  constructor(
    private readonly fetchGrant: () => Promise<AgentResult<AgentGrant>>,
    private readonly clock: Clock,
  ) {}

  /** Keeps `grant` and plans fetching its successor. */
  keep(grant: AgentGrant): void {
    this.grant = grant;
    this.schedule(refreshDelayMs(grant.expiresAt, this.clock.now()));
  }

  /** A token to connect with: the kept one while it is good for a while, else a new one.
   * `force` after Twilio refused the kept one. */
  async tokenForConnect(force = false): Promise<AgentResult<AgentGrant>> {
    if (!force && this.grant && usable(this.grant, this.clock.now())) return { ok: true, value: this.grant };
    return this.refresh();
  }

  stop(): void {
    this.clock.clearTimeout(this.timer);
    this.timer = null;
  }

  private async refresh(): Promise<AgentResult<AgentGrant>> {
    const result = await this.fetchGrant();
    if (result.ok) this.keep(result.value);
    // No room any more: the SDK's disconnect says so; there is nothing left to keep fresh.
    else if (result.failure.code !== 'no_room' && this.grant && usable(this.grant, this.clock.now()))
      this.schedule(RETRY_AFTER_FAILURE_MS);
    return result;
  }

  private schedule(delay: number): void {
    this.stop();
    this.timer = this.clock.setTimeout(() => void this.refresh(), delay);
  }
}
