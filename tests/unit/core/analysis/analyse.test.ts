/** The verifier: Elasticsearch's messages, with stable codes and exact ranges. */
import { describe, expect, test } from 'vitest';
import { checkQuery, type Diagnostic } from '../../../../src/core/index';

const mapping = JSON.stringify({
  mappings: {
    properties: {
      event: { properties: { category: { type: 'keyword' } } },
      pid: { type: 'long' },
      ppid: { type: 'long' },
      md5: { type: 'keyword' },
      long_field: { type: 'long' },
      name: { type: 'keyword' },
      body: { type: 'text' },
      title: { type: 'text', fields: { keyword: { type: 'keyword' } } },
      source_address: { type: 'ip' },
      location: { type: 'geo_point' },
      '@timestamp': { type: 'date' },
    },
  },
});

function check(rule: string, withMapping = true): Diagnostic[] {
  return [...checkQuery({ rule, ...(withMapping ? { mapping } : {}) })];
}

function one(rule: string, withMapping = true): { code: string; message: string; text: string; severity: string } {
  const ds = check(rule, withMapping);
  expect(ds).toHaveLength(1);
  const d = ds[0]!;
  return { code: d.code, message: d.message, text: rule.slice(d.range.start, d.range.end), severity: d.severity };
}

describe('fields', () => {
  test('unknown column with a user mapping is an error with did-you-mean', () => {
    expect(one('process where md4 == "x"')).toEqual({
      code: 'EQL2002',
      message: 'Unknown column [md4], did you mean [md5]?',
      text: 'md4',
      severity: 'error',
    });
    expect(one('process where pib == 1').message).toBe('Unknown column [pib], did you mean any of [pid, ppid]?');
  });
  test('without a mapping, an unknown field is a warning and evaluates as missing', () => {
    const d = one('process where nosuch.field == "x"', false);
    expect(d).toMatchObject({ code: 'EQL4001', severity: 'warning', text: 'nosuch.field' });
    expect(d.message).toBe('Unknown column [nosuch.field]');
  });
  test('a typo in an ECS field suggests the field', () => {
    expect(one('process where procss.name == "x"', false).message).toBe(
      'Unknown column [procss.name], did you mean [process.name]?',
    );
  });
  test('an unmapped optional field is the literal null (info)', () => {
    expect(one('process where ?nosuch == null')).toMatchObject({ code: 'EQL4003', severity: 'info', text: '?nosuch' });
  });
  test('the category field must be mapped when a category is named', () => {
    const ds = checkQuery({ rule: 'process where pid == 1', mapping, settings: { eventCategoryField: 'kind' } });
    expect(ds.map((d) => [d.code, d.message])).toEqual([['EQL2002', 'Unknown column [kind], did you mean [pid]?']]);
    expect(checkQuery({ rule: 'any where pid == 1', mapping, settings: { eventCategoryField: 'kind' } })).toEqual([]);
  });
  test('text without a keyword sub-field cannot be compared exactly', () => {
    const d = one('process where body == "bar"');
    expect(d.code).toBe('EQL2012');
    expect(d.message).toBe(
      '[body == "bar"] cannot operate on first argument field of data type [text]: No keyword/multi-field defined exact matches for [body]; define one or use MATCH/QUERY instead',
    );
    expect(check('process where title == "bar"')).toEqual([]);
  });
  test('unsupported field types', () => {
    expect(one('process where location == "x"')).toMatchObject({
      code: 'EQL2013',
      message: 'Cannot use field [location] with unsupported type [geo_point]',
    });
  });
});

describe('operators', () => {
  test('`:` needs a string', () => {
    expect(one('process where pid : 1')).toEqual({
      code: 'EQL2006',
      message: 'first argument of [:] must be [string], found value [pid] type [long]; consider using [==] instead',
      text: 'pid',
      severity: 'error',
    });
  });
  test('`in` list elements must match the value type', () => {
    expect(one('process where long_field in (1, "string")')).toEqual({
      code: 'EQL2007',
      message: '2nd argument of [long_field in (1, "string")] must be [long], found value ["string"] type [keyword]',
      text: 'long_field in (1, "string")',
      severity: 'error',
    });
  });
  test('conditions must be boolean', () => {
    expect(one('process where pid')).toEqual({
      code: 'EQL2008',
      message: 'Condition expression needs to be boolean, found [LONG]',
      text: 'pid',
      severity: 'error',
    });
    expect(one('process where name').message).toBe('Condition expression needs to be boolean, found [KEYWORD]');
    expect(one('process where 1 + 2').message).toBe('Condition expression needs to be boolean, found [INTEGER]');
  });
  test('fields cannot be compared with fields', () => {
    expect(one('process where pid == ppid')).toMatchObject({
      code: 'EQL2009',
      message: 'Comparisons against fields are not (currently) supported; offender [ppid] in [==]',
      text: 'ppid',
    });
  });
  test('type mixing Elasticsearch accepts', () => {
    expect(check('process where long_field == "abcdef"')).toEqual([]);
    expect(check('process where name == 5')).toEqual([]);
    expect(check('process where source_address == "10.0.0.1"')).toEqual([]);
  });
});

describe('functions', () => {
  test('unknown function, with suggestions', () => {
    expect(one('process where arrayContains(name, "x")')).toEqual({
      code: 'EQL2003',
      message: 'Unknown function [arrayContains], did you mean [stringcontains]?',
      text: 'arrayContains',
      severity: 'error',
    });
  });
  test('arity', () => {
    const d = one('process where startsWith(name)');
    expect(d.code).toBe('EQL2004');
    expect(d.message).toMatch(/^error building \[startswith\]: expects exactly two arguments$/);
  });
  test('argument types', () => {
    expect(one('process where startsWith(pid, "x")')).toMatchObject({ code: 'EQL2005', text: 'pid' });
    expect(one('process where cidrMatch(name, "10.0.0.0/8")')).toMatchObject({ code: 'EQL2005', text: 'name' });
  });
  test('`~` only on case-aware functions', () => {
    expect(one('process where length~(name) > 1')).toMatchObject({ code: 'EQL2014', text: 'length~' });
    expect(check('process where startsWith~(name, "x")')).toEqual([]);
  });
  test('function names are case-insensitive', () => {
    expect(check('process where STARTSWITH(name, "x") and stringcontains(name, "y")')).toEqual([]);
  });
});

describe('sequences', () => {
  test('missing events need maxspan', () => {
    const d = one('sequence [process where pid == 1] ![process where pid == 2]');
    expect(d.code).toBe('EQL2011');
  });
  test('join key types must agree across stages', () => {
    const d = one('sequence [process where true] by md5 [process where true] by pid');
    expect(d).toEqual({
      code: 'EQL2010',
      message: 'Sequence key [pid] type [long] is incompatible with key [md5] type [keyword]',
      text: 'pid',
      severity: 'error',
    });
  });
});
