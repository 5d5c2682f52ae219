/**
 * Field resolution against the schema, as Elasticsearch's verifier does it:
 * - with a user mapping, an unknown non-optional field is `Unknown column [x]` (an error);
 * - without one, the built-in ECS + Elastic Defend schema and the loaded events stand in for the
 *   index mapping, so an unknown field is a warning and evaluates as missing;
 * - `?field` on an unknown field is the literal null.
 */
import type { FieldNode } from '../ast/nodes';
import { Analysis, QueryNotes } from '../diagnostics/analysis';
import { valueTypeOfMappingType } from '../compile/domain';
import { isKnown } from '../compile/field';
import type { ValueType } from '../runtime/values';
import { suggest } from '../schema/suggest';
import type { AnalysisContext } from './context';
import { report } from './context';

const sameFieldSet = new WeakMap<readonly string[], Map<string, string[]>>();

/** Candidate names for a did-you-mean: the mapped fields, or (built-in schema) the same top-level field set. */
function candidatesFor(ctx: AnalysisContext, name: string): readonly string[] {
  if (ctx.schema.hasUserMapping) return ctx.schema.names().filter((n) => ctx.schema.isMapped(n));
  const all = ctx.schema.names();
  let bySet = sameFieldSet.get(all);
  if (!bySet) {
    bySet = new Map();
    for (const n of all) {
      const head = n.split('.', 1)[0]!;
      let list = bySet.get(head);
      if (!list) {
        list = [];
        bySet.set(head, list);
      }
      list.push(n);
    }
    sameFieldSet.set(all, bySet);
  }
  const head = name.split('.', 1)[0]!;
  const own = bySet.get(head);
  if (own) return own;
  // A typo in the first segment: look in the field sets whose names are close to it.
  return suggest(head, [...bySet.keys()]).flatMap((h) => bySet.get(h) ?? []);
}

/** Did-you-mean suggestions for an unknown field. */
export function unknownColumnSuggestions(ctx: AnalysisContext, name: string): readonly string[] {
  // As Elasticsearch: only fields it can query are offered (no objects, no unsupported types).
  const usable = candidatesFor(ctx, name).filter((n) => {
    const t = valueTypeOfMappingType(ctx.schema.get(n)?.type);
    return t !== 'unsupported' && t !== 'object';
  });
  return suggest(name, usable);
}

/** Check one field reference and return its EQL data type. */
export function resolveField(ctx: AnalysisContext, node: FieldNode): ValueType {
  const known = isKnown(node.name, ctx.schema);
  if (!known) {
    if (node.optional) {
      report(ctx, QueryNotes.OptionalUnmapped.optional(node.name), node.range);
      return 'null';
    }
    if (ctx.schema.hasUserMapping) {
      report(ctx, Analysis.UnknownColumn.column(node.name, unknownColumnSuggestions(ctx, node.name)), node.range);
    } else {
      report(
        ctx,
        QueryNotes.UnknownFieldWarning.column(node.name, unknownColumnSuggestions(ctx, node.name)),
        node.range,
      );
    }
    return 'unknown';
  }
  const info = ctx.schema.get(node.name);
  const t = valueTypeOfMappingType(info?.type);
  // A type guessed from sample events is not a mapping: an odd-shaped event must not fail the query.
  if (info?.origin === 'events' && (t === 'object' || t === 'unsupported')) return 'unknown';
  return t;
}
