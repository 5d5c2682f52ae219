/** The command-line tool: its interface is stable (other checks drive the project through it). */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { main, USAGE } from '../../../src/cli/main';
import { cli } from './run-cli';
import { defaultExample } from '../../../src/examples/default-example';

const dir = mkdtempSync(join(tmpdir(), 'eql-cli-'));
const write = (name: string, text: string) => {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
};
const rule = write('rule.eql', defaultExample.query);
const events = write('events.json', defaultExample.events);

describe('run', () => {
  test('--json prints diagnostics, hits, verdicts with located reasons', async () => {
    const r = await cli('run', '--rule', rule, '--events', events, '--json', '--id-field', 'event.id');
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out);
    expect(Object.keys(json)).toEqual(['diagnostics', 'hits', 'verdicts']);
    expect(json.diagnostics).toEqual([]);
    expect(json.hits.total).toEqual({ value: 4, relation: 'eq' });
    expect(json.hits.events.map((h: { _id: string }) => h._id)).toEqual(['apt-14', 'apt-15', 'apt-16', 'apt-17']);
    const first = json.verdicts[0];
    expect(first._id).toBe('apt-01');
    expect(first.verdict).toBe('suppressed');
    const reason = first.reasons[0];
    expect(reason.match.text).toBe('"/usr/bin/dpkg"');
    expect(reason.match.start).toEqual({
      line: 4,
      column: 18,
      offset: defaultExample.query.indexOf('"/usr/bin/dpkg"'),
    });
    expect(reason.field).toBe('process.executable');
    expect(reason.value).toBe('/usr/bin/dpkg');
    expect(reason.clause.start.line).toBe(3);
  });

  test('ids default to the position; --no-verdicts and --stats', async () => {
    const r = await cli(
      'run',
      '--query',
      'file where event.action == "rename"',
      '--events',
      events,
      '--json',
      '--no-verdicts',
      '--stats',
    );
    const json = JSON.parse(r.out);
    expect(json.verdicts).toBeUndefined();
    expect(json.hits.events.map((h: { _id: string }) => h._id)).toEqual(['3', '14']);
    expect(Object.keys(json.stats)).toEqual(['events', 'parseMs', 'compileMs', 'evalMs', 'explainMs']);
    expect(json.stats.events).toBe(17);
  });

  test('size, result position and pipes', async () => {
    const q = 'file where true';
    const ids = async (...extra: string[]) =>
      JSON.parse(
        (await cli('run', '--query', q, '--events', events, '--json', '--no-verdicts', ...extra)).out,
      ).hits.events.map((h: { _id: string }) => h._id);
    expect(await ids('--size', '2')).toEqual(['15', '16']);
    expect(await ids('--size', '2', '--result-position', 'head')).toEqual(['0', '1']);
    expect(
      JSON.parse(
        (await cli('run', '--query', `${q} | head 3 | tail 1`, '--events', events, '--json')).out,
      ).hits.events.map((h: { _id: string }) => h._id),
    ).toEqual(['2']);
  });

  test('a query error exits 1 with a located diagnostic', async () => {
    const r = await cli('run', '--query', 'file where a = 1', '--events', events, '--json');
    expect(r.code).toBe(1);
    const d = JSON.parse(r.out).diagnostics[0];
    expect(d).toMatchObject({ severity: 'error', code: 'EQL1016', start: { line: 1, column: 14, offset: 13 } });
  });

  test('a malformed event is reported at its line and the others still evaluate', async () => {
    const broken = write(
      'broken.ndjson',
      '{"event":{"category":"file"},"n":1}\n{"event": oops}\n{"event":{"category":"file"},"n":3}\n',
    );
    const r = await cli('run', '--query', 'file where n > 0', '--events', broken, '--json');
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out);
    expect(json.diagnostics[0]).toMatchObject({ severity: 'error', source: 'events', start: { line: 2 } });
    expect(json.hits.events.map((h: { _source: { n: number } }) => h._source.n)).toEqual([1, 3]);
  });

  test('readable table', async () => {
    const r = await cli('run', '--rule', rule, '--events', events, '--id-field', 'event.id');
    expect(r.out).toContain('apt-01  suppressed  process.executable in (...)  matched "/usr/bin/dpkg"');
    expect(r.out).toContain('4 alert · 9 suppressed · 4 no match');
  });

  test('usage and unreadable input exit 2', async () => {
    expect((await cli()).code).toBe(2);
    expect((await cli('run', '--events', events)).code).toBe(2);
    expect((await cli('run', '--query', 'any where true', '--events', join(dir, 'nope.json'))).code).toBe(2);
    expect((await cli('run', '--query', 'any where true', '--events', events, '--size', 'ten')).code).toBe(2);
    expect((await cli('frobnicate')).code).toBe(2);
    const garbage = write('garbage.txt', 'this is not JSON\n');
    const r = await cli('run', '--query', 'any where true', '--events', garbage, '--json');
    expect(r.code).toBe(2);
    expect(JSON.parse(r.out).diagnostics[0]).toMatchObject({ severity: 'error', source: 'events' });
  });
});

describe('check', () => {
  test('several files in one process, JSON per file, exit 1 on errors', async () => {
    const good = write('good.eql', 'process where process.name == "bash"');
    const bad = write('bad.eql', 'process where process.name = "bash"');
    const r = await cli('check', good, bad, '--json');
    expect(r.code).toBe(1);
    const json = JSON.parse(r.out);
    expect(json.map((f: { file: string }) => f.file)).toEqual([good, bad]);
    expect(json[0].diagnostics).toEqual([]);
    expect(json[1].diagnostics[0].code).toBe('EQL1016');
  });
  test('clean files exit 0; a mapping turns unknown fields into errors', async () => {
    expect((await cli('check', '--query', 'process where process.name == "bash"')).code).toBe(0);
    const mapping = write(
      'mapping.json',
      JSON.stringify({ mappings: { properties: { event: { properties: { category: { type: 'keyword' } } } } } }),
    );
    const r = await cli('check', '--query', 'process where process.name == "bash"', '--mapping', mapping, '--json');
    expect(r.code).toBe(1);
    expect(JSON.parse(r.out)[0].diagnostics[0].message).toBe('Unknown column [process.name]');
  });
  test('rule files in other formats: the query is extracted', async () => {
    const toml = write(
      'rule.toml',
      `[rule]\nname = "x"\ntype = "eql"\nquery = '''\nprocess where process.name == "bash"\n'''\n`,
    );
    expect((await cli('check', toml)).out).toContain('ok');
  });
  test('related locations are printed after the diagnostic, and in JSON', async () => {
    const file = write('keys.eql', 'sequence\n  [process where true] by a\n  [file where true] by b, c');
    const r = await cli('check', file);
    expect(r.code).toBe(1);
    expect(r.out).toContain(`${file}:3:21: error EQL1009: Inconsistent number of join keys specified`);
    expect(r.out).toContain(`    ${file}:2:24: related: The first term has [1] join key\n`);
    const json = JSON.parse((await cli('check', file, '--json')).out);
    expect(json[0].diagnostics[0].related).toEqual([
      {
        message: 'The first term has [1] join key',
        source: 'rule',
        start: { line: 2, column: 24, offset: 32 },
        end: { line: 2, column: 28, offset: 36 },
      },
    ]);
  });
});

describe('check: positions relative to the file', () => {
  test('a TOML literal-string query: diagnostics point into the file', async () => {
    const toml = write(
      'pos.toml',
      `[metadata]\nmaturity = "production"\n\n[rule]\nname = "x"\ntype = "eql"\nquery = '''\nprocess where process.name = "bash"\n'''\n`,
    );
    const r = await cli('check', toml, '--json');
    const d = JSON.parse(r.out)[0].diagnostics[0];
    expect(d.code).toBe('EQL1016');
    expect(d.start).toMatchObject({ line: 8, column: 28 });
    const text = await cli('check', toml);
    expect(text.out).toContain(`${toml}:8:28: error EQL1016`);
  });
  test('a TOML basic string with escapes: the query is mapped through them', async () => {
    const toml = write(
      'esc.toml',
      `[rule]\ntype = "eql"\nquery = "process where process.name : \\"a\\\\\\\\b\\" and x = 1"\n`,
    );
    const r = await cli('check', toml, '--json');
    const d = JSON.parse(r.out)[0].diagnostics.find((x: { code: string }) => x.code === 'EQL1016');
    const fileText = readFileSync(toml, 'utf8');
    expect(d.start.offset).toBe(fileText.indexOf('x = 1') + 2);
  });
  test('a Kibana export: positions in the NDJSON line', async () => {
    const nd = write('rule.ndjson', `${JSON.stringify({ type: 'eql', query: 'process where\n  a = 1' })}\n`);
    const r = await cli('check', nd, '--json');
    const d = JSON.parse(r.out)[0].diagnostics[0];
    const fileText = readFileSync(nd, 'utf8');
    expect(d.start.offset).toBe(fileText.indexOf('a = 1') + 2);
  });
  test('a docs page: positions in the page', async () => {
    const md = write('rule.md', '# Rule\n\n## Rule query\n\n```js\nprocess where a = 1\n```\n');
    const r = await cli('check', md, '--json');
    expect(JSON.parse(r.out)[0].diagnostics[0].start).toMatchObject({ line: 6, column: 17 });
  });
  test("a broken TOML file gets TOML's own error at its location and no EQL error", async () => {
    const toml = write('broken.toml', `[rule]\ntype = "eql"\nquery = """\nprocess where true\n`);
    const r = await cli('check', toml, '--json');
    expect(r.code).toBe(1);
    const diags = JSON.parse(r.out)[0].diagnostics;
    expect(diags.map((d: { code: string }) => d.code)).toEqual(['RULE7002']);
    expect(diags[0].start.line).toBeGreaterThan(1);
    const run = await cli('run', '--rule', toml, '--events', events, '--json');
    expect(JSON.parse(run.out).diagnostics.map((d: { code: string }) => d.code)).toEqual(['RULE7002']);
  });
});

describe('format', () => {
  test('prints the canonical form', async () => {
    const r = await cli('format', '--query', 'process where a==1 and not b in ("x","y")');
    expect(r.code).toBe(0);
    expect(r.out).toBe('process where a == 1 and not b in ("x", "y")\n');
  });
  test('a syntax error exits 1', async () => {
    expect((await cli('format', '--query', 'process where (')).code).toBe(1);
  });
});

describe.skipIf(!existsSync('build/cli/main.js'))('the built binary (after npm run build)', () => {
  test('npx eql-playground run works from the repo root', () => {
    const out = execFileSync(
      process.execPath,
      ['bin/eql-playground.js', 'run', '--rule', rule, '--events', events, '--json'],
      { encoding: 'utf8' },
    );
    expect(JSON.parse(out).hits.total.value).toBe(4);
  });

  const binary = (...args: string[]) =>
    spawnSync(process.execPath, ['bin/eql-playground.js', ...args], { encoding: 'utf8', timeout: 60_000 });

  test('the process exits 2 with one line for /dev/zero, within a bounded time and memory', () => {
    const r = binary('run', '--query', 'any where true', '--events', '/dev/zero');
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(
      'eql-playground: cannot read events file /dev/zero: it is larger than 256 MB, the most the command reads\n',
    );
  });

  test('the process prints a deep event file without a stack trace; exit 0, 1 and 2 as documented', () => {
    const file = write('deep-bin.ndjson', `{"event":{"category":"file"}}\n${'['.repeat(6000)}${']'.repeat(6000)}\n`);
    for (const extra of [[], ['--json']]) {
      const r = binary('run', '--query', 'file where true', '--events', file, ...extra);
      expect(r.status, r.stderr).toBe(0);
      expect(r.stderr).toBe('');
    }
    expect(binary('run', '--query', 'file where (', '--events', file).status).toBe(1);
    expect(binary('run', '--query', 'file where true', '--events', join(dir, 'missing.json')).status).toBe(2);
    expect(binary('run', '--bogus').status).toBe(2);
  });
});

describe('hostile input: no crash, the documented exit codes', () => {
  const deep = (n: number) => `${'{"a":'.repeat(n)}1${'}'.repeat(n)}`;

  test('an event nested 5,000 deep is reported at its line; --json and the table still print', async () => {
    const file = write('deep.ndjson', `{"event":{"category":"file"},"n":1}\n${deep(5000)}\n`);
    const json = await cli('run', '--query', 'file where true', '--events', file, '--json');
    expect(json.code).toBe(0);
    const parsed = JSON.parse(json.out);
    expect(parsed.diagnostics.map((d: { code: string }) => d.code)).toEqual(['EVT5010']);
    expect(parsed.diagnostics[0].start.line).toBe(2);
    expect(parsed.hits.total.value).toBe(1);
    const table = await cli('run', '--query', 'file where true', '--events', file);
    expect(table.code).toBe(0);
    expect(table.out).toMatch(/^events:2:5001: error EVT5010: Line 2 is nested more than 1000 levels deep/);
    // Only the deep event: unreadable input.
    const only = write('deep-only.ndjson', deep(5000));
    expect((await cli('run', '--query', 'file where true', '--events', only)).code).toBe(2);
  });

  test('an event nested 900 deep (under the limit) prints as JSON and in the table', async () => {
    const file = write('deep900.json', `{"event":{"category":"file"},"x":${deep(900)}}`);
    const json = await cli('run', '--query', 'file where x.a.a == 1', '--events', file, '--json');
    expect(json.code).toBe(0);
    expect(JSON.parse(json.out).hits.total.value).toBe(0);
    expect((await cli('run', '--query', 'file where x.a.a == 1', '--events', file)).code).toBe(0);
  });

  test('the table prints 150,000 events (no spread of every id into Math.max)', async () => {
    const lines = Array.from({ length: 150_000 }, (_, i) => `{"event":{"category":"file"},"i":${i}}`).join('\n');
    const file = write('many.ndjson', lines);
    let count = 0;
    const code = await main(['run', '--query', 'file where i < 3', '--events', file], {
      out: (s) => {
        count += s.split('\n').length - 1;
      },
      err: () => undefined,
    });
    expect(code).toBe(0);
    expect(count).toBeGreaterThan(150_000);
  });

  test('a file past the size cap, or a device that never ends, is refused with a message (exit 2)', async () => {
    const r = await cli('run', '--query', 'any where true', '--events', '/dev/zero');
    expect(r.code).toBe(2);
    expect(r.err).toBe(
      'eql-playground: cannot read events file /dev/zero: it is larger than 256 MB, the most the command reads\n',
    );
    const d = await cli('run', '--query', 'any where true', '--events', dir);
    expect(d.code).toBe(2);
    expect(d.err).toMatch(/it is a directory/);
  });

  test('NDJSON with a broken first line loads the rest and says which line', async () => {
    const file = write(
      'first-broken.ndjson',
      'garbage\n{"event":{"category":"file"}}\n{"event":{"category":"file"}}\n',
    );
    const r = await cli('run', '--query', 'file where true', '--events', file);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^events:1:1: error EVT5001: Line 1 is not valid JSON/);
    expect(r.out).toMatch(/hits \(what Elasticsearch returns\): 2/);
  });

  test('control characters from the input are escaped in readable output, not in --json', async () => {
    const evil = '\u001b]0;pwned\u0007\u001b[31mred\u202e\nfake: ok';
    const file = write('evil.json', JSON.stringify([{ _id: evil, event: { category: 'file' }, v: evil }]));
    const r = await cli('run', '--query', 'file where v != "x"', '--events', file);
    expect(r.code).toBe(0);
    // biome-ignore lint/suspicious/noControlCharactersInRegex: no control character may reach the terminal
    expect(r.out).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f\u202e]/);
    expect(r.out).toContain('\\u{1b}]0;pwned\\u{7}\\u{1b}[31mred\\u{202e}\\u{a}fake: ok');
    const q = await cli('check', '--query', 'process where "\u001b[2J" == x');
    expect(q.out).not.toContain('\u001b');
    const json = await cli('run', '--query', 'file where true', '--events', file, '--json');
    expect(JSON.parse(json.out).hits.events[0]._id).toBe(evil);
  });

  test('a number beyond a double is shown by name, and a key given twice is reported', async () => {
    const file = write(
      'odd.ndjson',
      '{"event":{"category":"file"},"n":1e400,"n":2e400}\n{"event":{"category":"file"},"n":5}\n',
    );
    const r = await cli('run', '--query', 'file where n == 5', '--events', file);
    expect(r.code).toBe(0);
    expect(r.out).toContain('warning EVT5011: Line 1 has the key [n] more than once');
    expect(r.out).toContain('warning EVT5012: Line 1 has the number 2e400');
    expect(r.out).toContain('n = Infinity');
  });

  test('a too deep query is an error at the place, exit 1; an internal error is exit 3, never a trace', async () => {
    const q = `process where ${Array.from({ length: 1500 }, (_, i) => `a == ${i}`).join(' or ')}`;
    const r = await cli('check', '--query', q);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/^<query>:1:15: error EQL1019: /);
    expect(r.out).toContain('note: The expression tree is more than 1000 levels deep here: a chain of [or].');
    const broken = {
      out: () => {
        throw new TypeError('stdout closed');
      },
      err: (s: string): undefined => {
        errText += s;
      },
    };
    let errText = '';
    expect(await main(['format', '--query', 'process where true'], broken)).toBe(3);
    expect(errText).toBe('eql-playground: internal error (please report it): TypeError: stdout closed\n');
  });
});

describe('help and arguments', () => {
  test('--help, -h and help print the usage and exit 0; the README shows the same text', async () => {
    for (const args of [['--help'], ['-h'], ['help'], ['run', '--help'], ['check', '-h']]) {
      const r = await cli(...args);
      expect(r.code, args.join(' ')).toBe(0);
      expect(r.out).toBe(USAGE);
    }
    const readme = readFileSync(join(__dirname, '../../../README.md'), 'utf8');
    const block = USAGE.trimEnd()
      .split('\n')
      .map((l) => `    ${l}`)
      .join('\n');
    expect(readme).toContain(block);
  });

  test('option errors name the option and print the usage, exit 2', async () => {
    const cases: [string[], string][] = [
      [['run', '--frobnicate'], 'unknown option --frobnicate'],
      [['run', '--events'], '--events needs a value'],
      [['check', '--json=yes', 'x.eql'], '--json takes no value'],
      [['check', '-x'], 'unknown option -x'],
    ];
    for (const [args, message] of cases) {
      const r = await cli(...args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.err).toBe(`eql-playground: ${message}\n${USAGE}`);
    }
  });

  test('options may come before the command, and --opt=value works', async () => {
    const r = await cli('--json', 'check', '--query=process where true');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toEqual([{ file: '<query>', diagnostics: [] }]);
  });
});
