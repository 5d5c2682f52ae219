/**
 * The document the user edits: rule, events, settings, mapping, selection, rule metadata.
 * Pure: conversion to and from share payloads and stored drafts.
 */
import type { Settings } from '../../core';
import { defaultExample } from '../../examples/default-example';
import type { SharePayload } from '../../share';
import { DEFAULT_ID_FIELD, type Expectation, type RuleMetadataView, type ValueListText } from '../../worker/protocol';
import type { GroupKey, SortKey } from './verdict-list';

/** What the header shows about the rule; every field optional (imported rules vary). */
export type RuleMetadata = RuleMetadataView;

export interface UiSettings {
  readonly eventCategoryField: string;
  readonly timestampField: string;
  /** Empty for none. */
  readonly tiebreakerField: string;
  readonly size: number;
  readonly resultPosition: 'head' | 'tail';
  /** Samples only. */
  readonly maxSamplesPerKey: number;
}

export interface DocState {
  readonly rule: string;
  readonly events: string;
  readonly settings: UiSettings;
  readonly mapping: string;
  readonly selected: string | undefined;
  /** Shown in the header; undefined when the rule has none. */
  readonly metadata: RuleMetadata | undefined;
  /** Expected verdicts by event id (rule tests); absent when there are none. */
  readonly expectations?: Readonly<Record<string, Expectation>> | undefined;
  /** What the rule is compared against; absent until the playground pins the rule as loaded. */
  readonly baseline?: Baseline;
  /** Kibana rule exceptions (the Exceptions pane); absent when there are none. */
  readonly exceptions?: ExceptionsDoc | undefined;
  /**
   * The field whose value rows, the detail, sort and search call events by ('' for none: their
   * `_id` or "#N"); absent for the default, `event.id`.
   */
  readonly idField?: string | undefined;
  /**
   * How the results list is sorted and grouped; absent for the defaults. Kept in the workspace's
   * draft, not in links or workspace files (it changes nothing the rule or the events say).
   */
  readonly listView?: ListView | undefined;
}

/** The results list's Sort and Group choices (`auto`: the events' order for a short list, alerts first past it). */
export interface ListView {
  readonly sort: SortKey | 'auto';
  readonly group: GroupKey;
}

export const defaultListView: ListView = { sort: 'auto', group: 'none' };
const SORTS: readonly string[] = ['auto', 'verdict', 'position', 'id'] satisfies readonly ListView['sort'][];
const GROUPS: readonly string[] = ['none', 'verdict', 'reason'] satisfies readonly ListView['group'][];

/** The stored form of a list view: absent for the defaults. */
export function listViewPatch(view: ListView): { readonly listView: ListView | undefined } {
  return { listView: view.sort === 'auto' && view.group === 'none' ? undefined : view };
}

/** A stored list view, or why it cannot be (an unknown choice, a newer build's maybe). */
export function readListView(v: unknown): { readonly view?: ListView; readonly problem?: string } {
  if (v === undefined) return {};
  const r = (typeof v === 'object' && v !== null ? v : {}) as { sort?: unknown; group?: unknown };
  if (typeof r.sort === 'string' && SORTS.includes(r.sort) && typeof r.group === 'string' && GROUPS.includes(r.group))
    return { view: { sort: r.sort as ListView['sort'], group: r.group as ListView['group'] } };
  return { problem: `list was dropped: expected a sort (${SORTS.join(', ')}) and a group (${GROUPS.join(', ')})` };
}

/** The field the document's events are shown by. */
export function idFieldOf(doc: Pick<DocState, 'idField'>): string {
  return doc.idField ?? DEFAULT_ID_FIELD;
}

/** The stored form of an id field: absent for the default. */
export function idFieldPatch(field: string | undefined): { readonly idField?: string } {
  return field === undefined || field === DEFAULT_ID_FIELD ? {} : { idField: field };
}

/** The Exceptions pane: its text (an exception list export, items...) and the value lists opened. */
export interface ExceptionsDoc {
  readonly text: string;
  readonly valueLists?: readonly ValueListText[];
}

/** A rule and its settings to compare the current rule against. */
export interface Baseline {
  readonly rule: string;
  readonly settings: UiSettings;
}

export const defaultUiSettings: UiSettings = {
  eventCategoryField: 'event.category',
  timestampField: '@timestamp',
  tiebreakerField: '',
  size: 10,
  resultPosition: 'tail',
  maxSamplesPerKey: 1,
};

export function defaultDocState(): DocState {
  return {
    rule: defaultExample.query,
    events: defaultExample.events,
    settings: defaultUiSettings,
    mapping: '',
    selected: undefined,
    metadata: defaultExample.metadata,
    baseline: { rule: defaultExample.query, settings: defaultUiSettings },
  };
}

/** The core's request settings for these UI settings. */
export function toCoreSettings(s: UiSettings): Partial<Settings> {
  return {
    eventCategoryField: s.eventCategoryField.trim() || 'event.category',
    timestampField: s.timestampField.trim() || '@timestamp',
    tiebreakerField: s.tiebreakerField.trim() || undefined,
    size: Number.isFinite(s.size) && s.size >= 0 ? Math.floor(s.size) : 10,
    resultPosition: s.resultPosition,
    maxSamplesPerKey:
      Number.isFinite(s.maxSamplesPerKey) && s.maxSamplesPerKey >= 1 ? Math.floor(s.maxSamplesPerKey) : 1,
  };
}

/** Only settings that differ from the defaults go into links. */
function settingsDiff(s: UiSettings): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  for (const key of Object.keys(defaultUiSettings) as (keyof UiSettings)[]) {
    if (s[key] !== defaultUiSettings[key]) out[key] = s[key];
  }
  return out;
}

export function toSharePayload(state: DocState): SharePayload {
  const settings = settingsDiff(state.settings);
  const meta = state.metadata === undefined ? null : isDefaultMetadata(state.metadata) ? undefined : state.metadata;
  const b = state.baseline;
  // The baseline travels only when it is not the rule itself (a link opens with its rule as baseline).
  const baseline =
    b && (b.rule !== state.rule || JSON.stringify(b.settings) !== JSON.stringify(state.settings))
      ? {
          rule: b.rule,
          ...(Object.keys(settingsDiff(b.settings)).length > 0 ? { settings: settingsDiff(b.settings) } : {}),
        }
      : undefined;
  return {
    rule: state.rule,
    events: state.events,
    ...(Object.keys(settings).length > 0 ? { settings } : {}),
    ...(state.mapping ? { mapping: state.mapping } : {}),
    ...(state.selected !== undefined ? { selected: state.selected } : {}),
    ...(meta !== undefined ? { meta } : {}),
    ...(state.expectations && Object.keys(state.expectations).length > 0 ? { expectations: state.expectations } : {}),
    ...(baseline ? { baseline } : {}),
    ...(state.exceptions && (state.exceptions.text.trim() !== '' || state.exceptions.valueLists?.length)
      ? { exceptions: state.exceptions }
      : {}),
    ...idFieldPatch(state.idField),
  };
}

/** UI settings from a link's settings record (unknown or mistyped values fall back to the defaults). */
export function readUiSettings(s: Readonly<Record<string, unknown>>): UiSettings {
  const str = (v: unknown, d: string) => (typeof v === 'string' ? v : d);
  return {
    eventCategoryField: str(s.eventCategoryField, defaultUiSettings.eventCategoryField),
    timestampField: str(s.timestampField, defaultUiSettings.timestampField),
    tiebreakerField: str(s.tiebreakerField, defaultUiSettings.tiebreakerField),
    size: typeof s.size === 'number' && Number.isFinite(s.size) ? s.size : defaultUiSettings.size,
    resultPosition: s.resultPosition === 'head' ? 'head' : 'tail',
    maxSamplesPerKey:
      typeof s.maxSamplesPerKey === 'number' && Number.isFinite(s.maxSamplesPerKey)
        ? s.maxSamplesPerKey
        : defaultUiSettings.maxSamplesPerKey,
  };
}

export function fromSharePayload(p: SharePayload): DocState {
  const settings = readUiSettings(p.settings ?? {});
  let metadata: RuleMetadata | undefined = defaultExample.metadata;
  if (p.meta === null) metadata = undefined;
  else if (p.meta !== undefined) metadata = readMetadata(p.meta);
  return {
    rule: p.rule,
    events: p.events,
    settings,
    mapping: p.mapping ?? '',
    selected: p.selected,
    metadata,
    ...(p.expectations && Object.keys(p.expectations).length > 0 ? { expectations: p.expectations } : {}),
    baseline: p.baseline
      ? { rule: p.baseline.rule, settings: readUiSettings(p.baseline.settings ?? {}) }
      : { rule: p.rule, settings },
    ...(p.exceptions ? { exceptions: p.exceptions } : {}),
    ...idFieldPatch(p.idField),
  };
}

/** Metadata from a link or draft, keeping only well-typed keys (undefined when nothing is left). */
export function readMetadata(v: unknown): RuleMetadata | undefined {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return undefined;
  const m = v as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const k of ['name', 'ruleId', 'description', 'severity', 'interval', 'from'] as const)
    if (typeof m[k] === 'string') out[k] = m[k];
  for (const k of ['riskScore', 'maxSignals', 'version'] as const)
    if (typeof m[k] === 'number' && Number.isFinite(m[k])) out[k] = m[k];
  for (const k of ['indices', 'references', 'tags'] as const) {
    if (Array.isArray(m[k])) out[k] = (m[k] as unknown[]).filter((x): x is string => typeof x === 'string');
  }
  if (Array.isArray(m.threat)) out.threat = (m.threat as unknown[]).filter((t) => typeof t === 'object' && t !== null);
  return Object.keys(out).length > 0 ? (out as RuleMetadata) : undefined;
}

/** The default example's own metadata (not worth carrying in links). */
export function isDefaultMetadata(m: RuleMetadata | undefined): boolean {
  return (
    m !== undefined &&
    (m === defaultExample.metadata ||
      (m.name === defaultExample.metadata.name && m.riskScore === defaultExample.metadata.riskScore))
  );
}

/** Same rule, events, settings and mapping (selection and metadata aside). */
export function sameDocument(a: DocState, b: DocState): boolean {
  return (
    a.rule === b.rule &&
    a.events === b.events &&
    a.mapping === b.mapping &&
    JSON.stringify(a.settings) === JSON.stringify(b.settings) &&
    JSON.stringify(a.exceptions ?? null) === JSON.stringify(b.exceptions ?? null)
  );
}

/** A locally saved draft: the state, and the share link it came from (if any). */
export interface DraftRecord {
  readonly state: DocState;
  /** The share fragment this draft was opened from, so reloading that tab keeps the edits. */
  readonly fromHash?: string;
}

export function serializeDraft(d: DraftRecord): string {
  return JSON.stringify({ v: 1, payload: toSharePayload(d.state), ...(d.fromHash ? { fromHash: d.fromHash } : {}) });
}

export function parseDraft(text: string | null | undefined): DraftRecord | undefined {
  if (!text) return undefined;
  try {
    const v = JSON.parse(text) as { v?: unknown; payload?: SharePayload; fromHash?: unknown };
    if (v.v !== 1 || typeof v.payload?.rule !== 'string' || typeof v.payload.events !== 'string') return undefined;
    return { state: fromSharePayload(v.payload), ...(typeof v.fromHash === 'string' ? { fromHash: v.fromHash } : {}) };
  } catch {
    return undefined;
  }
}
