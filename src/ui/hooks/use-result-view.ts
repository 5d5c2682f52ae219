/** The result view of the current document, results and selection (state/result-view.ts). */
import { useEffect, useMemo } from 'react';
import type { JoinEventExplanation } from '../../core';
import type { Playground } from '../playground';
import { outlineJoinView } from '../state/join-view';
import { listOf } from '../state/result-list';
import { resultView, type ResultView } from '../state/result-view';
import { shownLabels } from '../state/results';
import { useSelect, useStore } from './use-store';

export function useResultView(pg: Playground): ResultView {
  // The events text and the selection, not the rule: typing in the rule leaves the view as it is.
  const events = useSelect(pg.documents.state, (s) => s.doc.events);
  const selected = useSelect(pg.documents.state, (s) => s.doc.selected);
  const results = useStore(pg.evaluation.results);
  const listState = useStore(pg.evaluation.list);
  const { sequence, filter } = useStore(pg.selection.state);
  const { shown, rows, sequences } = results;
  const joinView = useMemo(() => {
    const outline = shown?.compact.join;
    if (!shown || !outline) return undefined;
    const known: JoinEventExplanation[] = [];
    for (const r of rows.values()) if (r.join) known.push(r.join);
    const hits = {
      total: { value: shown.compact.hitsTotal, relation: 'eq' as const },
      sequences: sequences.map((s) => s.hit),
    };
    return outlineJoinView(outline, hits, known, shown.compact.counts, (p) => shown.info.ids[p] ?? String(p));
  }, [shown, rows, sequences]);
  const labels = shownLabels(results);
  const list = useMemo(() => listOf(shown, filter, listState, labels), [shown, filter, listState, labels]);
  const { joinViewShown } = pg.selection;
  useEffect(() => {
    if (joinView) joinViewShown();
  });
  return useMemo(
    () => resultView({ events, selected }, results, joinView, sequence, list),
    [events, selected, results, joinView, sequence, list],
  );
}
