/**
 * Fields that cannot take an exact-match operation in Elasticsearch: text fields without a
 * keyword sub-field and normalized keywords (shared by the expression and function checks).
 */
import type { Expr, FieldNode } from '../ast/nodes';
import type { AnalysisContext } from './context';

function unwrap(e: Expr): Expr {
  return e.kind === 'paren' ? unwrap(e.expr) : e;
}

/** A text field (as a pasted mapping types it) with no keyword sub-field. */
export function isText(ctx: AnalysisContext, e: Expr): FieldNode | undefined {
  const u = unwrap(e);
  if (u.kind !== 'field') return undefined;
  const info = ctx.schema.get(u.name);
  if (
    info &&
    (info.type === 'text' || info.type === 'match_only_text') &&
    !info.keywordSubfield &&
    info.origin === 'mapping'
  )
    return u;
  return undefined;
}

/** A keyword field with a normalizer: exact-match operations are rejected on it. */
export function isNormalized(ctx: AnalysisContext, e: Expr): FieldNode | undefined {
  const u = unwrap(e);
  if (u.kind !== 'field') return undefined;
  return ctx.schema.get(u.name)?.normalizer !== undefined ? u : undefined;
}

/** The field's own name, as Elasticsearch prints it in exact-match messages. */
export function leafName(name: string): string {
  return name.slice(name.lastIndexOf('.') + 1);
}
