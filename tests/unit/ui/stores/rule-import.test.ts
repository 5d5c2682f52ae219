import { describe, expect, test } from 'vitest';
import { createPlayground } from '../../../../src/ui/playground';
import type { RunInput } from '../../../../src/worker/protocol';
import { fakeEditor, fakePorts, flush, parsedRule } from './fakes';

const TOML =
  '[metadata]\ncreation_date = "2024/01/01"\n\n[rule]\nname = "Imported one"\nquery = \'\'\'\nprocess where process.name == "x"\n\'\'\'\n';

function started() {
  const f = fakePorts();
  const pg = createPlayground(f.ports);
  pg.start();
  const client = f.clients[0]!;
  const rule = fakeEditor(pg.documents.onRuleChange);
  pg.documents.mount('rule', rule);
  return { f, pg, client, rule };
}

describe('rule import store', () => {
  test('a rule file typed into the editor is offered; Import applies query, header and settings', async () => {
    const { pg, client, rule } = started();
    rule.type(TOML);
    const ask = client.calls.parseRule.at(-1)!;
    expect(ask.args[0]).toBe(TOML);
    ask.resolve({ status: 'ok', value: { type: 'parseRule', id: 1, rule: parsedRule() } });
    await flush();
    expect(pg.notices.get()).toEqual({ kind: 'import-offer', format: 'toml', name: 'Imported one' });
    pg.ruleImport.importPending();
    expect(rule.getValue()).toBe('process where process.name == "x"');
    expect(pg.documents.doc()).toMatchObject({
      rule: 'process where process.name == "x"',
      metadata: { name: 'Imported one', severity: 'high' },
      settings: { timestampField: 'event.ingested' },
    });
    expect(pg.notices.get()).toEqual({
      kind: 'imported',
      format: 'toml',
      name: 'Imported one',
      changes: ['timestamp field → event.ingested'],
    });
    expect(pg.ruleImport.pending.get()).toBeUndefined();
  });

  test('an answer about text that is no longer in the editor is dropped, and the offer goes with it', async () => {
    const { pg, client, rule } = started();
    rule.type(TOML);
    const ask = client.calls.parseRule.at(-1)!;
    rule.type('process where true');
    ask.resolve({ status: 'ok', value: { type: 'parseRule', id: 1, rule: parsedRule() } });
    await flush();
    expect(pg.notices.get()).toBeUndefined();
    expect(pg.ruleImport.pending.get()).toBeUndefined();
  });

  test('a whole-text paste of a rule file imports at once', async () => {
    const { pg, client, rule } = started();
    rule.type(TOML);
    pg.ruleImport.pastedWholeRule(TOML);
    const pasteAsk = client.calls.parseRule.at(-1)!;
    pasteAsk.resolve({ status: 'ok', value: { type: 'parseRule', id: 2, rule: parsedRule() } });
    await flush();
    expect(pg.notices.get()?.kind).toBe('imported');
    expect(pg.documents.doc().rule).toBe('process where process.name == "x"');
  });

  test('opened files: imported, loaded as EQL, or refused with the reason', async () => {
    const { pg, client } = started();
    const open = async (name: string, text: string, answer: Parameters<typeof parsedRule>[0]) => {
      const done = pg.ruleImport.openRuleFile({ name, text });
      await flush();
      client.calls.parseRule
        .at(-1)!
        .resolve({ status: 'ok', value: { type: 'parseRule', id: 3, rule: parsedRule(answer) } });
      await done;
    };
    await open('rule.eql', 'network where true', { format: 'eql', query: 'network where true', metadata: {} });
    expect(pg.documents.doc()).toMatchObject({ rule: 'network where true', metadata: undefined });
    await open('broken.toml', '[rule]\n', {
      query: '',
      diagnostics: [
        { code: 'X', severity: 'error', message: 'it has no query', range: { start: 0, end: 0 }, source: 'rule' },
      ],
    });
    expect(pg.notices.get()).toEqual({
      kind: 'import-failed',
      message: 'broken.toml looks like a detection-rules TOML file, but it has no query.',
    });
    const done = pg.ruleImport.openRuleFile({ name: 'x.ndjson', text: '{}' });
    await flush();
    client.calls.parseRule.at(-1)!.resolve({ status: 'failed', message: 'crash' });
    await done;
    expect(pg.notices.get()).toEqual({ kind: 'import-failed', message: 'x.ndjson could not be read.' });
  });
});

describe('playground', () => {
  test('start installs the hook, feeds the editors the language data; stop disposes the worker', async () => {
    const f = fakePorts();
    const pg = createPlayground(f.ports);
    const stop = pg.start();
    const client = f.clients[0]!;
    client.calls.language[0]!.resolve({
      status: 'ok',
      value: { type: 'language', id: 1, info: { keywords: ['where'], functions: [], fields: [] } },
    });
    await flush();
    expect(pg.keywords.get()).toEqual(['where']);
    expect(f.languageData).toEqual([{ keywords: ['where'], functions: [], fields: [] }]);
    expect(f.hooks.installed).toHaveLength(1);
    const hook = f.hooks.installed[0] as { setRule(t: string): void; getRule(): string; ready(): Promise<void> };
    hook.setRule('any where true');
    expect(hook.getRule()).toBe('any where true');
    await client.serve();
    const last = client.calls.run.at(-1)!;
    expect((last.args[0] as RunInput).rule).toBe('any where true');
    stop();
    expect([client.disposed(), f.hooks.removed]).toEqual([1, 1]);
  });

  test('selecting a sequence clears the selected event, and selecting an event clears the sequence', () => {
    const pg = createPlayground(fakePorts().ports);
    pg.selection.selectEvent('2');
    pg.selection.selectSequence(0);
    expect([pg.documents.doc().selected, pg.selection.state.get().sequence]).toEqual([undefined, 0]);
    pg.selection.selectEvent('1');
    expect([pg.documents.doc().selected, pg.selection.state.get().sequence]).toEqual(['1', undefined]);
  });
});
