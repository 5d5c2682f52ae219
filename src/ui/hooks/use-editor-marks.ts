/**
 * The editors' decorations and markers, drawn from the result view: reason highlights, the
 * selected events in the events text, clause badges, problem markers, and the data hovers read.
 * Each effect depends on exactly what it draws (a redraw of the reasons scrolls to them). While
 * the evaluation of the text just typed is on its way, the rule's highlights and badges stay as
 * they are (Monaco moves them with the edit): clearing them and drawing them again a moment later
 * re-lays out the editor twice per keystroke. Answered stale (a broken rule), they go.
 */
import { useEffect } from 'react';
import { setEqlLanguageData } from '../../monaco/eql-language';
import {
  showClauseBadges,
  showElementMarks,
  showEventHighlight,
  showEventHighlights,
  showReasonHighlights,
} from '../../monaco/decorations';
import { setDiagnosticMarkers } from '../../monaco/ranges';
import type { Playground } from '../playground';
import { clauseBadges, elementMarks, eventRanges, reasonSpans } from '../state/editor-marks';
import type { ResultView } from '../state/result-view';
import { useSelect, useStore } from './use-store';

export function useEditorMarks(pg: Playground, view: ResultView): void {
  const { rule, events, monaco } = useStore(pg.documents.editors);
  const { clauseStats, diagnostics, fieldsSeen, ruleText, version } = useStore(pg.evaluation.results);
  const pending = version !== useSelect(pg.documents.state, (s) => s.version);
  const rulesCurrent = ruleText === useSelect(pg.documents.state, (s) => s.doc.rule);
  const tuning = useStore(pg.evaluation.tuning);
  const impact = tuning?.rule === ruleText ? tuning.view?.impact : undefined;
  const { selectedVerdict, selectedJoinRow, selectedCard, joinView } = view;
  const { selectedRow, selectedEvent, eventsForText } = view;

  useEffect(() => {
    if (!rule || !monaco || pending) return;
    showReasonHighlights(
      monaco,
      rule,
      reasonSpans({ rulesCurrent, selectedVerdict, selectedJoinRow, selectedCard, joinView }),
    );
  }, [monaco, rule, pending, rulesCurrent, selectedVerdict, selectedJoinRow, selectedCard, joinView]);

  useEffect(() => {
    if (!events || !monaco) return;
    const { many, ranges } = eventRanges({ eventsForText, selectedRow, selectedCard });
    if (many) showEventHighlights(monaco, events, ranges);
    else showEventHighlight(monaco, events, ranges[0]);
  }, [monaco, events, eventsForText, selectedRow, selectedCard]);

  useEffect(() => {
    if (rule && monaco && !pending)
      showClauseBadges(monaco, rule, clauseBadges({ rulesCurrent, joinView }, clauseStats, impact));
  }, [monaco, rule, pending, rulesCurrent, joinView, clauseStats, impact]);

  useEffect(() => {
    if (rule && monaco && !pending) showElementMarks(monaco, rule, elementMarks({ rulesCurrent }, clauseStats));
  }, [monaco, rule, pending, rulesCurrent, clauseStats]);

  useEffect(() => {
    if (!monaco) return;
    const rm = rule?.getModel();
    const em = events?.getModel();
    if (rm)
      setDiagnosticMarkers(
        monaco,
        rm,
        'eql',
        diagnostics.filter((d) => d.source === 'rule'),
      );
    if (em)
      setDiagnosticMarkers(
        monaco,
        em,
        'events',
        diagnostics.filter((d) => d.source === 'events'),
      );
  }, [monaco, diagnostics, rule, events]);

  useEffect(() => {
    setEqlLanguageData({ fieldsSeen });
  }, [fieldsSeen]);
  useEffect(() => {
    setEqlLanguageData(
      selectedRow && selectedEvent
        ? { selectedEvent: { id: selectedRow.id, source: selectedEvent.source } }
        : { selectedEvent: undefined },
    );
  }, [selectedRow, selectedEvent]);
}
