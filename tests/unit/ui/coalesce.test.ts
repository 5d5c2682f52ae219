import { describe, expect, it } from 'vitest';
import { coalesce } from '../../../src/ui/state/coalesce';

/** A run whose completion the test controls. */
function controlled() {
  const started: number[] = [];
  const finishers: (() => void)[] = [];
  let input = 0;
  const c = coalesce(
    () =>
      new Promise<void>((resolve) => {
        started.push(input);
        finishers.push(resolve);
      }),
  );
  const settle = () => new Promise((r) => setTimeout(r, 0));
  return { c, started, finishers, setInput: (v: number) => (input = v), settle };
}

describe('coalesce', () => {
  it('runs at once when idle', () => {
    const { c, started } = controlled();
    c.schedule();
    expect(started).toEqual([0]);
    expect(c.busy).toBe(true);
  });

  it('while busy, many schedules become one run with the latest inputs', async () => {
    const { c, started, finishers, setInput, settle } = controlled();
    c.schedule();
    for (let v = 1; v <= 5; v++) {
      setInput(v);
      c.schedule();
    }
    expect(started).toEqual([0]);
    finishers[0]!();
    await settle();
    expect(started).toEqual([0, 5]);
    finishers[1]!();
    await settle();
    expect(c.busy).toBe(false);
    expect(started).toEqual([0, 5]);
  });

  it('cancel drops the pending run; a failed run does not stop the next one', async () => {
    const { c, started, finishers, settle } = controlled();
    c.schedule();
    c.schedule();
    c.cancel();
    finishers[0]!();
    await settle();
    expect(started).toEqual([0]);
    const failing = coalesce(() => Promise.reject(new Error('x')));
    failing.schedule();
    failing.schedule();
    await settle();
    await settle();
    expect(failing.busy).toBe(false);
  });
});
