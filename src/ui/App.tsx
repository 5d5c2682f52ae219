import { useCallback, useEffect, useMemo, useState } from 'react';
import type { Diagnostic } from '../core';
import { monaco } from '../monaco/setup';
import { EQL_LANGUAGE_ID, setEqlLanguageData } from '../monaco/eql-language';
import { goToOffset, showClauseBadges, showEventHighlight, showReasonHighlights, type ClauseBadge, type HighlightSpan } from '../monaco/decorations';
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

  const rulesCurrent = results.ruleText === doc.rule;
  const eventsForText = results.latestEventsText === doc.events ? results.latestEvents : results.eventsText === doc.events ? results.events : undefined;
  const selectedVerdict = results.verdicts.find((v) => v.id === doc.selected);
  const selectedEvent = selectedVerdict ? results.events[selectedVerdict.position] : undefined;

  const keywords = useMemo(() => new Set([...RULE_KEYWORDS, ...pg.keywords.map((k) => k.toLowerCase())]), [pg.keywords]);
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
    showReasonHighlights(monaco, ed, spans);
  }, [selectedVerdict, rulesCurrent, pg.ruleEditorRef, pg.editorsReady]);

  useEffect(() => {
    const ed = pg.eventsEditorRef.current;
    if (!ed) return;
    const ev = selectedVerdict && eventsForText ? eventsForText[selectedVerdict.position] : undefined;
    showEventHighlight(monaco, ed, ev?.id === selectedVerdict?.id ? ev?.range : undefined);
  }, [selectedVerdict, eventsForText, pg.eventsEditorRef, pg.editorsReady]);

  useEffect(() => {
    const ed = pg.ruleEditorRef.current;
    if (!ed) return;
    const badges: ClauseBadge[] = [];
    if (rulesCurrent) {
      for (const s of results.clauseStats) {
        if (s.kind === 'exclusion') {
          badges.push(
            s.suppressed > 0
              ? { range: s.clause.range, tone: 'count', text: `⟵ suppresses ${s.suppressed}`, hover: `This exclusion suppresses ${s.suppressed} event(s).` }
              : { range: s.clause.range, tone: 'dead', text: '⚠ suppresses none', hover: 'No loaded event is suppressed by this exclusion: it may be dead, or your sample lacks the case it covers.' },
          );
        } else if (s.failed > 0) {
          badges.push({ range: s.clause.range, tone: 'muted', text: `✗ fails for ${s.failed}`, hover: `For ${s.failed} event(s) this is the first base condition that fails.` });
        }
      }
    }
    showClauseBadges(monaco, ed, badges);
  }, [results.clauseStats, rulesCurrent, pg.ruleEditorRef, pg.editorsReady]);

  useEffect(() => {
    const rm = pg.ruleEditorRef.current?.getModel();
    const em = pg.eventsEditorRef.current?.getModel();
    if (rm) setDiagnosticMarkers(monaco, rm, 'eql', results.diagnostics.filter((d) => d.source === 'rule'));
    if (em) setDiagnosticMarkers(monaco, em, 'events', results.diagnostics.filter((d) => d.source === 'events'));
  }, [results.diagnostics, pg.ruleEditorRef, pg.eventsEditorRef, pg.editorsReady]);

  useEffect(() => {
    setEqlLanguageData({ fieldsSeen: results.fieldsSeen });
  }, [results.fieldsSeen]);
  useEffect(() => {
    setEqlLanguageData(
      selectedVerdict && selectedEvent ? { selectedEvent: { id: selectedVerdict.id, source: selectedEvent.source } } : { selectedEvent: undefined },
    );
  }, [selectedVerdict, selectedEvent]);

  /* ── keyboard ── */

  const visibleRows = useMemo(() => filterVerdicts(results.verdicts, filter), [results.verdicts, filter]);
  const { select, shareLink, runNow } = pg;
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
      const ed = d.source === 'rule' ? pg.ruleEditorRef.current : d.source === 'events' ? pg.eventsEditorRef.current : undefined;
      if (ed) goToOffset(ed, d.range.start);
      else setTab('es');
    },
    [pg.ruleEditorRef, pg.eventsEditorRef],
  );

  const staleReason = results.failure ?? (results.stale ? staleText(results.diagnostics) : undefined);

  return (
    <div className={`app theme-${scheme}`}>
      <Header metadata={doc.metadata} share={pg.share} onShare={() => void pg.shareLink()} onReset={pg.resetToExample} onHelp={() => setHelp((h) => !h)} />
      <NoticeBar notice={pg.notice} canRestore={pg.backup !== undefined} onRestore={pg.restoreDraft} onDismiss={pg.dismissNotice} />
      <main className="workspace">
        <div className="column left">
          <EditorPane
            className="rule"
            testId="rule-editor"
            title="Rule (EQL)"
            hint="Ctrl+Space completes fields and functions"
            language={EQL_LANGUAGE_ID}
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
          <ProblemsPanel diagnostics={results.diagnostics} texts={{ rule: doc.rule, events: doc.events, mapping: doc.mapping }} onGoTo={goTo} />
        </div>
        <div className="column right">
          <div className="tabs" role="tablist">
            <button type="button" role="tab" aria-selected={tab === 'verdicts'} className={tab === 'verdicts' ? 'active' : ''} onClick={() => setTab('verdicts')} data-testid="tab-verdicts">
              Verdicts
            </button>
            <button type="button" role="tab" aria-selected={tab === 'es'} className={tab === 'es' ? 'active' : ''} onClick={() => setTab('es')} data-testid="tab-es">
              Elasticsearch response
            </button>
          </div>
          {tab === 'verdicts' ? (
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
                onSelect={pg.select}
              />
              <DetailPanel verdict={selectedVerdict} event={selectedEvent} trace={pg.trace} />
            </>
          ) : (
            <EsResponsePanel hits={results.hits} stale={results.stale} settings={doc.settings} mapping={doc.mapping} onSettings={pg.setSettings} onMapping={pg.setMapping} />
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
