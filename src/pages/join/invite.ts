/** The invite arrives in the URL fragment (`#invite=…`), which browsers never send to a server.
 * The page takes it out of the address bar at once so it is not left in the history or shown in a
 * screenshot, and keeps it in sessionStorage only while a reload of the same tab needs it: until
 * the call ends (forgetInvite), when Rejoin keeps it again (keepInvite). */
const STORAGE_KEY = 'video-invite';

/** Percent-decoded like decodeURIComponent (not URLSearchParams, which would turn a `+` in the
 * invite into a space). A malformed escape is passed on as it is for the server to refuse. */
export function inviteFromHash(hash: string): string | null {
  for (const part of hash.replace(/^#/, '').split('&')) {
    if (!part.startsWith('invite=')) continue;
    const raw = part.slice('invite='.length);
    let value = raw;
    try {
      value = decodeURIComponent(raw);
    } catch {
      // keep the raw value
    }
    return value.trim() || null;
  }
  return null;
}

export interface InviteSources {
  location: Pick<Location, 'hash' | 'pathname' | 'search'>;
  history: Pick<History, 'replaceState' | 'state'>;
  /** Absent or throwing when storage is disabled (some private modes): the invite then lives
   * only as long as this page. */
  storage: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'> | null;
}

/** Storage that throws (some private modes) only loses the reload. */
export function keepInvite(storage: InviteSources['storage'], invite: string | null): void {
  try {
    if (invite) storage?.setItem(STORAGE_KEY, invite);
    else storage?.removeItem(STORAGE_KEY);
  } catch {
    // the invite lives as long as this page
  }
}

export function takeInvite(sources: InviteSources): string | null {
  const location = sources.location;
  const history = sources.history;
  const storage = sources.storage;
  const fromHash = inviteFromHash(location.hash);
  if (location.hash) history.replaceState(history.state, '', location.pathname + location.search);
  if (fromHash) {
    keepInvite(storage, fromHash);
    return fromHash;
  }
  try {
    return storage?.getItem(STORAGE_KEY) ?? null;
  } catch {
    return null;
  }
}
