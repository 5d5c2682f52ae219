import type { Scalar, ValueType } from '../values';

/** What a parameter accepts, for arity/type checks, completion and hover docs. */
export type ParamKind = 'string' | 'number' | 'integer-literal' | 'boolean-literal' | 'ip' | 'any';

export interface ParamSpec {
  readonly name: string;
  readonly kind: ParamKind;
  readonly optional?: boolean;
  /** The last parameter may repeat (concat, cidrMatch). */
  readonly variadic?: boolean;
}

/** Compile-time facts about one call, handed to `make`. */
export interface CallContext {
  /** Written as `name~(...)`. */
  readonly caseInsensitive: boolean;
  /** Static type of each argument (from literals, the schema, or function results). */
  readonly argTypes: readonly ValueType[];
  /**
   * For each argument that is a constant (literal, or folded constant expression), its value;
   * `undefined` where the argument is not constant.
   */
  readonly constArgs: readonly (Scalar | undefined)[];
}

/**
 * One EQL function. `make` is called once per call site at compile time and returns the
 * closure evaluated per event. The closure receives one scalar per argument (the compiler
 * loops over multi-valued fields and calls it for each combination), and returns a scalar or
 * null. It throws `EqlRuntimeError` for runtime failures (bad CIDR, number() failure, ...).
 */
export interface EqlFunction {
  /** Canonical spelling, e.g. "startsWith". Lookup is case-insensitive. */
  readonly name: string;
  readonly params: readonly ParamSpec[];
  /** Accepts the `~` suffix (between, endsWith, indexOf, startsWith, stringContains). */
  readonly caseAware: boolean;
  /** Result type given the argument types. */
  returnType(argTypes: readonly ValueType[]): ValueType;
  /**
   * Arity/argument checks beyond ParamSpec. Returns an Elasticsearch-style message (without
   * the `line:col:` prefix) and the index of the offending argument, or undefined when fine.
   */
  check?(
    argTypes: readonly ValueType[],
    constArgs: readonly (Scalar | undefined)[],
    callText: string,
    argTexts: readonly string[],
  ): { message: string; arg: number } | undefined;
  make(ctx: CallContext): (args: readonly Scalar[]) => Scalar;
  /** One-line signature for completion, e.g. "startsWith(source, prefix) → boolean". */
  readonly signature: string;
  /** Short documentation in the project's own words (markdown allowed). */
  readonly doc: string;
  /** Null behaviour, shown in hover docs. */
  readonly nulls: string;
}
