/**
 * Rule import, the UI side: when the rule editor holds a rule file rather than EQL, what
 * importing it changes (query, header metadata, request settings), and what the header shows
 * after other edits. Pure; the worker does the parsing (ParsedRuleView).
 */
import type { ParsedRuleView, RuleFormatName } from '../../worker/protocol';
import { defaultUiSettings, type DocState, type RuleMetadata, type UiSettings } from './doc-state';

export const FORMAT_LABEL: Record<RuleFormatName, string> = {
  eql: 'EQL',
  'docs-page': 'Elastic rule reference page',
  toml: 'detection-rules TOML file',
  'kibana-ndjson': 'Kibana rule export',
};

/**
 * A cheap check, run on every rule edit, for text that might be a rule file (the worker then
 * decides). EQL never starts a line with `[rule]`, `## Rule query` or a JSON object with a
 * "query" key.
 */
export function looksLikeRuleFile(text: string): boolean {
  if (/^[ \t]*\[(rule|metadata)\][ \t]*\r?$/m.test(text)) return true;
  if (/^#{1,3}[ \t]+Rule query\b/m.test(text)) return true;
  const t = text.trimStart();
  return t.startsWith('{') && /"query"\s*:/.test(t);
}

/** A parsed file is worth importing when it is not plain EQL and has a query. */
export function isImportable(p: ParsedRuleView): boolean {
  return p.format !== 'eql' && p.query.trim() !== '';
}

export interface ImportPlan {
  readonly rule: string;
  readonly metadata: RuleMetadata;
  readonly settings: UiSettings;
  /** Plain-words list of the settings that changed, e.g. `timestamp field → event.ingested`. */
  readonly changes: readonly string[];
}

/**
 * What importing does: the query into the editor, the rule's metadata into the header, and the
 * rule's request settings applied. A setting the rule does not override goes back to its default,
 * so a previous rule's override does not linger.
 */
export function planImport(doc: DocState, parsed: ParsedRuleView): ImportPlan {
  const s = parsed.settings;
  const settings: UiSettings = {
    ...doc.settings,
    eventCategoryField: s.eventCategoryField ?? defaultUiSettings.eventCategoryField,
    timestampField: s.timestampField ?? defaultUiSettings.timestampField,
    tiebreakerField: s.tiebreakerField ?? defaultUiSettings.tiebreakerField,
  };
  const changes: string[] = [];
  const note = (label: string, before: string, after: string) => {
    if (before !== after) changes.push(`${label} → ${after === '' ? 'none' : after}`);
  };
  note('event category field', doc.settings.eventCategoryField, settings.eventCategoryField);
  note('timestamp field', doc.settings.timestampField, settings.timestampField);
  note('tiebreaker field', doc.settings.tiebreakerField, settings.tiebreakerField);
  const metadata: RuleMetadata = Object.keys(parsed.metadata).length > 0 ? parsed.metadata : { name: 'Imported rule' };
  return { rule: parsed.query, metadata, settings, changes };
}

/**
 * The header after a rule edit that was not an import: an emptied editor, or a paste that
 * replaced the whole text with plain EQL, is another rule, so the old name goes.
 */
export function metadataAfterEdit(
  current: RuleMetadata | undefined,
  nextRule: string,
  replacedWhole: boolean,
): RuleMetadata | undefined {
  if (nextRule.trim() === '') return undefined;
  if (replacedWhole) return undefined;
  return current;
}

/**
 * True when an edit replaced the rule rather than changed it: what the old and new text share at
 * their start and end is under a fifth of the shorter one (select-all and type or paste, or a
 * new rule set through the automation hook). Typing, deleting or pasting at one spot keeps
 * everything around it.
 */
export function replacesRule(prev: string, next: string): boolean {
  if (prev.trim() === '' || next.trim() === '') return false;
  const max = Math.min(prev.length, next.length);
  let head = 0;
  while (head < max && prev.charCodeAt(head) === next.charCodeAt(head)) head++;
  let tail = 0;
  while (tail < max - head && prev.charCodeAt(prev.length - 1 - tail) === next.charCodeAt(next.length - 1 - tail))
    tail++;
  const kept = head + tail;
  return kept < Math.max(1, Math.min(prev.trim().length, next.trim().length) / 5);
}

/** The name the header shows for a rule without metadata or without a name. */
export function displayName(m: RuleMetadata | undefined): string {
  return m?.name?.trim() || 'Untitled rule';
}

/** What opening a file does with the worker's reading of it. */
export type OpenedFile =
  | { readonly kind: 'import' }
  /** Plain EQL: the text goes into the editor as it is, without a header. */
  | { readonly kind: 'eql' }
  | { readonly kind: 'refused'; readonly message: string };

export function openedFile(parsed: ParsedRuleView, fileName: string): OpenedFile {
  if (isImportable(parsed)) return { kind: 'import' };
  if (parsed.format === 'eql') return { kind: 'eql' };
  const why = parsed.diagnostics[0]?.message ?? 'it holds no EQL query';
  return { kind: 'refused', message: `${fileName} looks like a ${FORMAT_LABEL[parsed.format]}, but ${why}.` };
}
