import { describe, expect, test } from 'vitest';
import {
  defaultDocState,
  fromSharePayload,
  parseDraft,
  serializeDraft,
  toSharePayload,
  type DocState,
} from '../../../src/ui/state/doc-state';

const draft: DocState = { ...defaultDocState(), rule: 'process where process.name == "mine"', selected: '3' };
const shared: DocState = {
  ...defaultDocState(),
  rule: 'file where true',
  settings: { ...defaultDocState().settings, size: 3, tiebreakerField: 'event.sequence' },
};

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
