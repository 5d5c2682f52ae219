import { memo } from 'react';
import type { Verdict } from '../../core';
import { fieldValue } from '../../monaco/field-value';
import type { EventView } from '../../worker/protocol';
import { formatValue } from '../state/reason-text';
import { fieldLabels } from '../state/rule-fields';
import { ReasonLine } from './ReasonLine';

export const ROW_HEIGHT = 48;

const VERDICT_LABEL: Record<Verdict['verdict'], string> = {
  alert: 'alert',
  suppressed: 'suppressed',
  'no-match': 'no match',
  error: 'error',
  excepted: 'excepted',
};

export interface EventRowProps {
  readonly verdict: Verdict;
  readonly event: EventView | undefined;
  readonly selected: boolean;
  readonly keyFields: readonly string[];
  readonly timestampField: string;
  readonly onSelect: (id: string) => void;
}

function shortTime(v: unknown): string {
  if (typeof v !== 'string') return v === undefined ? '' : formatValue(v);
  const m = /T(\d\d:\d\d:\d\d(?:\.\d+)?)/.exec(v);
  return m ? m[1]! : v;
}

export const EventRow = memo(function EventRow({
  verdict,
  event,
  selected,
  keyFields,
  timestampField,
  onSelect,
}: EventRowProps) {
  const ts = event ? fieldValue(event.source, timestampField) : undefined;
  return (
    <div
      className={`event-row verdict-${verdict.verdict}${selected ? ' selected' : ''}`}
      data-testid="event-row"
      data-verdict={verdict.verdict}
      data-event-id={verdict.id}
      role="option"
      aria-selected={selected}
      style={{ height: ROW_HEIGHT }}
      onClick={() => onSelect(verdict.id)}
    >
      <div className="row-line">
        <span className={`verdict-badge verdict-${verdict.verdict}`}>{VERDICT_LABEL[verdict.verdict]}</span>
        <span className="row-id" title={`event id ${verdict.id}`}>
          {verdict.id}
        </span>
        {ts !== undefined && (
          <span className="row-time" title={formatValue(ts)}>
            {shortTime(ts)}
          </span>
        )}
        <span className="row-fields">
          {keyFields.map((f, i) => {
            const v = event ? fieldValue(event.source, f) : undefined;
            return (
              <span key={f} className="row-field" title={`${f} = ${formatValue(v)}`}>
                <span className="row-field-name">{fieldLabels(keyFields)[i]}</span>
                <span className={v === undefined ? 'row-field-value missing' : 'row-field-value'}>
                  {formatValue(v)}
                </span>
              </span>
            );
          })}
        </span>
      </div>
      <div className="row-reasons">
        {verdict.reasons.length === 0 ? (
          <span className="reason-none">
            {verdict.verdict === 'alert' ? 'base condition holds, no exclusion fired' : 'no reason recorded'}
          </span>
        ) : (
          verdict.reasons.map((r, i) => (
            <span key={i} className="reason-wrap">
              {i > 0 && <span className="reason-and"> · also </span>}
              <ReasonLine verdict={verdict.verdict} reason={r} />
            </span>
          ))
        )}
      </div>
    </div>
  );
});
