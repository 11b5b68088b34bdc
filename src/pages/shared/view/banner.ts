/** The call's banner over the stage: a warning (connection trouble) stays until the trouble is
 * over; good news ("Reconnected") hides itself after a while. */
import { h } from './dom';

export function stageBanner() {
  const element = h('p', { class: 'banner', hidden: true });
  let hideTimer: ReturnType<typeof setTimeout> | undefined;
  return {
    element,
    show(words: string, tone: 'warning' | 'ok', hideAfterMs?: number) {
      clearTimeout(hideTimer);
      element.textContent = words;
      element.dataset.tone = tone;
      element.hidden = false;
      if (hideAfterMs) hideTimer = setTimeout(() => (element.hidden = true), hideAfterMs);
    },
    /** The trouble is over; good news still showing stays for its while. */
    clearWarning() {
      if (element.dataset.tone === 'warning') element.hidden = true;
    },
    dispose: () => clearTimeout(hideTimer),
  };
}
