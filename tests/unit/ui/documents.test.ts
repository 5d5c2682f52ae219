import { describe, expect, test } from 'vitest';
import { defaultDocState } from '../../../src/ui/state/doc-state';
import { documentsReducer, initialDocuments, inputsChanged, inputsOf } from '../../../src/ui/state/documents';
import { createDocuments } from '../../../src/ui/stores/documents';
import { fakeEditor } from './stores/fakes';

const start = initialDocuments(defaultDocState());

describe('documents reducer', () => {
  test('content edits bump the inputs version; selection does not', () => {
    const typed = documentsReducer(start, { type: 'rule-edited', text: `${start.doc.rule} ` });
    expect(typed.version).toBe(1);
    const selected = documentsReducer(typed, { type: 'select', id: '3' });
    expect([selected.version, selected.doc.selected]).toEqual([1, '3']);
    const events = documentsReducer(selected, { type: 'events-edited', text: '[]' });
    expect(events.version).toBe(2);
    const settings = documentsReducer(events, { type: 'patch', patch: { settings: { ...events.doc.settings } } });
    expect(settings.version).toBe(3);
  });

  test('an edit to the same text is no change at all', () => {
    expect(documentsReducer(start, { type: 'rule-edited', text: start.doc.rule })).toBe(start);
    expect(documentsReducer(start, { type: 'events-edited', text: start.doc.events })).toBe(start);
    expect(documentsReducer(start, { type: 'select', id: undefined })).toBe(start);
  });

  test('replacing the whole rule drops the header; editing it in place keeps it', () => {
    expect(start.doc.metadata).toBeDefined();
    const edited = documentsReducer(start, { type: 'rule-edited', text: start.doc.rule.replace('where', 'where  ') });
    expect(edited.doc.metadata).toBe(start.doc.metadata);
    const replaced = documentsReducer(start, { type: 'rule-edited', text: 'network where destination.port == 22' });
    expect(replaced.doc.metadata).toBeUndefined();
  });

  test('the index patterns of the metadata are an input; the rest of the metadata is not', () => {
    const doc = start.doc;
    expect(inputsChanged(doc, { ...doc, metadata: { ...doc.metadata, name: 'other' } })).toBe(false);
    expect(inputsChanged(doc, { ...doc, metadata: { ...doc.metadata, indices: ['logs-*'] } })).toBe(true);
    expect(inputsOf({ ...doc, metadata: { indices: ['logs-*'] } }).indices).toEqual(['logs-*']);
    expect('indices' in inputsOf({ ...doc, metadata: undefined })).toBe(false);
  });
});

describe('documents store', () => {
  test('text set from outside goes through a mounted editor, whose change event updates the document', () => {
    const docs = createDocuments(defaultDocState());
    docs.setRule('any where true'); // no editor yet: straight into the document
    expect(docs.doc().rule).toBe('any where true');
    const ed = fakeEditor(docs.onRuleChange, 'stale text');
    docs.mount('rule', ed);
    expect(ed.getValue()).toBe('any where true'); // the editor took over the document's text
    expect(docs.editors.get()).toMatchObject({ rule: ed, ready: 1 });
    docs.setRule('process where true');
    expect([ed.getValue(), docs.doc().rule]).toEqual(['process where true', 'process where true']);
    ed.type('process where false');
    expect(docs.getRule()).toBe('process where false');
  });

  test('loading a document replaces the rule first, then puts the document’s own metadata in', () => {
    const docs = createDocuments(defaultDocState());
    const ed = fakeEditor(docs.onRuleChange);
    docs.mount('rule', ed);
    const next = { ...defaultDocState(), rule: 'file where true', metadata: { name: 'Mine' }, selected: '2' };
    docs.load(next);
    expect(docs.doc()).toEqual(next);
  });
});
