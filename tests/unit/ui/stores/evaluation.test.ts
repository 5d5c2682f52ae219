import { describe, expect, test } from 'vitest';
import { defaultDocState } from '../../../../src/ui/state/doc-state';
import { createDocuments } from '../../../../src/ui/stores/documents';
import { createEvaluation, failureText } from '../../../../src/ui/stores/evaluation';
import { createTrace } from '../../../../src/ui/stores/trace';
import type { EvaluateInput } from '../../../../src/worker/protocol';
import { evaluated, fakeClient, fakeEditor, flush } from './fakes';

function setup() {
  const docs = createDocuments(defaultDocState());
  const c = fakeClient();
  const evaluation = createEvaluation(docs, () => c.client);
  return { docs, c, evaluation };
}

const answer = async (c: ReturnType<typeof fakeClient>, k: number, ids?: string[]) => {
  const call = c.calls.evaluate[k]!;
  call.resolve(evaluated(call.args[0] as EvaluateInput, ids));
  await flush();
};

describe('evaluation store', () => {
  test('evaluates at start and after each inputs change, coalescing edits made while busy', async () => {
    const { docs, c, evaluation } = setup();
    evaluation.start();
    expect(c.calls.evaluate).toHaveLength(1);
    expect(c.calls.evaluate[0]!.args[1]).toBe(true); // the events are new: send them back parsed
    docs.onRuleChange('a where true'); // runs at once (the client keeps the latest of its kind)
    docs.onRuleChange('b where true');
    docs.onRuleChange('c where true');
    docs.select('1'); // not an input
    expect(c.calls.evaluate).toHaveLength(2);
    await answer(c, 0);
    expect(evaluation.results.get().version).toBe(0);
    await answer(c, 1);
    expect(evaluation.results.get()).toMatchObject({ version: 1, ruleText: 'a where true' });
    expect(c.calls.evaluate).toHaveLength(3); // one more run for both later edits, with the latest text
    const third = c.calls.evaluate[2]!.args as [EvaluateInput, boolean];
    expect([third[0].rule, third[1]]).toEqual(['c where true', false]);
    await answer(c, 2);
    expect(evaluation.results.get()).toMatchObject({ version: 3, ruleText: 'c where true' });
  });

  test('ready() waits for both editors and for results of the current inputs', async () => {
    const { docs, c, evaluation } = setup();
    evaluation.start();
    let ready = false;
    void evaluation.ready().then(() => {
      ready = true;
    });
    await answer(c, 0);
    evaluation.settle();
    await flush();
    expect(ready).toBe(false); // no editor yet
    docs.mount('rule', fakeEditor(docs.onRuleChange));
    docs.mount('events', fakeEditor(docs.onEventsChange));
    docs.onEventsChange('[]');
    evaluation.settle();
    await flush();
    expect(ready).toBe(false); // the new events are not evaluated yet
    await answer(c, 1);
    evaluation.settle();
    await flush();
    expect(ready).toBe(true);
  });

  test('a timeout or a crash keeps the results on screen, marked stale, with the reason', async () => {
    const { c, evaluation } = setup();
    evaluation.start();
    await answer(c, 0);
    evaluation.runNow();
    c.calls.evaluate[1]!.resolve({ status: 'timeout', ms: 10_000 });
    await flush();
    expect(evaluation.results.get()).toMatchObject({
      stale: true,
      failure: 'Evaluation took longer than 10 s and was cancelled.',
    });
    expect(evaluation.results.get().verdicts).toHaveLength(2);
    expect(failureText({ status: 'failed', message: 'worker crashed' })).toBe('Evaluation failed: worker crashed');
  });

  test('a superseded answer changes nothing but is announced (readiness is checked again)', async () => {
    const { c, evaluation } = setup();
    evaluation.start();
    const before = evaluation.results.get();
    let announced = 0;
    evaluation.results.subscribe(() => announced++);
    c.calls.evaluate[0]!.resolve({ status: 'superseded' });
    await flush();
    expect(announced).toBe(1);
    expect(evaluation.results.get()).toEqual(before);
  });
});

describe('trace store', () => {
  test('traces the selected event while the results are current; drops answers to older questions', async () => {
    const { docs, c, evaluation } = setup();
    const trace = createTrace(docs, evaluation.results, () => c.client);
    evaluation.start();
    trace.start();
    await answer(c, 0);
    expect(trace.trace.get()).toBeUndefined();
    docs.select('1');
    expect(trace.trace.get()).toMatchObject({ eventId: '1', entries: undefined });
    expect(c.calls.trace[0]!.args[1]).toBe(1); // the event's position
    docs.select('0');
    c.calls.trace[0]!.resolve({ status: 'ok', value: { type: 'trace', id: 1, entries: [] } });
    await flush();
    expect(trace.trace.get()).toMatchObject({ eventId: '0', entries: undefined });
    c.calls.trace[1]!.resolve({ status: 'failed', message: 'x' });
    await flush();
    expect(trace.trace.get()).toMatchObject({ eventId: '0', entries: [] });
    docs.onRuleChange('other where true'); // the results are for another rule now
    expect(trace.trace.get()).toBeUndefined();
  });
});
