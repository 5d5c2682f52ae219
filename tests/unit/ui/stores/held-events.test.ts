import { describe, expect, test } from 'vitest';
import { createStore } from '../../../../src/ui/state/store';
import { heldEventsText, HeldEventsUnavailable } from '../../../../src/ui/stores/held-events';
import { fakeClient, flush } from './fakes';

function setup() {
  const c = fakeClient();
  const state = createStore<{ mode: 'text' | 'dataset' }>({ mode: 'dataset' });
  const results = createStore<{ info: unknown }>({ info: { version: 1 } });
  const held = heldEventsText({ state } as never, { results } as never, () => c.client);
  const answer = (text: string) => {
    const call = c.calls.exportEvents.at(-1)!;
    call.resolve({ status: 'ok', value: { type: 'exportEvents', id: 1, text } });
  };
  return { c, state, results, held, answer };
}

describe('the held events as text', () => {
  test('callers at once share one request; a new version of the events is asked again', async () => {
    const { c, results, held, answer } = setup();
    const a = held();
    const b = held();
    await flush();
    expect(c.calls.exportEvents).toHaveLength(1);
    answer('one\n');
    expect([await a, await b]).toEqual(['one\n', 'one\n']);
    expect(await held()).toBe('one\n');
    expect(c.calls.exportEvents).toHaveLength(1);
    results.set({ info: { version: 2 } });
    const later = held();
    await flush();
    expect(c.calls.exportEvents).toHaveLength(2);
    answer('two\n');
    expect(await later).toBe('two\n');
  });

  test('a superseded answer is asked again; a failure rejects and is not kept', async () => {
    const { c, held, answer } = setup();
    const first = held();
    await flush();
    c.calls.exportEvents[0]!.resolve({ status: 'superseded' });
    await flush();
    expect(c.calls.exportEvents).toHaveLength(2);
    c.calls.exportEvents[1]!.resolve({ status: 'failed', message: 'gone' });
    await expect(first).rejects.toBeInstanceOf(HeldEventsUnavailable);
    const again = held();
    await flush();
    expect(c.calls.exportEvents).toHaveLength(3);
    answer('back\n');
    expect(await again).toBe('back\n');
  });

  test('while the editor holds the events there is nothing to ask', async () => {
    const { c, state, held } = setup();
    state.set({ mode: 'text' });
    expect(await held()).toBeUndefined();
    expect(c.calls.exportEvents).toHaveLength(0);
  });
});
