/**
 * Exporting a tuned rule: detection-rules TOML keeps the imported metadata and replaces the
 * query; the Kibana import NDJSON has what Kibana's rule import requires. Both read back into
 * the playground as the same rule.
 */
import { describe, expect, test } from 'vitest';
import { defaultExample } from '../../../src/examples/default-example';
import {
  derivedRuleId,
  parseRuleText,
  ruleToKibanaNdjson,
  ruleToToml,
  type RuleMetadata,
} from '../../../src/formats/rules';

const TOML = `[metadata]
creation_date = "2020/01/01"
integration = ["endpoint"]
maturity = "production"
updated_date = "2025/01/01"

[rule]
author = ["Elastic"]
description = """
Detects file creation in the APT configuration directory.
"""
from = "now-9m"
index = ["logs-endpoint.events.file*"]
language = "eql"
license = "Elastic License v2"
name = "APT Package Manager Configuration File Creation"
note = """## Triage
Look at the parent."""
references = ["https://example.org/apt"]
risk_score = 47
rule_id = "7b5cb1a4-2a5d-4a9c-9d8e-8f8f1e2c3d4e"
severity = "medium"
tags = ["Domain: Endpoint", "OS: Linux"]
timestamp_override = "event.ingested"
type = "eql"
version = 5
query = '''
${defaultExample.query}'''

[[rule.threat]]
framework = "MITRE ATT&CK"

[[rule.threat.technique]]
id = "T1543"
name = "Create or Modify System Process"
reference = "https://attack.mitre.org/techniques/T1543/"

[[rule.threat.technique.subtechnique]]
id = "T1543.002"
name = "Systemd Service"
reference = "https://attack.mitre.org/techniques/T1543/002/"

[rule.threat.tactic]
id = "TA0003"
name = "Persistence"
reference = "https://attack.mitre.org/tactics/TA0003/"
`;

const tuned = defaultExample.query.replace('"/usr/bin/apt-get"', '"/usr/bin/apt-get", "/opt/tool/bin/agent"');

/** The metadata keys only detection-rules TOML has ([metadata]); Kibana has no place for them. */
function withoutTomlOnly(m: RuleMetadata): RuleMetadata {
  const { creationDate, updatedDate, maturity, integrations, minStackVersion, ...rest } = m;
  return rest;
}

describe('exporting the tuned rule', () => {
  const imported = parseRuleText(TOML, 'rule.toml');

  test('the sample imports cleanly', () => {
    expect(imported.diagnostics).toEqual([]);
    expect(imported.query).toBe(defaultExample.query);
    expect(imported.metadata.threat?.[0]?.techniques?.[0]?.subtechniques?.[0]?.id).toBe('T1543.002');
  });

  test('TOML: metadata kept, query replaced, reads back unchanged', () => {
    const toml = ruleToToml(imported.metadata, tuned);
    const back = parseRuleText(toml, 'tuned.toml');
    expect(back.diagnostics).toEqual([]);
    expect(back.query).toBe(tuned);
    expect(back.metadata).toEqual(imported.metadata);
    // Exported again, byte for byte the same file.
    expect(ruleToToml(back.metadata, back.query)).toBe(toml);
  });

  test('TOML keeps a query or a description without a final line break exactly', () => {
    const back = parseRuleText(ruleToToml({ name: 'x', description: 'one line' }, 'any where true'), 'x.toml');
    expect(back.query).toBe('any where true');
    expect(back.metadata.description).toBe('one line');
  });

  test('Kibana NDJSON: one rule object per line, with what Kibana import requires', () => {
    const text = ruleToKibanaNdjson(imported.metadata, tuned);
    expect(text.endsWith('\n')).toBe(true);
    expect(text.trimEnd().split('\n')).toHaveLength(1);
    const rule = JSON.parse(text) as Record<string, unknown>;
    for (const key of ['rule_id', 'name', 'description', 'risk_score', 'severity', 'type', 'language', 'query'])
      expect(rule[key], key).toBeDefined();
    expect(rule).toMatchObject({
      rule_id: '7b5cb1a4-2a5d-4a9c-9d8e-8f8f1e2c3d4e',
      type: 'eql',
      language: 'eql',
      query: tuned,
      risk_score: 47,
      index: ['logs-endpoint.events.file*'],
      timestamp_override: 'event.ingested',
      enabled: false,
    });
    expect(rule.threat).toEqual([
      {
        framework: 'MITRE ATT&CK',
        tactic: { id: 'TA0003', name: 'Persistence', reference: 'https://attack.mitre.org/tactics/TA0003/' },
        technique: [
          {
            id: 'T1543',
            name: 'Create or Modify System Process',
            reference: 'https://attack.mitre.org/techniques/T1543/',
            subtechnique: [
              { id: 'T1543.002', name: 'Systemd Service', reference: 'https://attack.mitre.org/techniques/T1543/002/' },
            ],
          },
        ],
      },
    ]);
  });

  test('Kibana NDJSON reads back unchanged (all but the TOML-only [metadata] keys)', () => {
    const back = parseRuleText(ruleToKibanaNdjson(imported.metadata, tuned), 'rules_export.ndjson');
    expect(back.diagnostics).toEqual([]);
    expect(back.format).toBe('kibana-ndjson');
    expect(back.query).toBe(tuned);
    expect(back.metadata).toEqual(withoutTomlOnly(imported.metadata));
    expect(ruleToKibanaNdjson(back.metadata, back.query)).toBe(ruleToKibanaNdjson(imported.metadata, tuned));
  });

  test('a rule without metadata gets the required keys with defaults, and a stable rule id', () => {
    const rule = JSON.parse(ruleToKibanaNdjson({}, 'any where true')) as Record<string, unknown>;
    expect(rule).toMatchObject({
      name: 'Untitled EQL rule',
      description: 'Untitled EQL rule',
      severity: 'low',
      risk_score: 21,
    });
    expect(rule.rule_id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(derivedRuleId('x')).toBe(derivedRuleId('x'));
    expect(derivedRuleId('x')).not.toBe(derivedRuleId('y'));
  });
});
