/**
 * The verifier: run every analysis pass over a parsed statement and collect diagnostics.
 * Passes are small and single-purpose; this file only sequences them.
 */
import type { EventQueryNode, FieldNode, SequenceTermNode, StatementNode } from '../ast/nodes';
import { Analysis } from '../diagnostics/analysis';
import { Syntax } from '../diagnostics/syntax';
import { isKnown } from '../compile/field';
import type { ValueType } from '../runtime/values';
import type { AnalysisContext } from './context';
import { report, sourceOf } from './context';
import { checkCondition } from './check-expression';
import { resolveField, unknownColumnSuggestions } from './resolve-fields';

function checkEventQuery(ctx: AnalysisContext, q: EventQueryNode): void {
  if (!q.category.any) {
    const field = ctx.settings.eventCategoryField;
    if (ctx.schema.hasUserMapping && !isKnown(field, ctx.schema)) {
      report(ctx, Analysis.UnknownColumn.column(field, unknownColumnSuggestions(ctx, field)), q.category.range);
    }
  }
  checkCondition(ctx, q.condition);
}

function keyFamily(t: ValueType): string {
  switch (t) {
    case 'keyword':
    case 'text':
      return 'string';
    case 'integer':
    case 'long':
      return 'integral';
    default:
      return t;
  }
}

function checkJoinKeys(ctx: AnalysisContext, sharedBy: readonly FieldNode[], terms: readonly SequenceTermNode[]): void {
  const sharedTypes = sharedBy.map((k) => resolveField(ctx, k));
  let first: { keys: FieldNode[]; types: ValueType[] } | undefined;
  for (const term of terms) {
    const keys = [...sharedBy, ...term.by];
    const types = [...sharedTypes, ...term.by.map((k) => resolveField(ctx, k))];
    if (!first) {
      first = { keys, types };
      continue;
    }
    types.forEach((t, i) => {
      const ft = first!.types[i];
      if (ft === undefined || t === 'unknown' || ft === 'unknown' || t === 'null' || ft === 'null') return;
      if (keyFamily(t) !== keyFamily(ft)) {
        const k = keys[i]!;
        const f = first!.keys[i]!;
        report(ctx, Analysis.JoinKeyType.types(k.name, t, { name: f.name, type: ft, range: f.range }), k.range);
      }
    });
  }
}

export function analyse(ctx: AnalysisContext, ast: StatementNode): void {
  const q = ast.query;
  switch (q.kind) {
    case 'event':
      checkEventQuery(ctx, q);
      break;
    case 'sequence': {
      for (const t of q.terms) checkEventQuery(ctx, t.query);
      if (q.until) checkEventQuery(ctx, q.until.query);
      const positive = q.terms.filter((t) => !t.missing);
      if (positive.length === 0) {
        report(ctx, Analysis.SequenceShape.noPositiveTerm(), q.range);
      }
      if (q.terms.some((t) => t.missing) && !q.maxspan) {
        report(ctx, Analysis.MissingMaxspan.missingEvents(), q.range);
      }
      checkJoinKeys(ctx, q.by, q.until ? [...q.terms, q.until] : q.terms);
      break;
    }
    case 'sample': {
      for (const t of q.terms) checkEventQuery(ctx, t.query);
      const keyCount = q.by.length + (q.terms[0]?.by.length ?? 0);
      if (keyCount === 0) report(ctx, Analysis.SequenceShape.sampleWithoutKeys(), q.range);
      if (q.terms.length > 5) {
        report(ctx, Analysis.SequenceShape.sampleTooManyFilters(q.terms.length), q.terms[5]!.range);
      }
      if (ast.pipes.length > 0) {
        report(ctx, Syntax.SampleNotSupported.pipesOffender(sourceOf(ctx, ast.pipes[0]!)), ast.pipes[0]!.range);
      }
      checkJoinKeys(ctx, q.by, q.terms);
      break;
    }
  }
}
