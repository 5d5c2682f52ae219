import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { RuleMetadata } from '../../../src/formats/rules';
import { parseRuleText } from '../../../src/formats/rules';
import { checkSharePayload } from '../../../src/share/schema';

const base = { rule: 'process where true', events: '' };

function check(value: unknown) {
  const r = checkSharePayload(value);
  if (!r.ok) throw new Error(r.message);
  return r;
}

describe('share payload schema', () => {
  it('keeps a well-typed payload as it is, with no notices', () => {
    const value = {
      ...base,
      settings: { size: 5, resultPosition: 'head', futureSetting: true },
      mapping: '{}',
      selected: '3',
      meta: {
        name: 'Rule',
        riskScore: 21,
        tags: ['a'],
        threat: [
          {
            framework: 'MITRE ATT&CK',
            tactic: { id: 'TA0002', name: 'Execution', reference: 'https://x' },
            techniques: [{ id: 'T1059', name: 'Cmd', subtechniques: [{ id: 'T1059.004' }] }],
          },
        ],
      },
    };
    const r = check(value);
    expect(r.payload).toEqual(value);
    expect(r.notices).toEqual([]);
  });

  it('drops wrongly typed metadata deep inside, with a notice naming the field', () => {
    const r = check({ ...base, meta: { name: 'x', threat: [{ techniques: 'oops' }] } });
    expect(r.payload.meta).toEqual({ name: 'x', threat: [{}] });
    expect(r.notices).toEqual(['meta.threat[0].techniques was dropped: expected a list, found a string']);
    const deeper = check({
      ...base,
      meta: { threat: [{ tactic: 7, techniques: [{ subtechniques: [{ id: 1 }] }, 'x'] }] },
    });
    expect(deeper.payload.meta).toEqual({ threat: [{ techniques: [{ subtechniques: [{}] }] }] });
    expect(deeper.notices).toEqual([
      'meta.threat[0].tactic was dropped: expected an object, found a number',
      'meta.threat[0].techniques[0].subtechniques[0].id was dropped: expected text, found a number',
      'meta.threat[0].techniques[1] was dropped: expected an object, found a string',
    ]);
  });

  it('drops unknown fields and non-scalar settings; keeps scalar settings, known or not', () => {
    const r = check({ ...base, extra: 1, settings: { size: 5, other: 'kept', nested: {} }, meta: { bogus: true } });
    expect(r.payload).toEqual({ ...base, settings: { size: 5, other: 'kept' }, meta: {} });
    expect(r.notices).toEqual([
      'extra was dropped: not a known field',
      'settings.nested was dropped: expected text, a number, true/false or null, found an object',
      'meta.bogus was dropped: not a known field',
    ]);
  });

  it('keeps meta null (an untitled rule) and refuses a state without rule or events', () => {
    expect(check({ ...base, meta: null }).payload.meta).toBeNull();
    expect(checkSharePayload({ events: '' })).toEqual({ ok: false, message: 'the rule is missing' });
    expect(checkSharePayload({ rule: '' })).toEqual({ ok: false, message: 'the events are missing' });
    expect(checkSharePayload([])).toEqual({ ok: false, message: 'the state is not an object' });
  });

  it('does not let a __proto__ key reach any prototype', () => {
    const r = check(JSON.parse('{"rule":"a","events":"","meta":{"__proto__":{"name":"p"}},"__proto__":{"x":1}}'));
    expect(Object.getPrototypeOf(r.payload)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).name).toBeUndefined();
    expect(r.notices).toContain('__proto__ was dropped: not a known field');
  });

  it('accepts every key an imported rule carries (the metadata the formats produce)', () => {
    const toml = `[metadata]\ncreation_date = "2020/01/01"\nintegration = ["endpoint"]\nmaturity = "production"\nmin_stack_version = "8.3.0"\nupdated_date = "2024/05/06"\n\n[rule]\nauthor = ["Elastic"]\ndescription = "d"\nfalse_positives = ["fp"]\nfrom = "now-9m"\nindex = ["logs-*"]\ninterval = "5m"\nlanguage = "eql"\nlicense = "Elastic License v2"\nmax_signals = 100\nname = "R"\nnote = "n"\nreferences = ["r"]\nrisk_score = 73\nrule_id = "id"\nsetup = "s"\nseverity = "high"\ntags = ["t"]\ntimestamp_override = "event.ingested"\ntiebreaker_field = "event.sequence"\nevent_category_override = "event.type"\ntype = "eql"\nversion = 3\nquery = "process where true"\n\n[[rule.threat]]\nframework = "MITRE ATT&CK"\n[[rule.threat.technique]]\nid = "T1"\nname = "n"\nreference = "u"\n[[rule.threat.technique.subtechnique]]\nid = "T1.001"\nname = "s"\nreference = "u"\n[rule.threat.tactic]\nid = "TA1"\nname = "t"\nreference = "u"\n`;
    const meta: RuleMetadata = parseRuleText(toml, 'r.toml').metadata;
    expect(Object.keys(meta).length).toBeGreaterThan(20);
    const r = check({ ...base, meta: JSON.parse(JSON.stringify(meta)) });
    expect(r.notices).toEqual([]);
    expect(r.payload.meta).toEqual(JSON.parse(JSON.stringify(meta)));
  });

  it('never throws and returns only well-typed values on arbitrary JSON (property)', () => {
    const json = fc.jsonValue({ maxDepth: 5 });
    const payloadLike = fc.record(
      {
        rule: fc.string(),
        events: fc.string(),
        settings: json,
        mapping: json,
        selected: json,
        meta: json,
        other: json,
      },
      { requiredKeys: ['rule', 'events'] },
    );
    fc.assert(
      fc.property(fc.oneof(json, payloadLike), (v) => {
        const r = checkSharePayload(v);
        if (!r.ok) return;
        const p = r.payload;
        expect(typeof p.rule).toBe('string');
        if (p.mapping !== undefined) expect(typeof p.mapping).toBe('string');
        if (p.selected !== undefined) expect(typeof p.selected).toBe('string');
        for (const s of Object.values(p.settings ?? {}))
          expect(s === null || ['string', 'number', 'boolean'].includes(typeof s)).toBe(true);
        const meta = p.meta as Record<string, unknown> | null | undefined;
        if (meta) for (const t of (meta.threat as unknown[] | undefined) ?? []) expect(typeof t).toBe('object');
      }),
      { numRuns: 1000 },
    );
  });
});
