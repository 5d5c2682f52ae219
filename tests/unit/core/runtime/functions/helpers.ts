import { lookupFunction } from '../../../../../src/core/runtime/functions/registry';
import { EqlRuntimeError, type Scalar, type ValueType } from '../../../../../src/core/runtime/values';

function typeOf(v: Scalar): ValueType {
  if (v === null) return 'null';
  if (typeof v === 'string') return 'keyword';
  if (typeof v === 'boolean') return 'boolean';
  return Number.isInteger(v) ? 'integer' : 'double';
}

/** Evaluate a call the way the compiler does: make once with constant args, then run. */
export function call(
  name: string,
  args: Scalar[],
  opts: { ci?: boolean; types?: ValueType[]; constant?: boolean } = {},
): Scalar {
  const fn = lookupFunction(name);
  if (!fn) throw new Error(`no function ${name}`);
  const argTypes = opts.types ?? args.map(typeOf);
  const constArgs = opts.constant === false ? args.map(() => undefined) : args;
  const run = fn.make({ caseInsensitive: opts.ci ?? false, argTypes, constArgs });
  return run(args);
}

/** The runtime error code and message a call raises, or undefined. */
export function failure(
  name: string,
  args: Scalar[],
  opts: { types?: ValueType[]; constant?: boolean } = {},
): { code: string; message: string } | undefined {
  try {
    call(name, args, opts);
  } catch (e) {
    if (e instanceof EqlRuntimeError) return { code: e.code, message: e.message };
    throw e;
  }
  return undefined;
}
