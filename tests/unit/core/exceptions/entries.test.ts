/** Exception entries with Query DSL semantics: every entry type and operator, case, arrays, missing fields. */
import { describe, expect, test } from 'vitest';
import { Codes } from '../../../../src/core/index';
import { excepted, item, match, removedBy, run } from './helpers';

const procs = [
  { id: 'bash', process: { name: 'bash', executable: '/usr/bin/bash', pid: 10 } },
  { id: 'BASH', process: { name: 'BASH', executable: '/USR/BIN/BASH', pid: 11 } },
  { id: 'none', process: { pid: 12 } },
  { id: 'arr', process: { name: ['zsh', 'bash'], pid: 13 } },
  { id: 'null', process: { name: null, pid: 14 } },
];

describe('match (match_phrase: a term on keyword fields)', () => {
  test('included is exact and case-sensitive', () => {
    expect(removedBy(match('process.name', 'bash'), procs)).toEqual(['bash', 'arr']);
    expect(removedBy(match('process.name', 'Bash'), procs)).toEqual([]);
  });
  test('excluded is must_not: it holds for events without the field (and explains why)', () => {
    expect(removedBy(match('process.name', 'bash', 'excluded'), procs)).toEqual(['BASH', 'none', 'null']);
    const r = run('any where true', procs, [item('x', [match('process.name', 'bash', 'excluded')])]);
    const none = r.verdicts!.find((v) => v.id === 'none')!;
    expect(none.reasons[0]!.entries![0]!.note).toMatch(
      /process\.name is missing.*must_not holds for an event without the field/,
    );
    expect(none.reasons[0]!.note).toMatch(/removed because process\.name is missing/);
  });
  test('arrays match when any element does; the entry says so', () => {
    const r = run('any where true', procs, [item('x', [match('process.name', 'bash')])]);
    const arr = r.verdicts!.find((v) => v.id === 'arr')!;
    expect(arr.reasons[0]!.entries![0]).toMatchObject({ field: 'process.name', eventValue: ['zsh', 'bash'] });
    expect(arr.reasons[0]!.entries![0]!.note).toMatch(/2 values/);
  });
  test('numbers compare as numbers on a long field; a fractional term matches nothing', () => {
    expect(removedBy(match('process.pid', '11'), procs)).toEqual(['BASH']);
    expect(removedBy(match('process.pid', '11.5'), procs)).toEqual([]);
  });
  test('a value that is no number on a long field would fail the search', () => {
    const r = run('any where true', procs, [item('x', [match('process.pid', 'eleven')])]);
    expect(excepted(r)).toEqual([]);
    const d = r.diagnostics.find((x) => x.code === Codes.SearchFails)!;
    expect(d.message).toContain('For input string: "eleven"');
    expect(d.source).toBe('exceptions');
  });
  test('ip fields take an address or a CIDR block', () => {
    const ev = [
      { id: 'a', source: { ip: '10.1.2.3' } },
      { id: 'b', source: { ip: '192.168.0.1' } },
      { id: 'c', source: { ip: '::ffff:10.9.9.9' } },
    ];
    expect(removedBy(match('source.ip', '10.1.2.3'), ev)).toEqual(['a']);
    expect(removedBy(match('source.ip', '10.0.0.0/8'), ev)).toEqual(['a', 'c']);
  });
  test('text fields are analyzed: a phrase of lower-cased tokens', () => {
    const ev = [
      { id: 'a', message: 'User Admin logged in from Console' },
      { id: 'b', message: 'admin user logged' },
    ];
    expect(removedBy(match('message', 'admin LOGGED in'), ev)).toEqual(['a']);
    expect(removedBy(match('message', 'user admin'), ev)).toEqual(['a']);
  });
  test('a .caseless multi-field reads its parent, lower-cased', () => {
    const ev = [
      { id: 'a', process: { name: 'PowerShell.EXE' } },
      { id: 'b', process: { name: 'cmd.exe' } },
    ];
    expect(removedBy(match('process.name.caseless', 'powershell.exe'), ev)).toEqual(['a']);
    expect(removedBy(match('process.name.caseless', 'POWERSHELL.exe'), ev)).toEqual(['a']);
  });
  test('booleans and dates', () => {
    const ev = [
      { id: 'a', '@timestamp': '2024-03-01T10:00:00Z', dll: { code_signature: { trusted: true } } },
      { id: 'b', '@timestamp': '2024-03-02T10:00:00Z', dll: { code_signature: { trusted: false } } },
    ];
    expect(removedBy(match('dll.code_signature.trusted', 'true'), ev)).toEqual(['a']);
    // A date to the day matches that whole day.
    expect(removedBy(match('@timestamp', '2024-03-02'), ev)).toEqual(['b']);
  });
});

describe('match_any', () => {
  test('any of the values; excluded when none', () => {
    const e = { type: 'match_any', field: 'process.name', operator: 'included', value: ['zsh', 'BASH'] } as const;
    expect(removedBy(e, procs)).toEqual(['BASH', 'arr']);
    expect(removedBy({ ...e, operator: 'excluded' }, procs)).toEqual(['bash', 'none', 'null']);
  });
});

describe('wildcard', () => {
  const ev = [
    { id: 'win', process: { executable: 'C:\\Windows\\System32\\cmd.exe' } },
    { id: 'WIN', process: { executable: 'C:\\WINDOWS\\system32\\cmd.exe' } },
    { id: 'lin', process: { executable: '/usr/bin/cmd' } },
    { id: 'star', process: { executable: '/tmp/a*b' } },
  ];
  test('case-sensitive, anchored, backslash escapes', () => {
    expect(
      removedBy(
        { type: 'wildcard', field: 'process.executable', operator: 'included', value: 'C:\\\\Windows\\\\*' },
        ev,
      ),
    ).toEqual(['win']);
    expect(
      removedBy({ type: 'wildcard', field: 'process.executable', operator: 'included', value: '*cmd*' }, ev),
    ).toEqual(['win', 'WIN', 'lin']);
    expect(
      removedBy({ type: 'wildcard', field: 'process.executable', operator: 'included', value: '/tmp/a\\*b' }, ev),
    ).toEqual(['star']);
    expect(
      removedBy({ type: 'wildcard', field: 'process.executable', operator: 'included', value: '/usr/bin/cm?' }, ev),
    ).toEqual(['lin']);
  });
  test('a single backslash before a letter vanishes: warned, and the Windows path does not match', () => {
    const r = run('any where true', ev, [
      item('x', [{ type: 'wildcard', field: 'process.executable', operator: 'included', value: 'C:\\Windows\\*' }]),
    ]);
    expect(excepted(r)).toEqual([]);
    expect(r.diagnostics.some((d) => d.code === Codes.WildcardBackslash)).toBe(true);
  });
  test('excluded holds on a missing field', () => {
    expect(
      removedBy({ type: 'wildcard', field: 'process.executable', operator: 'excluded', value: '*' }, [
        ...ev,
        { id: 'none' },
      ]),
    ).toEqual(['none']);
  });
  test('a lower-casing normalizer lower-cases the pattern too', () => {
    expect(
      removedBy(
        { type: 'wildcard', field: 'process.executable.caseless', operator: 'included', value: 'C:\\\\Windows\\\\*' },
        ev,
      ),
    ).toEqual(['win', 'WIN']);
  });
  test('wildcard on a numeric field would fail the search', () => {
    const r = run('any where true', procs, [
      item('x', [{ type: 'wildcard', field: 'process.pid', operator: 'included', value: '1*' }]),
    ]);
    expect(r.diagnostics.find((d) => d.code === Codes.SearchFails)?.message).toContain(
      'Can only use wildcard queries on keyword and text fields',
    );
  });
});

describe('exists', () => {
  test('included and excluded; null and [] are missing', () => {
    const ev = [...procs, { id: 'empty', process: { name: [] } }];
    expect(removedBy({ type: 'exists', field: 'process.name', operator: 'included' }, ev)).toEqual([
      'bash',
      'BASH',
      'arr',
    ]);
    expect(removedBy({ type: 'exists', field: 'process.name', operator: 'excluded' }, ev)).toEqual([
      'none',
      'null',
      'empty',
    ]);
  });
  test('a field no event has and no schema knows is reported', () => {
    const r = run('any where true', procs, [
      item('x', [{ type: 'exists', field: 'proces.name', operator: 'included' }]),
    ]);
    expect(r.diagnostics.find((d) => d.code === Codes.UnknownField)?.severity).toBe('info');
  });
});

describe('items', () => {
  test('entries are ANDed, items ORed; an event two items remove names both', () => {
    const items = [
      item('bash from bin', [match('process.name', 'bash'), match('process.executable', '/usr/bin/bash')]),
      item('pid 10', [match('process.pid', '10')]),
      item('pid 11', [match('process.pid', '11')]),
    ];
    const r = run('any where true', procs, items);
    expect(excepted(r)).toEqual(['bash', 'BASH']);
    const bash = r.verdicts!.find((v) => v.id === 'bash')!;
    expect(bash.reasons.map((x) => x.exception?.name)).toEqual(['bash from bin', 'pid 10']);
    expect(r.exceptionStats!.map((s) => [s.exception.name, s.removed])).toEqual([
      ['bash from bin', 1],
      ['pid 10', 1],
      ['pid 11', 1],
    ]);
  });
});
