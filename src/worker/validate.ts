/**
 * The shape check the worker applies to every message before it handles it: a message that is not
 * a well-formed request gets a `failure` answer (with its id when it has one), so a stray or
 * damaged message can never throw inside the worker or stall its queue.
 */
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isText = (v: unknown) => typeof v === 'string';
const optionalText = (v: unknown) => v === undefined || typeof v === 'string';
const isIndex = (v: unknown) => Number.isInteger(v) && (v as number) >= 0;

/** What is wrong with an evaluate/trace/run input, or undefined when it is well formed. */
function inputProblem(v: unknown, withEvents: boolean): string | undefined {
  if (!isObject(v)) return 'the input is not an object';
  if (!isText(v.rule)) return 'the rule is not text';
  if (withEvents && !isText(v.events)) return 'the events are not text';
  if (!isText(v.mapping)) return 'the mapping is not text';
  if (v.settings !== undefined && !isObject(v.settings)) return 'the settings are not an object';
  if (v.exceptionsText !== undefined) {
    const problem = exceptionsTextProblem(v.exceptionsText);
    if (problem) return problem;
  }
  return optionalText(v.idField) ? undefined : 'the id field is not text';
}

/** What is wrong with the Exceptions pane's text and value lists, or undefined. */
function exceptionsTextProblem(v: unknown): string | undefined {
  if (!isObject(v) || !isText(v.text)) return 'the exceptions are not text';
  if (v.at !== undefined && !Number.isFinite(v.at)) return 'the evaluation time is not a number';
  if (v.keepLastApplied !== undefined && typeof v.keepLastApplied !== 'boolean')
    return 'keepLastApplied is not true or false';
  const lists = v.valueLists;
  if (lists === undefined) return undefined;
  const ok =
    Array.isArray(lists) &&
    lists.every((l) => isObject(l) && isText(l.name) && isText(l.text) && optionalText(l.id) && optionalText(l.type));
  return ok ? undefined : 'the value lists are not named texts';
}

/** An exception item as the core reads it: ids, a name and an array of entries (the core checks the entries). */
function itemProblem(v: unknown): string | undefined {
  if (!isObject(v) || !isText(v.item_id) || !isText(v.list_id) || !isText(v.name))
    return 'the item has no ids and name';
  return Array.isArray(v.entries) && v.entries.every(isObject) ? undefined : 'the item entries are not objects';
}

function tuningProblem(v: unknown): string | undefined {
  if (v === undefined) return undefined;
  if (!isObject(v)) return 'the tuning request is not an object';
  const b = v.baseline;
  if (b !== undefined && !(isObject(b) && isText(b.rule) && isObject(b.settings))) return 'the baseline is not a rule';
  return v.expectations === undefined || isObject(v.expectations) ? undefined : 'the expectations are not an object';
}

function proposeProblem(v: unknown): string | undefined {
  if (!isObject(v) || !isIndex(v.position)) return 'the proposal has no event position';
  if (!Array.isArray(v.fields) || !v.fields.every(isText)) return 'the proposal fields are not text';
  return v.expectations === undefined || isObject(v.expectations) ? undefined : 'the expectations are not an object';
}

const CHECKS: Readonly<Record<string, (m: Record<string, unknown>) => string | undefined>> = {
  language: () => undefined,
  exportEvents: () => undefined,
  evaluate: (m) => inputProblem(m.input, true) ?? tuningProblem(m.tuning),
  propose: (m) => inputProblem(m.input, true) ?? proposeProblem(m.propose),
  fieldValues: (m) =>
    isText(m.field) && (m.limit === undefined || isIndex(m.limit)) ? undefined : 'the field is not text',
  exportRule: (m) =>
    (m.format === 'toml' || m.format === 'kibana-ndjson') &&
    isText(m.query) &&
    isObject(m.metadata) &&
    isObject(m.settings)
      ? undefined
      : 'the export is not a format, a query, metadata and settings',
  readWorkspace: (m) => (isText(m.text) ? undefined : 'the workspace is not text'),
  writeWorkspace: (m) =>
    isObject(m.workspace) && isText(m.workspace.rule) && isText(m.workspace.events)
      ? undefined
      : 'the workspace has no rule and events text',
  trace: (m) => inputProblem(m.input, true) ?? (isIndex(m.position) ? undefined : 'the position is not an index'),
  parseRule: (m) => (isText(m.text) && optionalText(m.filename) ? undefined : 'the rule text is not text'),
  loadText: (m) =>
    isText(m.text) && optionalText(m.idField) && optionalText(m.labelField) ? undefined : 'the events are not text',
  loadFile: (m) =>
    typeof Blob !== 'undefined' && m.file instanceof Blob && isText(m.name) && optionalText(m.labelField)
      ? undefined
      : 'the file is not a file',
  run: (m) =>
    inputProblem(m.input, false) ??
    (m.baseline === undefined ? undefined : inputProblem(m.baseline, false)) ??
    tuningProblem(m.tuning) ??
    (m.rows === undefined || (Array.isArray(m.rows) && m.rows.every(isIndex)) ? undefined : 'the rows are not indexes'),
  rows: (m) => (Array.isArray(m.positions) && m.positions.every(isIndex) ? undefined : 'the positions are not indexes'),
  sequences: (m) => (isIndex(m.from) && isIndex(m.count) ? undefined : 'the range is not two indexes'),
  editEvent: (m) => (isIndex(m.position) && isText(m.text) ? undefined : 'the edit is not a position and text'),
  search: (m) => (isText(m.query) && optionalText(m.labelField) ? undefined : 'the query is not text'),
  labels: (m) => (isText(m.labelField) ? undefined : 'the id field is not text'),
  traceAt: (m) => inputProblem(m.input, false) ?? (isIndex(m.position) ? undefined : 'the position is not an index'),
  previewException: (m) =>
    anyInputProblem(m.input) ??
    (isObject(m.preview) ? itemProblem(m.preview.item) : 'the preview is not an object') ??
    (isObject(m.preview) && m.preview.position !== undefined && !isIndex(m.preview.position)
      ? 'the position is not an index'
      : undefined),
  exceptionWarnings: (m) => anyInputProblem(m.input) ?? itemProblem(m.item),
  exportExceptions: (m) => exceptionsTextProblem(m.exceptions),
  exportBulk: (m) => anyInputProblem(m.input) ?? (optionalText(m.index) ? undefined : 'the index is not text'),
  compare: (m) =>
    anyInputProblem(m.input) ??
    (isText(m.response) && optionalText(m.idField) ? undefined : 'the response is not text'),
};

/** An input with the events text (evaluate) or without it (the held events). */
function anyInputProblem(v: unknown): string | undefined {
  return inputProblem(v, isObject(v) && v.events !== undefined);
}

/** The id to answer a message with: its own when it has a numeric one, else -1. */
export function messageId(msg: unknown): number {
  return isObject(msg) && typeof msg.id === 'number' ? msg.id : -1;
}

/** What is wrong with a message, or undefined when it is a request the worker understands. */
export function requestProblem(msg: unknown): string | undefined {
  if (!isObject(msg)) return 'not an object';
  if (typeof msg.id !== 'number') return 'the id is not a number';
  const check = typeof msg.type === 'string' && Object.hasOwn(CHECKS, msg.type) ? CHECKS[msg.type] : undefined;
  if (!check) return `unknown request type ${JSON.stringify(String(msg.type)).slice(0, 40)}`;
  return check(msg);
}
