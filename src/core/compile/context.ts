import type { Range } from '../ast/nodes';
import type { Settings } from '../api-types';
import type { Diagnostic } from '../diagnostics/diagnostic';
import { diagnosticAt, type Message } from '../diagnostics/table';
import type { Schema } from '../schema/types';
import type { ValueType } from '../runtime/values';
import type { Domain } from './domain';

/** A document as the compiled closures see it (EventDoc.doc: dotted keys expanded). */
export type Doc = Record<string, unknown>;

/**
 * The compiled form of a value expression. `fn` returns undefined for a missing value, null for
 * an explicit null, a scalar, or an array of scalars (a multi-valued field, or a function applied
 * to one). Constant expressions are folded: `constant` is set and `fn` returns `value`.
 */
export interface CompiledValue {
  readonly type: ValueType;
  /** The comparison domain when the value comes straight from a mapped field. */
  readonly domain: Domain | undefined;
  /** The mapping `format` of a date field (constants compared with it are read with it). */
  readonly format?: string;
  readonly constant: boolean;
  readonly value: unknown;
  readonly fn: (doc: Doc) => unknown;
  /** The field read, when the expression is a plain field reference. */
  readonly field: string | undefined;
  /**
   * For keyword fields read without conversion rules: the plain accessor. When it returns a
   * string (or nothing) that is already the stored form, so leaves can skip `fn`'s conversion.
   */
  readonly raw?: (doc: Doc) => unknown;
  /**
   * The value as functions and arithmetic see it, where it differs from the comparison form
   * in `fn` (a `version` field compares by its ordering key but reads as its text).
   */
  readonly plain?: (doc: Doc) => unknown;
  /** The document path `raw` reads (for the code generator). */
  readonly path?: readonly string[];
}

/** A compiled condition: true, false, or null (null arises only from literal nulls). */
export type CondFn = (doc: Doc) => boolean | null;

export interface CompileContext {
  readonly text: string;
  readonly schema: Schema;
  readonly settings: Settings;
  readonly diagnostics: Diagnostic[];
}

export function compileError(ctx: CompileContext, m: Message, range: Range): void {
  ctx.diagnostics.push(diagnosticAt(m, range));
}

export function constantValue(type: ValueType, value: unknown): CompiledValue {
  return { type, domain: undefined, constant: true, value, fn: () => value, field: undefined };
}
