/** The Exceptions pane's state: drafts from events, files, undo, the preview and Apply. */
import { describe, expect, test } from 'vitest';
import type { Outcome } from '../../../src/worker/client';
import { defaultDocState } from '../../../src/ui/state/doc-state';
import { inputsOf } from '../../../src/ui/state/documents';
import {
  draftFromEvent,
  draftProblem,
  entryText,
  expiryProblem,
  localTimeValue,
  parseLocalTime,
  fileKind,
  freshItemId,
  itemOfDraft,
  updateEntry,
} from '../../../src/ui/state/exception-draft';
import { createDocuments } from '../../../src/ui/stores/documents';
import { createExceptions } from '../../../src/ui/stores/exceptions';
import type { ClientLike } from '../../../src/ui/stores/evaluation';

const event = {
  id: 'e1',
  position: 3,
  source: { process: { name: 'vim', args: ['vim', '/etc/x'] }, user: { name: 'root' }, event: { category: 'file' } },
};

const NOW = Date.parse('2026-06-01T12:00:00Z');

describe('a draft from an event', () => {
  test('the rule fields the event has come first and ticked; arrays are match_any', () => {
    const d = draftFromEvent(event, ['process.name', 'process.args', 'missing.field'], [], new Set());
    expect(d.entries.map((e) => [e.field, e.on, e.type])).toEqual([
      ['process.name', true, 'match'],
      ['process.args', true, 'match_any'],
      ['user.name', false, 'match'],
      ['event.category', false, 'match'],
    ]);
    expect(d.listId).toBe('rule-exceptions');
    const item = itemOfDraft(d, NOW)!;
    expect(item.entries).toEqual([
      { type: 'match', field: 'process.name', operator: 'included', value: 'vim' },
      { type: 'match_any', field: 'process.args', operator: 'included', value: ['vim', '/etc/x'] },
    ]);
    expect(item.entries.map(entryText)).toEqual(['process.name is "vim"', 'process.args is one of "vim", "/etc/x"']);
  });
  test('operator and type are the user’s; an empty value or no field is a problem, not an item', () => {
    let d = draftFromEvent(event, ['process.name'], ['my-list'], new Set());
    expect(d.listId).toBe('my-list');
    d = updateEntry(d, 'process.name', { operator: 'excluded', type: 'wildcard', value: 'vi*' });
    expect(itemOfDraft(d, NOW)!.entries).toEqual([
      { type: 'wildcard', field: 'process.name', operator: 'excluded', value: 'vi*' },
    ]);
    expect(draftProblem(updateEntry(d, 'process.name', { value: ' ' }), NOW)).toBe('process.name needs a value.');
    expect(itemOfDraft(updateEntry(d, 'process.name', { on: false }), NOW)).toBeUndefined();
    expect(itemOfDraft(updateEntry(d, 'process.name', { type: 'exists', value: '' }), NOW)!.entries[0]).toEqual({
      type: 'exists',
      field: 'process.name',
      operator: 'excluded',
    });
  });
  test('item ids are fresh; .txt files are value lists unless they hold JSON', () => {
    expect(freshItemId('E 1', new Set(['playground-e-1']))).toBe('playground-e-1-2');
    expect(fileKind('ips.txt', '10.0.0.1\n')).toBe('value-list');
    expect(fileKind('items.txt', '[{"item_id": "x"}]')).toBe('exceptions');
    expect(fileKind('export.ndjson', 'anything')).toBe('exceptions');
  });
});

describe('the expiry of a draft', () => {
  const draft = () => draftFromEvent(event, ['process.name'], [], new Set());

  test('a local date and time becomes expire_time in UTC; none leaves the item without one', () => {
    const local = new Date(2026, 11, 24, 18, 30).getTime();
    expect(parseLocalTime('2026-12-24T18:30')).toBe(local);
    expect(parseLocalTime('2026-12-24T18:30:15.5')).toBe(local + 15_500);
    expect(localTimeValue(local)).toBe('2026-12-24T18:30');
    const item = itemOfDraft({ ...draft(), expires: '2026-12-24T18:30' }, NOW)!;
    expect(item.expire_time).toBe(new Date(local).toISOString());
    expect(itemOfDraft(draft(), NOW)).not.toHaveProperty('expire_time');
    expect(itemOfDraft({ ...draft(), expires: '' }, NOW)).not.toHaveProperty('expire_time');
  });

  test('a time in the past, or not a time, is a problem of the expiry and gives no item', () => {
    const past = { ...draft(), expires: localTimeValue(NOW - 60_000) };
    expect(expiryProblem(past, NOW)).toMatch(/^The expiry .* has passed: an expired item does not apply/);
    expect(draftProblem(past, NOW)).toBe(expiryProblem(past, NOW));
    expect(itemOfDraft(past, NOW)).toBeUndefined();
    expect(itemOfDraft(past, NOW - 120_000)?.expire_time).toBeDefined();
    for (const bad of ['2026-02-30T10:00', '2026-12-24T25:00', 'tomorrow']) {
      expect(Number.isNaN(parseLocalTime(bad))).toBe(true);
      expect(expiryProblem({ ...draft(), expires: bad }, NOW)).toMatch(/not a date and time/);
    }
    // The entries' problems come first.
    expect(draftProblem(updateEntry(past, 'process.name', { value: '' }), NOW)).toBe('process.name needs a value.');
  });
});

function setup() {
  const documents = createDocuments(defaultDocState());
  const previews: { input: unknown; preview: unknown; resolve: (o: Outcome<unknown>) => void }[] = [];
  const client = {
    previewException: (input: unknown, preview: unknown) =>
      new Promise((resolve) => previews.push({ input, preview, resolve })),
  } as unknown as ClientLike;
  const files: Record<string, string> = {};
  const clock = { now: NOW };
  const ex = createExceptions(documents, () => client, {
    download: () => undefined,
    copyText: async () => true,
    readFileText: async (f: { name: string }) => files[f.name] ?? '',
    now: () => clock.now,
  });
  return { documents, ex, previews, files, clock };
}

const flush = () => new Promise((r) => setTimeout(r, 0));

describe('the exceptions store', () => {
  test('opening files: a value list joins the lists, an export replaces the text; each is one undo step', async () => {
    const { documents, ex, files } = setup();
    const v0 = documents.state.get().version;
    files['ips.txt'] = '10.0.0.1\n';
    files['export.ndjson'] = '{"list_id":"l"}\n';
    await ex.openFile({ name: 'ips.txt' });
    expect(documents.doc().exceptions).toEqual({ text: '', valueLists: [{ name: 'ips.txt', text: '10.0.0.1\n' }] });
    expect(documents.state.get().version).toBeGreaterThan(v0);
    await ex.openFile({ name: 'export.ndjson' });
    expect(documents.doc().exceptions?.text).toBe('{"list_id":"l"}\n');
    expect(inputsOf(documents.doc()).exceptionsText).toEqual({
      text: '{"list_id":"l"}\n',
      valueLists: [{ name: 'ips.txt', text: '10.0.0.1\n' }],
    });
    ex.undo();
    expect(documents.doc().exceptions?.text).toBe('');
    ex.undo();
    expect(documents.doc().exceptions).toBeUndefined();
    expect(inputsOf(documents.doc()).exceptionsText).toBeUndefined();
    expect(ex.canUndo()).toBe(false);
  });

  test('add from an event: the worker previews the item with the expectations; Apply puts its text in, undoably', async () => {
    const { documents, ex, previews } = setup();
    documents.patch({ expectations: { e1: { verdict: 'alert' } } });
    ex.startAdd(event, ['process.name'], [], new Set());
    expect(previews).toHaveLength(1);
    expect(previews[0]!.preview).toMatchObject({ position: 3, expectations: { e1: { verdict: 'alert' } } });
    expect(ex.applyDraft()).toBe(false); // not previewed yet
    const preview = { removed: [], alertsRemoved: 0, expectedAlerts: [], warnings: [], problems: [], text: 'NEW\n' };
    previews[0]!.resolve({ status: 'ok', value: { type: 'previewException', id: 1, preview } });
    await flush();
    expect(ex.ui.get().preview.phase).toBe('ready');
    expect(ex.applyDraft()).toBe(true);
    expect(documents.doc().exceptions?.text).toBe('NEW\n');
    expect(ex.ui.get().draft).toBeUndefined();
    ex.undo();
    expect(documents.doc().exceptions).toBeUndefined();
  });

  test('a stale preview answer is dropped; a draft with a problem asks nothing', async () => {
    const { ex, previews } = setup();
    ex.startAdd(event, ['process.name'], [], new Set());
    const draft = ex.ui.get().draft!;
    ex.updateDraft(updateEntry(draft, 'process.name', { value: 'vi' }));
    expect(previews).toHaveLength(2);
    previews[0]!.resolve({ status: 'ok', value: { type: 'previewException', id: 1, preview: { text: 'OLD' } } });
    await flush();
    expect(ex.ui.get().preview.phase).toBe('running');
    ex.updateDraft(updateEntry(draft, 'process.name', { on: false }));
    expect(previews).toHaveLength(2);
    expect(ex.ui.get().preview.phase).toBe('idle');
  });
});

describe('typing in the pane’s text', () => {
  test('marks the text as typed, so a broken one keeps the last exceptions applied; a file, Undo or a load do not', async () => {
    const { documents, ex, files } = setup();
    const keep = () => documents.runInput().exceptionsText?.keepLastApplied;
    files['export.ndjson'] = '{"list_id":"l"}\n';
    await ex.openFile({ name: 'export.ndjson' });
    expect(keep()).toBeUndefined();
    const v = documents.state.get().version;
    ex.setText('{"list_id":"l"}\n{"item_id": ');
    expect(documents.doc().exceptions?.text).toBe('{"list_id":"l"}\n{"item_id": ');
    expect(documents.state.get().version).toBe(v + 1);
    expect(keep()).toBe(true);
    expect(documents.evaluateInput().exceptionsText?.keepLastApplied).toBe(true);
    // Other edits leave the mark; the same text again changes nothing.
    documents.patch({ mapping: '{}' });
    expect(keep()).toBe(true);
    ex.setText('{"list_id":"l"}\n{"item_id": ');
    expect(documents.state.get().version).toBe(v + 2);
    ex.undo();
    expect(keep()).toBeUndefined();
    ex.setText('x');
    documents.load({ ...documents.doc(), exceptions: { text: 'y' } });
    expect(keep()).toBeUndefined();
    // What the worker is sent for a document never carries the mark into a link or a draft.
    expect(JSON.stringify(documents.doc())).not.toContain('keepLastApplied');
  });

  test('a problem of the text asks for its line: the text view, the line, each ask new', () => {
    const { ex } = setup();
    ex.showLine(3);
    const first = ex.ui.get().reveal!;
    expect([ex.ui.get().view, first.line]).toEqual(['text', 3]);
    ex.showLine(3);
    expect(ex.ui.get().reveal!.n).toBe(first.n + 1);
  });
});

describe('the expiry in the store', () => {
  const ready = { removed: [], alertsRemoved: 0, expectedAlerts: [], warnings: [], problems: [], text: 'WITH\n' };

  test('the previewed item carries expire_time; a past expiry asks nothing and says why', async () => {
    const { ex, previews } = setup();
    ex.startAdd(event, ['process.name'], [], new Set());
    const draft = ex.ui.get().draft!;
    const later = localTimeValue(NOW + 3_600_000);
    ex.updateDraft({ ...draft, expires: later });
    expect(previews).toHaveLength(2);
    expect((previews[1]!.preview as { item: { expire_time?: string } }).item.expire_time).toBe(
      new Date(parseLocalTime(later)).toISOString(),
    );
    ex.updateDraft({ ...draft, expires: localTimeValue(NOW - 3_600_000) });
    expect(previews).toHaveLength(2);
    expect(ex.ui.get().preview.phase).toBe('idle');
    expect(ex.draftProblem()).toMatch(/has passed/);
  });

  test('an expiry that passes while the dialog is open keeps it open at Apply, with the problem', async () => {
    const { documents, ex, previews, clock } = setup();
    ex.startAdd(event, ['process.name'], [], new Set());
    ex.updateDraft({ ...ex.ui.get().draft!, expires: localTimeValue(NOW + 120_000) });
    previews[1]!.resolve({ status: 'ok', value: { type: 'previewException', id: 2, preview: ready } });
    await flush();
    expect(ex.ui.get().preview.phase).toBe('ready');
    clock.now = NOW + 10 * 60_000;
    expect(ex.applyDraft()).toBe(false);
    expect(ex.ui.get().draft).toBeDefined();
    expect(ex.draftProblem()).toMatch(/has passed/);
    expect(documents.doc().exceptions).toBeUndefined();
  });
});

describe('previews while the draft is edited', () => {
  test('the last answer stays shown while the changed item is tested; a problem clears it', async () => {
    const { ex, previews } = setup();
    ex.startAdd(event, ['process.name'], [], new Set());
    const shown = { removed: [], alertsRemoved: 0, expectedAlerts: [], warnings: [], problems: [], text: 'ONE\n' };
    previews[0]!.resolve({ status: 'ok', value: { type: 'previewException', id: 1, preview: shown } });
    await flush();
    const draft = ex.ui.get().draft!;
    ex.updateDraft({ ...draft, name: 'a' });
    ex.updateDraft({ ...draft, name: 'ab' });
    expect(ex.ui.get().preview).toEqual({ phase: 'running', last: shown });
    // Apply waits for the answer about the item as it is now.
    expect(ex.applyDraft()).toBe(false);
    ex.updateDraft(updateEntry(draft, 'process.name', { on: false }));
    expect(ex.ui.get().preview).toEqual({ phase: 'idle' });
  });
});

describe('exceptions in links and drafts', () => {
  test('the pane travels in the share payload and comes back; an empty pane is not written', async () => {
    const { toSharePayload, fromSharePayload } = await import('../../../src/ui/state/doc-state');
    const exceptions = { text: '{"item_id":"x"}', valueLists: [{ name: 'ips.txt', text: '10.0.0.1' }] };
    const doc = { ...defaultDocState(), exceptions };
    const p = toSharePayload(doc);
    expect(p.exceptions).toEqual(exceptions);
    expect(fromSharePayload(p).exceptions).toEqual(exceptions);
    expect(toSharePayload({ ...doc, exceptions: { text: '' } }).exceptions).toBeUndefined();
  });
});

describe('exports and the cluster round trip', () => {
  function withClient(answers: Record<string, unknown>) {
    const documents = createDocuments({ ...defaultDocState(), exceptions: { text: 'ITEMS' } });
    const calls: [string, unknown[]][] = [];
    const client = new Proxy(
      {},
      {
        get:
          (_t, name: string) =>
          (...args: unknown[]) => {
            calls.push([name, args]);
            return Promise.resolve(answers[name]);
          },
      },
    ) as ClientLike;
    const downloads: string[] = [];
    const copied: string[] = [];
    const ex = createExceptions(documents, () => client, {
      download: (name, text) => downloads.push(`${name}:${text}`),
      copyText: async (t) => {
        copied.push(t);
        return true;
      },
      readFileText: async () => '',
    });
    return { ex, calls, downloads, copied };
  }
  const exported = {
    status: 'ok',
    value: { type: 'exportExceptions', id: 1, ndjson: 'ND\n', apiBody: 'POST x\n', problems: [] },
  };

  test('the list downloads as NDJSON and the API requests go to the clipboard', async () => {
    const { ex, calls, downloads, copied } = withClient({ exportExceptions: exported });
    await ex.downloadList();
    await ex.copyApiRequests();
    expect(calls.map((c) => c[0])).toEqual(['exportExceptions', 'exportExceptions']);
    expect(calls[0]![1]).toEqual([{ text: 'ITEMS' }]);
    expect(downloads).toEqual(['rule-exceptions.ndjson:ND\n']);
    expect(copied).toEqual(['POST x\n']);
  });

  test('compare and bulk export answers land in the cluster state; a failure is said', async () => {
    const comparison = { agrees: true, kind: 'events', ours: 1, theirs: 1, notes: ['agrees'], differences: [] };
    const { ex, calls } = withClient({
      compare: { status: 'ok', value: { type: 'compare', id: 1, comparison, problems: [] } },
      exportBulk: { status: 'failed', message: 'the index name must be lower case' },
    });
    await ex.compare('{"hits":{}}', ' event.id ');
    expect(calls[0]![1]).toMatchObject([{ exceptionsText: { text: 'ITEMS' } }, '{"hits":{}}', 'event.id']);
    expect(ex.ui.get().cluster).toEqual({ phase: 'compared', comparison, problems: [] });
    await ex.exportBulk('Bad');
    expect(ex.ui.get().cluster).toEqual({ phase: 'failed', message: 'the index name must be lower case' });
  });
});
