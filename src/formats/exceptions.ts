/**
 * Reading rule exceptions in the shapes Kibana produces and takes:
 *
 *   - the exception list export (NDJSON: the list container, one line per item, and a trailing
 *     export summary with `exported_exception_list_count`);
 *   - a rule export (NDJSON: rules with `exceptions_list`, then the exception lists and items
 *     they use, action connectors, and a summary line);
 *   - one item or an array of items, as `POST /api/exception_lists/items` takes them, and the
 *     `{"data": [...]}` answer of the item `_find` API.
 *
 * Each line (or array element) is read on its own: a broken one is a located diagnostic and the
 * others still load.
 */
import type { Range } from '../core/ast/nodes';
import { findJsonError } from '../core/schema/json-syntax';
import type { Diagnostic } from '../core/diagnostics/diagnostic';
import type { ExceptionItem, ExceptionListContainer } from '../core/index';
import { ExceptionFiles } from './diagnostics';
import { isObject, Locator, readContainer, readItem } from './exception-items';
import { JsonScanner } from './json-scan';

export type ExceptionsFormat = 'exception-list-export' | 'rule-export' | 'items' | 'item' | 'find-response' | 'empty';

/** An exception list a rule refers to (`exceptions_list` of a rule export). */
export interface RuleListRef {
  readonly id?: string;
  readonly list_id: string;
  readonly namespace_type?: string;
  readonly type?: string;
}

export interface ParsedExceptions {
  readonly format: ExceptionsFormat;
  readonly items: ExceptionItem[];
  readonly lists: ExceptionListContainer[];
  /** From a rule export: the lists each rule uses. */
  readonly ruleLists: RuleListRef[];
  readonly diagnostics: Diagnostic[];
}

type Json = Record<string, unknown>;

interface Reader {
  readonly loc: Locator;
  readonly items: ExceptionItem[];
  readonly lists: ExceptionListContainer[];
  readonly ruleLists: RuleListRef[];
  /** The export summary lines seen (to check the counts). */
  readonly summaries: { value: Json; range: Range }[];
  rules: number;
}

function parseAt(r: Reader, range: Range, what: string): unknown {
  const text = r.loc.text;
  try {
    return JSON.parse(text.slice(range.start, range.end));
  } catch {
    const err = findJsonError(text, range.start, range.end);
    const at = err ? { start: err.offset, end: Math.max(err.end, err.offset + 1) } : range;
    r.loc.report(ExceptionFiles.ExceptionsSyntax.notJson(what, err?.message), at);
    return undefined;
  }
}

const isItem = (o: Json) => 'entries' in o || 'item_id' in o;
const isSummary = (o: Json) =>
  'exported_exception_list_count' in o || 'exported_count' in o || 'exported_rules_count' in o;
const isRule = (o: Json) =>
  typeof o.rule_id === 'string' ||
  Array.isArray(o.exceptions_list) ||
  (typeof o.query === 'string' && typeof o.type === 'string');

/** One object of an NDJSON export. */
function readObject(r: Reader, o: Json, range: Range): void {
  if (isSummary(o)) {
    r.summaries.push({ value: o, range });
  } else if (isItem(o)) {
    const item = readItem(o, range, r.loc, r.lists[r.lists.length - 1]?.list_id, r.items.length);
    if (item) r.items.push(item);
  } else if (isRule(o)) {
    r.rules++;
    if (Array.isArray(o.exceptions_list)) {
      for (const ref of o.exceptions_list) {
        if (isObject(ref) && typeof ref.list_id === 'string') r.ruleLists.push(ref as unknown as RuleListRef);
      }
    }
  } else if (o.type === 'action' && isObject(o.attributes)) {
    r.loc.report(ExceptionFiles.IgnoredObject.connector(), range);
  } else if ('list_id' in o) {
    const list = readContainer(o, range, r.loc);
    if (list) r.lists.push(list);
  } else {
    r.loc.report(ExceptionFiles.IgnoredObject.unknown(), range);
  }
}

function ndjson(r: Reader): void {
  const t = r.loc.text;
  let line = 1;
  for (let i = 0; i <= t.length; line++) {
    let e = t.indexOf('\n', i);
    if (e < 0) e = t.length;
    let s = i;
    while (s < e && /[ \t\r\ufeff]/.test(t[s]!)) s++;
    let end = e;
    while (end > s && /[ \t\r]/.test(t[end - 1]!)) end--;
    if (s < end) {
      const range = { start: s, end };
      const v = parseAt(r, range, `Line ${line}`);
      if (v !== undefined) {
        if (isObject(v)) readObject(r, v, range);
        else r.loc.report(ExceptionFiles.InvalidItem.notObject(`Line ${line}`), range);
      }
    }
    i = e + 1;
  }
}

/** Items in a JSON array (API bodies, the `data` of a find answer). */
function itemArray(r: Reader, at: number): void {
  const split = r.loc.scanner.splitArray(at);
  for (const p of split.problems)
    r.loc.report(ExceptionFiles.ExceptionsSyntax.array(p.message), { start: p.start, end: p.end });
  split.elements.forEach((span, k) => {
    const v = parseAt(r, span, `Element ${k + 1}`);
    if (v === undefined) return;
    if (!isObject(v)) {
      r.loc.report(ExceptionFiles.InvalidItem.notObject(`Element ${k + 1}`), span);
      return;
    }
    const item = readItem(v, span, r.loc, undefined, r.items.length);
    if (item) r.items.push(item);
  });
}

/** The export summary's counts against what the file holds. */
function checkSummary(r: Reader): void {
  for (const { value, range } of r.summaries) {
    const items = value.exported_exception_list_item_count;
    if (typeof items === 'number' && items !== r.items.length) {
      r.loc.report(ExceptionFiles.InvalidItem.summaryCount(items, r.items.length), range);
    }
  }
}

/** Read exceptions text (see the module comment). Never throws. */
export function parseExceptions(text: string, options: { readonly file?: string } = {}): ParsedExceptions {
  const scanner = new JsonScanner(text);
  const r: Reader = {
    loc: new Locator(text, scanner, options.file),
    items: [],
    lists: [],
    ruleLists: [],
    summaries: [],
    rules: 0,
  };
  const start = scanner.skipWs(0);
  let format: ExceptionsFormat = 'empty';
  if (start < text.length && text.charCodeAt(start) === 91) {
    format = 'items';
    itemArray(r, start);
  } else if (start < text.length) {
    const first = scanner.skipValue(start);
    const rest = scanner.skipWs(first);
    const v = rest >= text.length ? parseAt(r, { start, end: first }, 'The input') : undefined;
    if (isObject(v) && Array.isArray(v.data) && !isItem(v)) {
      format = 'find-response';
      const at = scanner.findKey(start, 'data');
      if (at >= 0) itemArray(r, at);
    } else if (isObject(v) && isItem(v)) {
      format = 'item';
      const item = readItem(v, { start, end: first }, r.loc, undefined, 0);
      if (item) r.items.push(item);
    } else if (isObject(v)) {
      // One (possibly pretty-printed) object: a list container or a rule.
      readObject(r, v, { start, end: first });
      format = r.rules > 0 ? 'rule-export' : 'exception-list-export';
    } else if (rest < text.length) {
      ndjson(r);
      format = r.rules > 0 ? 'rule-export' : 'exception-list-export';
    } else if (v !== undefined) {
      r.loc.report(ExceptionFiles.InvalidItem.notExceptions(), { start, end: first });
    }
  }
  checkSummary(r);
  return { format, items: r.items, lists: r.lists, ruleLists: r.ruleLists, diagnostics: r.loc.diagnostics };
}
