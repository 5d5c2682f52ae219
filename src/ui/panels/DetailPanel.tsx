import { useState, type ReactNode } from 'react';
import type { TraceEntry, Verdict } from '../../core';
import type { EventView } from '../../worker/protocol';
import { ExceptionReason } from '../components/exceptions/ExceptionReason';
import { ReasonLine } from '../components/ReasonLine';
import type { TraceState } from '../stores/trace';
import { withKeys } from '../state/list-keys';
import { collapse, formatValue, reasonKey } from '../state/reason-text';
import { DetailTabs, type DetailTab } from '../components/DetailTabs';

export interface DetailPanelProps {
  readonly verdict: Verdict | undefined;
  readonly event: EventView | undefined;
  readonly trace: TraceState | undefined;
  /** Controls in the title bar for the selected event (Add rule exception). */
  readonly actions?: ReactNode;
  /** Tuning for the event: its rule test, the exclusion preview and its field values. */
  readonly tuning?: ReactNode;
  /** What the event is called (its id field's value, or "#N"), and its ordinal. */
  readonly label?: { readonly name: string; readonly ordinal: string };
}

export function DetailPanel({ verdict, event, trace, actions, tuning, label }: DetailPanelProps) {
  const [tab, setTab] = useState<DetailTab>('why');
  if (!verdict) {
    return (
      <section className="pane detail-pane" data-testid="detail">
        <div className="detail-empty">
          Select an event to see why it got its verdict (Alt+N / Alt+P to step through).
        </div>
      </section>
    );
  }
  return (
    <section className="pane detail-pane" data-testid="detail">
      <div className="pane-title">
        <span>
          Event <code>{label?.name ?? verdict.id}</code>
          {label && label.name !== label.ordinal ? ` ${label.ordinal}` : ''} ·{' '}
          <span className={`verdict-text verdict-${verdict.verdict}`}>{verdict.verdict}</span>
        </span>
        <span className="detail-actions">
          {actions}
          <DetailTabs tab={tab} onTab={setTab} />
        </span>
      </div>
      {tab === 'why' ? (
        <div className="detail-body">
          <Reasons verdict={verdict} />
          {tuning}
          <Trace verdict={verdict} trace={trace} />
        </div>
      ) : (
        <pre className="detail-body event-json" data-testid="event-json">
          {event ? JSON.stringify(event.source, null, 2) : ''}
        </pre>
      )}
    </section>
  );
}

/** Why the event got its verdict: each reason, and what the query alone would say of an excepted event. */
function Reasons({ verdict }: { readonly verdict: Verdict }) {
  return (
    <>
      <ul className="detail-reasons">
        {withKeys(verdict.reasons, reasonKey).map(({ key, item: r }) => (
          <li key={key}>
            {r.kind === 'exception' ? (
              <ExceptionReason reason={r} />
            ) : (
              <ReasonLine verdict={verdict.wouldBe ?? verdict.verdict} reason={r} compact />
            )}
          </li>
        ))}
      </ul>
      {verdict.wouldBe && (
        <div className="exc-would-be" data-testid="would-be">
          The query alone: <span className={`verdict-text verdict-${verdict.wouldBe}`}>{verdict.wouldBe}</span>
        </div>
      )}
    </>
  );
}

/** The evaluation trace of the event, node by node, once it is traced for the rule on screen. */
function Trace({ verdict, trace }: { readonly verdict: Verdict; readonly trace: TraceState | undefined }) {
  return (
    <div className="trace" data-testid="trace">
      <div className="trace-title">Evaluation trace</div>
      {!trace || trace.eventId !== verdict.id ? (
        <div className="muted">Trace available when the results are current.</div>
      ) : trace.entries === undefined ? (
        <div className="muted">Tracing…</div>
      ) : trace.entries.length === 0 ? (
        <div className="muted">No trace for this event.</div>
      ) : (
        withKeys(trace.entries, (t) => String(t.nodeId)).map(({ key, item: t }) => (
          <TraceEntryLine key={key} entry={t} ruleText={trace.ruleText} />
        ))
      )}
    </div>
  );
}

function TraceEntryLine({ entry: t, ruleText }: { readonly entry: TraceEntry; readonly ruleText: string }) {
  return (
    <div className={`trace-entry trace-${t.outcome}`} style={{ paddingLeft: 6 + t.depth * 14 }}>
      <span className={`outcome outcome-${t.outcome}`}>{t.outcome === 'value' ? '=' : t.outcome}</span>
      <code className="trace-text">{shorten(collapse(ruleText.slice(t.range.start, t.range.end)), 140)}</code>
      {t.outcome === 'value' ? (
        <span className="trace-value">
          → <code>{formatValue(t.value)}</code>
        </span>
      ) : (
        t.field !== undefined &&
        t.value !== undefined && (
          <span className="trace-value">
            {t.field} = <code>{formatValue(t.value)}</code>
          </span>
        )
      )}
    </div>
  );
}

function shorten(s: string, n: number): string {
  return s.length > n ? `${s.slice(0, n - 1)}…` : s;
}
