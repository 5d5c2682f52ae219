/**
 * The fields the rule reads, in order, at most `max`: of the evaluated rule (the editor's text
 * only before the first evaluation), so typing does not read the rule again on every keystroke.
 */
import { useMemo } from 'react';
import type { Playground } from '../playground';
import { fieldsInRule, RULE_KEYWORDS } from '../state/rule-fields';
import { useSelect, useStore } from './use-store';

export function useRuleFields(pg: Playground, max: number): readonly string[] {
  const { ruleText } = useStore(pg.evaluation.results);
  const rule = useSelect(pg.documents.state, (s) => ruleText || s.doc.rule);
  const words = useStore(pg.keywords);
  const keywords = useMemo(() => new Set([...RULE_KEYWORDS, ...words.map((k) => k.toLowerCase())]), [words]);
  return useMemo(() => fieldsInRule(rule, keywords, max), [rule, keywords, max]);
}
