import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { deflateSync, strToU8 } from 'fflate';
import {
  decodeShareHash,
  encodeShareHash,
  inflateCapped,
  MAX_INFLATED_BYTES,
  fromBase64Url,
  looksLikeShareHash,
  toBase64Url,
  type SharePayload,
} from '../../../src/share/codec';
import { defaultExample } from '../../../src/examples/default-example';

/**
 * A raw DEFLATE stream of `size` spaces (rounded up to 1 + 258k), written directly with the fixed
 * Huffman code: one literal, then copies of 258 bytes at distance 1 (13 bits each).
 */
function spaceBomb(size: number): Uint8Array {
  const out: number[] = [];
  let acc = 0;
  let n = 0;
  const bit = (b: number) => {
    acc |= b << n;
    if (++n === 8) {
      out.push(acc);
      acc = 0;
      n = 0;
    }
  };
  const code = (c: number, len: number) => {
    for (let i = len - 1; i >= 0; i--) bit((c >> i) & 1);
  };
  bit(1); // last block
  bit(1); // fixed Huffman codes (BTYPE 01, low bit first)
  bit(0);
  code(0x30 + 32, 8); // literal ' '
  for (let k = 0; k < Math.ceil((size - 1) / 258); k++) {
    code(0b11000101, 8); // length 258 (code 285)
    code(0, 5); // distance 1
  }
  code(0, 7); // end of block
  if (n > 0) out.push(acc);
  return Uint8Array.from(out);
}

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

  it('calls v0 damaged, not newer', () => {
    const r = decodeShareHash('#v0.AAAA');
    expect(r.ok === false && r.code).toBe('SHR8001');
    expect(r.ok === false && r.message).toBe(
      'This link is damaged: it names link format v0, which no version of the playground writes (formats start at v1).',
    );
    expect(decodeShareHash('#v00.AAAA').ok === false).toBe(true);
  });

  it('refuses a link that inflates past the cap (SHR8003), inflating no further than the cap', () => {
    const small = spaceBomb(1 + 258 * 3);
    expect(inflateCapped(small, 10_000)).toEqual(new Uint8Array(1 + 258 * 3).fill(32));
    // About 100 MB of spaces in a 600 KB deflate stream (the link would be 800 KB).
    const bomb = spaceBomb(100 * 1024 * 1024);
    expect(bomb.length).toBeLessThan(700_000);
    const r = decodeShareHash(`#v1.${toBase64Url(bomb)}`);
    expect(r.ok === false && r.code).toBe('SHR8003');
    expect(r.ok === false && r.message).toMatch(/more than 64 MB/);
    expect(inflateCapped(deflateSync(strToU8('abc')), 2)).toBe('too-large');
    expect(Array.from(inflateCapped(deflateSync(strToU8('abc')), 3) as Uint8Array)).toEqual([97, 98, 99]);
    expect(MAX_INFLATED_BYTES).toBe(64 * 1024 * 1024);
  });

  it('drops wrongly typed fields with notices instead of passing them on', () => {
    const state = { rule: 'a', events: '', mapping: 5, meta: { name: 'n', threat: [{ techniques: 'oops' }] } };
    const r = decodeShareHash(`#v1.${toBase64Url(deflateSync(strToU8(JSON.stringify(state))))}`);
    expect(r).toEqual({
      ok: true,
      version: 1,
      payload: { rule: 'a', events: '', meta: { name: 'n', threat: [{}] } },
      notices: [
        'mapping was dropped: expected text, found a number',
        'meta.threat[0].techniques was dropped: expected a list, found a string',
      ],
    });
  });

  it('trims padding without backtracking (a run of = inside the data)', () => {
    const r = decodeShareHash(`#v1.${'='.repeat(200_000)}A`);
    expect(r.ok).toBe(false);
  });

  it('arbitrary fragments and bytes never throw (property)', () => {
    const fragment = fc.oneof(
      fc.string({ maxLength: 200 }),
      fc.uint8Array({ maxLength: 300 }).map((b) => `#v1.${toBase64Url(b)}`),
      fc.uint8Array({ maxLength: 300 }).map((b) => `#v1.${toBase64Url(deflateSync(b))}`),
      fc.jsonValue({ maxDepth: 4 }).map((v) => `#v1.${toBase64Url(deflateSync(strToU8(JSON.stringify(v))))}`),
      fc.tuple(fc.nat(5), fc.stringMatching(/^[A-Za-z0-9_\-+/=]{0,80}$/)).map(([v, body]) => `#v${v}.${body}`),
    );
    fc.assert(
      fc.property(fragment, (h) => {
        const r = decodeShareHash(h);
        if (r.ok) expect(typeof r.payload.rule).toBe('string');
        else expect(['SHR8001', 'SHR8002', 'SHR8003']).toContain(r.code);
      }),
      { numRuns: 2000 },
    );
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

  describe('version 2: expectations and the baseline', () => {
    const tuned: SharePayload = {
      rule: 'process where not (process.name == "x")',
      events: '[]',
      expectations: { 'apt-01': { verdict: 'suppressed', clause: '"/usr/bin/dpkg"' }, 'apt-14': { verdict: 'alert' } },
      baseline: { rule: 'process where true', settings: { size: 5 } },
    };

    it('round-trips expectations and the baseline under #v2.', () => {
      const hash = encodeShareHash(tuned);
      expect(hash).toMatch(/^#v2\.[A-Za-z0-9_-]+$/);
      expect(decodeShareHash(hash)).toEqual({ ok: true, version: 2, payload: tuned });
    });

    it('a state without them is still written as version 1, for older builds', () => {
      expect(encodeShareHash({ rule: 'a', events: '', expectations: {} }).startsWith('#v1.')).toBe(true);
      expect(encodeShareHash({ ...payload, expectations: { a: { verdict: 'alert' } } }).startsWith('#v2.')).toBe(true);
      expect(encodeShareHash({ rule: 'a', events: '', baseline: { rule: 'b' } }).startsWith('#v2.')).toBe(true);
    });

    it('stores a bare verdict compactly and drops malformed entries', () => {
      const json = {
        rule: 'r',
        events: '',
        expectations: {
          a: 'alert',
          b: { verdict: 'no-match' },
          c: 'maybe',
          d: { verdict: 'alert', clause: 'x' },
          e: 4,
          f: { verdict: 'excepted', clause: 'known-tool' },
        },
        baseline: { rule: 3 },
      };
      const hash = `#v2.${toBase64Url(deflateSync(strToU8(JSON.stringify(json))))}`;
      expect(decodeShareHash(hash)).toEqual({
        ok: true,
        version: 2,
        payload: {
          rule: 'r',
          events: '',
          expectations: {
            a: { verdict: 'alert' },
            b: { verdict: 'no-match' },
            f: { verdict: 'excepted', clause: 'known-tool' },
          },
        },
        notices: [
          'expectations.c was dropped: expected alert, suppressed, no-match or excepted',
          'expectations.d was dropped: only a suppressed or excepted expectation names a clause, as text',
          'expectations.e was dropped: expected alert, suppressed, no-match or excepted',
          "baseline was dropped: expected an object with the rule's text",
        ],
      });
    });

    it('a link written by the version 1 encoder still opens', () => {
      // Written by the version 1 encoder before version 2 existed; kept verbatim.
      const v1 =
        '#v1.NY1LCoQwEESvEmo9DG7cCN6kN34KFTRKOioYcndb0F1X815VQthnosIW1o6q7hwZ6N70981CV9dO0DY6CvADD_qoZiT5JEFl4WHt-tCcxRuujHHygwkJOl02VebnO7OL7K2mQL4B';
      expect(decodeShareHash(v1)).toEqual({
        ok: true,
        version: 1,
        payload: {
          rule: 'process where process.name == "bash"',
          events: '{"process":{"name":"bash"}}\n',
          settings: { size: 5 },
          selected: '0',
        },
      });
    });

    it('a version 4 link is from a newer build (SHR8002)', () => {
      const r = decodeShareHash('#v4.AAAA');
      expect(r.ok === false && r.code).toBe('SHR8002');
      expect(r.ok === false && r.message).toMatch(/reads up to v3/);
    });
  });

  describe('version 3: rule exceptions', () => {
    const excepted: SharePayload = {
      rule: 'process where true',
      events: '[]',
      exceptions: {
        text: '{"list_id":"l","name":"n","type":"detection","description":""}\n',
        valueLists: [{ name: 'ips.txt', text: '10.0.0.1\n' }],
      },
    };
    it('round-trips the pane text and value lists under #v3.', () => {
      const hash = encodeShareHash(excepted);
      expect(hash).toMatch(/^#v3\./);
      expect(decodeShareHash(hash)).toEqual({ ok: true, version: 3, payload: excepted });
    });
    it('an empty pane adds nothing; a malformed value list is dropped with a notice', () => {
      expect(encodeShareHash({ rule: 'a', events: '', exceptions: { text: '  ' } }).startsWith('#v1.')).toBe(true);
      const json = { rule: 'r', events: '', exceptions: { text: 'x', valueLists: [{ name: 'a', text: 3 }] } };
      const r = decodeShareHash(`#v3.${toBase64Url(deflateSync(strToU8(JSON.stringify(json))))}`);
      expect(r.ok && r.payload.exceptions?.text).toBe('x');
      expect(r.ok && r.notices?.some((n) => n.startsWith('exceptions.valueLists[0].text was dropped'))).toBe(true);
    });
  });
});
