/**
 * Value lists as Kibana's list import reads a `.txt` file: one value per line, blank lines
 * skipped, repeated values kept once. The list takes the file's name as its id, as a list
 * created by importing a file does; entries refer to it by `list.id`.
 */
import type { ValueList, ValueListValue } from '../core/index';

export interface ParseValueListOptions {
  /** The list id (default: the file name). */
  readonly id?: string;
  /** The list type when known (`keyword`, `ip`, `ip_range`...); else the referring entry's. */
  readonly type?: string;
  /** The file name, for the id and for located problems. */
  readonly file?: string;
}

/** Read a value list. Never throws; values keep their line ranges. */
export function parseValueList(text: string, options: ParseValueListOptions = {}): ValueList {
  const values: ValueListValue[] = [];
  const seen = new Set<string>();
  for (let i = 0; i <= text.length; ) {
    let e = text.indexOf('\n', i);
    if (e < 0) e = text.length;
    let end = e;
    if (end > i && text.charCodeAt(end - 1) === 13) end--;
    let start = i;
    if (start === 0 && text.charCodeAt(0) === 0xfeff) start = 1;
    const value = text.slice(start, end);
    if (value.trim() !== '' && !seen.has(value)) {
      seen.add(value);
      values.push({ value, range: { start, end } });
    }
    i = e + 1;
  }
  const base = options.file ? options.file.replace(/^.*[\\/]/, '') : undefined;
  const id = options.id ?? base ?? 'value-list';
  return {
    id,
    values,
    ...(options.type !== undefined ? { type: options.type } : {}),
    ...(options.file !== undefined ? { file: options.file } : {}),
  };
}
