import { useCallback, useEffect, useMemo, useState } from 'react';
import type { Diagnostic } from '../core';
import { monaco } from '../monaco/setup';
import { EQL_LANGUAGE_ID, setEqlLanguageData } from '../monaco/eql-language';
import {
  goToOffset,
  showClauseBadges,
  showEventHighlight,
  showEventHighlights,
  showReasonHighlights,
  type ClauseBadge,
  type HighlightSpan,
} from '../monaco/decorations';
import { setDiagnosticMarkers } from '../monaco/ranges';
import { usePlayground } from './hooks/usePlayground';
import { onShortcut } from './platform/keyboard';
import { useColorScheme } from './platform/theme';
import { EditorPane } from './panels/EditorPane';
import { Header } from './panels/Header';
import { NoticeBar } from './panels/NoticeBar';
import { ProblemsPanel } from './panels/ProblemsPanel';
import { ResultsPanel } from './panels/ResultsPanel';
import { DetailPanel } from './panels/DetailPanel';
import { JoinDetailPanel } from './panels/JoinDetailPanel';
import { JoinResultsPanel } from './panels/JoinResultsPanel';
import {
  buildJoinView,
  eventStageHighlights,
  sequenceStageHighlights,
  stageLabel,
  stageMatchCounts,
} from './state/join-view';
import { EsResponsePanel } from './panels/EsResponsePanel';
import { ShortcutsHelp } from './panels/ShortcutsHelp';
import { nextOfKind, stepSelection } from './state/navigation';
import { filterVerdicts, type VerdictFilter } from './state/results';
import { RULE_KEYWORDS, fieldsInRule } from './state/rule-fields';

export function App() {
  const pg = usePlayground();
  const { doc, results } = pg;
  const scheme = useColorScheme();
  const [tab, setTab] = useState<'verdicts' | 'es'>('verdicts');
  const [filter, setFilter] = useState<VerdictFilter>('all');
  const [help, setHelp] = useState(false);
  const [selectedSequence, setSelectedSequence] = useState<number | undefined>(undefined);

  const rulesCurrent = results.ruleText === doc.rule;
  const eventsForText =
    results.latestEventsText === doc.events
      ? results.latestEvents
      : results.eventsText === doc.events
        ? results.events
        : undefined;
  const joinView = useMemo(
    () => (results.join ? buildJoinView(results.join, results.hits, results.events.length) : undefined),
    [results.join, results.hits, results.events.length],
  );
  /** One row per event, whatever the query kind (join rows carry verdicts alert / no-match). */
  const allRows = joinView ? joinView.rows : results.verdicts;
  const selectedVerdict = joinView ? undefined : results.verdicts.find((v) => v.id === doc.selected);
  const selectedJoinRow = joinView ? joinView.rows.find((r) => r.id === doc.selected) : undefined;
  const selectedRow = selectedVerdict ?? selectedJoinRow;
  const selectedEvent = selectedRow ? results.events[selectedRow.position] : undefined;
  const selectedCard =
    joinView && selectedSequence !== undefined ? joinView.cards.find((c) => c.index === selectedSequence) : undefined;

  const keywords = useMemo(
    () => new Set([...RULE_KEYWORDS, ...pg.keywords.map((k) => k.toLowerCase())]),
    [pg.keywords],
  );
  const keyFields = useMemo(
    () => fieldsInRule(results.ruleText || doc.rule, keywords, 5).filter((f) => f !== doc.settings.timestampField),
    [results.ruleText, doc.rule, keywords, doc.settings.timestampField],
  );

  /* ── editor decorations and markers ── */

  useEffect(() => {
    const ed = pg.ruleEditorRef.current;
    if (!ed) return;
    const spans: HighlightSpan[] = [];
    if (selectedVerdict && rulesCurrent) {
      for (const r of selectedVerdict.reasons) {
        spans.push({ range: r.clause.range, role: r.kind === 'exclusion' ? 'clause' : 'failed' });
        if (r.match) spans.push({ range: r.match.range, role: 'match' });
      }
    }
    if (joinView && rulesCurrent) {
      if (selectedJoinRow) spans.push(...eventStageHighlights(joinView.join, selectedJoinRow));
      else if (selectedCard) spans.push(...sequenceStageHighlights(joinView.join, selectedCard));
    }
    showReasonHighlights(monaco, ed, spans);
  }, [selectedVerdict, selectedJoinRow, selectedCard, joinView, rulesCurrent, pg.ruleEditorRef, pg.editorsReady]);

  useEffect(() => {
    const ed = pg.eventsEditorRef.current;
    if (!ed) return;
    if (!selectedRow && selectedCard && eventsForText) {
      const ranges = selectedCard.positions.flatMap((pos) => {
        const r = eventsForText[pos]?.range;
        return r ? [r] : [];
      });
      showEventHighlights(monaco, ed, ranges);
      return;
    }
    const ev = selectedRow && eventsForText ? eventsForText[selectedRow.position] : undefined;
    showEventHighlight(monaco, ed, ev?.id === selectedRow?.id ? ev?.range : undefined);
  }, [selectedRow, selectedCard, eventsForText, pg.eventsEditorRef, pg.editorsReady]);

  useEffect(() => {
    const ed = pg.ruleEditorRef.current;
    if (!ed) return;
    const badges: ClauseBadge[] = [];
    if (rulesCurrent && joinView) {
      for (const { stage, matched } of stageMatchCounts(joinView.join)) {
        const label = stageLabel(stage);
        badges.push(
          matched > 0
            ? {
                range: stage.text.range,
                tone: 'count',
                text: `⟵ ${label}: ${matched} event${matched === 1 ? '' : 's'}`,
                hover: `${matched} loaded event(s) satisfy the filter of ${label}.`,
              }
            : {
                range: stage.text.range,
                tone: 'dead',
                text: `⚠ ${label}: no event`,
                hover: `No loaded event satisfies the filter of ${label}, so no sequence can complete.`,
              },
        );
      }
    }
    if (rulesCurrent) {
      for (const s of results.clauseStats) {
        if (s.kind === 'exclusion') {
          badges.push(
            s.suppressed > 0
              ? {
                  range: s.clause.range,
                  tone: 'count',
                  text: `⟵ suppresses ${s.suppressed}`,
                  hover: `This exclusion suppresses ${s.suppressed} event(s).`,
                }
              : {
                  range: s.clause.range,
                  tone: 'dead',
                  text: '⚠ suppresses none',
                  hover:
                    'No loaded event is suppressed by this exclusion: it may be dead, or your sample lacks the case it covers.',
                },
          );
        } else if (s.failed > 0) {
          badges.push({
            range: s.clause.range,
            tone: 'muted',
            text: `✗ fails for ${s.failed}`,
            hover: `For ${s.failed} event(s) this is the first base condition that fails.`,
          });
        }
      }
    }
    showClauseBadges(monaco, ed, badges);
  }, [results.clauseStats, joinView, rulesCurrent, pg.ruleEditorRef, pg.editorsReady]);

  useEffect(() => {
    const rm = pg.ruleEditorRef.current?.getModel();
    const em = pg.eventsEditorRef.current?.getModel();
    if (rm)
      setDiagnosticMarkers(
        monaco,
        rm,
        'eql',
        results.diagnostics.filter((d) => d.source === 'rule'),
      );
    if (em)
      setDiagnosticMarkers(
        monaco,
        em,
        'events',
        results.diagnostics.filter((d) => d.source === 'events'),
      );
  }, [results.diagnostics, pg.ruleEditorRef, pg.eventsEditorRef, pg.editorsReady]);

  useEffect(() => {
    setEqlLanguageData({ fieldsSeen: results.fieldsSeen });
  }, [results.fieldsSeen]);
  useEffect(() => {
    setEqlLanguageData(
      selectedRow && selectedEvent
        ? { selectedEvent: { id: selectedRow.id, source: selectedEvent.source } }
        : { selectedEvent: undefined },
    );
  }, [selectedRow, selectedEvent]);

  /* ── keyboard ── */

  const visibleRows = useMemo(() => filterVerdicts(allRows, filter), [allRows, filter]);
  const { select: selectEvent, shareLink, runNow } = pg;
  const select = useCallback(
    (id: string | undefined) => {
      setSelectedSequence(undefined);
      selectEvent(id);
    },
    [selectEvent],
  );
  const selectSequence = useCallback(
    (index: number | undefined) => {
      selectEvent(undefined);
      setSelectedSequence(index);
    },
    [selectEvent],
  );
  // A filter for a verdict the sequence view does not have falls back to all.
  useEffect(() => {
    if (joinView && filter !== 'all' && filter !== 'alert' && filter !== 'no-match') setFilter('all');
  }, [joinView, filter]);
  useEffect(
    () =>
      onShortcut((s) => {
        switch (s) {
          case 'share':
            void shareLink();
            break;
          case 'run':
            runNow();
            break;
          case 'next':
            select(stepSelection(visibleRows, doc.selected, 1));
            break;
          case 'previous':
            select(stepSelection(visibleRows, doc.selected, -1));
            break;
          case 'next-suppressed':
            select(nextOfKind(visibleRows, doc.selected, 'suppressed'));
            break;
          case 'next-alert':
            select(nextOfKind(visibleRows, doc.selected, 'alert'));
            break;
          case 'next-no-match':
            select(nextOfKind(visibleRows, doc.selected, 'no-match'));
            break;
          case 'help':
            setHelp((h) => !h);
            break;
        }
      }),
    [select, shareLink, runNow, visibleRows, doc.selected],
  );

  const goTo = useCallback(
    (d: Diagnostic) => {
      const ed =
        d.source === 'rule' ? pg.ruleEditorRef.current : d.source === 'events' ? pg.eventsEditorRef.current : undefined;
      if (ed) goToOffset(ed, d.range.start);
      else setTab('es');
    },
    [pg.ruleEditorRef, pg.eventsEditorRef],
  );

  const staleReason = results.failure ?? (results.stale ? staleText(results.diagnostics) : undefined);

  return (
    <div className={`app theme-${scheme}`}>
      <Header
        metadata={doc.metadata}
        share={pg.share}
        onShare={() => void pg.shareLink()}
        onReset={pg.resetToExample}
        onHelp={() => setHelp((h) => !h)}
      />
      <NoticeBar
        notice={pg.notice}
        canRestore={pg.backup !== undefined}
        onRestore={pg.restoreDraft}
        onDismiss={pg.dismissNotice}
        onImport={pg.importPending}
      />
      <main className="workspace">
        <div className="column left">
          <EditorPane
            className="rule"
            testId="rule-editor"
            title="Rule (EQL)"
            hint="Ctrl+Space completes · paste or drop a rule file to import it"
            language={EQL_LANGUAGE_ID}
            onDropFile={(f) => void pg.openRuleFile(f)}
            actions={
              <label
                className="file-button"
                title="Import a detection-rules TOML file, a Kibana rule export (NDJSON) or an Elastic rule reference page (markdown)"
              >
                Open rule file…
                <input
                  type="file"
                  data-testid="open-rule-file"
                  accept=".toml,.ndjson,.json,.md,.markdown,.eql,.txt"
                  onChange={(e) => {
                    const f = e.target.files?.[0];
                    e.target.value = '';
                    if (f) void pg.openRuleFile(f);
                  }}
                />
              </label>
            }
            path="rule.eql"
            initialValue={doc.rule}
            theme={scheme}
            onMount={pg.onRuleEditorMount}
            onChange={pg.onRuleChange}
          />
          <EditorPane
            className="events"
            testId="events-editor"
            title="Events"
            hint="JSON array, NDJSON or an Elasticsearch search response"
            language="json"
            path="events.json"
            initialValue={doc.events}
            theme={scheme}
            onMount={pg.onEventsEditorMount}
            onChange={pg.onEventsChange}
          />
          <ProblemsPanel diagnostics={results.diagnostics} onGoTo={goTo} />
        </div>
        <div className="column right">
          <div className="tabs" role="tablist">
            <button
              type="button"
              role="tab"
              aria-selected={tab === 'verdicts'}
              className={tab === 'verdicts' ? 'active' : ''}
              onClick={() => setTab('verdicts')}
              data-testid="tab-verdicts"
            >
              Verdicts
            </button>
            <button
              type="button"
              role="tab"
              aria-selected={tab === 'es'}
              className={tab === 'es' ? 'active' : ''}
              onClick={() => setTab('es')}
              data-testid="tab-es"
            >
              Elasticsearch response
            </button>
          </div>
          {tab === 'verdicts' && joinView ? (
            <>
              <JoinResultsPanel
                view={joinView}
                events={results.events}
                stale={results.stale}
                staleReason={staleReason}
                selected={doc.selected}
                selectedSequence={selectedSequence}
                filter={filter}
                keyFields={keyFields}
                timestampField={doc.settings.timestampField}
                ms={results.ms}
                onFilter={setFilter}
                onSelect={select}
                onSelectSequence={selectSequence}
              />
              <JoinDetailPanel
                view={joinView}
                row={selectedJoinRow}
                event={selectedEvent}
                sequence={selectedCard}
                onSelect={select}
              />
            </>
          ) : tab === 'verdicts' ? (
            <>
              <ResultsPanel
                verdicts={results.verdicts}
                events={results.events}
                stale={results.stale}
                staleReason={staleReason}
                selected={doc.selected}
                filter={filter}
                keyFields={keyFields}
                timestampField={doc.settings.timestampField}
                ms={results.ms}
                onFilter={setFilter}
                onSelect={select}
              />
              <DetailPanel verdict={selectedVerdict} event={selectedEvent} trace={pg.trace} />
            </>
          ) : (
            <EsResponsePanel
              hits={results.hits}
              stale={results.stale}
              settings={doc.settings}
              mapping={doc.mapping}
              onSettings={pg.setSettings}
              onMapping={pg.setMapping}
              request={results.request}
            />
          )}
        </div>
      </main>
      {help && <ShortcutsHelp onClose={() => setHelp(false)} />}
    </div>
  );
}

function staleText(ds: readonly Diagnostic[]): string {
  const errors = ds.filter((d) => d.severity === 'error');
  const rule = errors.filter((d) => d.source === 'rule').length;
  const events = errors.filter((d) => d.source === 'events').length;
  const parts: string[] = [];
  if (rule > 0) parts.push(`the rule has ${rule} error${rule > 1 ? 's' : ''}`);
  if (events > 0) parts.push(`${events} event${events > 1 ? 's' : ''} could not be read`);
  if (parts.length === 0 && errors.length > 0) parts.push(`${errors.length} problem${errors.length > 1 ? 's' : ''}`);
  return parts.length > 0 ? `${parts.join(', ')}; showing the last good results` : 'showing the last good results';
}
