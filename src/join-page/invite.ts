/** The invite arrives in the URL fragment (`#invite=…`), which browsers never send to a server.
 * The page takes it out of the address bar at once so it is not left in the history or shown in a
 * screenshot, and keeps it in sessionStorage so a reload of the same tab still works. */
const STORAGE_KEY = 'video-invite';

export function inviteFromHash(hash: string): string | null {
  const value = new URLSearchParams(hash.replace(/^#/, '')).get('invite');
  return value ? value.trim() || null : null;
}

export interface InviteSources {
  location: Pick<Location, 'hash' | 'pathname' | 'search'>;
  history: Pick<History, 'replaceState' | 'state'>;
  /** Absent or throwing when storage is disabled (some private modes): the invite then lives
   * only as long as this page. */
  storage: Pick<Storage, 'getItem' | 'setItem'> | null;
}

export function takeInvite({ location, history, storage }: InviteSources): string | null {
  const fromHash = inviteFromHash(location.hash);
  if (location.hash) history.replaceState(history.state, '', location.pathname + location.search);
  try {
    if (fromHash) {
      storage?.setItem(STORAGE_KEY, fromHash);
      return fromHash;
    }
    return storage?.getItem(STORAGE_KEY) ?? null;
  } catch {
    return fromHash;
  }
}
