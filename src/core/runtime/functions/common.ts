/**
 * Helpers shared by the function families: argument-type checks with Elasticsearch's
 * message wording, and runtime argument coercion.
 */

import { Analysis } from '../../diagnostics/analysis';
import { Runtime } from '../../diagnostics/runtime';
import { EqlRuntimeError, isNumericType, isStringType, type Scalar, type ValueType } from '../values';
import type { EqlFunction } from './types';

/** What an argument must be; the word is the one ES prints in `must be [...]`. */
export type Expect = 'string' | 'numeric' | 'integer' | 'boolean' | 'ip' | 'any';

export interface ArgRule {
  readonly expect: Expect;
  /** The argument must be a constant (literal or folded). */
  readonly constant?: boolean;
  /** Check that it is a constant before checking its type. */
  readonly constantFirst?: boolean;
}

function accepts(expect: Expect, t: ValueType): boolean {
  if (t === 'null') return true;
  switch (expect) {
    case 'string':
      return isStringType(t);
    case 'numeric':
      return isNumericType(t);
    case 'integer':
      return t === 'integer' || t === 'long' || t === 'unknown';
    case 'boolean':
      return t === 'boolean';
    case 'ip':
      return t === 'ip' || t === 'unknown';
    case 'any':
      return t !== 'object' && t !== 'unsupported';
  }
}

/**
 * Check each argument against its rule (the last rule repeats for variadic functions).
 * Returns the first problem with Elasticsearch's wording, or undefined.
 */
export function checkArgs(
  rules: readonly ArgRule[],
  argTypes: readonly ValueType[],
  constArgs: readonly (Scalar | undefined)[],
  callText: string,
  argTexts: readonly string[],
): { message: string; arg: number } | undefined {
  for (let i = 0; i < argTypes.length; i++) {
    const rule = rules[Math.min(i, rules.length - 1)];
    if (!rule) continue;
    const t = argTypes[i] as ValueType;
    const text = argTexts[i] ?? '';
    if (rule.constant && rule.constantFirst && constArgs[i] === undefined) {
      return { message: Analysis.ArgumentType.notConstant(i, callText, text).message, arg: i };
    }
    if (!accepts(rule.expect, t)) {
      return { message: Analysis.ArgumentType.argument(i, callText, rule.expect, text, t).message, arg: i };
    }
    if (rule.constant && constArgs[i] === undefined) {
      return { message: Analysis.ArgumentType.notConstant(i, callText, text).message, arg: i };
    }
  }
  return undefined;
}

/** The `check` of a function whose arguments follow `rules` (the shape every family uses). */
export function argsChecker(rules: readonly ArgRule[]): NonNullable<EqlFunction['check']> {
  return (argTypes, constArgs, callText, argTexts) => checkArgs(rules, argTypes, constArgs, callText, argTexts);
}

/** Runtime check that a value is a string (ES: `A string/char is required; received [5]`). */
export function requireString(v: Scalar): string {
  if (typeof v === 'string') return v;
  throw new EqlRuntimeError(Runtime.RuntimeError.stringRequired(v));
}

/** Runtime check that a value is a number (ES: `A number is required; received [x]`). */
export function requireNumber(v: Scalar): number {
  if (typeof v === 'number') return v;
  throw new EqlRuntimeError(Runtime.RuntimeError.numberRequired(v));
}

/** Java `Number.intValue()` of an integral argument (truncates, wraps to 32 bits). */
export function toJavaInt(n: number): number {
  if (Number.isNaN(n)) return 0;
  if (n >= 2147483647)
    return n >= 2147483648 && Number.isInteger(n) ? Number(BigInt.asIntN(32, BigInt(n))) : 2147483647;
  if (n <= -2147483648) return Number.isInteger(n) ? Number(BigInt.asIntN(32, BigInt(n))) : -2147483648;
  return Math.trunc(n) | 0;
}
