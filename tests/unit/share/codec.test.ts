import { describe, expect, it } from 'vitest';
import { deflateSync, strToU8 } from 'fflate';
import {
  decodeShareHash,
  encodeShareHash,
  fromBase64Url,
  looksLikeShareHash,
  toBase64Url,
  type SharePayload,
} from '../../../src/share/codec';
import { defaultExample } from '../../../src/examples/default-example';

describe('share codec', () => {
  const payload: SharePayload = {
    rule: 'process where process.name == "bash" and not (user.name in ("root", "é 😀"))',
    events: '{"@timestamp":"2026-01-01T00:00:00Z","process":{"name":"bash"}}\n',
    settings: { size: 10, resultPosition: 'tail', tiebreakerField: null },
    mapping: '{"mappings":{}}',
    selected: '0',
    meta: { name: 'x' },
  };

  it('round-trips every field exactly, including non-ASCII text', () => {
    const hash = encodeShareHash(payload);
    expect(hash.startsWith('#v1.')).toBe(true);
    expect(hash).toMatch(/^#v1\.[A-Za-z0-9_-]+$/);
    const back = decodeShareHash(hash);
    expect(back).toEqual({ ok: true, version: 1, payload });
  });

  it('accepts the fragment with or without the leading #', () => {
    const hash = encodeShareHash(payload);
    expect(decodeShareHash(hash.slice(1)).ok).toBe(true);
  });

  it('omits empty optional fields', () => {
    const back = decodeShareHash(encodeShareHash({ rule: 'a', events: '', settings: {}, mapping: '' }));
    expect(back).toEqual({ ok: true, version: 1, payload: { rule: 'a', events: '' } });
  });

  it('keeps the default example link under 6,000 characters', () => {
    const hash = encodeShareHash({ rule: defaultExample.query, events: defaultExample.events, selected: 'apt-01' });
    expect(hash.length).toBeLessThan(6000);
  });

  it('reports a cut-off link as damaged (SHR8001), never throws', () => {
    const hash = encodeShareHash(payload);
    const r = decodeShareHash(hash.slice(0, hash.length - 7));
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.code).toBe('SHR8001');
      expect(r.message).toMatch(/damaged/);
    }
  });

  it('reports invalid characters, bad JSON and a wrong shape as SHR8001', () => {
    const bad = decodeShareHash('#v1.@@@@');
    expect(bad.ok === false && bad.code).toBe('SHR8001');
    const notJson = decodeShareHash(`#v1.${toBase64Url(deflateSync(strToU8('not json')))}`);
    expect(notJson.ok === false && notJson.message).toMatch(/not valid JSON/);
    const noRule = decodeShareHash(`#v1.${toBase64Url(deflateSync(strToU8('{"events":""}')))}`);
    expect(noRule.ok === false && noRule.message).toMatch(/rule is missing/);
  });

  it('reports a link from a newer format version as SHR8002', () => {
    const r = decodeShareHash('#v9.AAAA');
    expect(r.ok === false && r.code).toBe('SHR8002');
  });

  it('recognises share fragments', () => {
    expect(looksLikeShareHash('#v1.abc')).toBe(true);
    expect(looksLikeShareHash('')).toBe(false);
    expect(looksLikeShareHash('#section-2')).toBe(false);
  });

  it('base64url round-trips every length', () => {
    for (let n = 0; n < 40; n++) {
      const bytes = Uint8Array.from({ length: n }, (_, i) => (i * 37 + n) & 255);
      expect(Array.from(fromBase64Url(toBase64Url(bytes)))).toEqual(Array.from(bytes));
    }
  });
});
