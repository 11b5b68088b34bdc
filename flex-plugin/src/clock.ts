import type { ExternalStore } from './components/useExternalStore';

/**
 * A clock that ticks while someone listens, its snapshot the time: the Teams view's readiness
 * cells re-render on its ticks, so an age ("3 min ago") grows while the supervisor watches. One
 * clock serves every cell: a single interval however many workers the view shows, started with
 * the first listener and cleared when the last one leaves (the view unmounted), so nothing runs
 * behind a closed view.
 */
export function createClock(intervalMs: number): ExternalStore<number> {
  const listeners = new Set<() => void>();
  let timer: ReturnType<typeof setInterval> | undefined;
  return {
    getSnapshot: () => Date.now(),
    subscribe(listener) {
      listeners.add(listener);
      timer ??= setInterval(() => listeners.forEach((tick) => tick()), intervalMs);
      return () => {
        listeners.delete(listener);
        if (listeners.size === 0 && timer !== undefined) {
          clearInterval(timer);
          timer = undefined;
        }
      };
    },
  };
}
