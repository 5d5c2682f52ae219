/** Warnings where an exception item means something else than the query clause it was copied from. */
import { describe, expect, test } from 'vitest';
import { exceptionWarnings, type ExceptionEntry } from '../../../../src/core/index';
import { parseEvents } from '../../../../src/formats/events';
import { item, match } from './helpers';

const events = parseEvents(
  JSON.stringify([
    { id: 'a', process: { name: 'apt', executable: '/usr/bin/apt' }, file: { path: '/etc/apt/x' } },
    { id: 'b', process: { name: 'cron' }, message: 'hello world' },
  ]),
  { idField: 'id' },
).events;

const warn = (entries: ExceptionEntry[], rule?: string, mapping?: string) =>
  exceptionWarnings({
    item: item('x', entries),
    events,
    ...(rule !== undefined ? { rule } : {}),
    ...(mapping !== undefined ? { mapping } : {}),
  });

const wildcard = (field: string, value: string): ExceptionEntry => ({
  type: 'wildcard',
  field,
  operator: 'included',
  value,
});

describe('exceptionWarnings', () => {
  test('a wildcard entry copied from a case-insensitive `:` clause is case-sensitive', () => {
    const w = warn([wildcard('file.path', '/ETC/apt/*')], 'file where file.path : "/ETC/apt/*"');
    expect(w.map((x) => x.kind)).toEqual(['case']);
    expect(w[0]!.message).toContain('`:`');
    expect(w[0]!.message).toContain('case-sensitive');
  });
  test('the same entry beside a case-sensitive `==` clause gives no case warning', () => {
    expect(warn([wildcard('file.path', '/etc/apt/*')], 'file where file.path == "/etc/apt/x"')).toEqual([]);
  });
  test('in~ counts as case-insensitive; values without letters are not warned about', () => {
    const rule = 'process where process.name in~ ("apt", "123")';
    expect(warn([match('process.name', 'apt')], rule).map((x) => x.kind)).toEqual(['case']);
    expect(warn([match('process.name', '123')], rule)).toEqual([]);
  });
  test('a .caseless sub-field is named when the schema has one', () => {
    const w = warn([match('process.name', 'APT')], 'process where process.name : "apt"');
    expect(w[0]!.message).toContain('process.name.caseless');
  });
  test('a backslash before an ordinary character is an escape', () => {
    const w = warn([wildcard('process.executable', 'C:\\Windows\\*')]);
    expect(w.map((x) => x.kind)).toEqual(['backslash']);
    expect(w[0]!.message).toContain('"C:Windows*"');
    expect(warn([wildcard('process.executable', 'C:\\\\Windows\\\\*')])).toEqual([]);
  });
  test('a star in a match entry is literal', () => {
    expect(warn([match('process.name', 'ap*')]).map((x) => x.kind)).toEqual(['literal-wildcard']);
  });
  test('an excluded entry names how many sample events lack the field', () => {
    const w = warn([match('file.path', '/etc/apt/x', 'excluded')]);
    expect(w.map((x) => x.kind)).toEqual(['missing-field']);
    expect(w[0]!.message).toContain('(1 of the sample events lack it)');
  });
  test('a string field no schema knows is text under dynamic mapping', () => {
    expect(warn([match('message', 'hello')]).map((x) => x.kind)).toEqual(['text-field']);
    const mapped = warn([match('message', 'hello')], undefined, '{"properties":{"message":{"type":"keyword"}}}');
    expect(mapped).toEqual([]);
  });
  test('a field no event has and nothing maps', () => {
    expect(warn([{ type: 'exists', field: 'nothing.here', operator: 'included' }]).map((x) => x.kind)).toEqual([
      'unknown-field',
    ]);
  });
});
