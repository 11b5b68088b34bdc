/** When a page offers audio only, takes it, and offers video again, from the SDK's network
 * quality level (0 to 5, networkQualityLevelChanged): the rule is pure (fed each level with the
 * time); watchNetwork reads a page's own level into it, the customer's page and the agent's panel
 * alike. */

/** Level 1 ("poor") or below is where Twilio's own guidance says video will freeze and stutter. */
export const WEAK_LEVEL = 1;
/** Level 0: the SDK measures the network as unusable; video then only takes audio down with it. */
export const LOST_LEVEL = 0;
/** Level 3 or above again before video is offered back: 2 is still shaky, and a page that
 * offers video at the first good sample would flap between the two. */
export const RECOVERED_LEVEL = 3;
/** A weak level held this long before audio only is offered: one bad sample (the SDK reports
 * about every few seconds) is often a blip. */
export const WEAK_FOR_MS = 5000;
/** A recovered level held this long before video is offered back. */
export const RECOVERED_FOR_MS = 10_000;

export type AudioOnlyAdvice = 'offer-audio-only' | 'take-audio-only' | 'offer-video' | null;

export class AudioOnlyRule {
  private weakSince: number | null = null;
  private goodSince: number | null = null;
  private advised: AudioOnlyAdvice = null;

  /** `audioOnly`: whether the page is audio only now (by the customer's choice or this rule).
   * Each piece of advice is given once per episode, so the page does not nag. */
  level(level: number | null, now: number, audioOnly: boolean): AudioOnlyAdvice {
    if (level === null) return null;
    if (level <= WEAK_LEVEL) {
      this.goodSince = null;
      this.weakSince ??= now;
      if (audioOnly) return this.advise(null);
      if (level <= LOST_LEVEL) return this.advise('take-audio-only');
      return now - this.weakSince >= WEAK_FOR_MS ? this.advise('offer-audio-only') : null;
    }
    this.weakSince = null;
    if (level < RECOVERED_LEVEL || !audioOnly) {
      this.goodSince = null;
      if (!audioOnly) this.advised = null;
      return null;
    }
    this.goodSince ??= now;
    return now - this.goodSince >= RECOVERED_FOR_MS ? this.advise('offer-video') : null;
  }

  private advise(advice: AudioOnlyAdvice): AudioOnlyAdvice {
    if (advice === this.advised) return null;
    this.advised = advice;
    return advice;
  }
}

/** How often the level is read into the rule: the SDK tells only changes, and the rule counts
 * how long a level lasts. */
export const NETWORK_READ_MS = 1000;

/** Reads `level` (the page's own networkQualityLevel, null while unmeasured) into a rule every
 * NETWORK_READ_MS and hands on each piece of advice; `audioOnly`: whether the page is audio only
 * now. Returns the stop. */
export function watchNetwork(
  level: () => number | null,
  audioOnly: () => boolean,
  advise: (advice: Exclude<AudioOnlyAdvice, null>) => void,
): () => void {
  const rule = new AudioOnlyRule();
  const reading = setInterval(() => {
    const advice = rule.level(level(), Date.now(), audioOnly());
    if (advice) advise(advice);
  }, NETWORK_READ_MS);
  return () => clearInterval(reading);
}
