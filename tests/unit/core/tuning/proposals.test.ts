import { describe, expect, test } from 'vitest';
import { applyEdit, generalisations, proposeExclusions, type ExclusionProposal } from '../../../../src/core/index';
import type { EventDoc } from '../../../../src/core/runtime/event';
import { defaultEvents, defaultRule, docs, run } from './helpers';

/** The verdict of one event under a rule, evaluated from scratch. */
function verdictOf(rule: string, events: readonly EventDoc[], position: number) {
  return run(rule, events).verdicts![position]!.verdict;
}

/** Every proposal is one minimal edit, and evaluating the edited rule really suppresses the event. */
function checkAll(
  rule: string,
  events: readonly EventDoc[],
  position: number,
  proposals: readonly ExclusionProposal[],
) {
  for (const p of proposals) {
    expect(p.rule).toBe(applyEdit(rule, p.edit));
    expect(p.rule.slice(0, p.edit.start)).toBe(rule.slice(0, p.edit.start));
    expect(p.rule.slice(p.edit.start + p.edit.text.length)).toBe(rule.slice(p.edit.end));
    expect(verdictOf(p.rule, events, position), p.title).toBe('suppressed');
    expect(p.impact.newlySuppressed.map((x) => x.position)).toContain(position);
    const after = run(p.rule, events).verdicts!;
    const before = run(rule, events).verdicts!;
    const newly = before
      .filter((v, i) => v.verdict === 'alert' && after[i]!.verdict !== 'alert')
      .map((v) => v.position);
    expect(
      p.impact.newlySuppressed.map((x) => x.position),
      p.title,
    ).toEqual(newly);
  }
}

const alerts = run(defaultRule, defaultEvents)
  .verdicts!.filter((v) => v.verdict === 'alert')
  .map((v) => v.position);

describe('proposeExclusions on the default example', () => {
  test('every alert and every field: each proposal suppresses its event, with the exact impact', () => {
    expect(alerts.length).toBeGreaterThan(0);
    for (const position of alerts) {
      for (const field of ['process.executable', 'process.name', 'file.path', 'file.name', 'user.name']) {
        const r = proposeExclusions({ rule: defaultRule, events: defaultEvents, position, fields: [field] });
        checkAll(defaultRule, defaultEvents, position, r.proposals);
      }
    }
  });

  test('the value goes into the existing in (...) list, then a new part with the block separator, then wildcards', () => {
    const position = alerts[0]!;
    const exe = defaultEvents[position]!.source as { process: { executable: string } };
    const value = exe.process.executable;
    const r = proposeExclusions({ rule: defaultRule, events: defaultEvents, position, fields: ['process.executable'] });
    const kinds = r.proposals.map((p) => p.kind);
    expect(kinds[0]).toBe('add-to-list');
    expect(r.proposals[0]!.edit.text).toBe(`, ${JSON.stringify(value)}`);
    expect(r.proposals[0]!.title).toBe(`add ${JSON.stringify(value)} to process.executable in (...)`);
    const part = r.proposals.find((p) => p.kind === 'new-part')!;
    expect(part.edit).toMatchObject({ text: ` or\n  process.executable == ${JSON.stringify(value)}` });
    expect(part.edit.start).toBe(part.edit.end);
    const dir = `${value.slice(0, value.lastIndexOf('/') + 1)}*`;
    expect(r.proposals.filter((p) => p.kind === 'wildcard').map((p) => p.exclusion)).toEqual([
      JSON.stringify(dir),
      `process.executable : ${JSON.stringify(dir)}`,
    ]);
  });

  test('a two-field combination', () => {
    const position = alerts[0]!;
    const r = proposeExclusions({
      rule: defaultRule,
      events: defaultEvents,
      position,
      fields: ['process.name', 'file.path'],
    });
    expect(r.proposals.length).toBeGreaterThan(0);
    expect(r.proposals.every((p) => p.kind === 'combination')).toBe(true);
    const src = defaultEvents[position]!.source as { process: { name: string }; file: { path: string } };
    expect(r.proposals[0]!.exclusion).toBe(
      `(process.name == ${JSON.stringify(src.process.name)} and file.path == ${JSON.stringify(src.file.path)})`,
    );
    expect(r.proposals[1]!.exclusion).toBe(
      `(process.name == ${JSON.stringify(src.process.name)} and file.path : "/etc/apt/apt.conf.d/*")`,
    );
    checkAll(defaultRule, defaultEvents, position, r.proposals);
  });

  test('an event that does not alert gets a note, no proposal', () => {
    const r = proposeExclusions({ rule: defaultRule, events: defaultEvents, position: 0, fields: ['process.name'] });
    expect(r.proposals).toEqual([]);
    expect(r.notes).toEqual(['this event does not alert, so there is nothing to exclude']);
  });

  test('a proposal that would silence an event expected to alert is flagged', () => {
    const position = alerts[0]!;
    const other = alerts.find((p) => p !== position)!;
    const r = proposeExclusions({
      rule: defaultRule,
      events: defaultEvents,
      position,
      fields: ['file.path'],
      expectations: { [defaultEvents[other]!.id]: { verdict: 'alert' } },
    });
    const wide = r.proposals.find((p) => p.impact.newlySuppressed.some((x) => x.position === other))!;
    expect(wide.impact.breaksExpectations).toEqual([{ id: defaultEvents[other]!.id, position: other }]);
    const exact = r.proposals.find((p) => p.kind === 'new-part')!;
    expect(exact.impact.breaksExpectations).toEqual([]);
  });
});

describe('proposeExclusions: semantics', () => {
  const cat = { event: { category: 'process' } };

  test('arrays: one element suffices, as in Elasticsearch', () => {
    const events = docs([
      { ...cat, process: { args: ['-c', 'curl x'] } },
      { ...cat, process: { args: ['-x'] } },
    ]);
    const rule = 'process where true and not (process.name == "z")';
    const r = proposeExclusions({ rule, events, position: 0, fields: ['process.args'] });
    expect(r.proposals.map((p) => p.exclusion)).toEqual(['process.args == "-c"', 'process.args == "curl x"']);
    checkAll(rule, events, 0, r.proposals);
  });

  test('a missing field: == null', () => {
    const events = docs([
      { ...cat, process: { name: 'a' } },
      { ...cat, process: { name: 'b', executable: '/x' } },
    ]);
    const rule = 'process where true and not (process.name == "z")';
    const r = proposeExclusions({ rule, events, position: 0, fields: ['process.executable'] });
    expect(r.proposals.map((p) => p.exclusion)).toEqual(['process.executable == null']);
    expect(r.proposals[0]!.impact.newlySuppressed.map((x) => x.position)).toEqual([0]);
  });

  test('case: the exact value is proposed with ==, an existing case-sensitive list takes it as is', () => {
    const events = docs([{ ...cat, process: { name: 'Bash.EXE' } }]);
    const rule = 'process where true and not (process.name in ("bash.exe"))';
    const r = proposeExclusions({ rule, events, position: 0, fields: ['process.name'] });
    expect(r.proposals.map((p) => p.rule)).toEqual([
      'process where true and not (process.name in ("bash.exe", "Bash.EXE"))',
      'process where true and not (process.name in ("bash.exe") or process.name == "Bash.EXE")',
      'process where true and not (process.name in ("bash.exe") or process.name : "*.EXE")',
    ]);
    checkAll(rule, events, 0, r.proposals);
  });

  test('a value the index would not hold (ignore_above) is never proposed', () => {
    const events = docs([{ ...cat, process: { name: 'a-very-long-name' } }]);
    const mapping = JSON.stringify({
      mappings: { properties: { process: { properties: { name: { type: 'keyword', ignore_above: 4 } } } } },
    });
    const rule = 'process where true';
    const r = proposeExclusions({ rule, events, mapping, position: 0, fields: ['process.name'] });
    expect(r.proposals).toEqual([]);
    expect(r.notes).toEqual(['no exclusion built from this value would suppress this event']);
  });

  test('a : pattern list takes the value; a single pattern becomes a list', () => {
    const events = docs([{ ...cat, file: { path: '/opt/tool/run.tmp' } }]);
    const rule = 'process where true and not (file.path : "/nix/*")';
    const r = proposeExclusions({ rule, events, position: 0, fields: ['file.path'] });
    expect(r.proposals.map((p) => [p.kind, p.rule])).toEqual([
      ['add-to-list', 'process where true and not (file.path : ("/nix/*", "/opt/tool/run.tmp"))'],
      ['new-part', 'process where true and not (file.path : "/nix/*" or file.path == "/opt/tool/run.tmp")'],
      ['wildcard', 'process where true and not (file.path : ("/nix/*", "/opt/tool/*"))'],
      ['wildcard', 'process where true and not (file.path : "/nix/*" or file.path : "/opt/tool/*")'],
      ['wildcard', 'process where true and not (file.path : ("/nix/*", "*.tmp"))'],
      ['wildcard', 'process where true and not (file.path : "/nix/*" or file.path : "*.tmp")'],
    ]);
    checkAll(rule, events, 0, r.proposals);
  });

  test('a top-level not in list takes the value', () => {
    const events = docs([{ ...cat, process: { name: 'b' } }]);
    const rule = 'process where process.name not in ("a")';
    const r = proposeExclusions({ rule, events, position: 0, fields: ['process.name'] });
    expect(r.proposals[0]!.rule).toBe('process where process.name not in ("a", "b")');
    expect(r.proposals[1]!.rule).toBe('process where process.name not in ("a") and not (process.name == "b")');
    checkAll(rule, events, 0, r.proposals);
  });

  test('no not-block: one is added; a top-level or is wrapped first; not without parentheses gets them', () => {
    const events = docs([{ ...cat, process: { name: 'b' } }]);
    const one = (rule: string) =>
      proposeExclusions({ rule, events, position: 0, fields: ['process.name'] }).proposals[0]!.rule;
    expect(one('process where true')).toBe('process where true and not (process.name == "b")');
    expect(one('process where process.name == "b" or true')).toBe(
      'process where (process.name == "b" or true) and not (process.name == "b")',
    );
    expect(one('process where true and not process.name == "x"')).toBe(
      'process where true and not (process.name == "x" or process.name == "b")',
    );
  });

  test('field names that need backquotes, and numbers', () => {
    const events = docs([{ ...cat, 'odd-field': 'v', process: { pid: 42 } }]);
    const rule = 'process where true';
    expect(proposeExclusions({ rule, events, position: 0, fields: ['odd-field'] }).proposals[0]!.exclusion).toBe(
      '`odd-field` == "v"',
    );
    const num = proposeExclusions({ rule, events, position: 0, fields: ['process.pid'] });
    expect(num.proposals.map((p) => p.exclusion)).toEqual(['process.pid == 42']);
  });

  test('objects get a note', () => {
    const events = docs([{ ...cat, process: { parent: { name: 'x' } } }]);
    expect(
      proposeExclusions({ rule: 'process where true', events, position: 0, fields: ['process.parent'] }).notes,
    ).toEqual(['process.parent holds an object in this event; pick one of its fields']);
  });
});

describe('proposeExclusions for sequences and samples', () => {
  const at = (s: number) => `2026-03-02T09:00:${String(s).padStart(2, '0')}.000Z`;
  const ev = (s: number, host: string, name: string, user = 'u') => ({
    '@timestamp': at(s),
    event: { category: 'process' },
    host: { id: host },
    user: { name: user },
    process: { name },
  });
  // h1: node then sh (a sequence); h2: node then bash (a sequence); h3: bash then sh (none)
  const events = docs([
    ev(0, 'h1', 'node'),
    ev(1, 'h1', 'sh', 'root'),
    ev(2, 'h2', 'node'),
    ev(3, 'h2', 'bash'),
    ev(4, 'h3', 'bash'),
    ev(5, 'h3', 'sh'),
  ]);
  const rule = `sequence by host.id
  [process where process.name == "node"]
  [process where process.name in ("sh", "bash")]`;
  const members = (r: string) =>
    run(r, events)
      .join!.sequences.flatMap((s) => s.stages.map((c) => c.position))
      .sort();

  test('an exclusion goes into the stage the event fills, and takes its sequence out', () => {
    const r = proposeExclusions({ rule, events, position: 1, fields: ['user.name'] });
    expect(r.notes).toEqual([]);
    const first = r.proposals[0]!;
    expect(first.title).toBe('stage 2: new part: user.name == "root"');
    expect(first.rule).toBe(`sequence by host.id
  [process where process.name == "node"]
  [process where process.name in ("sh", "bash") and not (user.name == "root")]`);
    // h1's sequence is gone, h2's stays: the impact names exactly the events no longer in one
    expect(members(rule)).toEqual([0, 1, 2, 3]);
    expect(members(first.rule)).toEqual([2, 3]);
    expect(first.impact.newlySuppressed.map((x) => x.position)).toEqual([0, 1]);
    for (const p of r.proposals) expect(members(p.rule), p.title).not.toContain(1);
  });

  test('a value added to the list of the stage, and the first stage too', () => {
    const listed = `sequence by host.id
  [process where process.name == "node"]
  [process where process.name in ("sh", "bash") and not user.name in ("nobody")]`;
    const r = proposeExclusions({ rule: listed, events, position: 1, fields: ['user.name'] });
    expect(r.proposals[0]!.title).toBe('stage 2: add "root" to user.name in ("nobody")');
    expect(r.proposals[0]!.rule).toContain('not user.name in ("nobody", "root")');
    const s1 = proposeExclusions({ rule, events, position: 2, fields: ['host.id'] });
    expect(s1.proposals[0]!.title).toBe('stage 1: new part: host.id == "h2"');
    expect(members(s1.proposals[0]!.rule)).toEqual([0, 1]);
    expect(s1.proposals[0]!.impact.newlySuppressed.map((x) => x.position)).toEqual([2, 3]);
  });

  test('an event of no returned sequence, and an expected alert it would silence', () => {
    expect(proposeExclusions({ rule, events, position: 4, fields: ['process.name'] }).notes).toEqual([
      'this event is part of no returned sequence or sample, so there is nothing to exclude',
    ]);
    const r = proposeExclusions({
      rule,
      events,
      position: 3,
      fields: ['user.name'],
      expectations: { '2': { verdict: 'alert' } },
    });
    // user.name == "u" at stage 2 takes out h2's sequence, whose node event must alert
    expect(r.proposals[0]!.impact.breaksExpectations.map((x) => x.position)).toEqual([2]);
  });

  test('samples: the filter the event fills', () => {
    const sample = `sample by host.id
  [process where process.name == "node"]
  [process where process.name in ("sh", "bash")]`;
    const r = proposeExclusions({ rule: sample, events, position: 1, fields: ['user.name'] });
    expect(r.proposals[0]!.title).toBe('stage 2: new part: user.name == "root"');
    const after = run(r.proposals[0]!.rule, events).hits!.sequences!;
    expect(after.flatMap((s) => s.events.map((e) => e._id))).not.toContain('1');
  });
});

describe('generalisations', () => {
  test('directory and extension', () => {
    expect(generalisations('/opt/tool/bin/x.tmp')).toEqual(['/opt/tool/bin/*', '*.tmp']);
    expect(generalisations('C:\\Tools\\x.exe')).toEqual(['C:\\Tools\\*', '*.exe']);
    expect(generalisations('/x')).toEqual([]);
    expect(generalisations('.bashrc')).toEqual([]);
    expect(generalisations('/a*/b')).toEqual([]);
  });
});
