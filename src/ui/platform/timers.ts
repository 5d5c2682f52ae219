/** A restartable debounce (timers live here so UI modules stay free of DOM globals). */
export function debounce(fn: () => void, ms: number): { schedule(): void; cancel(): void; flush(): void } {
  let handle: number | undefined;
  return {
    schedule() {
      if (handle !== undefined) window.clearTimeout(handle);
      handle = window.setTimeout(() => {
        handle = undefined;
        fn();
      }, ms);
    },
    cancel() {
      if (handle !== undefined) window.clearTimeout(handle);
      handle = undefined;
    },
    flush() {
      if (handle !== undefined) {
        window.clearTimeout(handle);
        handle = undefined;
        fn();
      }
    },
  };
}

/** `p`, or the error `timedOut` makes when it has not settled within `ms`. */
export function withTimeout<T>(p: Promise<T>, ms: number, timedOut: () => Error): Promise<T> {
  return new Promise((resolve, reject) => {
    const t = window.setTimeout(() => reject(timedOut()), ms);
    p.then(
      (v) => {
        window.clearTimeout(t);
        resolve(v);
      },
      (e: unknown) => {
        window.clearTimeout(t);
        reject(e);
      },
    );
  });
}
