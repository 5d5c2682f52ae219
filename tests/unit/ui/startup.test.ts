import { describe, expect, test } from 'vitest';
import { encodeShareHash } from '../../../src/share';
import {
  defaultDocState,
  fromSharePayload,
  parseDraft,
  serializeDraft,
  toSharePayload,
  type DocState,
} from '../../../src/ui/state/doc-state';
import { decideStartup } from '../../../src/ui/state/startup';

const draft: DocState = { ...defaultDocState(), rule: 'process where process.name == "mine"', selected: '3' };
const shared: DocState = {
  ...defaultDocState(),
  rule: 'file where true',
  settings: { ...defaultDocState().settings, size: 3, tiebreakerField: 'event.sequence' },
};
const link = encodeShareHash(toSharePayload(shared));

describe('doc state', () => {
  test('share payloads round-trip the document and carry only changed settings', () => {
    const payload = toSharePayload(shared);
    expect(payload.settings).toEqual({ tiebreakerField: 'event.sequence', size: 3 });
    expect(payload.meta).toBeUndefined(); // the default example's metadata is implied
    expect(fromSharePayload(payload)).toEqual(shared);
    const none = { ...shared, metadata: undefined };
    expect(fromSharePayload(toSharePayload(none)).metadata).toBeUndefined();
  });

  test('drafts serialize with their origin link; garbage reads as no draft', () => {
    const text = serializeDraft({ state: draft, fromHash: '#v1.abc' });
    expect(parseDraft(text)).toEqual({ state: draft, fromHash: '#v1.abc' });
    expect(parseDraft('{not json')).toBeUndefined();
    expect(parseDraft(null)).toBeUndefined();
    expect(parseDraft('{"v":2}')).toBeUndefined();
  });
});

describe('startup', () => {
  test('no link: the draft, else the default example', () => {
    expect(decideStartup('', { state: draft })).toEqual({ state: draft });
    expect(decideStartup('', undefined).state).toEqual(defaultDocState());
  });

  test('a link over a different draft shows the link and keeps the draft restorable', () => {
    const d = decideStartup(link, { state: draft });
    expect(d.state).toEqual(shared);
    expect(d.backup).toEqual(draft);
    expect(d.fromHash).toBe(link);
    expect(d.notice).toEqual({ kind: 'shared', canRestoreDraft: true });
  });

  test('a link equal to the draft needs no backup; a fresh browser just opens it', () => {
    expect(decideStartup(link, { state: shared }).backup).toBeUndefined();
    const fresh = decideStartup(link, undefined);
    expect(fresh.state).toEqual(shared);
    expect(fresh.notice).toEqual({ kind: 'shared', canRestoreDraft: false });
  });

  test('reloading a tab opened from a link keeps the edits made since', () => {
    const edited = { ...shared, rule: 'file where false' };
    const d = decideStartup(link, { state: edited, fromHash: link });
    expect(d.state).toEqual(edited);
    expect(d.notice).toBeUndefined();
  });

  test('a broken link keeps the draft and says why', () => {
    const d = decideStartup(link.slice(0, -10), { state: draft });
    expect(d.state).toEqual(draft);
    expect(d.notice).toMatchObject({ kind: 'broken-link', code: 'SHR8001' });
    expect(decideStartup('#v7.xyz', { state: draft }).notice).toMatchObject({ kind: 'broken-link', code: 'SHR8002' });
  });

  test('an ordinary fragment is not treated as a link', () => {
    expect(decideStartup('#top', { state: draft }).notice).toBeUndefined();
  });
});
