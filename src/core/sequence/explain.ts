/**
 * Stage verdicts for sequences and samples: the same category/base/exclusion reasons an event
 * query gives, per term, for the stages an event did not satisfy.
 */
import type { EventQueryNode } from '../ast/nodes';
import type { Reason } from '../api-types';
import type { CompileContext, Doc } from '../compile/context';
import { compileFieldRead } from '../compile/field';
import { planBatches, planConjuncts } from '../explain/plan';
import { ReasonTable, verdictOf, type VerdictPlan } from '../explain/verdicts';
import type { EventDoc } from '../runtime/event';

export function termPlan(q: EventQueryNode, ctx: CompileContext): VerdictPlan {
  let category: VerdictPlan['category'];
  if (!q.category.any) {
    const field = ctx.settings.eventCategoryField;
    const read = compileFieldRead(field, ctx.schema).fn;
    const name = q.category.name;
    category = {
      node: q.category,
      field,
      read,
      test: (doc: Doc) => {
        const v = read(doc);
        return v === name || (Array.isArray(v) && v.includes(name));
      },
    };
  }
  // `interned` is the explainer's per-plan cache of shared reasons.
  const conjuncts = planConjuncts(q.condition, ctx);
  const plan = { text: ctx.text, category, conjuncts, batch: planBatches(conjuncts), interned: new ReasonTable() };
  return plan as VerdictPlan;
}

/** Why the event does not satisfy a term's filter (empty when it does). */
export function failureReasons(plan: VerdictPlan, e: EventDoc): readonly Reason[] {
  const v = verdictOf(plan, e, undefined);
  return v.verdict === 'alert' ? [] : v.reasons;
}
