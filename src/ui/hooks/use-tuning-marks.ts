/**
 * The rule editor's tuning marks: gutter marks for the lines that differ from the baseline, and
 * a click on a clause badge ("suppresses 3 · 1 only by this") lists the events it stands for, and
 * so does the link in a list element's hover ("List the 2 events").
 */
import { useEffect } from 'react';
import { onBadgeClick, onElementCommand, showBaselineDiff } from '../../monaco/edits';
import type { Playground } from '../playground';
import { CLAUSE_BADGE_KEY, ELEMENT_KEY, elementFilter } from '../state/editor-marks';
import { collapse } from '../state/reason-text';
import { lineDiff } from '../state/rule-diff';
import { useSelect, useStore } from './use-store';

export function useTuningMarks(pg: Playground): void {
  const { rule, monaco } = useStore(pg.documents.editors);
  const baseline = useSelect(pg.documents.state, (s) => s.doc.baseline?.rule);
  const current = useSelect(pg.documents.state, (s) => s.doc.rule);

  useEffect(() => {
    if (!rule || !monaco) return;
    showBaselineDiff(
      monaco,
      rule,
      baseline === undefined || baseline === current ? undefined : lineDiff(baseline, current),
    );
  }, [monaco, rule, baseline, current]);

  useEffect(() => {
    if (!rule) return;
    return onBadgeClick(rule, (key) => {
      if (!key.startsWith(CLAUSE_BADGE_KEY)) return;
      const id = Number(key.slice(CLAUSE_BADGE_KEY.length));
      const part = pg.evaluation.tuning.get()?.view?.impact.find((p) => p.clauseId === id);
      if (!part) return;
      pg.selection.setFilter('all');
      pg.tuning.setFilter({ kind: 'clause', label: collapse(part.clause), positions: part.suppresses });
    });
  }, [rule, pg]);

  useEffect(() => {
    if (!monaco) return;
    return onElementCommand(monaco, (key) => {
      if (!key.startsWith(ELEMENT_KEY)) return;
      const filter = elementFilter(
        Number(key.slice(ELEMENT_KEY.length)),
        pg.evaluation.results.get().clauseStats,
        pg.evaluation.tuning.get()?.view?.elements ?? [],
      );
      if (!filter) return;
      pg.selection.setFilter('all');
      pg.tuning.setFilter(filter);
    });
  }, [monaco, pg]);
}
