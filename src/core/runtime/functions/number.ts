/**
 * number(): text to number, as Elasticsearch parses it.
 *
 * - The base defaults to 10, or to 16 when the text starts with lower-case `0x` (the prefix
 *   is stripped only when the base is 16; `0X` is not recognised).
 * - Base 10: first a 64-bit integer parse (optional sign, ASCII digits only, nothing else),
 *   then Java's `Double.parseDouble`, which trims surrounding whitespace/control characters
 *   and accepts `NaN`, `Infinity`, exponents, `.5`, `5.`, hex floats (`0x1p3`) and a trailing
 *   `f`/`F`/`d`/`D`. So `" 1337 "` becomes the double 1337.0 and `"1e3"` becomes 1000.0.
 * - Other bases: a 64-bit integer parse in that radix (2-36), e.g. `number("-ff", 16)` = -255.
 * - Anything else fails: `Unable to convert [x] to number of base [10]`.
 */

import { Runtime } from '../../diagnostics/runtime';
import { EqlRuntimeError, type Scalar } from '../values';
import type { EqlFunction } from './types';
import { argsChecker, requireString } from './common';

const LONG_MIN = -(2n ** 63n);
const LONG_MAX = 2n ** 63n - 1n;

function digitValue(c: number): number {
  if (c >= 48 && c <= 57) return c - 48;
  if (c >= 97 && c <= 122) return c - 87;
  if (c >= 65 && c <= 90) return c - 55;
  return 99;
}

/** Java `Long.parseLong(s, radix)`; undefined when it would throw. */
export function parseJavaLong(s: string, radix: number): number | undefined {
  if (radix < 2 || radix > 36 || s.length === 0) return undefined;
  let i = 0;
  let negative = false;
  const first = s.charCodeAt(0);
  if (first === 45 || first === 43) {
    negative = first === 45;
    i = 1;
    if (s.length === 1) return undefined;
  }
  // Fast path: short inputs fit exactly in a double.
  let value = 0;
  const fast = s.length - i <= (radix <= 10 ? 15 : 10);
  let big = 0n;
  const bigRadix = BigInt(radix);
  for (; i < s.length; i++) {
    const d = digitValue(s.charCodeAt(i));
    if (d >= radix) return undefined;
    if (fast) value = value * radix + d;
    else big = big * bigRadix + BigInt(d);
  }
  if (fast) return negative ? -value + 0 : value;
  if (negative) big = -big;
  if (big < LONG_MIN || big > LONG_MAX) return undefined;
  return Number(big);
}

const DECIMAL_FLOAT = /^[+-]?(?:NaN|Infinity|(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?[fFdD]?)$/;
const HEX_FLOAT = /^([+-]?)0[xX]([0-9a-fA-F]*)(?:\.([0-9a-fA-F]*))?[pP]([+-]?\d+)[fFdD]?$/;

/** Java `String.trim()`: strips code units <= U+0020 from both ends. */
function javaTrim(s: string): string {
  let a = 0;
  let b = s.length;
  while (a < b && s.charCodeAt(a) <= 32) a++;
  while (b > a && s.charCodeAt(b - 1) <= 32) b--;
  return a === 0 && b === s.length ? s : s.slice(a, b);
}

/** Java `Double.parseDouble`; undefined when it would throw. */
export function parseJavaDouble(text: string): number | undefined {
  const s = javaTrim(text);
  if (DECIMAL_FLOAT.test(s)) {
    const sign = s.charCodeAt(0) === 45 ? -1 : 1;
    const body = s.replace(/^[+-]/, '');
    if (body === 'NaN') return NaN;
    if (body === 'Infinity') return sign * Infinity;
    const v = Number(body.replace(/[fFdD]$/, ''));
    return sign * v;
  }
  const m = HEX_FLOAT.exec(s);
  if (m) {
    const intPart = m[2] ?? '';
    const fracPart = m[3] ?? '';
    if (intPart === '' && fracPart === '') return undefined;
    let mantissa = 0;
    for (const ch of intPart + fracPart) mantissa = mantissa * 16 + parseInt(ch, 16);
    const exp = Number(m[4]) - 4 * fracPart.length;
    const v = mantissa * 2 ** exp;
    return m[1] === '-' ? -v : v;
  }
  return undefined;
}

function conversionError(source: string, base: number): EqlRuntimeError {
  return new EqlRuntimeError(Runtime.NumberConversion.convert(source, base));
}

/** The whole of number(): text and optional base (null = default) to a number. */
export function toNumber(source: string, base: number | null): number {
  const hexPrefix = source.startsWith('0x');
  const radix = base === null ? (hexPrefix ? 16 : 10) : base;
  const text = hexPrefix && radix === 16 ? source.slice(2) : source;
  if (radix === 10) {
    const asLong = parseJavaLong(text, 10);
    if (asLong !== undefined) return asLong;
    const asDouble = parseJavaDouble(text);
    if (asDouble !== undefined) return asDouble;
    throw conversionError(text, radix);
  }
  const v = parseJavaLong(text, radix);
  if (v === undefined) throw conversionError(text, radix);
  return v;
}

export const number: EqlFunction = {
  name: 'number',
  params: [
    { name: 'source', kind: 'string' },
    { name: 'base', kind: 'number', optional: true },
  ],
  caseAware: false,
  // Elasticsearch declares the result as DOUBLE, but integral text yields a long value, which
  // then divides and prints as a long. The static type stays open ('unknown': integral or not,
  // decided per value), so `number("7") / 2` is 3 and `string(number("5"))` is "5".
  returnType: () => 'unknown',
  // The base may be a field: Elasticsearch plans number(field, otherField) as a script.
  check: argsChecker([{ expect: 'string' }, { expect: 'integer' }]),
  make(ctx) {
    const c = ctx.constArgs[1];
    const constBase = typeof c === 'number' ? Math.trunc(c) : undefined;
    return (args: readonly Scalar[]) => {
      const s = args[0] ?? null;
      if (s === null) return null;
      const b = constBase ?? args[1] ?? null;
      return toNumber(requireString(s), typeof b === 'number' ? Math.trunc(b) : null);
    };
  },
  signature: 'number(source[, base]) → number',
  doc:
    'Parses text as a number. Base 10 accepts integers and decimals (`"1e3"`, `" 12 "`); text starting with `0x` ' +
    'defaults to base 16. Fails with an error when the text is not a number.\n\n`number("0x1F")` → `31`',
  nulls: 'Null if source is null. A null base means the default (10, or 16 for `0x` text).',
};
