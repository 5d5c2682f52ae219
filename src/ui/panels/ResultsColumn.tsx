import { useMemo } from 'react';
import { goToOffset } from '../../monaco/decorations';
import { ErrorBoundary } from '../components/ErrorBoundary';
import { AddExceptionButton } from '../components/exceptions/AddExceptionButton';
import { ClusterRoundTrip } from '../components/exceptions/ClusterRoundTrip';
import { ListTools } from '../components/ListTools';
import { useSelect, useStore } from '../hooks/use-store';
import type { Playground } from '../playground';
import type { ResultView } from '../state/result-view';
import { staleReason } from '../state/result-view';
import { idFieldOf } from '../state/doc-state';
import { hitsOf } from '../state/results';
import { useRuleFields } from '../hooks/use-rule-fields';
import type { ResultsTab } from '../state/selection';
import { DetailPanel } from './DetailPanel';
import { EsResponsePanel } from './EsResponsePanel';
import { JoinDetailPanel } from './JoinDetailPanel';
import { JoinResultsPanel } from './JoinResultsPanel';
import { ResultsPanel } from './ResultsPanel';
import { SelectedTuning, useResultsTuning, verdictFilter } from './TuningViews';

export interface ResultsColumnProps {
  readonly pg: Playground;
  readonly view: ResultView;
}

/** The fields a result row shows: the rule's own (not the timestamp, which has its column). */
function useKeyFields(pg: Playground): readonly string[] {
  const fields = useRuleFields(pg, 5);
  const timestampField = useSelect(pg.documents.state, (s) => s.doc.settings.timestampField);
  return useMemo(() => fields.filter((f) => f !== timestampField), [fields, timestampField]);
}

/** The right column: the verdicts (event or sequence view, with the detail) or the Elasticsearch tab. */
export function ResultsColumn({ pg, view }: ResultsColumnProps) {
  const { tab } = useStore(pg.selection.state);
  const { joinView } = view;
  return (
    <div className="column right">
      <ResultTabs tab={tab} onTab={pg.selection.setTab} />
      {tab === 'verdicts' && joinView ? (
        <JoinVerdicts pg={pg} view={view} joinView={joinView} />
      ) : tab === 'verdicts' ? (
        <EventVerdicts pg={pg} view={view} />
      ) : (
        <ClusterTab pg={pg} />
      )}
    </div>
  );
}

/** What both verdict lists take: the rows, the window, the selection, the filter and the list tools. */
function useListProps(pg: Playground, view: ResultView) {
  const selected = useSelect(pg.documents.state, (s) => s.doc.selected);
  const timestampField = useSelect(pg.documents.state, (s) => s.doc.settings.timestampField);
  const results = useStore(pg.evaluation.results);
  const { filter } = useStore(pg.selection.state);
  const keyFields = useKeyFields(pg);
  return {
    labels: view.labels,
    nameOf: view.nameOf,
    tools: <ListToolsFor pg={pg} view={view} />,
    rows: results.rows,
    list: view.list,
    navigationRows: view.navigationRows,
    selectedPosition: view.selectedPosition,
    onWindow: pg.evaluation.showWindow,
    stale: results.stale,
    staleReason: staleReason(results),
    selected,
    filter,
    keyFields,
    timestampField,
    ms: results.ms,
    onFilter: verdictFilter(pg),
    onSelect: pg.selection.selectEvent,
  };
}

/** A sequence or sample query: the cards and rows, and the selected event's or sequence's detail. */
function JoinVerdicts({
  pg,
  view,
  joinView,
}: ResultsColumnProps & { readonly joinView: NonNullable<ResultView['joinView']> }) {
  const results = useStore(pg.evaluation.results);
  const { sequence } = useStore(pg.selection.state);
  const list = useListProps(pg, view);
  const tuning = useResultsTuning(pg);
  return (
    <>
      <ErrorBoundary label="the sequences" resetKey={results}>
        <JoinResultsPanel
          {...list}
          view={joinView}
          selectedSequence={sequence}
          onSelectSequence={pg.selection.selectSequence}
          tuning={tuning}
        />
      </ErrorBoundary>
      <ErrorBoundary label="the sequence detail" resetKey={view.selectedEvent}>
        <JoinDetailPanel
          view={joinView}
          row={view.selectedJoinRow}
          event={view.selectedEvent}
          sequence={view.selectedCard}
          onSelect={pg.selection.selectEvent}
          nameOf={view.nameOf}
          tuning={<SelectedTuning pg={pg} view={view} />}
          actions={<AddExceptionButton pg={pg} event={view.selectedEvent} />}
        />
      </ErrorBoundary>
    </>
  );
}

/** An event query: the verdict rows (and unreadable events) and the selected event's detail. */
function EventVerdicts({ pg, view }: ResultsColumnProps) {
  const results = useStore(pg.evaluation.results);
  const trace = useStore(pg.trace.trace);
  const list = useListProps(pg, view);
  const tuning = useResultsTuning(pg);
  return (
    <>
      <ErrorBoundary label="the verdicts" resetKey={results}>
        <ResultsPanel
          {...list}
          shown={results.shown}
          unreadable={results.unreadable}
          tuning={tuning}
          onGoToProblem={(d) => {
            const ed = pg.documents.editors.get().events;
            if (ed) goToOffset(ed, d.range.start);
          }}
        />
      </ErrorBoundary>
      <ErrorBoundary label="the event's detail" resetKey={view.selectedEvent}>
        <DetailPanel
          verdict={view.selectedVerdict}
          event={view.selectedEvent}
          trace={trace}
          {...(view.selectedVerdict && view.selectedLabel ? { label: view.selectedLabel } : {})}
          actions={<AddExceptionButton pg={pg} event={view.selectedEvent} />}
          tuning={<SelectedTuning pg={pg} view={view} />}
        />
      </ErrorBoundary>
    </>
  );
}

/** The Elasticsearch tab: the request, a response to compare, and the events for a cluster. */
function ClusterTab({ pg }: { readonly pg: Playground }) {
  const settings = useSelect(pg.documents.state, (s) => s.doc.settings);
  const mapping = useSelect(pg.documents.state, (s) => s.doc.mapping);
  const results = useStore(pg.evaluation.results);
  const exceptionsUi = useStore(pg.exceptions.ui);
  return (
    <ErrorBoundary label="the Elasticsearch response" resetKey={results}>
      <EsResponsePanel
        hits={hitsOf(results)}
        stale={results.stale}
        settings={settings}
        mapping={mapping}
        onSettings={(settings) => pg.documents.patch({ settings })}
        onMapping={(mapping) => pg.documents.patch({ mapping })}
        request={results.request}
      >
        <ClusterRoundTrip state={exceptionsUi.cluster} actions={pg.exceptions} />
      </EsResponsePanel>
    </ErrorBoundary>
  );
}

/** Search, sort, group and the id field, bound to the evaluation's list state. */
function ListToolsFor({ pg, view }: { readonly pg: Playground; readonly view: ResultView }) {
  const l = useStore(pg.evaluation.list);
  const idField = useSelect(pg.documents.state, (s) => idFieldOf(s.doc));
  const e = pg.evaluation;
  return (
    <ListTools
      query={l.query}
      sort={l.sort}
      group={l.group}
      idField={idField}
      found={l.query.trim() ? view.list.rows : undefined}
      onSearch={e.search}
      onSort={e.setSort}
      onGroup={e.setGroup}
      onIdField={e.setIdField}
    />
  );
}

function ResultTabs({ tab, onTab }: { readonly tab: ResultsTab; readonly onTab: (t: ResultsTab) => void }) {
  const button = (key: ResultsTab, label: string) => (
    <button
      type="button"
      role="tab"
      aria-selected={tab === key}
      className={tab === key ? 'active' : ''}
      onClick={() => onTab(key)}
      data-testid={`tab-${key}`}
    >
      {label}
    </button>
  );
  return (
    <div className="tabs" role="tablist">
      {button('verdicts', 'Verdicts')}
      {button('es', 'Elasticsearch response')}
    </div>
  );
}
