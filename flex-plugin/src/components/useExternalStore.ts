import { useEffect, useState } from 'react';

/** A value kept outside React, and its changes (the names React 18's useSyncExternalStore uses). */
export interface ExternalStore<T> {
  getSnapshot: () => T;
  /** Called after every change of the snapshot; returns the unsubscribe function. */
  subscribe: (listener: () => void) => () => void;
}

/** The store's snapshot, re-rendering on each change while mounted (React 17: no useSyncExternalStore). */
export function useExternalStore<T>(store: ExternalStore<T>): T {
  const [snapshot, setSnapshot] = useState(store.getSnapshot);
  useEffect(() => {
    const update = () => setSnapshot(store.getSnapshot());
    update(); // a change between the first render and this effect
    return store.subscribe(update);
  }, [store]);
  return snapshot;
}
