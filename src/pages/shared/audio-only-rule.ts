/** When a page offers audio only, takes it, and offers video again, from the SDK's network
 * quality level (0 to 5, networkQualityLevelChanged). Pure: the page feeds it each level with
 * the time, and acts on the advice. */

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
