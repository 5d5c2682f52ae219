/**
 * The document the user edits: rule, events, settings, mapping, selection, rule metadata.
 * Pure: conversion to and from share payloads and stored drafts.
 */
import type { Settings } from '../../core';
import { defaultExample, type ExampleMetadata } from '../../examples/default-example';
import type { SharePayload } from '../../share';

export type RuleMetadata = ExampleMetadata;

export interface UiSettings {
  readonly eventCategoryField: string;
  readonly timestampField: string;
  /** Empty for none. */
  readonly tiebreakerField: string;
  readonly size: number;
  readonly resultPosition: 'head' | 'tail';
}

export interface DocState {
  readonly rule: string;
  readonly events: string;
  readonly settings: UiSettings;
  readonly mapping: string;
  readonly selected: string | undefined;
  /** Shown in the header; undefined when the rule has none. */
  readonly metadata: RuleMetadata | undefined;
}

export const defaultUiSettings: UiSettings = {
  eventCategoryField: 'event.category',
  timestampField: '@timestamp',
  tiebreakerField: '',
  size: 10,
  resultPosition: 'tail',
};

export function defaultDocState(): DocState {
  return {
    rule: defaultExample.query,
    events: defaultExample.events,
    settings: defaultUiSettings,
    mapping: '',
    selected: undefined,
    metadata: defaultExample.metadata,
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
  const meta =
    state.metadata === undefined ? null : state.metadata.name === defaultExample.metadata.name ? undefined : state.metadata;
  return {
    rule: state.rule,
    events: state.events,
    ...(Object.keys(settings).length > 0 ? { settings } : {}),
    ...(state.mapping ? { mapping: state.mapping } : {}),
    ...(state.selected !== undefined ? { selected: state.selected } : {}),
    ...(meta !== undefined ? { meta } : {}),
  };
}

export function fromSharePayload(p: SharePayload): DocState {
  const s = p.settings ?? {};
  const str = (v: unknown, d: string) => (typeof v === 'string' ? v : d);
  const settings: UiSettings = {
    eventCategoryField: str(s.eventCategoryField, defaultUiSettings.eventCategoryField),
    timestampField: str(s.timestampField, defaultUiSettings.timestampField),
    tiebreakerField: str(s.tiebreakerField, defaultUiSettings.tiebreakerField),
    size: typeof s.size === 'number' && Number.isFinite(s.size) ? s.size : defaultUiSettings.size,
    resultPosition: s.resultPosition === 'head' ? 'head' : 'tail',
  };
  let metadata: RuleMetadata | undefined = defaultExample.metadata;
  if (p.meta === null) metadata = undefined;
  else if (isMetadata(p.meta)) metadata = p.meta;
  return { rule: p.rule, events: p.events, settings, mapping: p.mapping ?? '', selected: p.selected, metadata };
}

function isMetadata(v: unknown): v is RuleMetadata {
  if (typeof v !== 'object' || v === null) return false;
  const m = v as Record<string, unknown>;
  return typeof m.name === 'string' && Array.isArray(m.indices) && Array.isArray(m.threat);
}

/** Same rule, events, settings and mapping (selection and metadata aside). */
export function sameDocument(a: DocState, b: DocState): boolean {
  return (
    a.rule === b.rule &&
    a.events === b.events &&
    a.mapping === b.mapping &&
    JSON.stringify(a.settings) === JSON.stringify(b.settings)
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
