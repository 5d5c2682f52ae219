/**
 * The workspace file: one JSON document holding everything a tuning session needs (the rule
 * and its metadata, settings, mapping, events, expected verdicts and the baseline), for saving
 * from the playground, opening again, and `eql-playground test` in CI. Format and versions:
 * docs/workspace-format.md. Reading never throws: a bad file gives located diagnostics and no
 * workspace, so a caller replaces nothing.
 */
import type { Diagnostic } from '../core/diagnostics/diagnostic';
import { diagnosticAt, type Message } from '../core/diagnostics/table';
import { Workspace as W } from './diagnostics';
import { findJsonError } from '../core/schema/json-syntax';
import { expectationsToJson, parseExpectations, type Expectations, type Settings } from '../core/index';
import { JsonScanner } from './json-scan';

export const WORKSPACE_VERSION = 1;
/** The `kind` every workspace file carries, so other JSON files are told apart. */
export const WORKSPACE_KIND = 'eql-playground-workspace';

export type SettingValue = string | number | boolean | null;

export interface WorkspaceBaseline {
  readonly rule: string;
  readonly settings?: Readonly<Record<string, SettingValue>>;
}

/** A value list the exceptions' `list` entries read: its file name, its text, its id and type if given. */
export interface WorkspaceValueList {
  readonly name: string;
  readonly text: string;
  readonly id?: string;
  readonly type?: string;
}

/** Kibana rule exceptions: the text (an exception list export, a rule export, items) and value lists. */
export interface WorkspaceExceptions {
  readonly text: string;
  readonly valueLists?: readonly WorkspaceValueList[];
}

export interface Workspace {
  readonly version: number;
  /** The EQL query text, verbatim. */
  readonly rule: string;
  /** The rule's metadata (name, rule id, severity, MITRE mapping...), plain JSON, carried as is. */
  readonly meta?: Readonly<Record<string, unknown>>;
  /** Request settings that differ from the defaults, by name (as in share links). */
  readonly settings?: Readonly<Record<string, SettingValue>>;
  /** Index mapping text. */
  readonly mapping?: string;
  /** The field whose value is an event's id (default: `_id`, else the position). */
  readonly idField?: string;
  /** The events text, in any events format the playground reads. */
  readonly events: string;
  readonly expectations?: Expectations;
  /** What the rule is compared against; absent: the rule itself. */
  readonly baseline?: WorkspaceBaseline;
  /** Kibana rule exceptions applied before the rule (absent: none). */
  readonly exceptions?: WorkspaceExceptions;
}

export type WorkspaceResult =
  | { readonly ok: true; readonly workspace: Workspace; readonly diagnostics: readonly Diagnostic[] }
  | { readonly ok: false; readonly diagnostics: readonly Diagnostic[] };

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Where the value of a top-level key (or a key of a top-level object) starts, for diagnostics. */
function locate(text: string, path: readonly string[]): { start: number; end: number } {
  const scan = new JsonScanner(text);
  let at = scan.skipWs(0);
  for (const key of path) {
    if (text[at] !== '{') break;
    const next = scan.findKey(at, key);
    if (next < 0) break;
    at = next;
  }
  const end = Math.min(text.length, Math.max(at + 1, scan.skipValue(at)));
  return { start: Math.min(at, text.length), end: at >= text.length ? text.length : end };
}

type SettingsRead =
  | { readonly ok: true; readonly value: Record<string, SettingValue> | undefined }
  | { readonly ok: false; readonly problem: string; readonly key?: string };

function settingsOf(v: unknown): SettingsRead {
  if (v === undefined) return { ok: true, value: undefined };
  if (!isObject(v)) return { ok: false, problem: 'must be an object of setting names to values' };
  const out: Record<string, SettingValue> = {};
  for (const [k, s] of Object.entries(v)) {
    if (s !== null && typeof s !== 'string' && typeof s !== 'number' && typeof s !== 'boolean')
      return { ok: false, problem: `"${k}" must be a string, number, boolean or null`, key: k };
    out[k] = s;
  }
  return { ok: true, value: out };
}

function eventsOf(v: unknown): string | undefined {
  if (typeof v === 'string') return v;
  if (Array.isArray(v)) return `${JSON.stringify(v, null, 2)}\n`;
  return undefined;
}

interface Reader {
  readonly text: string;
  readonly diagnostics: Diagnostic[];
  fail(path: readonly string[], message: string | Message): void;
}

function reader(text: string): Reader {
  const diagnostics: Diagnostic[] = [];
  return {
    text,
    diagnostics,
    fail(path, message) {
      const m = typeof message === 'string' ? W.WorkspaceShape.key(message) : message;
      diagnostics.push(diagnosticAt(m, locate(text, path), 'workspace'));
    },
  };
}

function optionalText(r: Reader, v: Json, key: string): string | undefined {
  if (v[key] === undefined) return undefined;
  if (typeof v[key] !== 'string') r.fail([key], `"${key}" must be a string`);
  return typeof v[key] === 'string' ? (v[key] as string) : undefined;
}

function baselineOf(r: Reader, v: unknown): WorkspaceBaseline | undefined {
  if (v === undefined) return undefined;
  if (!isObject(v) || typeof v.rule !== 'string') {
    r.fail(['baseline'], '"baseline" must be an object with a "rule" string');
    return undefined;
  }
  const settings = settingsOf(v.settings);
  if (!settings.ok) {
    r.fail(['baseline', 'settings', ...(settings.key ? [settings.key] : [])], `baseline setting ${settings.problem}`);
    return undefined;
  }
  return { rule: v.rule, ...(settings.value ? { settings: settings.value } : {}) };
}

function valueListOf(v: unknown): WorkspaceValueList | undefined {
  if (!isObject(v) || typeof v.name !== 'string' || typeof v.text !== 'string') return undefined;
  if ((v.id !== undefined && typeof v.id !== 'string') || (v.type !== undefined && typeof v.type !== 'string'))
    return undefined;
  return {
    name: v.name,
    text: v.text,
    ...(typeof v.id === 'string' ? { id: v.id } : {}),
    ...(typeof v.type === 'string' ? { type: v.type } : {}),
  };
}

function exceptionsOf(r: Reader, v: unknown): WorkspaceExceptions | undefined {
  if (v === undefined) return undefined;
  if (!isObject(v) || typeof v.text !== 'string') {
    r.fail(['exceptions'], '"exceptions" must be an object with a "text" string');
    return undefined;
  }
  if (v.valueLists === undefined) return { text: v.text };
  if (!Array.isArray(v.valueLists)) {
    r.fail(['exceptions', 'valueLists'], '"valueLists" must be an array of {"name", "text"} objects');
    return undefined;
  }
  const lists: WorkspaceValueList[] = [];
  for (let i = 0; i < v.valueLists.length; i++) {
    const list = valueListOf(v.valueLists[i]);
    if (!list) {
      r.fail(
        ['exceptions', 'valueLists', String(i)],
        'a value list must be an object with "name" and "text" strings (and optional "id" and "type" strings)',
      );
      return undefined;
    }
    lists.push(list);
  }
  return { text: v.text, ...(lists.length > 0 ? { valueLists: lists } : {}) };
}

function expectationsOf(r: Reader, v: unknown): Expectations | undefined {
  if (v === undefined) return undefined;
  const parsed = parseExpectations(v);
  for (const p of parsed.problems) {
    const path = p.id === undefined ? ['expectations'] : ['expectations', p.id];
    const m = W.WorkspaceExpectation.entry(p.message, p.id === undefined ? 'error' : 'warning');
    r.diagnostics.push(diagnosticAt(m, locate(r.text, path), 'workspace'));
  }
  return parsed.expectations;
}

function readObject(r: Reader, v: Json): Workspace | undefined {
  if (typeof v.rule !== 'string') r.fail(v.rule === undefined ? [] : ['rule'], 'a workspace needs a "rule" string');
  const events = eventsOf(v.events);
  if (events === undefined)
    r.fail(v.events === undefined ? [] : ['events'], 'a workspace needs "events": a string or an array of events');
  const read = settingsOf(v.settings);
  if (!read.ok) r.fail(['settings', ...(read.key ? [read.key] : [])], `setting ${read.problem}`);
  const settings = read.ok ? read.value : undefined;
  if (v.meta !== undefined && !isObject(v.meta)) r.fail(['meta'], '"meta" must be an object');
  const mapping = optionalText(r, v, 'mapping');
  const idField = optionalText(r, v, 'idField');
  const baseline = baselineOf(r, v.baseline);
  const expectations = expectationsOf(r, v.expectations);
  const exceptions = exceptionsOf(r, v.exceptions);
  if (r.diagnostics.some((d) => d.severity === 'error')) return undefined;
  return {
    version: v.version as number,
    rule: v.rule as string,
    ...(isObject(v.meta) ? { meta: v.meta } : {}),
    ...(settings && Object.keys(settings).length > 0 ? { settings } : {}),
    ...(mapping !== undefined && mapping !== '' ? { mapping } : {}),
    ...(idField !== undefined && idField !== '' ? { idField } : {}),
    events: events!,
    ...(expectations && Object.keys(expectations).length > 0 ? { expectations } : {}),
    ...(baseline ? { baseline } : {}),
    ...(exceptions && hasExceptions(exceptions) ? { exceptions } : {}),
  };
}

const hasExceptions = (e: WorkspaceExceptions): boolean => e.text.trim() !== '' || (e.valueLists?.length ?? 0) > 0;

/** Read a workspace file. Never throws. */
export function parseWorkspace(text: string): WorkspaceResult {
  const syntax = findJsonError(text);
  if (syntax) {
    const range = { start: syntax.offset, end: syntax.end };
    return { ok: false, diagnostics: [diagnosticAt(W.WorkspaceSyntax.json(syntax.message), range, 'workspace')] };
  }
  const value = JSON.parse(text) as unknown;
  const r = reader(text);
  if (!isObject(value) || value.kind !== WORKSPACE_KIND) {
    r.fail(isObject(value) && value.kind !== undefined ? ['kind'] : [], W.WorkspaceShape.notWorkspace(WORKSPACE_KIND));
    return { ok: false, diagnostics: r.diagnostics };
  }
  const version = value.version;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    r.fail(version === undefined ? [] : ['version'], W.WorkspaceShape.badVersion());
    return { ok: false, diagnostics: r.diagnostics };
  }
  if (version > WORKSPACE_VERSION) {
    const d = diagnosticAt(
      W.WorkspaceVersion.newer(version, WORKSPACE_VERSION),
      locate(text, ['version']),
      'workspace',
    );
    return { ok: false, diagnostics: [d] };
  }
  const workspace = readObject(r, value);
  return workspace ? { ok: true, workspace, diagnostics: r.diagnostics } : { ok: false, diagnostics: r.diagnostics };
}

/** A JSON array text that reads back identically is stored as the array (readable diffs in git). */
function eventsJson(text: string): unknown {
  const t = text.trimStart();
  if (!t.startsWith('[') || findJsonError(text)) return text;
  const value = JSON.parse(text) as unknown;
  return Array.isArray(value) && eventsOf(value) === text ? value : text;
}

/** Write a workspace file: pretty JSON (two spaces), keys in a fixed order, a final newline. */
export function serializeWorkspace(w: Omit<Workspace, 'version'>): string {
  const out: Record<string, unknown> = { kind: WORKSPACE_KIND, version: WORKSPACE_VERSION, rule: w.rule };
  if (w.meta !== undefined) out.meta = w.meta;
  if (w.settings && Object.keys(w.settings).length > 0) out.settings = w.settings;
  if (w.mapping) out.mapping = w.mapping;
  if (w.idField) out.idField = w.idField;
  out.events = eventsJson(w.events);
  if (w.expectations && Object.keys(w.expectations).length > 0) out.expectations = expectationsToJson(w.expectations);
  if (w.baseline) out.baseline = w.baseline;
  if (w.exceptions && hasExceptions(w.exceptions)) out.exceptions = w.exceptions;
  return `${JSON.stringify(out, null, 2)}\n`;
}

/** Request settings from a workspace's (or share link's) plain settings object; wrong types are ignored. */
export function settingsFromWorkspace(s: Readonly<Record<string, SettingValue>> | undefined): Partial<Settings> {
  const out: { -readonly [K in keyof Settings]?: Settings[K] } = {};
  if (!s) return out;
  const text = (k: string) => (typeof s[k] === 'string' && s[k] !== '' ? (s[k] as string) : undefined);
  const count = (k: string) =>
    typeof s[k] === 'number' && Number.isInteger(s[k]) && (s[k] as number) >= 0 ? (s[k] as number) : undefined;
  const eventCategoryField = text('eventCategoryField');
  const timestampField = text('timestampField');
  const tiebreakerField = text('tiebreakerField');
  const size = count('size');
  const maxSamplesPerKey = count('maxSamplesPerKey');
  if (eventCategoryField) out.eventCategoryField = eventCategoryField;
  if (timestampField) out.timestampField = timestampField;
  if (tiebreakerField) out.tiebreakerField = tiebreakerField;
  if (size !== undefined) out.size = size;
  if (maxSamplesPerKey !== undefined) out.maxSamplesPerKey = maxSamplesPerKey;
  if (s.resultPosition === 'head' || s.resultPosition === 'tail') out.resultPosition = s.resultPosition;
  return out;
}
