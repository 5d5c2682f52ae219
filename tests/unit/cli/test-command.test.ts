/** `eql-playground test`: rule tests in CI, in-process and as the built binary. */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, test } from 'vitest';
import { cli } from './run-cli';
import { defaultExample } from '../../../src/examples/default-example';
import { serializeWorkspace } from '../../../src/formats/workspace';

const dir = mkdtempSync(join(tmpdir(), 'eql-test-'));
const write = (name: string, text: string) => {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
};
const rule = write('rule.eql', defaultExample.query);
const broken = write('broken.eql', defaultExample.query.replace('"/usr/bin/dpkg", ', ''));
const events = write('events.json', defaultExample.events);
const expectations = { 'apt-01': 'suppressed', 'apt-14': 'alert', 'apt-10': 'no-match' } as const;
const expect3 = write('expect.json', JSON.stringify(expectations));
const workspace = (name: string, query: string, extra: Record<string, unknown> = {}) =>
  write(
    name,
    serializeWorkspace({
      rule: query,
      events: defaultExample.events,
      idField: 'event.id',
      expectations: {
        'apt-01': { verdict: 'suppressed', clause: '"/usr/bin/dpkg"' },
        'apt-14': { verdict: 'alert' },
      },
      ...extra,
    }),
  );
const good = workspace('good.json', defaultExample.query);
const bad = workspace('bad.json', defaultExample.query.replace('"/usr/bin/dpkg", ', ''));

describe('test with --rule/--events/--expect', () => {
  test('all met: exit 0 and a summary', async () => {
    const r = await cli('test', '--rule', rule, '--events', events, '--expect', expect3, '--id-field', 'event.id');
    expect(r).toMatchObject({ code: 0, out: '3 expectations: 3 met, 0 unmet\n' });
  });

  test('a breaking edit: one line per unmet expectation with expected, got and the reason; exit 1', async () => {
    const r = await cli('test', '--rule', broken, '--events', events, '--expect', expect3, '--id-field', 'event.id');
    expect(r.code).toBe(1);
    expect(r.out).toBe(
      `${broken}: apt-01: expected suppressed, got alert: no exclusion fired\n3 expectations: 2 met, 1 unmet\n`,
    );
  });

  test('--query works too; ids are positions without --id-field; unknown ids are reported', async () => {
    const exp = write('pos.json', JSON.stringify({ '0': 'suppressed', '13': 'alert', 'apt-01': 'alert' }));
    const r = await cli('test', '--query', defaultExample.query, '--events', events, '--expect', exp);
    expect(r.code).toBe(1);
    expect(r.out).toBe(
      '<query>: apt-01: expected alert, got nothing: no event has id "apt-01"\n' +
        '3 expectations: 2 met, 1 unmet (1 naming an event id that is not in the events)\n',
    );
  });

  test('--json', async () => {
    const r = await cli(
      'test',
      '--rule',
      broken,
      '--events',
      events,
      '--expect',
      expect3,
      '--id-field',
      'event.id',
      '--json',
    );
    expect(r.code).toBe(1);
    const json = JSON.parse(r.out);
    expect([json.met, json.unmet, json.unknown]).toEqual([2, 1, 0]);
    expect(json.suites[0].results[0]).toEqual({
      id: 'apt-01',
      position: 0,
      expected: 'suppressed',
      got: 'alert',
      met: false,
      reason: 'no exclusion fired',
    });
  });

  test('unreadable input exits 2: a missing file, an expect file that is not JSON or not an object', async () => {
    const notJson = write('not.json', '{"apt-01": ');
    const notObject = write('arr.json', '["alert"]');
    for (const exp of [join(dir, 'missing.json'), notJson, notObject]) {
      const r = await cli('test', '--rule', rule, '--events', events, '--expect', exp);
      expect(r.code, exp).toBe(2);
      expect(r.err).toMatch(/cannot read/);
    }
    expect((await cli('test', '--rule', rule, '--events', events)).code).toBe(2);
    expect((await cli('test', good, '--events', events)).code).toBe(2);
  });

  test('a wrong entry in the expect file is reported on stderr and the others still run', async () => {
    const exp = write('mixed.json', JSON.stringify({ 'apt-14': 'alert', 'apt-01': 'supressed' }));
    const r = await cli('test', '--rule', rule, '--events', events, '--expect', exp, '--id-field', 'event.id');
    expect(r.code).toBe(0);
    expect(r.err).toMatch(/"supressed" is not one of alert, suppressed, no-match, excepted/);
    expect(r.out).toBe('1 expectation: 1 met, 0 unmet\n');
  });
});

describe('test with workspace files', () => {
  test('several workspaces: lines per file, one summary, exit 1 when any is unmet', async () => {
    expect(await cli('test', good)).toMatchObject({ code: 0, out: '2 expectations: 2 met, 0 unmet\n' });
    const r = await cli('test', good, bad);
    expect(r.code).toBe(1);
    expect(r.out).toBe(
      `${bad}: apt-01: expected suppressed by \`"/usr/bin/dpkg"\`, got alert: no exclusion fired\n` +
        '4 expectations: 3 met, 1 unmet, in 2 workspaces\n',
    );
  });

  test('a bad workspace file: its located error, exit 2', async () => {
    const damaged = write('damaged.json', '{\n  "kind": "eql-playground-workspace",\n  "version": 1,\n  "rule": 3\n}');
    const r = await cli('test', good, damaged);
    expect(r.code).toBe(2);
    expect(r.err).toContain(`${damaged}:4:`);
    expect(r.err).toContain('WSP9002');
    expect(r.out).toMatch(/; 1 input could not be read\n$/);
  });

  test('a rule with errors fails the run (exit 1) and prints its diagnostics', async () => {
    const r = await cli('test', workspace('syntax.json', 'file where ('));
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/expected alert, got nothing: the rule has errors: /);
  });

  test('sequences: alert means part of a returned sequence', async () => {
    const seq = write(
      'seq.json',
      serializeWorkspace({
        rule: 'sequence [process where true] [file where true]',
        events:
          '{"id":"a","@timestamp":1,"event":{"category":"process"}}\n{"id":"b","@timestamp":2,"event":{"category":"file"}}\n{"id":"c","@timestamp":3,"event":{"category":"network"}}\n',
        idField: 'id',
        expectations: { a: { verdict: 'alert' }, b: { verdict: 'alert' }, c: { verdict: 'no-match' } },
      }),
    );
    expect(await cli('test', seq)).toMatchObject({ code: 0, out: '3 expectations: 3 met, 0 unmet\n' });
  });

  test('--junit FILE: valid JUnit XML, one testcase per expectation, failures for the unmet', async () => {
    const damaged = write('damaged2.json', 'not json');
    const junit = join(dir, 'junit.xml');
    const r = await cli('test', good, bad, damaged, '--junit', junit);
    expect(r.code).toBe(2);
    const xml = readFileSync(junit, 'utf8');
    expect(XMLValidator.validate(xml)).toBe(true);
    const doc = new XMLParser({
      ignoreAttributes: false,
      isArray: (name) => ['testsuite', 'testcase'].includes(name),
    }).parse(xml);
    const root = doc.testsuites;
    expect([root['@_tests'], root['@_failures'], root['@_errors']]).toEqual(['5', '1', '1']);
    const [first, second, third] = root.testsuite;
    expect(first['@_name']).toBe(good);
    expect(first.testcase.map((c: Record<string, string>) => c['@_name'])).toEqual([
      'apt-01 is suppressed by "/usr/bin/dpkg"',
      'apt-14 is alert',
    ]);
    expect(first.testcase.every((c: Record<string, unknown>) => c.failure === undefined)).toBe(true);
    expect(second.testcase[0].failure['@_message']).toBe('expected suppressed, got alert');
    expect(second.testcase[0].failure['#text']).toBe('no exclusion fired');
    expect(third['@_errors']).toBe('1');
  });

  test('XML special characters in ids and reasons are escaped', async () => {
    const odd = write(
      'odd.json',
      serializeWorkspace({
        rule: 'any where true',
        events: '[{"id": "<&\\"\'>"}]',
        idField: 'id',
        expectations: { '<&"\'>': { verdict: 'no-match' }, 'x\u0001y': { verdict: 'alert' } },
      }),
    );
    const junit = join(dir, 'odd.xml');
    expect((await cli('test', odd, '--junit', junit)).code).toBe(1);
    expect(XMLValidator.validate(readFileSync(junit, 'utf8'))).toBe(true);
  });
});

describe.skipIf(!existsSync('build/cli/main.js'))('test: the built binary (after npm run build)', () => {
  const bin = (...args: string[]) =>
    spawnSync(process.execPath, ['bin/eql-playground.js', 'test', ...args], { encoding: 'utf8' });

  test('exit codes 0, 1, 2 and --json', () => {
    expect(bin(good).status).toBe(0);
    const failed = bin(bad, '--json');
    expect(failed.status).toBe(1);
    expect(JSON.parse(failed.stdout).unmet).toBe(1);
    expect(bin(join(dir, 'nope.json')).status).toBe(2);
  });

  test('--junit writes valid XML', () => {
    const junit = join(dir, 'bin.xml');
    expect(bin(good, bad, '--junit', junit).status).toBe(1);
    expect(XMLValidator.validate(readFileSync(junit, 'utf8'))).toBe(true);
  });
});
