/**
 * The EQL function registry: every function Elasticsearch EQL knows, looked up
 * case-insensitively, with Elasticsearch's arity messages and did-you-mean suggestions.
 *
 * To add a function: implement `EqlFunction` in the family file and list it in FUNCTIONS.
 */

import { Analysis } from '../../diagnostics/analysis';
import type { Message } from '../../diagnostics/table';
import type { EqlFunction } from './types';
import { between, concat, endsWith, indexOf, length, startsWith, string, stringContains, substring } from './string';
import { add, divide, modulo, multiply, subtract } from './math';
import { cidrMatch } from './ip';
import { number } from './number';

const FUNCTIONS: readonly EqlFunction[] = [
  add,
  between,
  cidrMatch,
  concat,
  divide,
  endsWith,
  indexOf,
  length,
  modulo,
  multiply,
  number,
  startsWith,
  string,
  stringContains,
  substring,
  subtract,
];

/** All functions keyed by lower-case name. */
export const functionRegistry: ReadonlyMap<string, EqlFunction> = new Map(
  FUNCTIONS.map((f) => [f.name.toLowerCase(), f]),
);

/** Case-insensitive lookup (`STARTSWITH`, `startsWith` and `startswith` are the same function). */
export function lookupFunction(name: string): EqlFunction | undefined {
  return functionRegistry.get(name.toLowerCase());
}

/** Canonical spellings, alphabetical (for completion and docs). */
export function functionNames(): string[] {
  return FUNCTIONS.map((f) => f.name);
}

/** Smallest and largest argument count (`Infinity` for variadic functions). */
export function arity(fn: EqlFunction): { min: number; max: number } {
  let min = 0;
  let max = 0;
  for (const p of fn.params) {
    if (!p.optional) min++;
    max = p.variadic ? Infinity : max + 1;
  }
  return { min, max };
}

/**
 * Elasticsearch's diagnostic when a call has the wrong number of arguments, e.g.
 * `error building [startswith]: expects exactly two arguments`; undefined when the count is fine.
 */
export function arityProblem(fn: EqlFunction, count: number): Message | undefined {
  const { min, max } = arity(fn);
  if (count >= min && count <= max) return undefined;
  return Analysis.FunctionArity.arity(fn.name, min, max);
}

/** The text of `arityProblem`, or undefined when the count is fine. */
export function checkArity(fn: EqlFunction, count: number): string | undefined {
  return arityProblem(fn, count)?.message;
}

/** Levenshtein edit distance over UTF-16 units. */
function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  let prev = new Array<number>(b.length + 1);
  let cur = new Array<number>(b.length + 1);
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      cur[j] = Math.min((prev[j] as number) + 1, (cur[j - 1] as number) + 1, (prev[j - 1] as number) + cost);
    }
    [prev, cur] = [cur, prev];
  }
  return prev[b.length] as number;
}

/**
 * Did-you-mean candidates for an unknown function name, in lower case and best first, the
 * way Elasticsearch picks them: similarity `1 - distance / longerLength` of at least 0.5.
 */
export function suggestFunctions(name: string): string[] {
  const needle = name.toLowerCase();
  const scored: { name: string; score: number }[] = [];
  for (const key of functionRegistry.keys()) {
    const longest = Math.max(needle.length, key.length);
    const score = longest === 0 ? 1 : 1 - editDistance(needle, key) / longest;
    if (score >= 0.5) scored.push({ name: key, score });
  }
  scored.sort((x, y) => y.score - x.score);
  return scored.map((s) => s.name);
}
