/**
 * The default example: the APT rule verbatim from Elastic's published page, and our sample
 * events. Every verdict and every reason is checked, so a change in semantics or explanations
 * that alters what the playground shows on first load fails here.
 */
import { readFileSync, existsSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { evaluate, type Reason } from '../../../src/core/index';
import { defaultExample, defaultQuery } from '../../../src/examples/default-example';
import { parseEvents } from '../../../src/formats/events';
import { parseRuleText } from '../../../src/formats/rules';

const loaded = parseEvents(defaultExample.events);
const result = evaluate({ rule: defaultExample.query, events: loaded.events });

function byId(id: string) {
  const v = result.verdicts!.find((x) => x.id === id);
  if (!v) throw new Error(`no verdict for ${id}`);
  return v;
}

/** A compact form of a reason: the clause's first 30 characters (whitespace squeezed), match, field, value. */
function brief(r: Reason): [string, string | undefined, string | undefined, unknown] {
  const clause = r.clause.text.replace(/\s+/g, ' ');
  return [clause.slice(0, 30), r.match?.text, r.field, r.value];
}

describe('default example', () => {
  const page = '../shared/examples/apt-package-manager-configuration-file-creation.md';
  test.skipIf(!existsSync(page))('the query is the published rule, verbatim (needs ../shared/examples)', () => {
    expect(parseRuleText(readFileSync(page, 'utf8'), page).query.trim()).toBe(defaultQuery.trim());
  });

  test('loads cleanly', () => {
    expect(loaded.diagnostics).toEqual([]);
    expect(loaded.events.length).toBe(17);
    expect(result.ok).toBe(true);
    expect(result.diagnostics).toEqual([]);
  });

  test('verdict counts: 4 alert, 9 suppressed, 4 no match', () => {
    const counts: Record<string, number> = {};
    for (const v of result.verdicts!) counts[v.verdict] = (counts[v.verdict] ?? 0) + 1;
    expect(counts).toEqual({ alert: 4, suppressed: 9, 'no-match': 4 });
  });

  test('hits are the four alerts in time order', () => {
    expect(result.hits!.events!.map((h) => (h._source as { event: { id: string } }).event.id)).toEqual([
      'apt-14',
      'apt-15',
      'apt-16',
      'apt-17',
    ]);
    expect(result.hits!.total).toEqual({ value: 4, relation: 'eq' });
  });

  test('every suppressed event names the exclusion and the element that fired', () => {
    const id = (n: number) => String(n - 1);
    expect(byId(id(1)).reasons.map(brief)).toEqual([
      ['process.executable in ( "/bin/', '"/usr/bin/dpkg"', 'process.executable', '/usr/bin/dpkg'],
    ]);
    expect(byId(id(2)).reasons.map(brief)).toEqual([
      [
        'file.path :("/etc/apt/apt.conf',
        '"/etc/apt/apt.conf.d/*.tmp*"',
        'file.path',
        '/etc/apt/apt.conf.d/20auto-upgrades.tmp.8c1f',
      ],
    ]);
    expect(byId(id(3)).reasons.map(brief)).toEqual([
      ['file.extension in ("swp", "swp', '"swp"', 'file.extension', 'swp'],
    ]);
    expect(byId(id(4)).reasons.map(brief)).toEqual([
      ['file.Ext.original.extension ==', '"dpkg-new"', 'file.Ext.original.extension', 'dpkg-new'],
    ]);
    expect(byId(id(5)).reasons.map(brief)).toEqual([
      [
        'process.executable : ( "/nix/s',
        '"/nix/store/*"',
        'process.executable',
        '/nix/store/3f9a2k-apt-2.6.1/bin/apt-config',
      ],
    ]);
    // "/dev/fd/*" is a literal under `in`, so only the wildcard list catches /dev/fd/3.
    expect(byId(id(6)).reasons.map(brief)).toEqual([
      ['process.executable : ( "/nix/s', '"/dev/fd/*"', 'process.executable', '/dev/fd/3'],
    ]);
    const missing = byId(id(7)).reasons;
    expect(missing.map(brief)).toEqual([['process.executable == null', undefined, 'process.executable', undefined]]);
    expect(missing[0]!.note).toMatch(/missing/);
    expect(byId(id(8)).reasons.map(brief)).toEqual([
      [
        'file.path :("/etc/apt/apt.conf',
        '"/etc/apt/apt.conf.d/*.tmp*"',
        'file.path',
        '/etc/apt/apt.conf.d/e2scrub_all.tmp.k2J9',
      ],
      ['process.name in ("pveupdate", ', '"perl"', 'process.name', 'perl'],
      ['(process.name == "perl" and fi', undefined, 'process.name', 'perl'],
    ]);
    expect(byId(id(9)).reasons.map(brief)).toEqual([
      ['(process.name == "sed" and fil', undefined, 'process.name', 'sed'],
    ]);
    for (const n of [1, 2, 3, 4, 5, 6, 7, 8, 9]) {
      const v = byId(id(n));
      expect(v.verdict).toBe('suppressed');
      for (const r of v.reasons) expect(r.kind).toBe('exclusion');
    }
  });

  test('reasons point at the exact text of the rule', () => {
    for (const v of result.verdicts!) {
      for (const r of v.reasons) {
        expect(defaultQuery.slice(r.clause.range.start, r.clause.range.end)).toBe(r.clause.text);
        if (r.match) expect(defaultQuery.slice(r.match.range.start, r.match.range.end)).toBe(r.match.text);
      }
    }
    const dpkg = byId('0').reasons[0]!.match!;
    const first = defaultQuery.indexOf('"/usr/bin/dpkg"');
    expect(dpkg.range).toEqual({ start: first, end: first + '"/usr/bin/dpkg"'.length });
  });

  test('each base-condition failure names the first failing conjunct and the value it saw', () => {
    expect(byId('9').verdict).toBe('no-match');
    expect(byId('9').reasons.map((r) => [r.kind, r.clause.text, r.field, r.value])).toEqual([
      ['category', 'file', 'event.category', 'process'],
    ]);
    expect(byId('10').reasons.map((r) => [r.kind, r.clause.text, r.value])).toEqual([
      ['base', 'host.os.type == "linux"', 'macos'],
    ]);
    expect(byId('11').reasons.map((r) => [r.kind, r.clause.text, r.value])).toEqual([
      ['base', 'event.action in ("rename", "creation")', 'deletion'],
    ]);
    expect(byId('12').reasons.map((r) => [r.kind, r.clause.text, r.value])).toEqual([
      ['base', 'file.path : "/etc/apt/apt.conf.d/*"', '/etc/apt/sources.list.d/mirror.list'],
    ]);
  });

  test('alerts carry no suppressing reason', () => {
    for (const id of ['13', '14', '15', '16']) {
      expect(byId(id).verdict).toBe('alert');
      expect(byId(id).reasons).toEqual([]);
    }
  });

  test('clause stats count suppressions per exclusion and flag the dead one', () => {
    const stats = result.clauseStats!;
    const exclusion = (prefix: string) =>
      stats.find((s) => s.kind === 'exclusion' && s.clause.text.startsWith(prefix))!;
    expect(exclusion('process.executable in').suppressed).toBe(1);
    expect(exclusion('process.executable : (').suppressed).toBe(2);
    expect(exclusion('process.executable == null').suppressed).toBe(1);
    expect(exclusion('(process.name == "perl"').suppressed).toBe(1);
    expect(stats.filter((s) => s.kind === 'exclusion').length).toBe(9);
    expect(stats.filter((s) => s.kind === 'base').map((s) => [s.clause.text, s.failed])).toEqual([
      ['host.os.type == "linux"', 1],
      ['event.action in ("rename", "creation")', 1],
      ['file.path : "/etc/apt/apt.conf.d/*"', 1],
    ]);
    const wild = exclusion('process.executable : (');
    expect(wild.parts.filter((p) => p.count > 0).map((p) => [p.span.text, p.count])).toEqual([
      ['"/nix/store/*"', 1],
      ['"/dev/fd/*"', 1],
    ]);
  });
});
