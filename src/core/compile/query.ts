/**
 * Compile an event query (`cat where cond`) into one fast predicate, the category test first.
 * `cat where cond` is `(<category field> == "cat") and (cond)`: exact, case-sensitive, any value.
 */
import type { EventQueryNode } from '../ast/nodes';
import type { CompileContext, CondFn, Doc } from './context';
import { compileCondition, type CompiledCondition } from './conditions';
import { generatePredicate } from './codegen';
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
  const read = compileFieldRead(ctx.settings.eventCategoryField, ctx.schema);
  const get = read.raw ?? read.fn;
  const convert = read.fn;
  const converted = compileCategoryConverted(convert, name);
  return (doc) => {
    let v = get(doc);
    if (v === name) return true;
    if (v !== undefined && v !== null && typeof v !== 'string' && !Array.isArray(v)) v = convert(doc);
    if (v === name) return true;
    if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) {
        const x = v[i];
        if (x === name) return true;
        if (typeof x !== 'string' && get !== convert) return converted(doc);
      }
    }
    return false;
  };
}

function compileCategoryConverted(convert: (doc: Doc) => unknown, name: string): CondFn {
  return (doc) => {
    const v = convert(doc);
    return v === name || (Array.isArray(v) && v.includes(name));
  };
}

/** The fastest predicate for a condition: generated code when possible, else the closure. */
export function fastPredicate(cond: CompiledCondition): (doc: Doc) => boolean {
  const generated = generatePredicate(cond);
  if (generated) return generated;
  const f = cond.fn;
  return (doc) => f(doc) === true;
}

export function compileEventQuery(query: EventQueryNode, ctx: CompileContext): CompiledEventQuery {
  const category = compileCategory(query, ctx);
  const cond = compileCondition(query.condition, ctx);
  const condition = cond.fn;
  let matches: (doc: Doc) => boolean;
  if (!cond.constant && !cond.nullable) {
    // The category test joins the generated code as one more `field == "cat"` leaf.
    const categoryLeaf: CompiledCondition | undefined = category
      ? {
          constant: false,
          value: null,
          nullable: false,
          fn: category,
          shape: {
            kind: 'eq',
            value: compileFieldRead(ctx.settings.eventCategoryField, ctx.schema),
            constant: query.category.name,
          },
        }
      : undefined;
    matches = fastPredicate(
      categoryLeaf
        ? {
            constant: false,
            value: null,
            nullable: false,
            fn: (doc) => categoryLeaf.fn(doc) === true && condition(doc) === true,
            shape: { kind: 'and', parts: [categoryLeaf, cond] },
          }
        : cond,
    );
  } else if (cond.constant) {
    const value = cond.value === true;
    matches = category ? (doc) => value && category(doc) === true : () => value;
  } else if (category) {
    matches = (doc) => category(doc) === true && condition(doc) === true;
  } else {
    matches = (doc) => condition(doc) === true;
  }
  return { matches, category, condition, constant: cond.constant ? cond.value : undefined };
}
