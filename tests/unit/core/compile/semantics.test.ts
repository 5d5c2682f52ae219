/**
 * Elasticsearch's condition semantics, row by row (eql-semantics.md sections 2.2, 3, 4, 5, 6):
 * which of a small set of events each query matches.
 */
import { describe, expect, test } from 'vitest';
import { evaluate, foldExpression } from '../../../../src/core/index';
import type { EventDoc } from '../../../../src/core/index';
import { expandDottedKeys } from '../../../../src/core/runtime/field-access';

function docs(...sources: Record<string, unknown>[]): EventDoc[] {
  return sources.map((s, i) => ({ id: String(s.id ?? i), source: s, doc: expandDottedKeys(s), position: i }));
}

/** The ids a query returns over the events (all of them: size is large). */
function ids(query: string, events: EventDoc[], mapping?: string): string[] {
  const r = evaluate({
    rule: query,
    events,
    explain: false,
    settings: { size: 1000 },
    ...(mapping ? { mapping } : {}),
  });
  const errors = r.diagnostics.filter((d) => d.severity === 'error');
  if (errors.length > 0) throw new Error(errors.map((d) => `${d.code} ${d.message}`).join('; '));
  return (r.hits?.events ?? []).map((h) => h._id);
}

const events = docs(
  { id: 'a', event: { category: ['process'] }, f: 'a', n: 3, tags: ['x', 'y'] },
  { id: 'b', event: { category: ['process'] }, f: 'B', n: 7, tags: ['y'] },
  { id: 'missing', event: { category: ['process'] } },
  { id: 'null', event: { category: ['process'] }, f: null, n: null, tags: [] },
);

describe('missing fields (section 4.3)', () => {
  const rows: [string, string[]][] = [
    ['f == "a"', ['a']],
    ['f : "a"', ['a']],
    ['f like "a*"', ['a']],
    ['f regex "a.*"', ['a']],
    ['f in ("a")', ['a']],
    ['f != "a"', ['b', 'missing', 'null']],
    ['not f == "a"', ['b', 'missing', 'null']],
    ['f not in ("a", "z")', ['b', 'missing', 'null']],
    ['not f in ("a", "z")', ['b', 'missing', 'null']],
    ['not f : "a*"', ['b', 'missing', 'null']],
    ['not f like "a"', ['b', 'missing', 'null']],
    ['n < 5', ['a']],
    ['n >= 5', ['b']],
    ['not n < 5', ['b', 'missing', 'null']],
    ['f == null', ['missing', 'null']],
    ['f != null', ['a', 'b']],
    ['startsWith(f, "a")', ['a']],
    ['not startsWith(f, "a")', ['b', 'missing', 'null']],
    ['length(f) == 1', ['a', 'b']],
    ['length(f) != 1', ['missing', 'null']],
    ['not length(f) == 1', ['missing', 'null']],
    ['null == (n > 5)', ['missing', 'null']],
  ];
  test.each(rows)('%s', (cond, expected) => {
    expect(ids(`process where ${cond}`, events)).toEqual(expected);
  });
});

describe('literal nulls and unmapped optional fields (section 4.2, as pinned by the ES folding suite)', () => {
  test.each([
    ['?nosuch == null', ['a', 'b', 'missing', 'null']],
    ['?nosuch != null', []],
    ['?nosuch == "a"', []],
    ['not (?nosuch == "a")', ['a', 'b', 'missing', 'null']],
    ['?nosuch < 5', []],
    ['not (?nosuch < 5)', []],
    ['?nosuch == "a" or f == "a"', ['a']],
    ['not (?nosuch == "a" or f == "a")', ['b', 'missing', 'null']],
    ['not (?nosuch < 5 or f == "a")', []],
    ['concat(?nosuch, "x") == "x"', []],
    ['?f == "a"', ['a']],
  ] as [string, string[]][])('%s', (cond, expected) => {
    expect(ids(`process where ${cond}`, events)).toEqual(expected);
  });
});

describe('multi-valued fields: any value (section 5)', () => {
  test.each([
    ['tags == "x"', ['a']],
    ['tags == "y"', ['a', 'b']],
    ['tags != "x"', ['b', 'missing', 'null']],
    ['tags in ("x", "q")', ['a']],
    ['tags : "X"', ['a']],
    ['length(tags) == 1', ['a', 'b']],
    ['startsWith(tags, "x")', ['a']],
    ['not startsWith(tags, "y")', ['missing', 'null']],
  ] as [string, string[]][])('%s', (cond, expected) => {
    expect(ids(`process where ${cond}`, events)).toEqual(expected);
  });

  test('arrays of objects flatten', () => {
    const evs = docs(
      { id: 'o', event: { category: 'x' }, a: [{ b: 1 }, { b: 2 }] },
      { id: 'p', event: { category: 'x' }, a: [{ b: 3 }] },
    );
    expect(ids('x where a.b == 2', evs)).toEqual(['o']);
    expect(ids('x where a.b > 2', evs)).toEqual(['p']);
  });
});

describe('case rules (section 6)', () => {
  test.each([
    ['f == "b"', []],
    ['f : "b"', ['b']],
    ['f in ("b")', []],
    ['f in~ ("b")', ['b']],
    ['f not in~ ("b")', ['a', 'missing', 'null']],
    ['f like "b"', []],
    ['f like~ "b"', ['b']],
    ['f regex "b"', []],
    ['f regex~ "b"', ['b']],
    ['startsWith(f, "b")', []],
    ['startsWith~(f, "b")', ['b']],
    ['STARTSWITH~(f, "b")', ['b']],
  ] as [string, string[]][])('%s', (cond, expected) => {
    expect(ids(`process where ${cond}`, events)).toEqual(expected);
  });
});

describe('wildcards: anchored, no escape; regex: Lucene, whole value', () => {
  const paths = docs(
    { id: '1', event: { category: 'file' }, p: '/etc/apt/apt.conf.d/99x' },
    { id: '2', event: { category: 'file' }, p: 'x/etc/apt/apt.conf.d/99x' },
    { id: '3', event: { category: 'file' }, p: 'a\\*b' },
    { id: '4', event: { category: 'file' }, p: 'a*b' },
  );
  test.each([
    ['p : "/etc/apt/apt.conf.d/*"', ['1']],
    ['p : "*/etc/*"', ['1', '2']],
    ['p : "a\\\\*"', ['3']],
    ['p like "a?b"', ['4']],
    ['p == "a*b"', ['4']],
    ['p in ("a*b")', ['4']],
    ['p regex "/etc/apt/.*"', ['1']],
    ['p regex "apt"', []],
    ['p regex """a\\*b"""', ['4']],
  ] as [string, string[]][])('%s', (cond, expected) => {
    expect(ids(`file where ${cond}`, paths)).toEqual(expected);
  });
});

describe('event category', () => {
  const cats = docs(
    { id: 'p', event: { category: ['process', 'network'] } },
    { id: 'f', event: { category: 'file' } },
    { id: 'none', x: 1 },
    { id: 'P', event: { category: 'Process' } },
  );
  test('exact, case-sensitive, any value', () => {
    expect(ids('process where true', cats)).toEqual(['p']);
    expect(ids('network where true', cats)).toEqual(['p']);
    expect(ids('"Process" where true', cats)).toEqual(['P']);
  });
  test('any matches events without the category field', () => {
    expect(ids('any where true', cats)).toEqual(['p', 'f', 'none', 'P']);
  });
  test('the category field is a setting', () => {
    const r = evaluate({
      rule: 'proc where true',
      events: docs({ id: 'x', kind: 'proc' }, { id: 'y', kind: 'file' }),
      settings: { eventCategoryField: 'kind' },
    });
    expect(r.hits!.events!.map((h) => h._id)).toEqual(['x']);
  });
});

describe('nested objects and dotted keys name the same field', () => {
  test('both spellings match', () => {
    const evs = docs(
      { id: 'nested', event: { category: 'x' }, process: { name: 'bash' } },
      { id: 'dotted', 'event.category': 'x', 'process.name': 'bash' },
      { id: 'mixed', event: { category: 'x' }, 'process.name': 'bash', process: { pid: 1 } },
    );
    expect(ids('x where process.name == "bash"', evs)).toEqual(['nested', 'dotted', 'mixed']);
    expect(ids('x where process.pid == 1', evs)).toEqual(['mixed']);
  });
});

describe('stored forms follow the mapping type', () => {
  test('a keyword stores numbers as strings; a long accepts numeric strings', () => {
    const evs = docs(
      { id: 'k', event: { category: 'x' }, user: { id: '0' }, n: '5' },
      { id: 'l', event: { category: 'x' }, user: { id: 0 }, n: 5 },
    );
    const mapping = JSON.stringify({
      mappings: {
        properties: {
          event: { properties: { category: { type: 'keyword' } } },
          user: { properties: { id: { type: 'keyword' } } },
          n: { type: 'long' },
        },
      },
    });
    expect(ids('x where user.id == "0"', evs, mapping)).toEqual(['k', 'l']);
    expect(ids('x where user.id == 0', evs, mapping)).toEqual(['k', 'l']);
    expect(ids('x where n == 5', evs, mapping)).toEqual(['k', 'l']);
  });
  test('ip fields compare addresses and match CIDR blocks', () => {
    const evs = docs(
      { id: 'v4', event: { category: 'x' }, host: { ip: ['10.1.2.3', '::1'] } },
      { id: 'v6', event: { category: 'x' }, host: { ip: '2001:db8::1' } },
    );
    expect(ids('x where cidrMatch(host.ip, "10.0.0.0/8")', evs)).toEqual(['v4']);
    expect(ids('x where host.ip == "2001:0db8:0:0:0:0:0:1"', evs)).toEqual(['v6']);
    expect(ids('x where host.ip == "0:0:0:0:0:0:0:1"', evs)).toEqual(['v4']);
  });
  test('ip fields read addresses with the one strict parser on every path', () => {
    const evs = docs(
      { id: 'ten', event: { category: 'x' }, host: { ip: '10.1.1.1' } },
      { id: 'zero', event: { category: 'x' }, host: { ip: '010.1.1.1' } },
      { id: 'space', event: { category: 'x' }, host: { ip: ' 10.1.1.1' } },
      { id: 'nine', event: { category: 'x' }, host: { ip: '9.255.0.1' } },
    );
    // Leading zeros and surrounding spaces are not addresses (InetAddresses.forString): the
    // value is not indexed, so EQL sees the field as missing.
    expect(ids('x where host.ip == "10.1.1.1"', evs)).toEqual(['ten']);
    expect(ids('x where host.ip in ("10.1.1.1", "1.1.1.1")', evs)).toEqual(['ten']);
    expect(ids('x where cidrMatch(host.ip, "10.0.0.0/8")', evs)).toEqual(['ten']);
    expect(ids('x where host.ip == null', evs)).toEqual(['zero', 'space']);
    // Ordering is by address, not by text ("9.255.0.1" sorts after "10.1.1.1" as text).
    expect(ids('x where host.ip < "10.0.0.0"', evs)).toEqual(['nine']);
    expect(ids('x where host.ip >= "10.0.0.0"', evs)).toEqual(['ten']);
    // Functions see the canonical text, as doc values print it.
    const v6 = docs({ id: 'v6', event: { category: 'x' }, host: { ip: '2001:0DB8:0:0:0:0:0:1' } });
    expect(ids('x where string(host.ip) == "2001:db8::1"', v6)).toEqual(['v6']);
  });
  test('an ip constant that is not an address is the query error Elasticsearch gives', () => {
    for (const q of ['x where host.ip == "010.1.1.1"', 'x where host.ip in ("10.1.1.1", " 10.1.1.2")']) {
      const r = evaluate({ rule: q, events: docs({ event: { category: 'x' } }), explain: false });
      const bad = q.includes('010') ? '010.1.1.1' : ' 10.1.1.2';
      expect(r.diagnostics.map((d) => d.message)).toContain(
        `failed to create query: '${bad}' is not an IP string literal.`,
      );
    }
  });
  test('version fields order by semantic-version precedence', () => {
    const mapping = JSON.stringify({
      mappings: { properties: { event: { properties: { category: { type: 'keyword' } } }, v: { type: 'version' } } },
    });
    const evs = docs(
      { id: 'a9', event: { category: 'x' }, v: '1.0.0-alpha.9' },
      { id: 'a10', event: { category: 'x' }, v: '1.0.0-alpha.10' },
      { id: 'rel', event: { category: 'x' }, v: '1.0.0' },
    );
    expect(ids('x where v > "1.0.0-alpha.9"', evs, mapping)).toEqual(['a10', 'rel']);
    expect(ids('x where v < "1.0.0-alpha.10"', evs, mapping)).toEqual(['a9']);
    expect(ids('x where v == "1.0.0"', evs, mapping)).toEqual(['rel']);
    expect(ids('x where startsWith(string(v), "1.0.0-")', evs, mapping)).toEqual(['a9', 'a10']);
  });
  test('date_nanos fields compare to the nanosecond', () => {
    const mapping = JSON.stringify({
      mappings: { properties: { event: { properties: { category: { type: 'keyword' } } }, t: { type: 'date_nanos' } } },
    });
    const evs = docs(
      { id: 'a', event: { category: 'x' }, t: '2026-01-01T00:00:00.123456789Z' },
      { id: 'b', event: { category: 'x' }, t: '2026-01-01T00:00:00.123456790Z' },
      { id: 'c', event: { category: 'x' }, t: '2026-01-01T00:00:00.123Z' },
    );
    expect(ids('x where t == "2026-01-01T00:00:00.123456789Z"', evs, mapping)).toEqual(['a']);
    expect(ids('x where t > "2026-01-01T00:00:00.123456789Z"', evs, mapping)).toEqual(['b']);
    expect(ids('x where t < "2026-01-01T00:00:00.1234Z"', evs, mapping)).toEqual(['c']);
  });
  test('dates compare as instants', () => {
    const evs = docs(
      { id: 'early', event: { category: 'x' }, '@timestamp': '2026-01-01T00:00:00Z' },
      { id: 'late', event: { category: 'x' }, '@timestamp': '2026-06-01T00:00:00+02:00' },
    );
    expect(ids('x where @timestamp > "2026-03-01T00:00:00Z"', evs)).toEqual(['late']);
  });
});

describe('arithmetic is Java arithmetic', () => {
  test('integer division truncates; overflow of a constant is a query error', () => {
    expect(ids('process where 7 / 2 == 3', events)).toHaveLength(4);
    expect(ids('process where -7 / 2 == -3', events)).toHaveLength(4);
    const r = evaluate({ rule: 'process where 2147483647 + 1 > 0', events });
    expect(r.ok).toBe(false);
    expect(r.diagnostics.map((d) => d.code)).toContain('EQL3002');
  });
  test('number() of integral text is a long: it divides and prints as one', () => {
    expect(foldExpression('number("7") / 2').value).toBe(3);
    expect(foldExpression('number("7.5") / 2').value).toBe(3.75);
    expect(foldExpression('string(number("5"))').value).toBe('5');
    expect(foldExpression('string(number("5.5"))').value).toBe('5.5');
  });
  test('a runtime error marks the event and keeps the others', () => {
    const evs = docs(
      { id: 'ok', event: { category: 'x' }, s: '12' },
      { id: 'bad', event: { category: 'x' }, s: 'twelve' },
    );
    const r = evaluate({ rule: 'x where number(s) > 10', events: evs });
    expect(r.verdicts!.map((v) => [v.id, v.verdict])).toEqual([
      ['ok', 'alert'],
      ['bad', 'error'],
    ]);
    expect(r.verdicts![1]!.reasons[0]!.message).toMatch(/Unable to convert \[twelve\]/);
    expect(r.hits!.events!.map((h) => h._id)).toEqual(['ok']);
    expect(r.diagnostics.some((d) => d.severity === 'warning' && d.code === 'EQL3001')).toBe(true);
  });
});

describe('notes where Elasticsearch surprises people', () => {
  test('an alert that passed `!=` only because the field is missing says so', () => {
    const evs = docs(
      { id: 'with', event: { category: 'x' }, process: { name: 'zsh' } },
      { id: 'without', event: { category: 'x' } },
    );
    const r = evaluate({ rule: 'x where process.name != "bash"', events: evs });
    expect(r.verdicts!.map((v) => [v.id, v.verdict, v.reasons.length])).toEqual([
      ['with', 'alert', 0],
      ['without', 'alert', 1],
    ]);
    const reason = r.verdicts![1]!.reasons[0]!;
    expect(reason.clause.text).toBe('process.name != "bash"');
    expect(reason.field).toBe('process.name');
    expect(reason.note).toMatch(/missing/);
  });
  test('an exclusion that fired on one value of an array says so', () => {
    const evs = docs({ id: 'a', event: { category: 'x' }, tags: ['ok', 'noisy'] });
    const r = evaluate({ rule: 'x where not tags == "noisy"', events: evs });
    expect(r.verdicts![0]!.verdict).toBe('suppressed');
    expect(r.verdicts![0]!.reasons[0]!.note).toMatch(/2 values; EQL matches when any one of them does/);
  });
  test('a case-sensitive near miss says so', () => {
    const evs = docs({ id: 'a', event: { category: 'x' }, host: { os: { type: 'Linux' } } });
    const r = evaluate({ rule: 'x where host.os.type == "linux"', events: evs });
    expect(r.verdicts![0]!.reasons[0]!.note).toBe(
      '`==` is case-sensitive: the event has "Linux"; use `:` to ignore case',
    );
  });
  test('`:` ignoring case says so', () => {
    const evs = docs({ id: 'a', event: { category: 'x' }, process: { name: 'PERL' } });
    const r = evaluate({ rule: 'x where not process.name : ("perl", "sed")', events: evs });
    expect(r.verdicts![0]!.reasons[0]!.note).toBe('`:` ignores case: "PERL" matches "perl"');
  });
});

describe('edge cases found in review', () => {
  test('deeply nested events never throw', () => {
    const deep = JSON.parse(`{"a":${'{"a":'.repeat(3000)}1${'}'.repeat(3000)}}`) as Record<string, unknown>;
    const r = evaluate({ rule: 'any where process.name == "a"', events: docs({ id: 'd', ...deep }) });
    expect(r.ok).toBe(true);
    const arrays = JSON.parse(`{"x":${'['.repeat(10000)}"x"${']'.repeat(10000)}}`) as Record<string, unknown>;
    const q = evaluate({ rule: 'any where x == "x"', events: docs(arrays) });
    expect(q.diagnostics.map((d) => d.code)).toEqual(['EQL1019']);
  });
  test('an exclusion that is null names the part that is null', () => {
    const r = evaluate({ rule: 'process where true and not (f == "zzz" or ?nosuch.field < 5)', events });
    const v = r.verdicts![0]!;
    expect(v.verdict).toBe('suppressed');
    expect(v.reasons.map((x) => [x.clause.text, x.match?.text])).toEqual([['?nosuch.field < 5', undefined]]);
  });
  test('`x != null` is a requirement: a missing field is a base-condition miss', () => {
    const r = evaluate({ rule: 'process where f != null', events });
    expect(r.verdicts!.map((v) => v.verdict)).toEqual(['alert', 'alert', 'no-match', 'no-match']);
    expect(r.verdicts![2]!.reasons[0]).toMatchObject({
      kind: 'base',
      note: 'f is missing from this event, and `!= null` requires a value',
    });
    expect(r.clauseStats!.map((s) => [s.kind, s.failed])).toEqual([['base', 2]]);
  });
  test('integer fields store decimal text only, truncating fractions', () => {
    const mapping = JSON.stringify({
      mappings: {
        properties: {
          event: { properties: { category: { type: 'keyword' } } },
          pid: { type: 'long' },
          c: { type: 'long' },
        },
      },
    });
    const evs = docs(
      { id: 'hex', event: { category: 'x' }, pid: '0x10', c: 2.9 },
      { id: 'dec', event: { category: 'x' }, pid: '16', c: [1.5, 3] },
    );
    expect(ids('x where pid == 16', evs, mapping)).toEqual(['dec']);
    expect(ids('x where c == 2', evs, mapping)).toEqual(['hex']);
    expect(ids('x where c == 1', evs, mapping)).toEqual(['dec']);
  });
});

describe('regular expressions as Lucene automata', () => {
  test('a pattern too complex to determinize is a query error at the pattern', () => {
    const rule = 'process where f regex ".*a.{13}"';
    const r = evaluate({ rule, events });
    expect(r.ok).toBe(false);
    const d = r.diagnostics.find((x) => x.code === 'EQL3001');
    expect(d?.severity).toBe('error');
    expect(d?.message).toMatch(
      /^Determinizing automaton with \d+ states and \d+ transitions would require more than 10000 effort\.$/,
    );
    expect(rule.slice(d?.range.start, d?.range.end)).toBe('".*a.{13}"');
  });
  test('a syntax error keeps the Invalid regular expression wording', () => {
    const r = evaluate({ rule: 'process where f regex "[a"', events });
    expect(r.diagnostics.map((x) => x.message)).toContain(
      "Invalid regular expression [[a]: expected ']' at position 2",
    );
  });
  test('nested repetitions and many wildcards match long values quickly and correctly', () => {
    const long = 'a'.repeat(50_000);
    const evs = docs(
      { id: 'long', event: { category: 'x' }, s: long },
      { id: 'b', event: { category: 'x' }, s: `${long}b` },
    );
    expect(ids('x where s regex "(a+)+b"', evs)).toEqual(['b']);
    expect(ids('x where s : "*a*a*a*a?b"', evs)).toEqual(['b']);
    expect(ids('x where s like~ ("*A*A?B", "zz")', evs)).toEqual(['b']);
  });
});
