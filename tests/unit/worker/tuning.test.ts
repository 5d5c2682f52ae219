import { describe, expect, it } from 'vitest';
import { evaluate } from '../../../src/core/index';
import { defaultExample } from '../../../src/examples/default-example';
import { parseEvents } from '../../../src/formats/events';
import { parseRuleText } from '../../../src/formats/rules';
import {
  BaselineCache,
  exportRule,
  propose,
  readWorkspace,
  tuningView,
  valuesOf,
  writeWorkspace,
} from '../../../src/worker/tuning';

const events = parseEvents(defaultExample.events, { idField: 'event.id' }).events;
const ctx = { eventsKey: 'default', events, mapping: '' };
const rule = defaultExample.query;
const edited = rule.replace('"/usr/bin/dpkg", ', '');
const settings = { size: 100 };
const evaluated = (r: string) => evaluate({ rule: r, events, settings });

describe('tuning views in the worker', () => {
  it('diffs against the baseline, evaluating it once per baseline and events', () => {
    const cache = new BaselineCache();
    const req = { baseline: { rule, settings } };
    const same = tuningView(req, evaluated(rule), ctx, cache);
    expect(same.diff).toMatchObject({ comparable: true, changes: [], summary: 'no change vs baseline' });
    const v = tuningView(req, evaluated(edited), ctx, cache);
    expect(cache.evaluations).toBe(1);
    expect(v.diff!.changes).toEqual([
      {
        id: 'apt-01',
        position: 0,
        kind: 'verdict',
        verdict: 'alert',
        baselineVerdict: 'suppressed',
        message: 'was suppressed by `process.executable in (...)` ("/usr/bin/dpkg"), now alert',
      },
    ]);
    expect(v.diff!.summary).toBe('+1 alert · \u22121 suppressed vs baseline');
    // Structured clone carries it (no functions, no class instances beyond plain data).
    expect(structuredClone(v)).toEqual(v);
    tuningView(req, evaluated(edited), { ...ctx, eventsKey: 'other' }, cache);
    expect(cache.evaluations).toBe(2);
    expect(tuningView({}, evaluated(edited), ctx, cache).diff).toBeUndefined();
  });

  it('clause impact and the rule tests come with every tuning view', () => {
    const v = tuningView(
      { expectations: { 'apt-01': { verdict: 'suppressed' }, 'apt-99': { verdict: 'alert' } } },
      evaluated(edited),
      ctx,
      new BaselineCache(),
    );
    expect(v.impact.length).toBeGreaterThan(0);
    for (const p of v.impact) for (const q of p.only) expect(p.suppresses).toContain(q);
    expect(v.expectations).toMatchObject({ met: 0, unmet: 2, unknown: 1 });
    expect(v.elements.every(([id, ps]) => Number.isInteger(id) && ps.length > 0)).toBe(true);
  });

  it('proposes exclusions for an alert and values for completion', () => {
    const at = evaluated(rule).verdicts!.find((x) => x.verdict === 'alert')!.position;
    const r = propose(rule, settings, ctx, { position: at, fields: ['process.executable'] });
    expect(r.proposals.length).toBeGreaterThan(0);
    for (const p of r.proposals) {
      const after = evaluated(p.rule).verdicts![at]!;
      expect(after.verdict).toBe('suppressed');
    }
    const values = valuesOf(events, 'process.name');
    expect(values[0]!.count).toBeGreaterThanOrEqual(values.at(-1)!.count);
    expect(values.reduce((n, v) => n + v.count, 0)).toBeLessThanOrEqual(events.length);
  });

  it('exports the tuned rule as TOML and Kibana NDJSON that import back unchanged', () => {
    const meta = { ...defaultExample.metadata, name: 'Tuned' };
    const ids = new Set<string | undefined>();
    for (const format of ['toml', 'kibana-ndjson'] as const) {
      const text = exportRule(format, edited, meta, { timestampField: 'event.ingested' });
      const back = parseRuleText(text);
      expect(back.format).toBe(format);
      expect(back.query).toBe(edited);
      const { threat, ...plain } = meta;
      expect(back.metadata).toMatchObject({ ...plain, timestampOverride: 'event.ingested' });
      expect(back.metadata.threat?.[0]?.tactic).toEqual(threat[0]!.tactic);
      ids.add(back.metadata.ruleId);
      expect(back.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    }
    // Both files name the rule alike (an id derived from the name when the rule has none).
    expect(ids.size).toBe(1);
    expect([...ids][0]).toMatch(/^[0-9a-f]{8}-/);
  });

  it('reads and writes workspace files; a bad one gives located problems and no workspace', () => {
    const text = writeWorkspace({
      rule: edited,
      events: defaultExample.events,
      expectations: { 'apt-01': { verdict: 'suppressed' } },
      baseline: { rule },
    });
    const back = readWorkspace(text);
    expect(back.problems).toEqual([]);
    expect(back.workspace).toMatchObject({
      rule: edited,
      baseline: { rule },
      expectations: { 'apt-01': { verdict: 'suppressed' } },
    });
    const bad = readWorkspace('{\n  "kind": "eql-playground-workspace",\n  "version": 1,\n  "rule": 3\n}');
    expect(bad.workspace).toBeUndefined();
    expect(bad.problems[0]).toMatchObject({ severity: 'error', at: { line: 4 } });
  });
});
