/** Writing a rule as detection-rules TOML ([metadata], [rule], [[rule.threat]]). */
import type { MitreRef, RuleMetadata } from '../core/rule-metadata';

function basic(s: string): string {
  let out = '"';
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (ch === '"') out += '\\"';
    else if (ch === '\\') out += '\\\\';
    else if (ch === '\n') out += '\\n';
    else if (ch === '\t') out += '\\t';
    else if (ch === '\r') out += '\\r';
    else if (c < 0x20 || c === 0x7f) out += `\\u${c.toString(16).padStart(4, '0')}`;
    else out += ch;
  }
  return `${out}"`;
}

/**
 * Multi-line strings for long prose; literal ''' when possible so backslashes stay readable. The
 * text reads back exactly: the closing quotes follow its last character (a text that ends with a
 * line break puts them on a line of their own).
 */
function multiline(s: string): string {
  const body = s;
  // biome-ignore lint/suspicious/noControlCharactersInRegex: TOML requires control characters to be escaped
  const literalOk = !s.includes("'''") && !/[\u0000-\u0008\u000b-\u001f\u007f]/.test(s) && !s.endsWith("'");
  if (literalOk) return `'''\n${body}'''`;
  const escaped = body
    .replace(/\\/g, '\\\\')
    .replace(/"""/g, '""\\"')
    // biome-ignore lint/suspicious/noControlCharactersInRegex: TOML requires control characters to be escaped
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return `"""\n${escaped}"""`;
}

function value(v: string | number | readonly string[]): string {
  if (typeof v === 'number') return String(v);
  if (typeof v === 'string') return v.includes('\n') ? multiline(v) : basic(v);
  if (v.length === 0) return '[]';
  const items = v.map(basic);
  const one = `[${items.join(', ')}]`;
  return one.length <= 100 ? one : `[\n${items.map((x) => `    ${x},`).join('\n')}\n]`;
}

function table(lines: string[], entries: [string, string | number | readonly string[] | undefined][]): void {
  for (const [k, v] of entries.sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    if (v !== undefined) lines.push(`${k} = ${value(v)}`);
  }
}

function ref(lines: string[], r: MitreRef): void {
  table(lines, [
    ['id', r.id],
    ['name', r.name],
    ['reference', r.reference],
  ]);
}

/** Render `metadata` and `query` as a detection-rules TOML file. */
export function ruleToToml(metadata: RuleMetadata, query: string): string {
  const lines: string[] = [];
  const metaEntries: [string, string | number | readonly string[] | undefined][] = [
    ['creation_date', metadata.creationDate],
    ['integration', metadata.integrations],
    ['maturity', metadata.maturity],
    ['min_stack_version', metadata.minStackVersion],
    ['updated_date', metadata.updatedDate],
  ];
  if (metaEntries.some(([, v]) => v !== undefined)) {
    lines.push('[metadata]');
    table(lines, metaEntries);
    lines.push('');
  }
  lines.push('[rule]');
  table(lines, [
    ['author', metadata.authors],
    ['description', metadata.description],
    ['event_category_override', metadata.eventCategoryOverride],
    ['false_positives', metadata.falsePositives],
    ['from', metadata.from],
    ['index', metadata.indices],
    ['interval', metadata.interval],
    ['language', 'eql'],
    ['license', metadata.license],
    ['max_signals', metadata.maxSignals],
    ['name', metadata.name],
    ['note', metadata.note],
    ['references', metadata.references],
    ['risk_score', metadata.riskScore],
    ['rule_id', metadata.ruleId],
    ['setup', metadata.setup],
    ['severity', metadata.severity],
    ['tags', metadata.tags],
    ['tiebreaker_field', metadata.tiebreakerField],
    ['timestamp_override', metadata.timestampOverride],
    ['type', 'eql'],
    ['version', metadata.version],
  ]);
  lines.push(`query = ${multiline(query)}`);
  for (const t of metadata.threat ?? []) {
    lines.push('', '[[rule.threat]]');
    table(lines, [['framework', t.framework ?? 'MITRE ATT&CK']]);
    for (const tech of t.techniques ?? []) {
      lines.push('', '[[rule.threat.technique]]');
      ref(lines, tech);
      for (const sub of tech.subtechniques ?? []) {
        lines.push('', '[[rule.threat.technique.subtechnique]]');
        ref(lines, sub);
      }
    }
    if (t.tactic) {
      lines.push('', '[rule.threat.tactic]');
      ref(lines, t.tactic);
    }
  }
  return `${lines.join('\n')}\n`;
}
