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
