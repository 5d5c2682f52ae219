/**
 * Run at once when idle, coalesce while busy: `schedule()` starts `run` immediately if nothing
 * is running; while a run is in flight, any number of schedules become one more run after it
 * (with whatever the inputs are by then: latest wins). No timer, so no fixed delay.
 */
export interface Coalescer {
  schedule(): void;
  /** Forget a pending run (the one in flight still finishes). */
  cancel(): void;
  /** Same as schedule (there is never a delayed run to hurry). */
  flush(): void;
  /** True while a run is in flight or pending. */
  readonly busy: boolean;
}

export function coalesce(run: () => Promise<unknown>): Coalescer {
  let running = false;
  let pending = false;
  const start = (): void => {
    running = true;
    pending = false;
    let p: Promise<unknown>;
    try {
      p = run();
    } catch {
      p = Promise.resolve();
    }
    void p.then(finish, finish);
  };
  const finish = (): void => {
    running = false;
    if (pending) start();
  };
  const schedule = (): void => {
    if (running) pending = true;
    else start();
  };
  return {
    schedule,
    cancel() {
      pending = false;
    },
    flush: schedule,
    get busy() {
      return running || pending;
    },
  };
}
