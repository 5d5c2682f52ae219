/** The result view of the current document, results and selection (state/result-view.ts). */
import { useEffect, useMemo } from 'react';
import type { Playground } from '../playground';
import { buildJoinView } from '../state/join-view';
import { resultView, type ResultView } from '../state/result-view';
import { useStore } from './use-store';

export function useResultView(pg: Playground): ResultView {
  const { doc } = useStore(pg.documents.state);
  const results = useStore(pg.evaluation.results);
  const { sequence } = useStore(pg.selection.state);
  const joinView = useMemo(
    () => (results.join ? buildJoinView(results.join, results.hits, results.events.length) : undefined),
    [results.join, results.hits, results.events.length],
  );
  const { joinViewShown } = pg.selection;
  useEffect(() => {
    if (joinView) joinViewShown();
  });
  return useMemo(() => resultView(doc, results, joinView, sequence), [doc, results, joinView, sequence]);
}
