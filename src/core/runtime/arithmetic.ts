/**
 * Arithmetic with Java semantics, as Elasticsearch's QL `Arithmetics` does it.
 *
 * - Operand types widen: double > long > integer. The result has the widened type.
 * - `+ - *` on integral types are exact: overflow raises an error instead of wrapping, and
 *   the check happens at the operands' type (int + int that leaves the int32 range fails
 *   even though a long could hold it). Long results past 2^53 are checked with BigInt.
 * - `/` on integral types truncates toward zero; `%` is Java's remainder (the sign follows
 *   the dividend). Integral division or remainder by zero is an error; on doubles it gives
 *   Infinity or NaN. `MIN_VALUE / -1` wraps to MIN_VALUE as in Java.
 * - A null operand gives null.
 *
 * Values whose static type is `unknown` (a field with no known numeric type) take their kind
 * from the value: integral values count as long, others as double.
 */

import { Runtime } from '../diagnostics/runtime';
import { EqlRuntimeError, type Scalar, type ValueType } from './values';

export type ArithOp = '+' | '-' | '*' | '/' | '%';

type Kind = 'int' | 'long' | 'double' | 'dynamic' | 'null';

const INT_MIN = -2147483648;
const INT_MAX = 2147483647;
const SAFE = 9007199254740992; // 2^53
const LONG_MIN = -(2n ** 63n);
/** -2^63 as a double (exactly representable). */
const LONG_MIN_DOUBLE = -(2 ** 63);
const LONG_MAX = 2n ** 63n - 1n;

function kindOf(t: ValueType): Kind {
  switch (t) {
    case 'integer':
      return 'int';
    case 'long':
      return 'long';
    case 'double':
      return 'double';
    case 'null':
      return 'null';
    default:
      return 'dynamic';
  }
}

function widen(a: Kind, b: Kind): Kind {
  if (a === 'null') return b;
  if (b === 'null') return a;
  if (a === 'double' || b === 'double') return 'double';
  if (a === 'dynamic' || b === 'dynamic') return 'dynamic';
  if (a === 'long' || b === 'long') return 'long';
  return 'int';
}

function typeOfKind(k: Kind): ValueType {
  switch (k) {
    case 'int':
      return 'integer';
    case 'long':
      return 'long';
    case 'double':
      return 'double';
    case 'null':
      return 'null';
    case 'dynamic':
      return 'unknown';
  }
}

/** The static result type of `left op right` (the same for every arithmetic operator). */
export function arithmeticResultType(left: ValueType, right: ValueType): ValueType {
  return typeOfKind(widen(kindOf(left), kindOf(right)));
}

function overflow(kind: 'int' | 'long'): EqlRuntimeError {
  return new EqlRuntimeError(Runtime.ArithmeticOverflow.overflow(kind));
}

function divisionByZero(): EqlRuntimeError {
  return new EqlRuntimeError(Runtime.DivisionByZero.divide());
}

function num(v: Scalar): number {
  if (typeof v === 'number') return v;
  throw new EqlRuntimeError(Runtime.RuntimeError.numberRequired(v));
}

function integral(x: number): number {
  return Number.isInteger(x) ? x : Math.trunc(x);
}

function checkLong(r: bigint): number {
  if (r < LONG_MIN || r > LONG_MAX) throw overflow('long');
  return Number(r);
}

function wrapLong(r: bigint): number {
  return Number(BigInt.asIntN(64, r));
}

function intOp(op: ArithOp, a: number, b: number): number {
  a = integral(a);
  b = integral(b);
  let r: number;
  switch (op) {
    case '+':
      r = a + b;
      break;
    case '-':
      r = a - b;
      break;
    case '*':
      r = a * b;
      break;
    case '/':
      if (b === 0) throw divisionByZero();
      r = Math.trunc(a / b);
      if (r === 2147483648) return INT_MIN; // MIN_VALUE / -1 wraps in Java
      return r + 0;
    case '%':
      if (b === 0) throw divisionByZero();
      return (a % b) + 0;
  }
  if (r < INT_MIN || r > INT_MAX) throw overflow('int');
  return r + 0;
}

function longOp(op: ArithOp, a: number, b: number): number {
  a = integral(a);
  b = integral(b);
  if (!Number.isFinite(a) || !Number.isFinite(b)) return doubleOp(op, a, b);
  let r: number;
  switch (op) {
    case '+':
      r = a + b;
      if (r > -SAFE && r < SAFE) return r + 0;
      return checkLong(BigInt(a) + BigInt(b));
    case '-':
      r = a - b;
      if (r > -SAFE && r < SAFE) return r + 0;
      return checkLong(BigInt(a) - BigInt(b));
    case '*':
      r = a * b;
      if (r > -SAFE && r < SAFE) return r + 0;
      return checkLong(BigInt(a) * BigInt(b));
    case '/':
      if (b === 0) throw divisionByZero();
      if (a > -SAFE / 2 && a < SAFE / 2) return Math.trunc(a / b) + 0;
      return wrapLong(BigInt(a) / BigInt(b));
    case '%':
      if (b === 0) throw divisionByZero();
      return (a % b) + 0;
  }
}

function doubleOp(op: ArithOp, a: number, b: number): number {
  switch (op) {
    case '+':
      return a + b;
    case '-':
      return a - b;
    case '*':
      return a * b;
    case '/':
      return a / b;
    case '%':
      return a % b;
  }
}

function dynamicOp(op: ArithOp, a: number, b: number, leftKind: Kind, rightKind: Kind): number {
  const lk = leftKind === 'dynamic' ? (Number.isInteger(a) ? 'long' : 'double') : leftKind;
  const rk = rightKind === 'dynamic' ? (Number.isInteger(b) ? 'long' : 'double') : rightKind;
  const k = widen(lk, rk);
  if (k === 'double') return doubleOp(op, a, b);
  if (k === 'long') return longOp(op, a, b);
  return intOp(op, a, b);
}

export interface ArithFn {
  readonly type: ValueType;
  readonly fn: (a: Scalar, b: Scalar) => Scalar;
}

/** Prepare `left op right` for the given static operand types. */
export function makeArith(op: ArithOp, leftType: ValueType, rightType: ValueType): ArithFn {
  const lk = kindOf(leftType);
  const rk = kindOf(rightType);
  const k = widen(lk, rk);
  const type = typeOfKind(k);
  if (lk === 'null' || rk === 'null') return { type, fn: () => null };
  switch (k) {
    case 'int':
      return { type, fn: (a, b) => (a === null || b === null ? null : intOp(op, num(a), num(b))) };
    case 'long':
      return { type, fn: (a, b) => (a === null || b === null ? null : longOp(op, num(a), num(b))) };
    case 'double':
      return { type, fn: (a, b) => (a === null || b === null ? null : doubleOp(op, num(a), num(b))) };
    default:
      return { type, fn: (a, b) => (a === null || b === null ? null : dynamicOp(op, num(a), num(b), lk, rk)) };
  }
}

export interface NegateFn {
  readonly type: ValueType;
  readonly fn: (a: Scalar) => Scalar;
}

function negInt(a: number): number {
  a = integral(a);
  if (a === INT_MIN) throw overflow('int');
  return -a + 0;
}

function negLong(a: number): number {
  a = integral(a);
  if (a <= LONG_MIN_DOUBLE) throw overflow('long');
  return -a + 0;
}

/** Unary minus for the given static type (Java `negateExact` on integral types). */
export function negate(type: ValueType): NegateFn {
  const k = kindOf(type);
  switch (k) {
    case 'null':
      return { type, fn: () => null };
    case 'int':
      return { type, fn: (a) => (a === null ? null : negInt(num(a))) };
    case 'long':
      return { type, fn: (a) => (a === null ? null : negLong(num(a))) };
    case 'double':
      return { type, fn: (a) => (a === null ? null : -num(a)) };
    case 'dynamic':
      return {
        type: 'unknown',
        fn: (a) => {
          if (a === null) return null;
          const n = num(a);
          return Number.isInteger(n) ? negLong(n) : -n;
        },
      };
  }
}
