/**
 * The verifier as Elasticsearch's: messages and positions from its VerifierTests and
 * QueryTranslatorFailTests (x-pack/plugin/eql), on mappings shaped like theirs.
 */
import { describe, expect, test } from 'vitest';
import { checkQuery, type Diagnostic } from '../../../../src/core/index';

const mapping = JSON.stringify({
  mappings: {
    properties: {
      event: { properties: { category: { type: 'keyword' } } },
      pid: { type: 'long' },
      ppid: { type: 'long' },
      opcode: { type: 'long' },
      process_name: { type: 'keyword' },
      parent_process_name: { type: 'keyword' },
      plain_text: { type: 'text' },
      hostname: { type: 'text' },
      source_address: { type: 'ip' },
      blob: { type: 'binary' },
      '@timestamp': { type: 'date' },
      multi_field_ambiguous: {
        type: 'keyword',
        fields: { normalized: { type: 'keyword', normalizer: 'lowercase' } },
      },
      processes: { type: 'nested', properties: { pid: { type: 'long' }, path: { type: 'keyword' } } },
      geo: { type: 'geo_point' },
      user_name_alias: { type: 'geo_point' },
      user_name: { type: 'keyword' },
      user_domain: { type: 'keyword' },
    },
  },
});

function diags(rule: string): Diagnostic[] {
  return [...checkQuery({ rule, mapping })];
}

/** The one error, as `line:column: message` like Elasticsearch prints it. */
function error(rule: string): string {
  const ds = diags(rule).filter((d) => d.severity === 'error');
  expect(ds, JSON.stringify(ds)).toHaveLength(1);
  const d = ds[0]!;
  const before = rule.slice(0, d.range.start);
  const line = before.split('\n').length;
  const column = d.range.start - before.lastIndexOf('\n');
  return `${line}:${column}: ${d.message}`;
}

describe('checks Elasticsearch makes', () => {
  test('nested fields and fields under a nested hierarchy', () => {
    expect(error('foo where processes == 0')).toBe(
      '1:11: Cannot use field [processes] type [nested] due to nested fields not being supported yet',
    );
    expect(error('foo where processes.pid == 0')).toBe(
      '1:11: Cannot use field [processes.pid] type [long] with unsupported nested type in hierarchy (field [processes])',
    );
  });
  test('normalized keyword fields in exact-match operations', () => {
    expect(error('foo where multi_field_ambiguous.normalized == "bar"')).toBe(
      '1:11: [multi_field_ambiguous.normalized == "bar"] cannot operate on first argument field of data type [keyword]: Normalized keyword field cannot be used for exact match operations',
    );
  });
  test('text fields without a keyword sub-field passed to string functions', () => {
    const tail = 'No keyword/multi-field defined exact matches for [plain_text]; define one or use MATCH/QUERY instead';
    expect(error('process where endsWith(plain_text, "foo") == true')).toBe(
      `1:15: [endsWith(plain_text, "foo")] cannot operate on first argument field of data type [text]: ${tail}`,
    );
    expect(error('process where startsWith(plain_text, "foo") == true')).toBe(
      `1:15: [startsWith(plain_text, "foo")] cannot operate on first argument field of data type [text]: ${tail}`,
    );
    expect(error('process where indexOf("bla", plain_text) == 1')).toBe(
      `1:15: [indexOf("bla", plain_text)] cannot operate on second argument field of data type [text]: ${tail}`,
    );
    expect(error('process where length(plain_text) > 0')).toBe(
      `1:15: [length(plain_text)] cannot operate on field of data type [text]: ${tail}`,
    );
    expect(error('process where number(plain_text) == 1')).toBe(
      `1:15: [number(plain_text)] cannot operate on first argument field of data type [text]: ${tail}`,
    );
    expect(error('process where string(plain_text) == "x"')).toBe(
      `1:15: [string(plain_text)] cannot operate on field of data type [text]: ${tail}`,
    );
    expect(error('process where concat(plain_text)')).toBe(
      `1:15: [concat(plain_text)] cannot operate on field of data type [text]: ${tail}`,
    );
  });
  test('a non-constant second argument to cidrMatch', () => {
    expect(error('process where cidrMatch(source_address, hostname)')).toBe(
      '1:41: second argument of [cidrMatch(source_address, hostname)] must be a constant, received [hostname]',
    );
  });
  test('a field inside an in list', () => {
    expect(error('process where opcode in (1,3) and process_name in (parent_process_name, "SYSTEM")')).toBe(
      '1:35: Comparisons against fields are not (currently) supported; offender [parent_process_name] in [process_name in (parent_process_name, "SYSTEM")]',
    );
  });
});

describe('checks Elasticsearch does not make', () => {
  test('binary fields compared with literals are accepted', () => {
    for (const q of [
      'foo where blob == ""',
      'foo where blob == "bar"',
      'foo where blob == 0',
      'foo where blob == 123456',
    ])
      expect(
        diags(q).filter((d) => d.severity === 'error'),
        q,
      ).toEqual([]);
  });
  test('number(field, otherField) is accepted', () => {
    expect(diags('process where number(process_name, pid) == 1').filter((d) => d.severity === 'error')).toEqual([]);
  });
});

describe('order and wording', () => {
  test('parse-time errors come before builder checks', () => {
    const ds = diags('process where opcode = 1 and process_name == "csrss.exe"\n  and descendant of [file where true]');
    expect(ds.map((d) => d.message)[0]).toBe('Process relationships are not supported');
    expect(ds.map((d) => d.message)).toContain('Use [==] to compare values, not [=]');
  });
  test('resolution and argument-type errors come first; the condition type is checked only once they are gone', () => {
    expect(diags('process where length(md4)').map((d) => d.code)).toEqual(['EQL2002']);
    expect(diags('process where length(process_name)').map((d) => d.code)).toEqual(['EQL2008']);
  });
  test('did you mean any of [a, b]?, with only queryable fields suggested', () => {
    expect(error('foo where pib == 1')).toBe('1:11: Unknown column [pib], did you mean any of [pid, ppid]?');
    // VerifierTests: the unsupported field itself (there an alias) is not offered.
    expect(error('foo where user_name_alia == "bob"')).toBe(
      '1:11: Unknown column [user_name_alia], did you mean any of [user_name, user_domain]?',
    );
    expect(error('foo where geo1 == 0')).toBe('1:11: Unknown column [geo1]');
  });
  test('sequence keys print the Elasticsearch type name', () => {
    expect(error('sequence [process where true] by @timestamp [process where true] by opcode')).toBe(
      '1:69: Sequence key [opcode] type [long] is incompatible with key [@timestamp] type [date]',
    );
  });
  test('like and regex: argument of [...], no ordinal', () => {
    expect(error('process where pid like "*.exe"')).toBe(
      '1:15: argument of [pid like "*.exe"] must be [string], found value [pid] type [long]',
    );
    expect(error('foo where pid : 123')).toBe(
      '1:11: first argument of [:] must be [string], found value [pid] type [long]; consider using [==] instead',
    );
  });
  test('an in list with several wrongly typed elements gets one error', () => {
    expect(error('foo where pid in (1, "a", "b", "c")')).toBe(
      '1:11: 2nd argument of [pid in (1, "a", "b", "c")] must be [long], found value ["a"] type [keyword]',
    );
  });
});

describe('Elastic Endpoint behavior-rule syntax, named as such', () => {
  const endpoint = (rule: string) => [...checkQuery({ rule })].filter((d) => d.severity === 'error');
  test('_arraysearch with $entry: one error, on the call', () => {
    const rule =
      'process where _arraysearch(process.thread.Ext.call_stack, $entry, $entry.symbol_info : "*ntdll*" and $entry.protection == "RWX")';
    const ds = endpoint(rule);
    expect(ds).toHaveLength(1);
    expect(ds[0]!.code).toBe('EQL1021');
    expect(rule.slice(ds[0]!.range.start, ds[0]!.range.end)).toBe('_arraysearch');
    expect(ds[0]!.message).toContain('Elastic Endpoint behavior-rule syntax');
    expect(ds[0]!.message).toContain('Elasticsearch EQL (and so Kibana detection rules) does not run');
  });
  test('a $ variable on its own', () => {
    const ds = endpoint('process where $entry.name == "x" and $entry.pid == 1');
    expect(ds.map((d) => d.message)).toEqual([
      '[$entry] is an Elastic Endpoint behavior-rule variable, which Elasticsearch EQL (and so Kibana detection rules) does not have',
    ]);
  });
  test('stage aliases', () => {
    const rule =
      'sequence with maxspan=1m\n  [process where event.type == "start"] as event0\n  [file where process.pid == event0.process.pid]';
    const ds = endpoint(rule);
    expect(ds).toHaveLength(1);
    expect(rule.slice(ds[0]!.range.start, ds[0]!.range.end).trim()).toBe('as event0');
    expect(ds[0]!.message).toContain('Stage aliases ([...] as event0, read as event0.field)');
  });
  test('descendant of: Elasticsearch wording, and named as Endpoint syntax', () => {
    const ds = endpoint('process where descendant of [process where process.name == "x"]');
    expect(ds).toHaveLength(1);
    expect(ds[0]!.message).toBe('Process relationships are not supported');
    expect(ds[0]!.notes?.[0]).toContain('Elastic Endpoint behavior-rule syntax');
  });
});
