/**
 * Reading detection rules in the formats detection engineers have at hand, and writing
 * detection-rules TOML:
 *   - raw EQL;
 *   - the Elastic rule reference page (markdown: "## Rule query" code block plus metadata);
 *   - detection-rules TOML ([metadata] + [rule] + [[rule.threat]]);
 *   - Kibana rule export NDJSON (the first object with type "eql" and a query).
 */
import { parse as parseToml, TomlError } from 'smol-toml';
import { LineIndex, type Diagnostic } from '../core/diagnostics/diagnostic';
import type { MitreRef, MitreTechnique, RuleFormat, RuleMetadata, ThreatMapping } from '../core/rule-metadata';
import type { ParsedRule } from './parsed-rule';
import { diagnosticAt } from '../core/diagnostics/table';
import { Rules } from './diagnostics';
import { parseDocsPage } from './rule-docs-page';
import { jsonQueryOffsets, tomlQueryOffsets } from './string-offsets';
import { isObject } from '../core/runtime/values';

export { parseDocsPage } from './rule-docs-page';
export { ruleToToml } from './rule-toml-writer';
export { ruleToKibanaNdjson, derivedRuleId } from './rule-kibana-writer';

export type { RuleFormat } from '../core/rule-metadata';

export type {
  MitreRef,
  MitreTechnique,
  RuleMetadata,
  ThreatMapping,
} from '../core/rule-metadata';

export type { ParsedRule } from './parsed-rule';

type Json = Record<string, unknown>;
type Mutable<T> = { -readonly [K in keyof T]: T[K] };

function str(v: unknown): string | undefined {
  return typeof v === 'string' ? v : undefined;
}

function num(v: unknown): number | undefined {
  if (typeof v === 'number' && Number.isFinite(v)) return v;
  if (typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v))) return Number(v);
  return undefined;
}

function strList(v: unknown): string[] | undefined {
  if (typeof v === 'string') return [v];
  if (!Array.isArray(v)) return undefined;
  return v.filter((x): x is string => typeof x === 'string');
}

/** Drop undefined entries so metadata objects compare cleanly. */
/** The object without its undefined properties (so optional properties are absent, not undefined). */
function clean<T extends object>(o: T): { [K in keyof T]?: Exclude<T[K], undefined> } {
  for (const k of Object.keys(o) as (keyof T)[]) if (o[k] === undefined) delete o[k];
  return o as { [K in keyof T]?: Exclude<T[K], undefined> };
}

/** Decide the format of `text` (the file name helps when given). */
export function detectRuleFormat(text: string, filename?: string): RuleFormat {
  const name = (filename ?? '').toLowerCase();
  if (name.endsWith('.toml')) return 'toml';
  if (name.endsWith('.ndjson') || name.endsWith('.json')) return 'kibana-ndjson';
  if (name.endsWith('.md') || name.endsWith('.markdown')) return 'docs-page';
  const trimmed = text.trimStart();
  if (trimmed.startsWith('{')) return 'kibana-ndjson';
  if (/^\[(rule|metadata)\][ \t]*\r?$/m.test(text)) return 'toml';
  if (/^##[ \t]+Rule query\b/m.test(text)) return 'docs-page';
  return 'eql';
}

/** Parse a rule in any supported format. Never throws. */
export function parseRuleText(text: string, filename?: string): ParsedRule {
  const format = detectRuleFormat(text, filename);
  switch (format) {
    case 'eql':
      return { format, query: text, queryOffset: 0, metadata: {}, diagnostics: [] };
    case 'docs-page':
      return parseDocsPage(text);
    case 'toml':
      return parseTomlRule(text);
    case 'kibana-ndjson':
      return parseKibanaNdjson(text);
  }
}

/* ───────────── shared: rule objects (TOML [rule] and Kibana JSON use the same keys) ───────────── */

function mitre(v: unknown): MitreRef | undefined {
  if (!isObject(v)) return undefined;
  return clean({ id: str(v.id), name: str(v.name), reference: str(v.reference) });
}

function threatList(v: unknown): ThreatMapping[] | undefined {
  if (!Array.isArray(v)) return undefined;
  return v.filter(isObject).map((t) => {
    const techniques = Array.isArray(t.technique)
      ? t.technique.filter(isObject).map((tech) => {
          const subs = Array.isArray(tech.subtechnique)
            ? tech.subtechnique.map(mitre).filter((s): s is MitreRef => s !== undefined)
            : undefined;
          return clean({ ...mitre(tech), subtechniques: subs && subs.length > 0 ? subs : undefined }) as MitreTechnique;
        })
      : undefined;
    return clean({ framework: str(t.framework), tactic: mitre(t.tactic), techniques });
  });
}

function ruleObjectMetadata(r: Json): Mutable<RuleMetadata> {
  return clean({
    ruleId: str(r.rule_id),
    name: str(r.name),
    description: str(r.description),
    type: str(r.type),
    language: str(r.language),
    severity: str(r.severity),
    riskScore: num(r.risk_score),
    indices: strList(r.index),
    interval: str(r.interval),
    from: str(r.from),
    maxSignals: num(r.max_signals),
    references: strList(r.references),
    tags: strList(r.tags),
    version: num(r.version),
    authors: strList(r.author),
    license: str(r.license),
    falsePositives: strList(r.false_positives),
    note: str(r.note),
    setup: str(r.setup),
    threat: threatList(r.threat),
    eventCategoryOverride: str(r.event_category_override),
    timestampOverride: str(r.timestamp_override),
    tiebreakerField: str(r.tiebreaker_field),
  });
}

/* ───────────── detection-rules TOML ───────────── */

function parseTomlRule(text: string): ParsedRule {
  const diagnostics: Diagnostic[] = [];
  let doc: Json;
  try {
    doc = parseToml(text) as Json;
  } catch (e) {
    const lines = new LineIndex(text);
    let start = 0;
    let message = 'Invalid TOML';
    if (e instanceof TomlError) {
      start = lines.offset(e.line, e.column);
      message = e.message.split('\n')[0]!;
    } else if (e instanceof Error) message = e.message.split('\n')[0]!;
    diagnostics.push(
      diagnosticAt(Rules.RuleTomlSyntax.toml(message), { start, end: Math.min(text.length, start + 1) }),
    );
    return { format: 'toml', query: '', queryOffset: -1, metadata: {}, diagnostics };
  }
  const rule = isObject(doc.rule) ? doc.rule : {};
  const meta = isObject(doc.metadata) ? doc.metadata : {};
  const metadata = ruleObjectMetadata(rule);
  Object.assign(
    metadata,
    clean({
      creationDate: str(meta.creation_date),
      updatedDate: str(meta.updated_date),
      maturity: str(meta.maturity),
      integrations: strList(meta.integration),
      minStackVersion: str(meta.min_stack_version),
    }),
  );
  const query = str(rule.query);
  if (query === undefined) {
    diagnostics.push(diagnosticAt(Rules.RuleNoQuery.toml(), { start: 0, end: Math.min(text.length, 1) }));
    return { format: 'toml', query: '', queryOffset: -1, metadata, diagnostics };
  }
  if (metadata.language !== undefined && metadata.language !== 'eql') {
    diagnostics.push(
      diagnosticAt(Rules.RuleFormat.notEql(metadata.language), { start: 0, end: Math.min(text.length, 1) }),
    );
  }
  const key = /^[ \t]*query[ \t]*=/m.exec(text);
  const queryOffset = query === '' ? -1 : text.indexOf(query, key ? key.index : 0);
  const offsets = queryOffset < 0 && query !== '' ? tomlQueryOffsets(text, query) : undefined;
  return { format: 'toml', query, queryOffset, ...(offsets ? { queryOffsets: offsets } : {}), metadata, diagnostics };
}

/* ───────────── Kibana export NDJSON ───────────── */

/** Whether some `}` is followed, across white space holding a line break, by `{` (linear scan). */
function objectsOnSeparateLines(text: string): boolean {
  for (let i = text.indexOf('}'); i >= 0; i = text.indexOf('}', i + 1)) {
    let j = i + 1;
    let newline = false;
    for (; j < text.length; j++) {
      const c = text.charCodeAt(j);
      if (c === 10) newline = true;
      else if (c !== 32 && c !== 9 && c !== 13 && c !== 11 && c !== 12 && !/\s/.test(text[j]!)) break;
    }
    if (newline && text.charCodeAt(j) === 123) return true;
    i = j - 1;
  }
  return false;
}

function parseKibanaNdjson(text: string): ParsedRule {
  const diagnostics: Diagnostic[] = [];
  const objects: { value: Json; start: number }[] = [];
  const trimmed = text.trim();
  // A single pretty-printed rule object, or one object per line.
  const chunks: { s: number; e: number }[] = [];
  if (trimmed.startsWith('{') && !objectsOnSeparateLines(trimmed)) {
    chunks.push({ s: text.indexOf('{'), e: text.length });
  } else {
    for (let i = 0; i < text.length; ) {
      let e = text.indexOf('\n', i);
      if (e < 0) e = text.length;
      chunks.push({ s: i, e });
      i = e + 1;
    }
  }
  for (const { s, e } of chunks) {
    const line = text.slice(s, e);
    if (line.trim() === '') continue;
    try {
      const v = JSON.parse(line) as unknown;
      if (isObject(v)) objects.push({ value: v, start: s });
    } catch (err) {
      const lead = line.length - line.trimStart().length;
      const detail = err instanceof Error ? err.message.split('\n')[0] : undefined;
      diagnostics.push(diagnosticAt(Rules.RuleFormat.notJsonObject(detail), { start: s + lead, end: e }));
    }
  }
  for (const { value, start } of objects) {
    // Either a rule as the detection engine API shows it, or a saved object with the rule in
    // attributes.params.
    let rule: Json | undefined;
    if (value.type === 'eql' && typeof value.query === 'string') rule = value;
    else if (isObject(value.attributes) && isObject(value.attributes.params)) {
      const p = value.attributes.params;
      if (p.type === 'eql' && typeof p.query === 'string')
        rule = { ...p, name: value.attributes.name, tags: value.attributes.tags ?? p.tags };
    }
    if (!rule) continue;
    const query = rule.query as string;
    const encoded = JSON.stringify(query).slice(1, -1);
    const queryOffset = encoded === query && query !== '' ? text.indexOf(query, start) : -1;
    const offsets = queryOffset < 0 && query !== '' ? jsonQueryOffsets(text, start, query) : undefined;
    return {
      format: 'kibana-ndjson',
      query,
      queryOffset,
      ...(offsets ? { queryOffsets: offsets } : {}),
      metadata: ruleObjectMetadata(rule),
      diagnostics: [],
    };
  }
  diagnostics.push(diagnosticAt(Rules.RuleNoQuery.kibana(), { start: 0, end: Math.min(text.length, 1) }));
  return { format: 'kibana-ndjson', query: '', queryOffset: -1, metadata: {}, diagnostics };
}
