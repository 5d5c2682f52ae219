/** The list's id field is part of the workspace: drafts, share links and workspace files keep it. */
import { deflateSync, strToU8 } from 'fflate';
import { describe, expect, test } from 'vitest';
import { decodeShareHash, encodeShareHash, toBase64Url } from '../../../src/share/codec';
import {
  defaultDocState,
  fromSharePayload,
  idFieldOf,
  parseDraft,
  serializeDraft,
  toSharePayload,
} from '../../../src/ui/state/doc-state';
import { documentsReducer, initialDocuments } from '../../../src/ui/state/documents';
import { createDocuments } from '../../../src/ui/stores/documents';
import { docFromWorkspace, workspaceOfDoc } from '../../../src/ui/stores/tuning';

const doc = { ...defaultDocState(), idField: 'serial' };

function throughLink(d: typeof doc) {
  const hash = encodeShareHash(toSharePayload(d));
  const back = decodeShareHash(hash);
  if (!back.ok) throw new Error(back.message);
  return { hash, back, doc: fromSharePayload(back.payload) };
}

describe('the id field in links', () => {
  test('travels in a link of the lowest version that carries the rest, and comes back', () => {
    const { hash, back, doc: d } = throughLink(doc);
    expect(hash.startsWith('#v1.')).toBe(true);
    expect(back.payload.idField).toBe('serial');
    expect(back.notices ?? []).toEqual([]);
    expect(idFieldOf(d)).toBe('serial');
    // None ('' : every event by its _id or number) is a setting of its own.
    expect(idFieldOf(throughLink({ ...doc, idField: '' }).doc)).toBe('');
  });

  test('the default is not written; a link without one (every older link) shows event.id', () => {
    expect('idField' in toSharePayload({ ...doc, idField: 'event.id' })).toBe(false);
    expect('idField' in toSharePayload(defaultDocState())).toBe(false);
    // As an older encoder wrote it: no idField key at all.
    const old = `#v1.${toBase64Url(deflateSync(strToU8(JSON.stringify({ rule: 'any where true', events: '[]' }))))}`;
    const back = decodeShareHash(old);
    expect(back.ok && back.notices).toBeFalsy();
    expect(back.ok && idFieldOf(fromSharePayload(back.payload))).toBe('event.id');
  });

  test('a wrongly typed id field is dropped with a notice, the link still opens', () => {
    const state = { rule: 'any where true', events: '[]', idField: 5 };
    const back = decodeShareHash(`#v1.${toBase64Url(deflateSync(strToU8(JSON.stringify(state))))}`);
    expect(back.ok && back.notices).toEqual(['idField was dropped: expected text, found a number']);
    expect(back.ok && idFieldOf(fromSharePayload(back.payload))).toBe('event.id');
  });
});

describe('the id field in drafts, workspace files and the document', () => {
  test('a stored draft keeps it', () => {
    expect(parseDraft(serializeDraft({ state: doc }))?.state.idField).toBe('serial');
    expect(parseDraft(serializeDraft({ state: defaultDocState() }))?.state.idField).toBeUndefined();
  });

  test('a workspace file names it (event.id by default, nothing for none) and opens with it', () => {
    expect(workspaceOfDoc(doc).idField).toBe('serial');
    expect(workspaceOfDoc(defaultDocState()).idField).toBe('event.id');
    expect('idField' in workspaceOfDoc({ ...doc, idField: '' })).toBe(false);
    expect(idFieldOf(docFromWorkspace(workspaceOfDoc(doc)))).toBe('serial');
    expect(idFieldOf(docFromWorkspace({ rule: 'r', events: '[]' }))).toBe('event.id');
  });

  test('changing it is no new evaluation; loading a document takes its id field', () => {
    const s0 = initialDocuments(defaultDocState());
    const s1 = documentsReducer(s0, { type: 'patch', patch: { idField: 'serial' } });
    expect(s1.version).toBe(s0.version);
    expect(idFieldOf(s1.doc)).toBe('serial');
    const docs = createDocuments(defaultDocState());
    docs.load(doc);
    expect(idFieldOf(docs.doc())).toBe('serial');
    docs.load(defaultDocState());
    expect(idFieldOf(docs.doc())).toBe('event.id');
  });
});
