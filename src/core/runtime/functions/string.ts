/**
 * String functions: between, concat, endsWith, indexOf, length, startsWith, string,
 * stringContains, substring. Semantics follow Elasticsearch (Java string operations on
 * UTF-16 code units); the `~` variants compare `toLowerCase()` forms.
 */

import { Runtime } from '../../diagnostics/runtime';
import { javaToString } from '../java-format';
import { EqlRuntimeError, type Scalar, type ValueType } from '../values';
import type { CallContext, EqlFunction } from './types';
import { argsChecker, requireNumber, requireString, toJavaInt, type ArgRule } from './common';

type Impl = (args: readonly Scalar[]) => Scalar;

const STRING2: readonly ArgRule[] = [{ expect: 'string' }, { expect: 'string' }];

/** Lower-cases a constant once at compile time, or a runtime value per call. */
function lowerIf(ci: boolean, s: string): string {
  return ci ? s.toLowerCase() : s;
}

/**
 * The shared prologue of the functions over a source and a search text (startsWith, endsWith,
 * indexOf, stringContains): null when either is null, both must be strings, `~` lower-cases
 * both, and a constant search text is lowered once at compile time.
 */
function sourceAndSearch(
  ctx: CallContext,
  body: (source: string, search: string, args: readonly Scalar[]) => Scalar,
): Impl {
  const ci = ctx.caseInsensitive;
  const c = ctx.constArgs[1];
  const constSearch = typeof c === 'string' ? lowerIf(ci, c) : undefined;
  return (args) => {
    const s = args[0] ?? null;
    const search = args[1] ?? null;
    if (s === null || search === null) return null;
    return body(lowerIf(ci, requireString(s)), constSearch ?? lowerIf(ci, requireString(search)), args);
  };
}

/**
 * between(): the text after the first `left` and before the next `right` (or, when greedy,
 * the last `right`). As Elasticsearch's `between`: an empty source, `left` or `right` returns
 * the source unchanged; a delimiter that is not found gives `""`. A greedy `right` whose last
 * occurrence starts before the end of `left` is Java's `substring` failure.
 */
export function betweenText(source: string, left: string, right: string, greedy: boolean, ci: boolean): string {
  if (source === '' || left === '' || right === '') return source;
  const match = lowerIf(ci, source);
  const l = lowerIf(ci, left);
  const r = lowerIf(ci, right);
  const li = match.indexOf(l);
  if (li < 0) return '';
  const start = li + l.length;
  const ri = greedy ? match.lastIndexOf(r) : match.indexOf(r, start);
  if (ri < 0) return '';
  if (ri < start) {
    throw new EqlRuntimeError(Runtime.RuntimeError.substringRange(start, ri, source.length));
  }
  return source.substring(start, ri);
}

export const between: EqlFunction = {
  name: 'between',
  params: [
    { name: 'source', kind: 'string' },
    { name: 'left', kind: 'string' },
    { name: 'right', kind: 'string' },
    { name: 'greedy', kind: 'boolean-literal', optional: true },
  ],
  caseAware: true,
  returnType: () => 'keyword',
  check: argsChecker([...STRING2, { expect: 'string' }, { expect: 'boolean', constant: true }]),
  make(ctx) {
    const ci = ctx.caseInsensitive;
    const constGreedy = ctx.constArgs[3];
    const fixedGreedy = ctx.constArgs.length < 4 ? false : typeof constGreedy === 'boolean' ? constGreedy : undefined;
    return (args) => {
      const src = args[0] ?? null;
      const left = args[1] ?? null;
      const right = args[2] ?? null;
      if (src === null) return null;
      const greedy = fixedGreedy ?? args[3] === true;
      return betweenText(requireString(src), requireString(left), requireString(right), greedy, ci);
    };
  },
  signature: 'between(source, left, right[, greedy]) → string',
  doc:
    'Text between the first `left` and the following `right`. With `greedy` true, up to the last `right` instead. ' +
    '`""` when a delimiter is not found; the source itself when it or a delimiter is empty. ' +
    'Case-sensitive; `between~` ignores case.\n\n' +
    '`between("C:\\\\Windows\\\\cmd.exe", "Windows\\\\", ".exe")` → `"cmd"`',
  nulls: 'Null if source is null; a null left or right is an error (a string is required).',
};

export const concat: EqlFunction = {
  name: 'concat',
  params: [{ name: 'value', kind: 'any', variadic: true }],
  caseAware: false,
  returnType: () => 'keyword',
  check: argsChecker([{ expect: 'any' }]),
  make(ctx) {
    const types = ctx.argTypes;
    return (args) => {
      let out = '';
      for (let i = 0; i < args.length; i++) {
        const v = args[i] ?? null;
        if (v === null) return null;
        out += typeof v === 'string' ? v : (javaToString(v, types[i] ?? 'unknown') as string);
      }
      return out;
    };
  },
  signature: 'concat(value[, value...]) → string',
  doc:
    'Joins the values as text. Numbers and booleans print the way Java prints them (`1.0` stays `1.0`).\n\n' +
    '`concat("pid ", 42)` → `"pid 42"`',
  nulls: 'Null if any argument is null.',
};

function prefixSuffix(name: 'startsWith' | 'endsWith'): EqlFunction {
  const isStart = name === 'startsWith';
  return {
    name,
    params: [
      { name: 'source', kind: 'string' },
      { name: isStart ? 'prefix' : 'suffix', kind: 'string' },
    ],
    caseAware: true,
    returnType: () => 'boolean',
    check: argsChecker(STRING2),
    make: (ctx) => sourceAndSearch(ctx, isStart ? (a, b) => a.startsWith(b) : (a, b) => a.endsWith(b)),
    signature: `${name}(source, ${isStart ? 'prefix' : 'suffix'}) → boolean`,
    doc: isStart
      ? 'True when `source` begins with `prefix`. Case-sensitive; `startsWith~` ignores case.\n\n`startsWith("regsvr32.exe", "regsvr")` → `true`'
      : 'True when `source` ends with `suffix`. Case-sensitive; `endsWith~` ignores case.\n\n`endsWith~("cmd.EXE", ".exe")` → `true`',
    nulls: 'Null if either argument is null.',
  };
}

export const startsWith: EqlFunction = prefixSuffix('startsWith');
export const endsWith: EqlFunction = prefixSuffix('endsWith');

export const indexOf: EqlFunction = {
  name: 'indexOf',
  params: [
    { name: 'source', kind: 'string' },
    { name: 'substring', kind: 'string' },
    { name: 'start', kind: 'number', optional: true },
  ],
  caseAware: true,
  returnType: () => 'integer',
  check: argsChecker([...STRING2, { expect: 'integer' }]),
  make: (ctx) =>
    sourceAndSearch(ctx, (a, b, args) => {
      const startArg = args[2] ?? null;
      const start = startArg === null ? 0 : toJavaInt(requireNumber(startArg));
      const r = a.indexOf(b, Math.max(start, 0));
      return r < 0 ? null : r;
    }),
  signature: 'indexOf(source, substring[, start]) → integer',
  doc:
    'Position (0-based, in UTF-16 units) of the first `substring` at or after `start`; a negative `start` counts as 0. ' +
    'Null when not found. Case-sensitive; `indexOf~` ignores case.\n\n`indexOf("a.b.c", ".", 2)` → `3`',
  nulls: 'Null if source or substring is null, or when not found. A null start counts as 0.',
};

export const length: EqlFunction = {
  name: 'length',
  params: [{ name: 'source', kind: 'string' }],
  caseAware: false,
  returnType: () => 'integer',
  check: argsChecker([{ expect: 'string' }]),
  make() {
    return (args) => {
      const s = args[0] ?? null;
      return s === null ? null : requireString(s).length;
    };
  },
  signature: 'length(source) → integer',
  doc: 'Number of characters (UTF-16 code units) in the text.\n\n`length("cmd.exe")` → `7`',
  nulls: 'Null if the argument is null.',
};

export const string: EqlFunction = {
  name: 'string',
  params: [{ name: 'value', kind: 'any' }],
  caseAware: false,
  returnType: () => 'keyword',
  check: argsChecker([{ expect: 'any' }]),
  make(ctx) {
    const type: ValueType = ctx.argTypes[0] ?? 'unknown';
    return (args) => javaToString(args[0] ?? null, type);
  },
  signature: 'string(value) → string',
  doc: 'The value as text, printed the way Java prints it: `string(2.5)` → `"2.5"`, `string(1.0)` → `"1.0"`, `string(true)` → `"true"`.',
  nulls: 'Null if the argument is null.',
};

export const stringContains: EqlFunction = {
  name: 'stringContains',
  params: [
    { name: 'source', kind: 'string' },
    { name: 'substring', kind: 'string' },
  ],
  caseAware: true,
  returnType: () => 'boolean',
  check: argsChecker(STRING2),
  make: (ctx) => sourceAndSearch(ctx, (a, b) => a.length > 0 && b.length > 0 && a.includes(b)),
  signature: 'stringContains(source, substring) → boolean',
  doc:
    'True when `substring` occurs in `source`. An empty source or substring gives false. ' +
    'Case-sensitive; `stringContains~` ignores case.\n\n`stringContains("powershell.exe", "shell")` → `true`',
  nulls: 'Null if either argument is null.',
};

/** Python-style slice on UTF-16 units: negative indexes count from the end, out-of-range ones are clamped. */
export function sliceText(s: string, start: number, end: number): string {
  if (s.length === 0) return s;
  const len = s.length;
  if (start < 0) start += len;
  if (start < 0) start = 0;
  if (end < 0) end += len;
  if (end < 0) end = 0;
  else if (end > len) end = len;
  if (start >= end) return '';
  return s.substring(start, end);
}

export const substring: EqlFunction = {
  name: 'substring',
  params: [
    { name: 'source', kind: 'string' },
    { name: 'start', kind: 'number' },
    { name: 'end', kind: 'number', optional: true },
  ],
  caseAware: false,
  returnType: () => 'keyword',
  check: argsChecker([{ expect: 'string' }, { expect: 'integer' }, { expect: 'integer' }]),
  make() {
    const impl: Impl = (args) => {
      const s = args[0] ?? null;
      if (s === null) return null;
      const str = requireString(s);
      const st = args[1] ?? null;
      const en = args[2] ?? null;
      return sliceText(
        str,
        st === null ? 0 : toJavaInt(requireNumber(st)),
        en === null ? str.length : toJavaInt(requireNumber(en)),
      );
    };
    return impl;
  },
  signature: 'substring(source, start[, end]) → string',
  doc:
    'Characters from `start` up to (not including) `end`, with Python slice rules: negative positions count from the end ' +
    'and out-of-range positions are clamped.\n\n`substring("start regsvr32.exe", -4, -1)` → `".ex"`',
  nulls: 'Null if source is null. A null start means 0; a null or missing end means the end of the text.',
};
