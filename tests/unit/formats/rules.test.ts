import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LineIndex } from '../../../src/core/diagnostics/diagnostic';
import { detectRuleFormat, parseRuleText, ruleToToml } from '../../../src/formats/rules';
import { PROJECT_ROOT } from '../../conformance/harness';

const EXAMPLE = resolve(PROJECT_ROOT, '../shared/examples/apt-package-manager-configuration-file-creation.md');

const TOML_RULE = `[metadata]
creation_date = "2020/01/01"
integration = ["endpoint"]
maturity = "production"
updated_date = "2024/05/06"

[rule]
author = ["Elastic"]
description = """
Finds a shell started by a web server.
"""
from = "now-9m"
index = ["logs-endpoint.events.process-*"]
language = "eql"
license = "Elastic License v2"
name = "Web Shell"
risk_score = 73
rule_id = "0000-1111"
severity = "high"
tags = ["OS: Linux"]
timestamp_override = "event.ingested"
event_category_override = "event.type"
type = "eql"
query = '''
process where process.parent.name == "httpd" and process.name : ("sh", "bash")
'''

[[rule.threat]]
framework = "MITRE ATT&CK"
[[rule.threat.technique]]
id = "T1505"
name = "Server Software Component"
reference = "https://attack.mitre.org/techniques/T1505/"
[[rule.threat.technique.subtechnique]]
id = "T1505.003"
name = "Web Shell"
reference = "https://attack.mitre.org/techniques/T1505/003/"

[rule.threat.tactic]
id = "TA0003"
name = "Persistence"
reference = "https://attack.mitre.org/tactics/TA0003/"
`;

describe('parseRuleText', () => {
  it('treats anything else as raw EQL', () => {
    const r = parseRuleText('process where true');
    expect(r).toEqual({ format: 'eql', query: 'process where true', queryOffset: 0, metadata: {}, diagnostics: [] });
  });

  it('detects formats from content and file names', () => {
    expect(detectRuleFormat('[rule]\nquery = "x"')).toBe('toml');
    expect(detectRuleFormat('{"type":"eql"}')).toBe('kibana-ndjson');
    expect(detectRuleFormat('# T\n## Rule query\n```\nx\n```')).toBe('docs-page');
    expect(detectRuleFormat('any where true', 'rule.toml')).toBe('toml');
  });

  it.skipIf(!existsSync(EXAMPLE))(
    'parses the docs page example to the exact query and metadata (skipped without ../shared)',
    () => {
      const text = readFileSync(EXAMPLE, 'utf8');
      const r = parseRuleText(text, 'apt.md');
      expect(r.format).toBe('docs-page');
      expect(r.diagnostics).toEqual([]);
      expect(
        r.query.startsWith('file where host.os.type == "linux" and event.action in ("rename", "creation") and\n'),
      ).toBe(true);
      expect(r.query.endsWith('(process.name == "perl" and file.name : "e2scrub_all.tmp*")\n)')).toBe(true);
      expect(r.query.split('\n')).toHaveLength(25);
      expect(text.slice(r.queryOffset, r.queryOffset + r.query.length)).toBe(r.query);
      expect(new LineIndex(text).position(r.queryOffset).line).toBe(
        text.split('\n').findIndex((l) => l.startsWith('file where')) + 1,
      );
      const m = r.metadata;
      expect(m).toMatchObject({
        name: 'APT Package Manager Configuration File Creation',
        type: 'eql',
        language: 'eql',
        severity: 'medium',
        riskScore: 47,
        indices: ['logs-endpoint.events.file*'],
        interval: '5m',
        from: 'now-9m',
        maxSignals: 100,
        version: 5,
        authors: ['Elastic'],
        license: 'Elastic License v2',
        references: [
          'https://packetstormsecurity.com/files/152668/APT-Package-Manager-Persistence.html',
          'https://www.elastic.co/security-labs/sequel-on-persistence-mechanisms',
        ],
      });
      expect(m.description).toMatch(/^Detects file creation events in the configuration directory/);
      expect(m.tags).toContain('Data Source: Elastic Defend');
      expect(m.tags).toHaveLength(7);
      expect(m.threat).toEqual([
        {
          framework: 'MITRE ATT&CK',
          tactic: { name: 'Persistence', id: 'TA0003', reference: 'https://attack.mitre.org/tactics/TA0003/' },
          techniques: [
            {
              name: 'Create or Modify System Process',
              id: 'T1543',
              reference: 'https://attack.mitre.org/techniques/T1543/',
            },
            {
              name: 'Event Triggered Execution',
              id: 'T1546',
              reference: 'https://attack.mitre.org/techniques/T1546/',
              subtechniques: [
                {
                  name: 'Installer Packages',
                  id: 'T1546.016',
                  reference: 'https://attack.mitre.org/techniques/T1546/016/',
                },
              ],
            },
            { name: 'Hijack Execution Flow', id: 'T1574', reference: 'https://attack.mitre.org/techniques/T1574/' },
          ],
        },
        {
          framework: 'MITRE ATT&CK',
          tactic: { name: 'Defense Evasion', id: 'TA0005', reference: 'https://attack.mitre.org/tactics/TA0005/' },
        },
      ]);
    },
  );

  it('reports a docs page without a query block at the heading', () => {
    const text = '# Rule\n\n## Rule query\n\nnothing here\n';
    const r = parseRuleText(text, 'x.md');
    expect(r.query).toBe('');
    expect(r.queryOffset).toBe(-1);
    expect(r.diagnostics).toEqual([
      expect.objectContaining({ code: 'RULE7003', range: { start: 8, end: 21 }, source: 'rule' }),
    ]);
  });

  it('parses a detection-rules TOML rule with settings and threat mapping', () => {
    const r = parseRuleText(TOML_RULE);
    expect(r.format).toBe('toml');
    expect(r.diagnostics).toEqual([]);
    expect(r.query).toBe('process where process.parent.name == "httpd" and process.name : ("sh", "bash")\n');
    expect(TOML_RULE.slice(r.queryOffset, r.queryOffset + r.query.length)).toBe(r.query);
    expect(r.metadata).toMatchObject({
      name: 'Web Shell',
      ruleId: '0000-1111',
      description: 'Finds a shell started by a web server.\n',
      severity: 'high',
      riskScore: 73,
      indices: ['logs-endpoint.events.process-*'],
      from: 'now-9m',
      timestampOverride: 'event.ingested',
      eventCategoryOverride: 'event.type',
      creationDate: '2020/01/01',
      integrations: ['endpoint'],
      maturity: 'production',
    });
    expect(r.metadata.threat?.[0]?.techniques?.[0]?.subtechniques?.[0]?.id).toBe('T1505.003');
    expect(r.metadata.threat?.[0]?.tactic?.id).toBe('TA0003');
  });

  it('locates TOML syntax errors', () => {
    const text = '[rule]\nname = "x"\nquery = = "y"\n';
    const r = parseRuleText(text);
    expect(r.diagnostics).toHaveLength(1);
    const d = r.diagnostics[0]!;
    expect(d).toMatchObject({ code: 'RULE7002', severity: 'error', source: 'rule' });
    const p = new LineIndex(text).position(d.range.start);
    expect([p.line, p.column]).toEqual([3, 9]);
    expect(parseRuleText('[rule]\nname = "x"\n').diagnostics.map((x) => x.code)).toEqual(['RULE7003']);
  });

  it('reads the first EQL rule of a Kibana export', () => {
    const text = [
      JSON.stringify({ type: 'query', query: 'host.name: x', name: 'KQL rule' }),
      JSON.stringify({
        type: 'eql',
        query: 'process where true',
        name: 'EQL rule',
        severity: 'low',
        risk_score: 21,
        index: ['logs-*'],
        tiebreaker_field: 'event.sequence',
        threat: [
          { framework: 'MITRE ATT&CK', tactic: { id: 'TA0002', name: 'Execution', reference: 'u' }, technique: [] },
        ],
      }),
      JSON.stringify({ exported_count: 2 }),
    ].join('\n');
    const r = parseRuleText(text, 'rules_export.ndjson');
    expect(r.format).toBe('kibana-ndjson');
    expect(r.query).toBe('process where true');
    expect(text.slice(r.queryOffset, r.queryOffset + r.query.length)).toBe('process where true');
    expect(r.metadata).toMatchObject({
      name: 'EQL rule',
      severity: 'low',
      riskScore: 21,
      indices: ['logs-*'],
      tiebreakerField: 'event.sequence',
    });
    expect(r.metadata.threat?.[0]?.tactic?.name).toBe('Execution');
    const escaped = parseRuleText(JSON.stringify({ type: 'eql', query: 'a where b == "c"' }));
    expect(escaped.query).toBe('a where b == "c"');
    expect(escaped.queryOffset).toBe(-1);
    expect(parseRuleText('{"type":"query"}').diagnostics.map((d) => d.code)).toEqual(['RULE7003']);
  });

  it('reads hostile layouts in linear time: long runs of newlines, brackets and spaces', () => {
    // A pretty-printed object followed by 100,000 blank lines and a second object on its own line.
    const pretty = JSON.stringify({ type: 'eql', query: 'process where true', name: 'A' }, null, 2);
    const second = JSON.stringify({ type: 'eql', query: 'file where true', name: 'B' });
    const many = parseRuleText(`${pretty}}${'\n'.repeat(100_000)}{`, 'x.ndjson');
    expect(many.format).toBe('kibana-ndjson');
    const lines = parseRuleText(
      `${JSON.stringify({ type: 'eql', query: 'process where true' })}\n  \n${second}`,
      'x.ndjson',
    );
    expect(lines.query).toBe('process where true');
    const single = parseRuleText(`${pretty}${' \n'.repeat(50_000)}`, 'x.ndjson');
    expect(single.query).toBe('process where true');
    // A docs page whose title is 300,000 characters of brackets and spaces.
    const page = (title: string) =>
      `# ${title}\n\nSome rule.\n\n## Rule query\n\n\`\`\`js\nprocess where true\n\`\`\`\n`;
    expect(parseRuleText(page('['.repeat(300_000))).metadata.name).toBe('['.repeat(300_000));
    expect(parseRuleText(page(`Name${' '.repeat(300_000)}[x`)).metadata.name).toBe(`Name${' '.repeat(300_000)}[x`);
    expect(parseRuleText(page('Rule name [Beta]')).metadata.name).toBe('Rule name');
    expect(parseRuleText(page('Rule [a] name [b] ')).metadata.name).toBe('Rule [a] name');
    expect(parseRuleText(page('Rule name []')).metadata.name).toBe('Rule name');
    expect(parseRuleText(page('[only]')).metadata.name).toBe('');
  });

  it('writes TOML that reads back to the same rule', () => {
    const r = parseRuleText(TOML_RULE);
    const toml = ruleToToml(r.metadata, r.query);
    const back = parseRuleText(toml, 'out.toml');
    expect(back.diagnostics).toEqual([]);
    expect(back.query).toBe(r.query);
    expect(back.metadata).toEqual({ ...r.metadata, type: 'eql', language: 'eql' });
    const tricky = ruleToToml({ name: 'q"\\' }, "x where a == '''\\n'''");
    expect(parseRuleText(tricky, 'x.toml')).toMatchObject({
      query: "x where a == '''\\n'''",
      metadata: { name: 'q"\\' },
    });
  });
});
