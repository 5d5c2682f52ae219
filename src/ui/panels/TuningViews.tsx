/**
 * Tuning's containers: each reads the playground's stores and hands plain props to the pure
 * components in components/tuning (the strip above the results, the rows' marks, the detail
 * panel's rule test and field values, the exclusion preview, the export menu, the diff view).
 */
import { useMemo } from 'react';
import type { Verdict, VerdictKind } from '../../core';
import { VERDICT_OF_CODE, type EventView } from '../../worker/protocol';
import { BaselineDiff } from '../components/tuning/BaselineDiff';
import { ExclusionPreview } from '../components/tuning/ExclusionPreview';
import { ExpectationPicker } from '../components/tuning/ExpectationPicker';
import { FieldValues } from '../components/tuning/FieldValues';
import { RuleExportMenu } from '../components/tuning/RuleExportMenu';
import { ClauseFilterChip, TuningBar } from '../components/tuning/TuningBar';
import { useSelect, useStore } from '../hooks/use-store';
import type { Playground } from '../playground';
import type { ResultView } from '../state/result-view';
import { nameOfId, type ResultsState, type VerdictFilter } from '../state/results';
import {
  expectAllQuestion,
  expectationSummary,
  indexTuning,
  nextMarked,
  rowTuning,
  sameAsBaseline,
  type TuningFilter,
  type TuningIndex,
} from '../state/tuning';
import type { TuningResult } from '../stores/evaluation';
import type { ResultsTuning } from './ResultsPanel';

const noExpectations = {};

/** The worker's tuning views for the verdicts on screen, indexed by position. */
export function useTuningIndex(pg: Playground): TuningIndex {
  const results = useStore(pg.evaluation.results);
  const tuning = useStore(pg.evaluation.tuning);
  return useMemo(() => indexTuning(viewFor(tuning, results), ids(results)), [tuning, results]);
}

function viewFor(t: TuningResult | undefined, results: ResultsState) {
  return t && t.rule === results.ruleText ? t.view : undefined;
}

function ids(results: ResultsState): readonly string[] {
  return results.shown?.info.ids ?? [];
}

/** Every event's id and current verdict, for "Expect current verdicts". */
function currentVerdicts(results: ResultsState): { id: string; verdict: VerdictKind }[] {
  const shown = results.shown;
  if (!shown) return [];
  const out: { id: string; verdict: VerdictKind }[] = [];
  shown.compact.verdicts.forEach((code, p) => {
    const verdict = VERDICT_OF_CODE[code];
    if (verdict) out.push({ id: shown.info.ids[p] ?? String(p), verdict });
  });
  return out;
}

/** The tuning part of the results panel (event queries). */
export function useResultsTuning(pg: Playground): ResultsTuning {
  const expectations = useSelect(pg.documents.state, (s) => s.doc.expectations) ?? noExpectations;
  const selected = useSelect(pg.documents.state, (s) => s.doc.selected);
  const { filter } = useStore(pg.tuning.ui);
  const index = useTuningIndex(pg);
  return {
    bar: <TuningBarContainer pg={pg} index={index} />,
    filter,
    rowOf: (v) => rowTuning(index, v.position, expectations, v.id),
    onExpect: (id, verdict) => pg.tuning.toggleExpectation(id, verdict),
    onKey(key, rows) {
      const jump = key === 'c' ? 'changed' : key === 'u' ? 'unmet' : undefined;
      if (jump) {
        const id = nextMarked(rows, selected, { kind: jump }, index);
        if (id !== undefined && id !== selected) pg.selection.selectEvent(id);
        return true;
      }
      if (key === 'e' && selected !== undefined) {
        const row = rows.find((r) => r.id === selected);
        if (row) pg.tuning.toggleExpectation(row.id, row.verdict);
        return true;
      }
      return false;
    },
  };
}

/** A tuning filter replaces the verdict filter, and the other way round. */
function useFilters(pg: Playground) {
  return {
    setTuningFilter(f: TuningFilter | undefined): void {
      if (f) pg.selection.setFilter('all');
      pg.tuning.setFilter(f);
    },
  };
}

function TuningBarContainer(p: { readonly pg: Playground; readonly index: TuningIndex }) {
  const { pg, index } = p;
  const expectations = useSelect(pg.documents.state, (s) => s.doc.expectations);
  const edited = useSelect(pg.documents.state, ({ doc }) => !sameAsBaseline(doc.baseline, doc.rule, doc.settings));
  const results = useStore(pg.evaluation.results);
  const tuning = useStore(pg.evaluation.tuning);
  const { filter, diffOpen, confirmExpect } = useStore(pg.tuning.ui);
  const { setTuningFilter } = useFilters(pg);
  const count = Object.keys(expectations ?? noExpectations).length;
  return (
    <>
      <TuningBar
        diff={viewFor(tuning, results)?.diff}
        edited={edited}
        expectationCount={count}
        unmet={index.unmet}
        expectationText={expectationSummary(index, count)}
        filter={filter}
        diffOpen={diffOpen}
        onSetBaseline={pg.tuning.setBaseline}
        onRevert={pg.tuning.revertToBaseline}
        onToggleDiff={pg.tuning.toggleDiff}
        onExpectAll={() => pg.tuning.expectCurrent(currentVerdicts(pg.evaluation.results.get()))}
        expectQuestion={confirmExpect ? expectAllQuestion(confirmExpect.plan) : undefined}
        onConfirmExpectAll={pg.tuning.confirmExpectCurrent}
        onCancelExpectAll={pg.tuning.cancelExpectCurrent}
        onClearExpectations={pg.tuning.clearExpectations}
        onFilter={setTuningFilter}
      />
      <ClauseFilterChip filter={filter} onClear={() => pg.tuning.setFilter(undefined)} />
    </>
  );
}

export interface TuningDetailProps {
  readonly pg: Playground;
  readonly verdict: Verdict;
  readonly event: EventView | undefined;
}

/** The selected event's rule test, the exclusion preview, and its field values to exclude. */
export function TuningDetail({ pg, verdict, event }: TuningDetailProps) {
  const exclusion = useStore(pg.tuning.exclusion);
  const expectation = useSelect(pg.documents.state, (s) => s.doc.expectations?.[verdict.id]);
  const outdated = useSelect(pg.documents.state, (s) => exclusion.phase === 'ready' && exclusion.rule !== s.doc.rule);
  const index = useTuningIndex(pg);
  const active = exclusion.phase === 'idle' ? undefined : exclusion.request;
  return (
    <div className="tuning-detail" data-testid="tuning-detail">
      <ExpectationPicker
        eventId={verdict.id}
        verdict={verdict.verdict}
        expectation={expectation}
        result={expectation ? index.results.get(verdict.position) : undefined}
        onChange={(e) => pg.tuning.setExpectation(verdict.id, e)}
      />
      <ExclusionPreview
        state={exclusion}
        outdated={outdated}
        onChoose={pg.tuning.chooseProposal}
        onApply={() => void pg.tuning.applyExclusion()}
        onCancel={pg.tuning.cancelExclusion}
        onSelectEvent={pg.selection.selectEvent}
        nameOf={(id) => nameOfId(pg.evaluation.results.get(), id)}
      />
      {event && (
        <FieldValues
          key={verdict.id}
          source={event.source}
          active={active?.eventId === verdict.id ? active.fields : undefined}
          onExclude={(fields, value) =>
            pg.tuning.exclude({
              position: verdict.position,
              eventId: verdict.id,
              fields,
              ...(value !== undefined ? { value } : {}),
            })
          }
        />
      )}
    </div>
  );
}

/** The selected event's tuning detail, for either query kind. */
export function SelectedTuning({ pg, view }: { readonly pg: Playground; readonly view: ResultView }) {
  if (view.selectedJoinRow) return <TuningDetail pg={pg} verdict={view.selectedJoinRow} event={view.selectedEvent} />;
  if (view.selectedVerdict) return <TuningDetail pg={pg} verdict={view.selectedVerdict} event={view.selectedEvent} />;
  return null;
}

/** Choosing a verdict filter: it replaces a Changed / Unmet / clause filter. */
export function verdictFilter(pg: Playground): (f: VerdictFilter) => void {
  return (f) => {
    pg.tuning.setFilter(undefined);
    pg.selection.setFilter(f);
  };
}

/** The header's export menu: the tuned rule and the workspace file. */
export function TuningExport({ pg }: { readonly pg: Playground }) {
  return (
    <RuleExportMenu
      onCopyQuery={pg.tuning.copyQuery}
      onExport={(f) => void pg.tuning.exportRule(f)}
      onSaveWorkspace={() => void pg.tuning.saveWorkspace()}
      onOpenWorkspace={(f) => void pg.tuning.openWorkspace(f)}
    />
  );
}

/** The rule side by side with its baseline, while the diff is open. */
export function BaselineDiffView({ pg, theme }: { readonly pg: Playground; readonly theme: 'dark' | 'light' }) {
  const { diffOpen } = useStore(pg.tuning.ui);
  return diffOpen ? <OpenBaselineDiff pg={pg} theme={theme} /> : null;
}

/** The open diff follows the rule text as it is typed (only while it is open). */
function OpenBaselineDiff({ pg, theme }: { readonly pg: Playground; readonly theme: 'dark' | 'light' }) {
  const { doc } = useStore(pg.documents.state);
  return (
    <BaselineDiff
      baseline={doc.baseline?.rule ?? doc.rule}
      rule={doc.rule}
      theme={theme}
      onClose={pg.tuning.toggleDiff}
    />
  );
}
