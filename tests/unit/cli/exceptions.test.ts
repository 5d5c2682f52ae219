/** The CLI with rule exceptions, and the round trip to a cluster: export-bulk and compare. */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { cli } from './run-cli';
import { defaultExample } from '../../../src/examples/default-example';
import { parseEvents } from '../../../src/formats/events';
import { serializeWorkspace } from '../../../src/formats/workspace';

const dir = mkdtempSync(join(tmpdir(), 'eql-exc-'));
const write = (name: string, text: string) => {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
};
const rule = write('rule.eql', defaultExample.query);
const events = write('events.json', defaultExample.events);

const line = (o: object) => JSON.stringify(o);
const container = { list_id: 'apt-exc', name: 'APT rule exceptions', description: '', type: 'detection' };
const curlItem = {
  item_id: 'curl-proxy',
  list_id: 'apt-exc',
  name: 'Proxy setup by curl',
  description: '',
  type: 'simple',
  entries: [
    { field: 'process.name', operator: 'included', type: 'match', value: 'curl' },
    { field: 'file.path', operator: 'included', type: 'wildcard', value: '/etc/apt/apt.conf.d/*proxy' },
  ],
};
const expiredItem = {
  item_id: 'old-mv',
  list_id: 'apt-exc',
  name: 'Old mv',
  description: '',
  type: 'simple',
  expire_time: '2026-06-01T00:00:00Z',
  entries: [{ field: 'process.name', operator: 'included', type: 'match', value: 'mv' }],
};
const listItem = {
  item_id: 'listed-paths',
  list_id: 'apt-exc',
  name: 'Listed paths',
  description: '',
  type: 'simple',
  entries: [{ field: 'file.path', operator: 'included', type: 'list', list: { id: 'paths.txt', type: 'keyword' } }],
};
const exceptions = write(
  'exceptions.ndjson',
  [line(container), line(curlItem), line(expiredItem), '{ broken', line(listItem)].join('\n'),
);
const paths = write('paths.txt', '/etc/apt/apt.conf.d/99update-hook\n');
const notSshd = write(
  'not-sshd.json',
  line({
    ...curlItem,
    item_id: 'not-sshd',
    name: 'Parent is not sshd',
    entries: [{ field: 'process.parent.name', operator: 'excluded', type: 'match', value: 'sshd' }],
  }),
);

const base = ['--rule', rule, '--events', events, '--id-field', 'event.id'];

describe('run --exceptions', () => {
  test('--json: excepted verdicts name the item and the entries that held, with the event values', async () => {
    const r = await cli('run', ...base, '--exceptions', exceptions, '--at', '2026-01-01T00:00:00Z', '--json');
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out);
    expect(json.hits.events.map((h: { _id: string }) => h._id)).toEqual(['apt-14', 'apt-16']);
    const byId = new Map(json.verdicts.map((v: { _id: string }) => [v._id, v]));
    expect(byId.get('apt-17')).toEqual({
      _id: 'apt-17',
      verdict: 'excepted',
      would_be: 'alert',
      reasons: [
        {
          kind: 'exception',
          exception: { list_id: 'apt-exc', item_id: 'curl-proxy', name: 'Proxy setup by curl' },
          entries: [
            { type: 'match', field: 'process.name', operator: 'included', value: 'curl', event_value: 'curl' },
            {
              type: 'wildcard',
              field: 'file.path',
              operator: 'included',
              value: '/etc/apt/apt.conf.d/*proxy',
              event_value: '/etc/apt/apt.conf.d/95proxy',
            },
          ],
        },
      ],
    });
    // Not expired yet on 2026-01-01: mv is excepted.
    expect((byId.get('apt-15') as { verdict: string }).verdict).toBe('excepted');
    // The list entry has no value list: Kibana does not apply the item, and says so.
    expect(json.exceptions).toEqual([
      {
        list_id: 'apt-exc',
        item_id: 'curl-proxy',
        name: 'Proxy setup by curl',
        status: 'applied',
        removed: 1,
        removed_matching: 1,
      },
      { list_id: 'apt-exc', item_id: 'old-mv', name: 'Old mv', status: 'applied', removed: 1, removed_matching: 1 },
      expect.objectContaining({ item_id: 'listed-paths', status: 'not-applied', removed: 0 }),
    ]);
    // The broken line is located in its file; the others still loaded.
    const broken = json.diagnostics.find((d: { code: string }) => d.code === 'EXC9001');
    expect(broken).toMatchObject({ source: 'exceptions', file: exceptions, start: { line: 4, column: 3 } });
  });

  test('--value-list supplies the list; --at past expire_time drops the item', async () => {
    const r = await cli(
      'run',
      ...base,
      '--exceptions',
      exceptions,
      '--value-list',
      paths,
      '--at',
      '2026-07-01T00:00:00Z',
      '--json',
    );
    const json = JSON.parse(r.out);
    expect(json.hits.events.map((h: { _id: string }) => h._id)).toEqual(['apt-14', 'apt-15']);
    expect(
      json.exceptions.map((s: { item_id: string; status: string; removed: number }) => [
        s.item_id,
        s.status,
        s.removed,
      ]),
    ).toEqual([
      ['curl-proxy', 'applied', 1],
      ['old-mv', 'expired', 0],
      ['listed-paths', 'applied', 1],
    ]);
    const expired = json.diagnostics.find((d: { code: string }) => d.code === 'EXC9008');
    expect(expired).toMatchObject({ file: exceptions, start: { line: 3, column: 1 } });
    // An explicit id for the list: ID=FILE (the file's own name does not matter then).
    const other = write('other-name.txt', '/etc/apt/apt.conf.d/99update-hook\n');
    const named = await cli('run', ...base, '--exceptions', exceptions, '--value-list', `paths.txt=${other}`, '--json');
    expect(JSON.parse(named.out).exceptions[2]).toMatchObject({ status: 'applied', removed: 1 });
    const unnamed = await cli('run', ...base, '--exceptions', exceptions, '--value-list', other, '--json');
    expect(JSON.parse(unnamed.out).exceptions[2].status).toBe('not-applied');
  });

  test('repeatable; the table says excepted, names the item, warns of the missing-field trap, counts per item', async () => {
    const r = await cli(
      'run',
      ...base,
      '--exceptions',
      exceptions,
      '--exceptions',
      notSshd,
      '--at',
      '2026-07-01T00:00:00Z',
    );
    expect(r.code).toBe(0);
    expect(r.out).toMatch(
      /^apt-17 +excepted +excepted by Proxy setup by curl \(curl-proxy\): process\.name is "curl" \(event: "curl"\) and file\.path matches "\/etc\/apt\/apt\.conf\.d\/\*proxy" \(event: "\/etc\/apt\/apt\.conf\.d\/95proxy"\)$/m,
    );
    expect(r.out).toMatch(
      /excepted by Parent is not sshd \(not-sshd\): process\.parent\.name is not "sshd" \(event: missing\) +\(removed because process\.parent\.name is missing/,
    );
    // What the query alone says comes after the exceptions.
    expect(r.out).toMatch(
      /^apt-01 +excepted +excepted by Parent is not sshd[^\n]*\n +query alone: suppressed\n +process\.executable in \(\.\.\.\)/m,
    );
    expect(r.out).toContain('0 alert · 0 suppressed · 0 no match · 17 excepted\n');
    expect(r.out).toContain(
      'REMOVED  EXCEPTION ITEM\n      1  Proxy setup by curl (curl-proxy)  (1 of them the query matches)\n',
    );
    expect(r.out).toContain('      -  Old mv (old-mv)  not applied: expired 2026-06-01T00:00:00.000Z\n');
    expect(r.out).toContain(`${exceptions}:4:3: error EXC9001: Line 4 is not valid JSON`);
  });

  test('sequences: an excepted event is marked in the explanation and takes part in no sequence', async () => {
    const seqEvents = write(
      'seq.ndjson',
      [
        {
          '@timestamp': '2024-01-01T00:00:01Z',
          event: { id: 'a', category: 'process' },
          host: { id: 'h' },
          process: { name: 'curl' },
        },
        {
          '@timestamp': '2024-01-01T00:00:02Z',
          event: { id: 'b', category: 'process' },
          host: { id: 'h' },
          process: { name: 'wget' },
        },
        { '@timestamp': '2024-01-01T00:00:03Z', event: { id: 'c', category: 'file' }, host: { id: 'h' } },
      ]
        .map(line)
        .join('\n'),
    );
    const curlOnly = write('curl.json', line({ ...curlItem, entries: [curlItem.entries[0]] }));
    const args = [
      '--query',
      'sequence by host.id [process where true] [file where true]',
      '--events',
      seqEvents,
      '--id-field',
      'event.id',
      '--exceptions',
      curlOnly,
    ];
    const json = JSON.parse((await cli('run', ...args, '--json')).out);
    expect(json.hits.sequences.map((s: { events: { _id: string }[] }) => s.events.map((e) => e._id))).toEqual([
      ['b', 'c'],
    ]);
    const a = json.events.find((e: { _id: string }) => e._id === 'a');
    expect(a.excepted[0].exception.item_id).toBe('curl-proxy');
    const text = (await cli('run', ...args)).out;
    expect(text).toMatch(/^a +excepted +excepted by Proxy setup by curl \(curl-proxy\): process\.name is "curl"/m);
  });

  test('usage: --value-list and --at need --exceptions; a bad --at is named', async () => {
    expect((await cli('run', ...base, '--value-list', paths)).err).toMatch(
      /^eql-playground: --value-list needs --exceptions FILE\n/,
    );
    expect((await cli('run', ...base, '--at', '2026-01-01')).err).toMatch(
      /^eql-playground: --at needs --exceptions FILE\n/,
    );
    const bad = await cli('run', ...base, '--exceptions', exceptions, '--at', 'soon');
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/^eql-playground: --at expects a date such as 2026-01-31T12:00:00Z, got soon\n/);
    const missing = await cli('run', ...base, '--exceptions', join(dir, 'nope.ndjson'));
    expect(missing.code).toBe(2);
    expect(missing.err).toMatch(/^eql-playground: cannot read exceptions file .*nope\.ndjson/);
  });
});

describe('test with exceptions', () => {
  const expect4 = write(
    'expect.json',
    JSON.stringify({
      'apt-17': { verdict: 'excepted', clause: 'curl-proxy' },
      'apt-14': 'alert',
      'apt-15': 'excepted',
      'apt-01': 'suppressed',
    }),
  );
  test('honours --exceptions; "excepted" is an expectable verdict, optionally naming the item', async () => {
    const r = await cli(
      'test',
      ...base,
      '--expect',
      expect4,
      '--exceptions',
      exceptions,
      '--at',
      '2026-01-01T00:00:00Z',
    );
    expect(r.out).toBe('4 expectations: 4 met, 0 unmet\n');
    expect(r.code).toBe(0);
    expect(r.err).toContain('error EXC9001');
    // Without the exceptions the two excepted expectations fail, each with a reason.
    const without = await cli('test', ...base, '--expect', expect4);
    expect(without.code).toBe(1);
    expect(without.out).toBe(
      `${rule}: apt-17: expected excepted by \`curl-proxy\`, got alert: no exclusion fired\n` +
        `${rule}: apt-15: expected excepted, got alert: no exclusion fired\n` +
        '4 expectations: 2 met, 2 unmet\n',
    );
    // After expiry the mv item no longer applies.
    const later = await cli(
      'test',
      ...base,
      '--expect',
      expect4,
      '--exceptions',
      exceptions,
      '--at',
      '2026-07-01T00:00:00Z',
      '--json',
    );
    const json = JSON.parse(later.out);
    expect([json.met, json.unmet]).toEqual([3, 1]);
    expect(json.suites[0].diagnostics.some((d: { code: string }) => d.code === 'EXC9008')).toBe(true);
  });

  test("a workspace file's own exceptions and value lists apply; --exceptions files apply instead", async () => {
    const workspace = write(
      'with-exceptions.workspace.json',
      serializeWorkspace({
        rule: defaultExample.query,
        events: defaultExample.events,
        idField: 'event.id',
        expectations: {
          'apt-17': { verdict: 'excepted', clause: 'curl-proxy' },
          'apt-14': { verdict: 'alert' },
        },
        exceptions: {
          text: [line(container), line(curlItem), line(listItem)].join('\n'),
          valueLists: [{ name: 'paths.txt', text: '/etc/apt/apt.conf.d/99update-hook\n' }],
        },
      }),
    );
    const r = await cli('test', workspace);
    expect(r.out).toBe('2 expectations: 2 met, 0 unmet\n');
    expect(r.code).toBe(0);
    // Given on the command line, the not-sshd item is what applies: curl-proxy is not there.
    const other = await cli('test', workspace, '--exceptions', notSshd);
    expect(other.code).toBe(1);
    expect(other.out).toContain('apt-17: expected excepted by `curl-proxy`');
  });
});

describe('export-bulk', () => {
  test('--ndjson: one index action with the id per event, then the event, ready for _bulk', async () => {
    const r = await cli('export-bulk', '--events', events, '--id-field', 'event.id', '--index', 'apt-test', '--ndjson');
    expect(r.code).toBe(0);
    const lines = r.out.trimEnd().split('\n');
    expect(lines).toHaveLength(34);
    const sources = parseEvents(defaultExample.events).events.map((e) => e.source);
    expect(JSON.parse(lines[0]!)).toEqual({ index: { _index: 'apt-test', _id: 'apt-01' } });
    expect(JSON.parse(lines[1]!)).toEqual(sources[0]);
    expect(JSON.parse(lines[33]!)).toEqual(sources[16]);
  });

  test('--template: the mapping of the fields the events use, with the types the playground evaluates', async () => {
    const r = await cli('export-bulk', '--events', events, '--template');
    const t = JSON.parse(r.out);
    expect(t.index_patterns).toEqual(['eql-playground-events']);
    const props = t.template.mappings.properties;
    expect(props['@timestamp']).toEqual({ type: 'date' });
    expect(props.process.properties.name.type).toBe('keyword');
    expect(props.process.properties.name.fields.caseless).toMatchObject({ type: 'keyword', normalizer: 'lowercase' });
    expect(props.file.properties.path.type).toBe('keyword');
  });

  test('default: Dev Tools text; with a rule and exceptions, the _eql/search request with the filter', async () => {
    const r = await cli(
      'export-bulk',
      '--events',
      events,
      '--index',
      'apt-test',
      ...base.slice(0, 2),
      '--exceptions',
      exceptions,
    );
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^# The field types the playground evaluated with/);
    expect(r.out).toContain('PUT _index_template/apt-test\n');
    expect(r.out).toContain('POST apt-test/_bulk?refresh=wait_for\n{"index":{"_id":"0"}}\n');
    const request = r.out.slice(r.out.indexOf('GET /apt-test/_eql/search'));
    expect(request).toContain('"query": """\n    file where');
    expect(request).toContain('"must_not": [');
    expect(request).toContain('"process.name": "curl"');
    expect(r.err).toContain('error EXC9001');
    const plain = await cli('export-bulk', '--events', events);
    expect(plain.out).not.toContain('_eql/search');
  });

  test('usage errors: no events, a bad index name, both output choices, exceptions without a rule', async () => {
    expect((await cli('export-bulk')).err).toMatch(/^eql-playground: export-bulk needs --events FILE\n/);
    expect((await cli('export-bulk', '--events', events, '--index', 'Apt Events')).err).toMatch(
      /^eql-playground: --index must be a lower-case index name/,
    );
    expect((await cli('export-bulk', '--events', events, '--ndjson', '--template')).code).toBe(2);
    expect((await cli('export-bulk', '--events', events, '--exceptions', exceptions)).err).toMatch(
      /^eql-playground: --exceptions needs --rule FILE or --query TEXT\n/,
    );
    const empty = await cli('export-bulk', '--events', write('bad.json', '[{'));
    expect(empty.code).toBe(2);
  });
});

describe('compare', () => {
  const ours = parseEvents(defaultExample.events, { idField: 'event.id' }).events;
  const source = (id: string) => ours.find((e) => e.id === id)!.source;
  const response = (ids: string[]) =>
    JSON.stringify({
      is_partial: false,
      took: 3,
      hits: {
        total: { value: ids.length, relation: 'eq' },
        events: ids.map((id) => ({ _index: 'apt-test', _id: id, _source: source(id) })),
      },
    });

  test('agrees: exit 0 and one line', async () => {
    const file = write('agree.json', response(['apt-14', 'apt-15', 'apt-16', 'apt-17']));
    const r = await cli('compare', ...base, '--response', file);
    expect(r).toMatchObject({ code: 0, out: 'agrees: both return the same 4 events in the same order\n' });
  });

  test("differs: exit 1, each difference with the playground's reading of it; --json", async () => {
    const file = write('differ.json', response(['apt-14', 'apt-16', 'apt-17', 'apt-01']));
    const r = await cli('compare', ...base, '--response', file);
    expect(r.code).toBe(1);
    expect(r.out).toBe(
      'differs: the playground returns 4 events, the cluster 4\n' +
        '  only the cluster returns apt-01: the playground suppresses it by `process.executable in (...)` ("/usr/bin/dpkg"): compare the field\'s value and type in the cluster\n' +
        "  only the playground returns apt-15: the playground alerts on it (no exclusion fired); check that the cluster holds it and maps its fields as the playground does (export-bulk writes the template the playground assumed), and the request's filter\n",
    );
    const json = JSON.parse((await cli('compare', ...base, '--response', file, '--json')).out);
    expect(json).toMatchObject({ agrees: false, kind: 'events', onlyOurs: ['apt-15'], onlyTheirs: ['apt-01'] });
    expect(json.differences.map((d: { kind: string; key: string }) => [d.kind, d.key])).toEqual([
      ['only-theirs', 'apt-01'],
      ['only-ours', 'apt-15'],
    ]);
  });

  test('with the exceptions the cluster did not get: the excepted events are named', async () => {
    const file = write('no-filter.json', response(['apt-14', 'apt-15', 'apt-16', 'apt-17']));
    const r = await cli(
      'compare',
      ...base,
      '--response',
      file,
      '--exceptions',
      exceptions,
      '--at',
      '2026-07-01T00:00:00Z',
    );
    expect(r.code).toBe(1);
    expect(r.out).toContain(
      '  only the cluster returns apt-17: the playground excepts it by exception item "Proxy setup by curl" (curl-proxy): was the cluster\'s request sent without the exceptions as its filter?\n',
    );
  });

  test('an error answer or broken JSON: located, exit 2; --response is required', async () => {
    const err = write(
      'error.json',
      JSON.stringify({ error: { type: 'verification_exception', reason: 'Found 1 problem' } }),
    );
    const r = await cli('compare', ...base, '--response', err);
    expect(r.code).toBe(2);
    expect(r.err).toBe(
      'response:1:1: error EVT5007: Elasticsearch answered with an error: verification_exception: Found 1 problem\n',
    );
    const broken = await cli('compare', ...base, '--response', write('broken.json', '{"hits": {\n  "events": [\n'));
    expect(broken.code).toBe(2);
    expect(broken.err).toMatch(/^response:3:1: error EVT5007: The response is not valid JSON/);
    expect((await cli('compare', ...base)).err).toMatch(/^eql-playground: compare needs --response FILE\n/);
  });
});

describe.skipIf(!existsSync('build/cli/main.js'))('the built binary (after npm run build)', () => {
  const binary = (...args: string[]) =>
    spawnSync(process.execPath, ['bin/eql-playground.js', ...args], { encoding: 'utf8', timeout: 60_000 });

  test('run --exceptions --json, export-bulk --ndjson and compare, with their exit codes', () => {
    const run = binary('run', ...base, '--exceptions', exceptions, '--at', '2026-01-01T00:00:00Z', '--json');
    expect(run.status, run.stderr).toBe(0);
    const verdicts = JSON.parse(run.stdout).verdicts as { _id: string; verdict: string }[];
    expect(verdicts.filter((v) => v.verdict === 'excepted').map((v) => v._id)).toEqual(['apt-15', 'apt-17']);
    const bulk = binary('export-bulk', '--events', events, '--id-field', 'event.id', '--ndjson');
    expect(bulk.status).toBe(0);
    expect(bulk.stdout.split('\n')[0]).toBe('{"index":{"_index":"eql-playground-events","_id":"apt-01"}}');
    const agree = write(
      'bin-agree.json',
      JSON.stringify({ hits: { events: ['apt-14', 'apt-16'].map((id) => ({ _index: 'x', _id: id, _source: {} })) } }),
    );
    expect(
      binary('compare', ...base, '--response', agree, '--exceptions', exceptions, '--value-list', paths).status,
    ).toBe(1);
    expect(
      binary('compare', ...base, '--response', agree, '--exceptions', exceptions, '--at', '2026-01-01T00:00:00Z')
        .status,
    ).toBe(0);
    expect(binary('compare', ...base, '--response', join(dir, 'missing.json')).status).toBe(2);
  });
});
