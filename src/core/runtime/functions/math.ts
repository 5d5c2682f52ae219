/**
 * Arithmetic functions: add, subtract, multiply, divide, modulo. Each is the same as the
 * matching operator (see ../arithmetic.ts), including overflow and division-by-zero errors.
 */

import { arithmeticResultType, makeArith, type ArithOp } from '../arithmetic';
import type { EqlFunction } from './types';
import { argsChecker } from './common';

function arith(name: string, op: ArithOp, a: string, b: string, doc: string): EqlFunction {
  return {
    name,
    params: [
      { name: a, kind: 'number' },
      { name: b, kind: 'number' },
    ],
    caseAware: false,
    returnType: (t) => arithmeticResultType(t[0] ?? 'unknown', t[1] ?? 'unknown'),
    check: argsChecker([{ expect: 'numeric' }, { expect: 'numeric' }]),
    make(ctx) {
      const { fn } = makeArith(op, ctx.argTypes[0] ?? 'unknown', ctx.argTypes[1] ?? 'unknown');
      return (args) => fn(args[0] ?? null, args[1] ?? null);
    },
    signature: `${name}(${a}, ${b}) → number`,
    doc,
    nulls: 'Null if either argument is null.',
  };
}

export const add = arith(
  'add',
  '+',
  'a',
  'b',
  'Sum of two numbers, the same as `a + b`. Integer overflow is an error.\n\n`add(4, 0.5)` → `4.5`',
);
export const subtract = arith(
  'subtract',
  '-',
  'minuend',
  'subtrahend',
  'Difference of two numbers, the same as `a - b`. Integer overflow is an error.\n\n`subtract(10, 2)` → `8`',
);
export const multiply = arith(
  'multiply',
  '*',
  'a',
  'b',
  'Product of two numbers, the same as `a * b`. Integer overflow is an error.\n\n`multiply(2, 2.5)` → `5.0`',
);
export const divide = arith(
  'divide',
  '/',
  'dividend',
  'divisor',
  'Quotient, the same as `a / b`. Two integers give an integer, truncated toward zero: use a decimal (`4.0`) for a ' +
    'fractional result. Integer division by zero is an error.\n\n`divide(4, 3)` → `1`, `divide(4, 3.0)` → `1.333…`',
);
export const modulo = arith(
  'modulo',
  '%',
  'dividend',
  'divisor',
  'Remainder, the same as `a % b`; its sign follows the dividend.\n\n`modulo(-10, 6)` → `-4`',
);
