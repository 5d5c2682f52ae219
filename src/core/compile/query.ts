/**
 * Compile an event query (`cat where cond`) into one fast predicate, the category test first.
 * `cat where cond` is `(<category field> == "cat") and (cond)`: exact, case-sensitive, any value.
 */
import type { EventQueryNode } from '../ast/nodes';
import type { CompileContext, CondFn, Doc } from './context';
import { compileCondition } from './conditions';
import { compileFieldRead } from './field';

export interface CompiledEventQuery {
  /** The whole query: true when the event matches. May throw EqlRuntimeError. */
  readonly matches: (doc: Doc) => boolean;
  readonly category: CondFn | undefined;
  readonly condition: CondFn;
  /** The condition folded to a constant (e.g. `where true`), if it did. */
  readonly constant: boolean | null | undefined;
}

export function compileCategory(query: EventQueryNode, ctx: CompileContext): CondFn | undefined {
  if (query.category.any) return undefined;
  const name = query.category.name;
  const get = compileFieldRead(ctx.settings.eventCategoryField, ctx.schema).fn;
  return (doc) => {
    const v = get(doc);
    if (v === name) return true;
    if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) if (v[i] === name) return true;
    }
    return false;
  };
}

export function compileEventQuery(query: EventQueryNode, ctx: CompileContext): CompiledEventQuery {
  const category = compileCategory(query, ctx);
  const cond = compileCondition(query.condition, ctx);
  const condition = cond.fn;
  let matches: (doc: Doc) => boolean;
  if (cond.constant) {
    const value = cond.value === true;
    matches = category ? (doc) => value && category(doc) === true : () => value;
  } else if (category) {
    matches = (doc) => category(doc) === true && condition(doc) === true;
  } else {
    matches = (doc) => condition(doc) === true;
  }
  return { matches, category, condition, constant: cond.constant ? cond.value : undefined };
}
