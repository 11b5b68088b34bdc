import { inviteFromHash, keepInvite, takeInvite, type InviteSources } from './invite';

test('the invite is read from the fragment, percent-decoded but with + kept', () => {
  expect(inviteFromHash('#invite=abc.DEF_-1')).toBe('abc.DEF_-1');
  expect(inviteFromHash('#invite=a%2Bb+c')).toBe('a+b+c');
  expect(inviteFromHash('#x=1&invite=abc')).toBe('abc');
  expect(inviteFromHash('#invite=%E0%A4%A')).toBe('%E0%A4%A');
  expect(inviteFromHash('#invite=')).toBeNull();
  expect(inviteFromHash('')).toBeNull();
});

function sources(hash: string, stored: string | null = null) {
  const store = new Map<string, string>(stored ? [['video-invite', stored]] : []);
  const replaced: string[] = [];
  const value: InviteSources = {
    location: { hash, pathname: '/join.html', search: '' },
    history: {
      state: null,
      replaceState: (_state: unknown, _title: string, url?: string | URL | null) =>
        replaced.push(String(url)),
    },
    storage: {
      getItem: (key) => store.get(key) ?? null,
      setItem: (key, item) => store.set(key, item),
      removeItem: (key) => store.delete(key),
    },
  };
  return { value, store, replaced };
}

test('the fragment is removed from the address bar and the invite kept for a reload', () => {
  const first = sources('#invite=abc');
  expect(takeInvite(first.value)).toBe('abc');
  expect(first.replaced).toEqual(['/join.html']);
  expect(first.store.get('video-invite')).toBe('abc');

  const reload = sources('', 'abc');
  expect(takeInvite(reload.value)).toBe('abc');
  expect(reload.replaced).toEqual([]);
});

test('a new link replaces the kept one; storage that throws does not lose the link', () => {
  const newer = sources('#invite=new', 'old');
  expect(takeInvite(newer.value)).toBe('new');
  expect(newer.store.get('video-invite')).toBe('new');

  const blocked = sources('#invite=abc');
  blocked.value.storage = {
    getItem: () => {
      throw new Error('SecurityError');
    },
    setItem: () => {
      throw new Error('SecurityError');
    },
    removeItem: () => {
      throw new Error('SecurityError');
    },
  };
  expect(() => keepInvite(blocked.value.storage, null)).not.toThrow();
  expect(takeInvite(blocked.value)).toBe('abc');
  expect(takeInvite({ ...sources('').value, storage: null })).toBeNull();
});

test('the end of the call forgets the kept invite; Rejoin keeps it again', () => {
  const { value, store } = sources('#invite=abc');
  takeInvite(value);
  keepInvite(value.storage, null);
  expect(store.has('video-invite')).toBe(false);
  keepInvite(value.storage, 'abc');
  expect(store.get('video-invite')).toBe('abc');
});
