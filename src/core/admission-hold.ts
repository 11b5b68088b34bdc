import { admitByLink, type PracticeDeps } from './practice';

/**
 * A customer on the join page's preview has a link but no room connection, so nothing tells the
 * page when the session ends or the link is revoked. Its /video/join asks to be held (`Wait`):
 * the answer comes at once when the link stops admitting, and otherwise after `holdMs` with a
 * fresh grant, when the page asks again. The end is then shown within one check, where a page
 * polling every few seconds would show it within one poll. The hold stays well inside the
 * Function's 10 s (every check's Twilio reads share the invocation's 8 s deadline), and a link
 * that is not valid is refused before any Twilio request, so only a link's holder can be held.
 */
export const ADMISSION_HOLD = {
  /** How long one request is held while nothing changes. */
  holdMs: 5_000,
  /** How often the link is checked meanwhile: each check is admitByLink's reads. */
  checkMs: 1_000,
  sleep: (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)),
};

export type AdmissionHold = typeof ADMISSION_HOLD;

/** admitByLink, held while it keeps admitting: checked at once and then every `checkMs` until
 * `holdMs`; its last grant, or its refusal as soon as a check finds one. */
export async function admitAndHold(
  deps: PracticeDeps,
  rawInvite: string,
  hold: AdmissionHold = ADMISSION_HOLD,
) {
  const start = deps.now().getTime();
  let grant = await admitByLink(deps, rawInvite);
  // On a fixed schedule from the start, so a slow read does not stretch the hold.
  for (let next = start + hold.checkMs; next <= start + hold.holdMs; next += hold.checkMs) {
    await hold.sleep(Math.max(0, next - deps.now().getTime()));
    grant = await admitByLink(deps, rawInvite);
  }
  return grant;
}
