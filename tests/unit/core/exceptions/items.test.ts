/** Value lists, nested entries, os_types, expiry, and exceptions before EQL: verdicts, sequences, samples. */
import { describe, expect, test } from 'vitest';
import { Codes, type ValueList } from '../../../../src/core/index';
import { parseValueList } from '../../../../src/formats/value-list';
import { excepted, item, match, removedBy, run } from './helpers';

const hosts = [
  { id: 'a', source: { ip: '10.0.0.5' }, user: { name: 'svc_backup' } },
  { id: 'b', source: { ip: '10.0.1.200' }, user: { name: 'SVC_BACKUP' } },
  { id: 'c', source: { ip: '192.168.7.7' }, user: { name: 'alice' } },
  { id: 'd', user: { name: 'bob' } },
];

describe('list entries', () => {
  const list = (id: string, text: string, type?: string): ValueList =>
    parseValueList(text, { id, ...(type ? { type } : {}) });

  test('keyword lists are terms: exact, case-sensitive; excluded holds on a missing field', () => {
    const valueLists = [list('users.txt', 'svc_backup\nbob\n\nbob\n')];
    const entry = {
      type: 'list',
      field: 'user.name',
      operator: 'included',
      list: { id: 'users.txt', type: 'keyword' },
    } as const;
    expect(removedBy(entry, hosts, { valueLists })).toEqual(['a', 'd']);
    expect(removedBy({ ...entry, operator: 'excluded' }, hosts, { valueLists })).toEqual(['b', 'c']);
  });

  test('a list is found by its file name without the extension', () => {
    const valueLists = [list('users.txt', 'alice')];
    expect(
      removedBy(
        { type: 'list', field: 'user.name', operator: 'included', list: { id: 'users', type: 'keyword' } },
        hosts,
        { valueLists },
      ),
    ).toEqual(['c']);
  });

  test('ip lists on an ip field', () => {
    const valueLists = [list('ips', '10.0.0.5\n192.168.7.7\n')];
    expect(
      removedBy({ type: 'list', field: 'source.ip', operator: 'included', list: { id: 'ips', type: 'ip' } }, hosts, {
        valueLists,
      }),
    ).toEqual(['a', 'c']);
  });

  test('ip_range lists: a-b ranges and CIDR blocks; excluded is none of them (missing field included)', () => {
    const valueLists = [list('nets', '10.0.1.0-10.0.1.255\n192.168.0.0/16\n')];
    const entry = {
      type: 'list',
      field: 'source.ip',
      operator: 'included',
      list: { id: 'nets', type: 'ip_range' },
    } as const;
    expect(removedBy(entry, hosts, { valueLists })).toEqual(['b', 'c']);
    expect(removedBy({ ...entry, operator: 'excluded' }, hosts, { valueLists })).toEqual(['a', 'd']);
  });

  test('bad values for the list type are reported at their line and left out', () => {
    const valueLists = [{ ...list('ips', '10.0.0.5\nnot-an-ip\n'), file: 'ips.txt' }];
    const r = run(
      'any where true',
      hosts,
      [item('x', [{ type: 'list', field: 'source.ip', operator: 'included', list: { id: 'ips', type: 'ip' } }])],
      { valueLists },
    );
    expect(excepted(r)).toEqual(['a']);
    const d = r.diagnostics.find((x) => x.code === Codes.BadListValue)!;
    expect(d).toMatchObject({ source: 'value-list', file: 'ips.txt', range: { start: 9, end: 18 } });
  });

  test('items Kibana cannot apply: a missing list, a list of another type', () => {
    const r = run(
      'any where true',
      hosts,
      [
        item('missing', [
          { type: 'list', field: 'user.name', operator: 'included', list: { id: 'nope', type: 'keyword' } },
        ]),
        item('long list', [
          { type: 'list', field: 'user.name', operator: 'included', list: { id: 'nums', type: 'long' } },
        ]),
      ],
      { valueLists: [list('nums', '1\n2')] },
    );
    expect(excepted(r)).toEqual([]);
    expect(r.exceptionStats!.map((s) => s.status)).toEqual(['not-applied', 'not-applied']);
    const notes = r.diagnostics.filter((d) => d.code === Codes.NotApplied).map((d) => d.notes?.[0]);
    expect(notes).toEqual([
      "Kibana warns: The following exceptions won't be applied to rule execution: missing",
      "Kibana warns: The following exceptions won't be applied to rule execution: long list",
    ]);
  });
});

describe('nested entries', () => {
  const signed = [
    {
      id: 'one-signer',
      file: { Ext: { code_signature: [{ subject_name: 'Microsoft Windows', trusted: true }] } },
    },
    {
      id: 'mixed',
      file: {
        Ext: {
          code_signature: [
            { subject_name: 'Microsoft Windows', trusted: false },
            { subject_name: 'Evil Corp', trusted: true },
          ],
        },
      },
    },
    { id: 'unsigned', file: { name: 'x.exe' } },
  ];
  const nested = (...entries: object[]) => ({ type: 'nested', field: 'file.Ext.code_signature', entries }) as never;

  test('every child entry must hold within one nested object', () => {
    const e = nested(match('subject_name', 'Microsoft Windows'), match('trusted', 'true'));
    expect(removedBy(e, signed)).toEqual(['one-signer']);
  });
  test('an excluded child holds per nested object; no nested object means no match', () => {
    const e = nested(match('subject_name', 'Evil Corp', 'excluded'));
    expect(removedBy(e, signed)).toEqual(['one-signer', 'mixed']);
  });
  test('the explanation lists the children of the matching object', () => {
    const r = run('any where true', signed, [item('x', [nested(match('subject_name', 'Evil Corp'))])]);
    const v = r.verdicts!.find((x) => x.id === 'mixed')!;
    expect(v.reasons[0]!.entries![0]).toEqual({
      type: 'nested',
      field: 'file.Ext.code_signature',
      entries: [
        { type: 'match', field: 'subject_name', operator: 'included', value: 'Evil Corp', eventValue: 'Evil Corp' },
      ],
    });
  });
  test('a path that is not mapped as nested would fail the search', () => {
    const r = run(
      'any where true',
      [{ id: 'x', a: [{ b: 'c' }] }],
      [item('x', [{ type: 'nested', field: 'a', entries: [match('b', 'c')] } as never])],
    );
    expect(r.diagnostics.find((d) => d.code === Codes.SearchFails)?.message).toContain('is not of nested type');
  });
});

describe('os_types', () => {
  const ev = [
    { id: 'ecs-linux', host: { os: { type: 'linux' } }, process: { name: 'cron' } },
    { id: 'endpoint-linux', host: { os: { name: 'Linux' } }, process: { name: 'cron' } },
    { id: 'mac', host: { os: { type: 'macos' } }, process: { name: 'cron' } },
    { id: 'no-os', process: { name: 'cron' } },
  ];
  test('host.os.type or host.os.name.caseless is one of the types, and the entries hold', () => {
    const r = run('any where true', ev, [
      item('cron on linux', [match('process.name', 'cron')], { os_types: ['linux'] }),
    ]);
    expect(excepted(r)).toEqual(['ecs-linux', 'endpoint-linux']);
    const first = r.verdicts![0]!.reasons[0]!.entries![0]!;
    expect(first).toMatchObject({ field: 'host.os.type', value: 'linux', eventValue: 'linux' });
    expect(first.note).toMatch(/os_types/);
  });
  test('several types are ORed', () => {
    const r = run('any where true', ev, [item('x', [match('process.name', 'cron')], { os_types: ['linux', 'macos'] })]);
    expect(excepted(r)).toEqual(['ecs-linux', 'endpoint-linux', 'mac']);
  });
});

describe('expiry', () => {
  const ev = [{ id: 'a', process: { name: 'bash' } }];
  const expiring = item('temp', [match('process.name', 'bash')], { expire_time: '2024-06-01T00:00:00.000Z' });
  test('an item expired before the evaluation time does not apply', () => {
    const r = run('any where true', ev, [expiring], { at: Date.parse('2024-06-01T00:00:00.001Z') });
    expect(excepted(r)).toEqual([]);
    expect(r.exceptionStats![0]).toMatchObject({ status: 'expired', removed: 0 });
    expect(r.diagnostics.find((d) => d.code === Codes.Expired)?.severity).toBe('info');
  });
  test('it applies up to and at its expiry time, and without an evaluation time', () => {
    expect(excepted(run('any where true', ev, [expiring], { at: Date.parse('2024-06-01T00:00:00.000Z') }))).toEqual([
      'a',
    ]);
    expect(excepted(run('any where true', ev, [expiring]))).toEqual(['a']);
  });
});

describe('before EQL', () => {
  const ev = [
    {
      id: 'dpkg',
      '@timestamp': '2024-01-01T00:00:01Z',
      event: { category: 'file' },
      process: { name: 'dpkg' },
      file: { path: '/etc/x' },
    },
    {
      id: 'vim',
      '@timestamp': '2024-01-01T00:00:02Z',
      event: { category: 'file' },
      process: { name: 'vim' },
      file: { path: '/etc/x' },
    },
    {
      id: 'cat',
      '@timestamp': '2024-01-01T00:00:03Z',
      event: { category: 'file' },
      process: { name: 'cat' },
      file: { path: '/home/x' },
    },
  ];
  const rule = 'file where file.path : "/etc/*" and process.name != "dpkg"';

  test('excepted events leave the hits; suppressed-and-excepted lists both reasons', () => {
    const r = run(rule, ev, [
      item('not dpkg', [match('process.name', 'dpkg')]),
      item('vim', [match('process.name', 'vim')]),
    ]);
    expect(r.hits!.events!.map((h) => h._id)).toEqual([]);
    const dpkg = r.verdicts!.find((v) => v.id === 'dpkg')!;
    expect(dpkg).toMatchObject({ verdict: 'excepted', wouldBe: 'suppressed' });
    expect(dpkg.reasons.map((x) => x.kind)).toEqual(['exception', 'exclusion']);
    const vim = r.verdicts!.find((v) => v.id === 'vim')!;
    expect(vim).toMatchObject({ verdict: 'excepted', wouldBe: 'alert' });
    expect(vim.reasons.map((x) => x.kind)).toEqual(['exception']);
    expect(r.exceptionStats!.map((s) => [s.removed, s.removedMatching])).toEqual([
      [1, 0],
      [1, 1],
    ]);
  });

  test('clause counts cover what EQL sees: an exclusion made redundant by an exception counts 0', () => {
    const r = run(rule, ev, [item('not dpkg', [match('process.name', 'dpkg')])]);
    const stat = r.clauseStats!.find((c) => c.kind === 'exclusion')!;
    expect(stat.suppressed).toBe(0);
    expect(r.hits!.events!.map((h) => h._id)).toEqual(['vim']);
  });

  test('an item that removes nothing counts 0', () => {
    const r = run(rule, ev, [item('nothing', [match('process.name', 'emacs')])]);
    expect(r.exceptionStats![0]).toMatchObject({ status: 'applied', removed: 0, removedMatching: 0 });
    expect(r.hits!.events!.map((h) => h._id)).toEqual(['vim']);
  });
});

describe('sequences and samples', () => {
  const ev = [
    {
      id: 's1',
      '@timestamp': '2024-01-01T00:00:01Z',
      event: { category: 'process' },
      host: { id: 'h' },
      process: { name: 'curl' },
    },
    {
      id: 's2',
      '@timestamp': '2024-01-01T00:00:02Z',
      event: { category: 'file' },
      host: { id: 'h' },
      process: { name: 'curl' },
    },
    {
      id: 's1b',
      '@timestamp': '2024-01-01T00:00:03Z',
      event: { category: 'process' },
      host: { id: 'h' },
      process: { name: 'wget' },
    },
    {
      id: 's2b',
      '@timestamp': '2024-01-01T00:00:04Z',
      event: { category: 'file' },
      host: { id: 'h' },
      process: { name: 'wget' },
    },
  ];
  const seq = 'sequence by host.id [process where true] [file where true]';

  test('an excepted stage event takes part in no sequence', () => {
    const three = [
      ev[0]!,
      { ...ev[2]!, '@timestamp': '2024-01-01T00:00:02Z' },
      { ...ev[1]!, '@timestamp': '2024-01-01T00:00:03Z' },
    ];
    // Without exceptions the later process event (s1b) overwrites s1 at stage 1.
    expect(run(seq, three, []).hits!.sequences!.map((s) => s.events.map((e) => e._id))).toEqual([['s1b', 's2']]);
    const r = run(seq, three, [
      item('wget', [match('process.name', 'wget'), { type: 'exists', field: 'file', operator: 'excluded' }]),
    ]);
    expect(r.hits!.sequences!.map((s) => s.events.map((e) => e._id))).toEqual([['s1', 's2']]);
    const e = r.join!.events.find((x) => x.id === 's1b')!;
    expect(e.excepted?.[0]?.exception?.name).toBe('wget');
    expect(e.stages.every((s) => !s.matched && s.reasons?.[0]?.kind === 'exception')).toBe(true);
    expect(e.note).toMatch(/takes part in no sequence/);
    expect(r.exceptionStats![0]).toMatchObject({ removed: 1, removedMatching: 1 });
  });

  test('an excepted event fills no sample filter', () => {
    const sample = 'sample by host.id [process where true] [file where true]';
    expect(run(sample, ev, []).hits!.sequences!.map((s) => s.events.map((e) => e._id))).toEqual([['s1', 's2']]);
    const r = run(sample, ev, [item('curl', [match('process.name', 'curl')])]);
    expect(r.hits!.sequences!.map((s) => s.events.map((e) => e._id))).toEqual([['s1b', 's2b']]);
    expect(r.join!.events.find((x) => x.id === 's1')!.note).toMatch(/takes part in no sample/);
  });
});
