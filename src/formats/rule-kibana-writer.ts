/**
 * Writing a rule as a Kibana detection rules import file (NDJSON, one rule object per line,
 * snake_case keys as the detection engine's rules API uses them). Kibana's import needs
 * `rule_id`, `name`, `description`, `risk_score`, `severity`, `type` and, for EQL, `language`
 * and `query`; a rule without them gets defaults (a rule id derived from its name, severity
 * low, risk score 21, the name as its description). Rules are written disabled.
 */
import type { MitreRef, MitreTechnique, RuleMetadata, ThreatMapping } from '../core/rule-metadata';

function ref(r: MitreRef): Record<string, string> {
  const out: Record<string, string> = {};
  if (r.id !== undefined) out.id = r.id;
  if (r.name !== undefined) out.name = r.name;
  if (r.reference !== undefined) out.reference = r.reference;
  return out;
}

function technique(t: MitreTechnique): Record<string, unknown> {
  const subs = t.subtechniques ?? [];
  return { ...ref(t), ...(subs.length > 0 ? { subtechnique: subs.map(ref) } : {}) };
}

function threat(t: ThreatMapping): Record<string, unknown> {
  return {
    framework: t.framework ?? 'MITRE ATT&CK',
    ...(t.tactic ? { tactic: ref(t.tactic) } : {}),
    technique: (t.techniques ?? []).map(technique),
  };
}

/** A stable rule id in UUID form for a rule that has none (FNV-1a over the text, four rounds). */
export function derivedRuleId(text: string): string {
  let hex = '';
  for (let round = 0; round < 4; round++) {
    let h = 0x811c9dc5 ^ round;
    for (let i = 0; i < text.length; i++) {
      h ^= text.charCodeAt(i);
      h = Math.imul(h, 0x01000193);
    }
    hex += (h >>> 0).toString(16).padStart(8, '0');
  }
  const v = `4${hex.slice(13, 16)}`;
  const variant = ((parseInt(hex[16]!, 16) & 3) | 8).toString(16) + hex.slice(17, 20);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${v}-${variant}-${hex.slice(20, 32)}`;
}

/** Render `metadata` and `query` as one line of a Kibana rules import file (with its newline). */
export function ruleToKibanaNdjson(metadata: RuleMetadata, query: string): string {
  const name = metadata.name ?? 'Untitled EQL rule';
  const rule: Record<string, unknown> = {
    rule_id: metadata.ruleId ?? derivedRuleId(name),
    name,
    description: metadata.description ?? name,
    type: 'eql',
    language: 'eql',
    query,
    severity: metadata.severity ?? 'low',
    risk_score: metadata.riskScore ?? 21,
    enabled: false,
  };
  const optional: [string, unknown][] = [
    ['index', metadata.indices],
    ['interval', metadata.interval],
    ['from', metadata.from],
    ['max_signals', metadata.maxSignals],
    ['references', metadata.references],
    ['tags', metadata.tags],
    ['version', metadata.version],
    ['author', metadata.authors],
    ['license', metadata.license],
    ['false_positives', metadata.falsePositives],
    ['note', metadata.note],
    ['setup', metadata.setup],
    ['event_category_override', metadata.eventCategoryOverride],
    ['timestamp_override', metadata.timestampOverride],
    ['tiebreaker_field', metadata.tiebreakerField],
  ];
  for (const [k, v] of optional) if (v !== undefined) rule[k] = v;
  if (metadata.threat && metadata.threat.length > 0) rule.threat = metadata.threat.map(threat);
  return `${JSON.stringify(rule)}\n`;
}
