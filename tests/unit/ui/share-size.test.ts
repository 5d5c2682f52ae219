import { describe, expect, it } from 'vitest';
import { decodeShareHash, encodeShareHash } from '../../../src/share';
import {
  BROWSER_URL_LIMIT,
  CHAT_SAFE_LENGTH,
  lengthLabel,
  ruleAndSelectedPayload,
  shareOffers,
  shareSizeLevel,
} from '../../../src/ui/state/share-size';

describe('share size', () => {
  it('levels and what is offered at each', () => {
    expect(shareSizeLevel(CHAT_SAFE_LENGTH)).toBe('ok');
    expect(shareSizeLevel(CHAT_SAFE_LENGTH + 1)).toBe('long');
    expect(shareSizeLevel(BROWSER_URL_LIMIT + 1)).toBe('too-long');
    expect(shareOffers(3000)).toEqual({ fullLink: true, ruleAndSelected: false, workspaceFile: false });
    expect(shareOffers(66_000)).toEqual({ fullLink: true, ruleAndSelected: true, workspaceFile: true });
    expect(shareOffers(3_160_000)).toEqual({ fullLink: false, ruleAndSelected: true, workspaceFile: true });
    expect(lengthLabel(3289)).toBe('3,289 chars');
    expect(lengthLabel(1_280_000)).toBe('1.3 M chars');
  });

  it('rule and selected events only: a link that opens to the rule, the settings and those events', () => {
    const full = { rule: 'any where true', events: '{"a":1}\n{"a":2}\n{"a":3}', settings: { size: 5 }, selected: '2' };
    const small = ruleAndSelectedPayload(full, [
      { id: '2', source: { a: 3 } },
      { id: '0', source: { a: 1 } },
    ]);
    expect(small).toEqual({
      rule: 'any where true',
      events: '{"a":3}\n{"a":1}\n',
      settings: { size: 5 },
      selected: '2',
    });
    expect(ruleAndSelectedPayload(full, [{ id: '0', source: { a: 1 } }]).selected).toBeUndefined();
    expect(ruleAndSelectedPayload(full, []).events).toBe('');
    const decoded = decodeShareHash(encodeShareHash(small));
    expect(decoded.ok && decoded.payload.events).toBe('{"a":3}\n{"a":1}\n');
  });
});
