/** Loading the large scripts the pages do not bundle (the Video SDK, the background processors):
 * each is a classic script that defines a global, fetched only when a page needs it. */

/** Resolves with the global `src` defines once it has run (at once if it is already there). A
 * failed download takes its script element away again, so a later call can add a fresh one. */
export function loadScriptGlobal<T>(src: string, global: () => T | undefined): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const ready = global();
    if (ready) return resolve(ready);
    const script = document.createElement('script');
    script.src = src;
    script.async = true;
    script.onload = () => {
      const loaded = global();
      if (loaded) resolve(loaded);
      else reject(new Error(`${src} ran without defining its global`));
    };
    script.onerror = () => {
      script.remove();
      reject(new Error(`could not load ${src}`));
    };
    document.head.append(script);
  });
}

/** `load` run once for every caller, who all wait for the same result. A failure is forgotten, so
 * the next call runs it again: a network that blinked must not break the page for good. */
export function keptUntilFailure<T>(load: () => Promise<T>): () => Promise<T> {
  let kept: Promise<T> | null = null;
  return () =>
    (kept ??= load().catch((error: unknown) => {
      kept = null;
      throw error;
    }));
}
