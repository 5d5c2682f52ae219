/**
 * Number-to-text conversion the way the JVM prints boxed numbers (`Double.toString`,
 * `Long.toString`), because `string()` and `concat()` in Elasticsearch produce Java text:
 * `string(1.0)` is `"1.0"`, `string(1e20)` is `"1.0E20"`, `string(0.0001)` is `"1.0E-4"`.
 *
 * JSON numbers carry no int/double distinction, so the caller passes the static type.
 */

import type { Scalar, ValueType } from './values';

/**
 * Java `Double.toString`: the shortest digits that round-trip (JDK 19+ behaviour, the same
 * digits as JS), printed as plain decimal when 1e-3 <= |d| < 1e7 and as `d.dddE±n` otherwise;
 * there is always at least one digit after the point.
 */
export function formatJavaDouble(d: number): string {
  if (Number.isNaN(d)) return 'NaN';
  if (d === Infinity) return 'Infinity';
  if (d === -Infinity) return '-Infinity';
  if (d === 0) return Object.is(d, -0) ? '-0.0' : '0.0';

  const negative = d < 0;
  const abs = negative ? -d : d;
  // toExponential() without an argument yields the shortest round-tripping digits. When
  // that is a single digit, Java picks the closest two-digit decimal instead (which is what
  // toExponential(1) computes), e.g. 4.9E-324 rather than 5E-324; trailing zeros then drop.
  let exp = abs.toExponential();
  let ePos = exp.indexOf('e');
  if (ePos === 1) {
    exp = abs.toExponential(1);
    ePos = exp.indexOf('e');
  }
  const mantissa = exp.slice(0, ePos);
  const exponent = Number(exp.slice(ePos + 1));
  const digits = (mantissa.length > 1 ? mantissa[0] + mantissa.slice(2) : mantissa).replace(/(?<=.)0+$/, '');
  const sign = negative ? '-' : '';

  if (abs >= 1e-3 && abs < 1e7) {
    if (exponent >= 0) {
      const intLen = exponent + 1;
      if (digits.length <= intLen) {
        return `${sign}${digits}${'0'.repeat(intLen - digits.length)}.0`;
      }
      return `${sign}${digits.slice(0, intLen)}.${digits.slice(intLen)}`;
    }
    return `${sign}0.${'0'.repeat(-exponent - 1)}${digits}`;
  }
  const frac = digits.length > 1 ? digits.slice(1) : '0';
  return `${sign}${digits[0]}.${frac}E${exponent}`;
}

/** Java `Long.toString` / `Integer.toString` of an integral value: plain digits, no exponent. */
export function formatJavaLong(n: number): string {
  if (!Number.isFinite(n)) return formatJavaDouble(n);
  const t = Math.trunc(n);
  if (t === 0) return '0';
  // Past 2^53 JS would print rounded digits; BigInt prints the exact value held.
  return Math.abs(t) < 9007199254740992 ? t.toString() : BigInt(t).toString();
}

/**
 * Java text of a number whose static type is `type`. Integral types print plain digits;
 * `double` prints like `Double.toString`. An `unknown` type decides per value: integral
 * values print as a long, others as a double.
 */
export function formatJavaNumber(n: number, type: ValueType): string {
  if (type === 'integer' || type === 'long') return formatJavaLong(n);
  if (type === 'double') return formatJavaDouble(n);
  return Number.isInteger(n) && !Object.is(n, -0) ? formatJavaLong(n) : formatJavaDouble(n);
}

/** Java `String.valueOf` of a scalar; null stays null. */
export function javaToString(v: Scalar, type: ValueType): string | null {
  if (v === null) return null;
  if (typeof v === 'string') return v;
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  return formatJavaNumber(v, type);
}
