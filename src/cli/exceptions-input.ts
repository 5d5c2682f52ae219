/**
 * Rule exceptions for the CLI: `--exceptions FILE` (repeatable; any shape src/formats/exceptions.ts
 * reads: an exception list export, a rule export with its lists, one item or an array of items),
 * `--value-list [ID=]FILE` (repeatable; a `.txt` value list, its id the file name unless given)
 * and `--at DATE` (the rule run's start, for `expire_time`; default now).
 */
import { existsSync } from 'node:fs';
import type { Diagnostic, ExceptionInput, ExceptionItem, ValueList } from '../core/index';
import { parseExceptions } from '../formats/exceptions';
import type { WorkspaceExceptions } from '../formats/workspace';
import { parseValueList } from '../formats/value-list';
import { UsageError } from './args';
import { readText } from './inputs';

export interface LoadedExceptions {
  /** Undefined when no `--exceptions` file was given. */
  readonly input: ExceptionInput | undefined;
  /** Problems reading the files (located in them: `source` exceptions or value-list, `file` set). */
  readonly diagnostics: readonly Diagnostic[];
  /** The text of each file, by the name diagnostics carry in `file`. */
  readonly files: ReadonlyMap<string, string>;
}

/** `--at DATE` as epoch milliseconds; now when absent. */
export function evaluationTime(options: Map<string, string>, now: () => number = Date.now): number {
  const at = options.get('at');
  if (at === undefined) return now();
  const t = Date.parse(at);
  if (Number.isNaN(t)) throw new UsageError(`--at expects a date such as 2026-01-31T12:00:00Z, got ${at}`);
  return t;
}

/** `[ID=]FILE`: an explicit id, unless the whole argument names an existing file. */
function valueListArg(arg: string): { id?: string; path: string } {
  const eq = arg.indexOf('=');
  if (eq <= 0 || existsSync(arg)) return { path: arg };
  return { id: arg.slice(0, eq), path: arg.slice(eq + 1) };
}

/** Read the exception and value list files the options name. */
export function loadExceptions(lists: Map<string, string[]>, options: Map<string, string>): LoadedExceptions {
  const exceptionFiles = lists.get('exceptions') ?? [];
  const valueListArgs = lists.get('value-list') ?? [];
  if (exceptionFiles.length === 0) {
    if (valueListArgs.length > 0) throw new UsageError('--value-list needs --exceptions FILE');
    if (options.has('at')) throw new UsageError('--at needs --exceptions FILE');
    return { input: undefined, diagnostics: [], files: new Map() };
  }
  const files = new Map<string, string>();
  const diagnostics: Diagnostic[] = [];
  const items: ExceptionItem[] = [];
  for (const path of exceptionFiles) {
    const text = readText(path, 'exceptions file');
    files.set(path, text);
    const parsed = parseExceptions(text, { file: path });
    items.push(...parsed.items);
    diagnostics.push(...parsed.diagnostics);
  }
  const valueLists: ValueList[] = [];
  for (const arg of valueListArgs) {
    const { id, path } = valueListArg(arg);
    const text = readText(path, 'value list');
    files.set(path, text);
    valueLists.push(parseValueList(text, { file: path, ...(id !== undefined ? { id } : {}) }));
  }
  const input: ExceptionInput = {
    items,
    ...(valueLists.length > 0 ? { valueLists } : {}),
    at: evaluationTime(options),
  };
  return { input, diagnostics, files };
}

/**
 * A workspace file's own exceptions (the text and value lists the playground's pane held), named
 * after the workspace in diagnostics. Used when no `--exceptions` file is given.
 */
export function workspaceExceptions(
  exceptions: WorkspaceExceptions,
  workspaceFile: string,
  options: Map<string, string>,
): LoadedExceptions {
  const name = `${workspaceFile} exceptions`;
  const files = new Map<string, string>([[name, exceptions.text]]);
  const parsed = parseExceptions(exceptions.text, { file: name });
  const valueLists = (exceptions.valueLists ?? []).map((l) => {
    files.set(l.name, l.text);
    return parseValueList(l.text, { file: l.name, ...(l.id !== undefined ? { id: l.id } : {}) });
  });
  const input: ExceptionInput = {
    items: parsed.items,
    ...(valueLists.length > 0 ? { valueLists } : {}),
    at: evaluationTime(options),
  };
  return { input, diagnostics: parsed.diagnostics, files };
}
