/**
 * Rule exceptions in the worker: the Exceptions pane's text (any shape src/formats/exceptions.ts
 * reads) and its value lists are parsed here, with problems located by line and column; the pane's
 * structured view (items, entries, per-item counts); and the exception requests: the impact of a
 * proposed item, its warnings, the item added to the text, and the exports. No messaging here.
 */
import {
  exceptionWarnings,
  LineIndex,
  matchAddedItem,
  returnedSequences,
  type Diagnostic,
  type EvaluationResult,
  type EventDoc,
  type ExceptionInput,
  type ExceptionItem,
  type ExceptionStat,
  type Expectation,
  type ValueList,
} from '../core';
import { exceptionListNdjson, createItemBody } from '../formats/exceptions-writer';
import { parseExceptions, type ParsedExceptions } from '../formats/exceptions';
import { parseValueList } from '../formats/value-list';
import type {
  ExceptionItemView,
  ExceptionPreview,
  ExceptionsText,
  ExceptionsView,
  ProblemView,
  RemovedEvent,
} from './protocol';

export interface ReadExceptions {
  /** Undefined when the text holds no item. */
  readonly input: ExceptionInput | undefined;
  readonly parsed: ParsedExceptions;
  /** Problems reading the text and the value lists, located. */
  readonly problems: readonly ProblemView[];
  /** The text reads with errors and was typed in the pane: the exceptions last applied, which `input` holds. */
  readonly kept?: ParsedExceptions;
}

interface PlainRead {
  readonly parsed: ParsedExceptions;
  readonly valueLists: readonly ValueList[];
  readonly problems: readonly ProblemView[];
}

let cached: { key: string; read: PlainRead } | undefined;

/** What the last evaluation applied: a text typed with errors keeps applying it. */
let lastApplied: ParsedExceptions | undefined;

const keyOf = (x: ExceptionsText) =>
  `${x.text}\u0000${(x.valueLists ?? []).map((l) => `${l.name}\u0001${l.id ?? ''}\u0001${l.type ?? ''}\u0001${l.text}`).join('\u0002')}`;

/** The minute of `now`: an evaluation time that keeps results cacheable within a minute. */
export function evaluationMinute(now: number): number {
  return Math.floor(now / 60_000) * 60_000;
}

/** Diagnostics with the line and column of their start in the text `textOf` gives for each. */
export function locateIn(
  diagnostics: readonly Diagnostic[],
  textOf: (d: Diagnostic) => string | undefined,
): ProblemView[] {
  const indexes = new Map<string, LineIndex>();
  return diagnostics.map((d) => {
    const text = textOf(d);
    if (text === undefined) return d;
    const key = `${d.source}\u0000${d.file ?? ''}`;
    let index = indexes.get(key);
    if (!index) {
      index = new LineIndex(text);
      indexes.set(key, index);
    }
    const p = index.position(d.range.start);
    return { ...d, at: { line: p.line, column: p.column } };
  });
}

/** Diagnostics of the exceptions text and value lists with their line and column. */
export function locateExceptionProblems(diagnostics: readonly Diagnostic[], x: ExceptionsText): ProblemView[] {
  return locateIn(diagnostics, (d) => {
    if (d.source === 'exceptions') return x.text;
    if (d.source === 'value-list') return x.valueLists?.find((l) => l.name === d.file || l.id === d.file)?.text;
    return undefined;
  });
}

function plainRead(x: ExceptionsText): PlainRead {
  const parsed = parseExceptions(x.text);
  const valueLists = (x.valueLists ?? []).map((l) =>
    parseValueList(l.text, {
      file: l.name,
      ...(l.id !== undefined ? { id: l.id } : {}),
      ...(l.type !== undefined ? { type: l.type } : {}),
    }),
  );
  return { parsed, valueLists, problems: locateExceptionProblems(parsed.diagnostics, x) };
}

const inputOf = (items: readonly ExceptionItem[], valueLists: readonly ValueList[], at: number) =>
  items.length > 0 ? { items, ...(valueLists.length > 0 ? { valueLists } : {}), at } : undefined;

/**
 * Parse the pane's text and value lists (cached for the same texts). A text typed in the pane
 * (`keepLastApplied`) that reads with errors applies what the last evaluation applied instead of
 * the items that still read, so a broken paste or a half-typed edit changes no verdict; an
 * evaluation (`evaluation`) records what it applies.
 */
export function readExceptions(
  x: ExceptionsText,
  now: () => number = Date.now,
  options: { readonly evaluation?: boolean } = {},
): ReadExceptions {
  const key = keyOf(x);
  const at = x.at ?? evaluationMinute(now());
  if (cached?.key !== key) cached = { key, read: plainRead(x) };
  const { parsed, valueLists, problems } = cached.read;
  const broken = parsed.diagnostics.some((d) => d.severity === 'error');
  const kept = x.keepLastApplied && broken && lastApplied !== parsed ? lastApplied : undefined;
  if (options.evaluation) lastApplied = kept ?? parsed;
  if (!kept) return { input: inputOf(parsed.items, valueLists, at), parsed, problems };
  return { input: inputOf(kept.items, valueLists, at), parsed, problems, kept };
}

/** An item without what only the writer needs (raw keys, origin). */
function plainItem(item: ExceptionItem): ExceptionItem {
  const { raw: _raw, origin: _origin, ...rest } = item;
  return rest;
}

let lastIndex: { text: string; index: LineIndex } | undefined;

/** The pane text's line index, kept while the text stays the same (a rule edit does not rescan it). */
function lineIndexOf(text: string): LineIndex {
  if (lastIndex?.text !== text) lastIndex = { text, index: new LineIndex(text) };
  return lastIndex.index;
}

/**
 * The Exceptions pane's view: items with their entries, per-item counts, problems. While the
 * text keeps the last exceptions applied (`read.kept`), the items are those, without places in
 * the text (they were read from an earlier one).
 */
export function exceptionsView(
  x: ExceptionsText,
  read: ReadExceptions,
  result: Pick<EvaluationResult, 'exceptionStats' | 'diagnostics'> | undefined,
): ExceptionsView {
  const stats = result?.exceptionStats ?? [];
  const index = lineIndexOf(x.text);
  const shown = read.kept ?? read.parsed;
  const items: ExceptionItemView[] = shown.items.map((item, i) => {
    const stat: ExceptionStat | undefined = stats[i];
    const range = read.kept ? undefined : item.origin?.range;
    return {
      index: i,
      item: plainItem(item),
      ...(range ? { range, line: index.position(range.start).line } : {}),
      ...(stat ? { status: stat.status, removed: stat.removed, removedMatching: stat.removedMatching } : {}),
      ...(stat?.reason !== undefined ? { reason: stat.reason } : {}),
    };
  });
  const compileProblems = (result?.diagnostics ?? []).filter(
    (d) => d.source === 'value-list' || (d.source === 'exceptions' && !read.kept),
  );
  // The kept items' own problems point into the earlier text: listed without a place.
  const keptProblems = read.kept ? (result?.diagnostics ?? []).filter((d) => d.source === 'exceptions') : [];
  return {
    format: read.parsed.format,
    items,
    lists: shown.lists.map((l) => ({ list_id: l.list_id, name: l.name, type: l.type })),
    valueLists: read.input?.valueLists?.map((l) => ({ id: l.id, values: l.values.length })) ?? [],
    problems: [...read.problems, ...locateExceptionProblems(compileProblems, x), ...keptProblems],
    ...(read.kept ? { kept: { items: read.kept.items.length } } : {}),
  };
}

/* ───────────── the item added to the text ───────────── */

const isSummary = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && 'exported_exception_list_count' in v;

function parseLine(line: string): unknown {
  try {
    return JSON.parse(line);
  } catch {
    return undefined;
  }
}

/** The item as one export line (the keys Kibana's import takes). */
export function itemLine(item: ExceptionItem): string {
  return exceptionListNdjson([item]).split('\n')[1]!;
}

/** NDJSON text with the item inserted before the summary line (its item count bumped), or at the end. */
function insertIntoNdjson(text: string, item: ExceptionItem, hasContainer: boolean): string {
  const lines = text.replace(/\s+$/, '').split('\n');
  const at = lines.findIndex((l) => isSummary(parseLine(l.trim())));
  const add = hasContainer ? [itemLine(item)] : exceptionListNdjson([item]).trimEnd().split('\n').slice(0, 2);
  if (at < 0) return `${[...lines, ...add].join('\n')}\n`;
  const summary = parseLine(lines[at]!.trim()) as Record<string, unknown>;
  const count = summary.exported_exception_list_item_count;
  if (typeof count === 'number') summary.exported_exception_list_item_count = count + 1;
  const lists = summary.exported_exception_list_count;
  if (!hasContainer && typeof lists === 'number') summary.exported_exception_list_count = lists + 1;
  const out = [...lines.slice(0, at), ...add, JSON.stringify(summary), ...lines.slice(at + 1)];
  return `${out.join('\n')}\n`;
}

/**
 * The pane's text with one more item, written in the text's own shape: an export gets an item
 * line (and a list container when the list is new) before its summary, an array one more
 * element, a single item becomes an array of two. Nothing already in the text is rewritten but
 * the summary's counts.
 */
export function addItem(text: string, item: ExceptionItem): string {
  if (text.trim() === '') return exceptionListNdjson([item]);
  const parsed = parseExceptions(text);
  const body = JSON.stringify(createItemBody(item), null, 2);
  switch (parsed.format) {
    case 'items': {
      const close = text.lastIndexOf(']');
      const head = text.slice(0, close).replace(/\s+$/, '');
      const sep = head.endsWith('[') ? '\n' : ',\n';
      return `${head}${sep}${indent(body)}\n${text.slice(close)}`;
    }
    case 'item':
      return `[\n${indent(text.trim())},\n${indent(body)}\n]\n`;
    case 'find-response':
      return exceptionListNdjson([...parsed.items, item], parsed.lists);
    default:
      return insertIntoNdjson(
        text,
        item,
        parsed.lists.some((l) => l.list_id === item.list_id),
      );
  }
}

const indent = (s: string) =>
  s
    .split('\n')
    .map((l) => `  ${l}`)
    .join('\n');

/* ───────────── exports ───────────── */

/** Kibana exception list NDJSON and the create-item API requests (Dev Tools text) for the pane's items. */
export function exportExceptions(x: ExceptionsText): { ndjson: string; apiBody: string; problems: ProblemView[] } {
  const read = readExceptions(x);
  const items = read.parsed.items;
  const ndjson = items.length > 0 || read.parsed.lists.length > 0 ? exceptionListNdjson(items, read.parsed.lists) : '';
  const apiBody = items
    .map(
      (i) =>
        `# ${i.name.replace(/[\r\n]+/g, ' ')}\nPOST kbn:/api/exception_lists/items\n${JSON.stringify(createItemBody(i), null, 2)}`,
    )
    .join('\n\n');
  return { ndjson, apiBody: apiBody ? `${apiBody}\n` : '', problems: [...read.problems] };
}

/* ───────────── the impact of a proposed item ───────────── */

/** Excepted positions of an evaluation (event verdicts, or join events marked excepted). */
export function exceptedPositions(result: EvaluationResult): Set<number> {
  const out = new Set<number>();
  for (const v of result.verdicts ?? []) if (v.verdict === 'excepted') out.add(v.position);
  for (const e of result.join?.events ?? []) if (e.excepted) out.add(e.position);
  return out;
}

/** What each event was before, by position: its verdict (event queries) or part of a returned sequence or sample (joins). */
function verdictsBefore(result: EvaluationResult, count: number): RemovedEvent['verdict'][] {
  const out = new Array<RemovedEvent['verdict']>(count).fill('no-match');
  if (result.verdicts) for (const v of result.verdicts) out[v.position] = v.verdict;
  else for (const s of returnedSequences(result)) for (const p of s.positions) if (p < count) out[p] = 'alert';
  return out;
}

/** The events `matched` marks that `before` does not already except, in position order. */
function newlyRemoved(
  before: EvaluationResult,
  matched: Uint8Array,
  events: readonly EventDoc[],
  expectations: Readonly<Record<string, Expectation>> | undefined,
): RemovedEvent[] {
  const was = exceptedPositions(before);
  const verdicts = verdictsBefore(before, events.length);
  const removed: RemovedEvent[] = [];
  for (let p = 0; p < matched.length; p++) {
    if (matched[p] !== 1 || was.has(p)) continue;
    const e = events[p];
    if (!e) continue;
    const expected = expectations?.[e.id]?.verdict === 'alert';
    removed.push({ position: p, id: e.id, verdict: verdicts[p]!, ...(expected ? { expectedAlert: true } : {}) });
  }
  return removed;
}

export interface PreviewContext {
  readonly events: readonly EventDoc[];
  readonly rule: string;
  readonly mapping: string;
  /** The evaluation with the current exceptions (the last one of the same inputs, when there is one). */
  readonly before: EvaluationResult;
  /** The rule run's start for the item's `expire_time` (the current exceptions' `at` by default). */
  readonly at?: number;
}

/**
 * The impact of adding `item`: events it newly removes, loud when one is an expected alert.
 * The query is not run again: exceptions filter the events before EQL, so the item removes the
 * events it matches that the current exceptions keep, and what each was comes from `before`.
 */
export function previewException(
  ctx: PreviewContext,
  current: ExceptionInput | undefined,
  item: ExceptionItem,
  options: { readonly position?: number; readonly expectations?: Readonly<Record<string, Expectation>> },
): Omit<ExceptionPreview, 'text'> {
  const before = ctx.before;
  // Without verdicts (the rule has errors) nothing can be said about the events: say why.
  const hasResults = before.verdicts !== undefined || before.join !== undefined;
  const at = ctx.at ?? current?.at;
  const added = hasResults
    ? matchAddedItem({
        events: ctx.events,
        mapping: ctx.mapping,
        item,
        ...(current ? { exceptions: current } : {}),
        ...(at !== undefined ? { at } : {}),
      })
    : undefined;
  const removed = added?.matched ? newlyRemoved(before, added.matched, ctx.events, options.expectations) : [];
  const problems = added
    ? added.diagnostics.filter(
        (d) => (d.source === 'exceptions' || d.source === 'value-list') && d.range.start === 0 && d.range.end === 0,
      )
    : before.diagnostics.filter((d) => d.severity === 'error').slice(0, 1);
  return {
    removed,
    alertsRemoved: removed.filter((r) => r.verdict === 'alert').length,
    expectedAlerts: removed.filter((r) => r.expectedAlert).map((r) => r.id),
    ...(options.position !== undefined ? { removesTarget: removed.some((r) => r.position === options.position) } : {}),
    warnings: exceptionWarnings({ item, rule: ctx.rule, events: ctx.events, mapping: ctx.mapping }),
    problems,
  };
}
