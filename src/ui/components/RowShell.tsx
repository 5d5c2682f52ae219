import type { ReactNode } from 'react';
import type { VerdictKind } from '../../core';
import { fieldValue } from '../../monaco/field-value';
import type { EventView } from '../../worker/protocol';
import { formatValue } from '../state/reason-text';
import { fieldLabels } from '../state/rule-fields';

export const ROW_HEIGHT = 48;

/** The row's element id, for the list's aria-activedescendant (ids may hold any character). */
export function rowDomId(id: string): string {
  return `event-row-${encodeURIComponent(id)}`;
}

export interface RowShellProps {
  readonly id: string;
  /** The event's 0-based input position (`data-position`). */
  readonly position: number;
  readonly verdict: VerdictKind;
  readonly event: EventView | undefined;
  readonly selected: boolean;
  readonly keyFields: readonly string[];
  readonly timestampField: string;
  readonly badge: { readonly text: string; readonly title?: string };
  /** Extra classes: the row's kind (before the verdict) and its state (after the selection). */
  readonly kindClass?: string;
  readonly stateClass?: string;
  /** The sequence view: the sequences the event is part of. */
  readonly sequences?: string;
  /** Between the time and the fields (the sequence view's stage chips). */
  readonly chips?: ReactNode;
  /** The row's second line: why. */
  readonly children: ReactNode;
  /** More `data-*` attributes (tuning: `data-baseline-verdict`, `data-expected`, `data-expectation`). */
  readonly attributes?: Readonly<Record<string, string>>;
  /** Call the event by this (its id field's value, its `_id` or "#N", event-label.ts), with its ordinal. */
  readonly label?: string | undefined;
}

function shortTime(v: unknown): string {
  if (typeof v !== 'string') return v === undefined ? '' : formatValue(v);
  const m = /T(\d\d:\d\d:\d\d(?:\.\d+)?)/.exec(v);
  return m ? m[1]! : v;
}

function RowFields({
  event,
  keyFields,
}: {
  readonly event: EventView | undefined;
  readonly keyFields: readonly string[];
}) {
  const labels = fieldLabels(keyFields);
  return (
    <span className="row-fields">
      {keyFields.map((f, i) => {
        const v = event ? fieldValue(event.source, f) : undefined;
        return (
          <span key={f} className="row-field" title={`${f} = ${formatValue(v)}`}>
            <span className="row-field-name">{labels[i]}</span>
            <span className={v === undefined ? 'row-field-value missing' : 'row-field-value'}>{formatValue(v)}</span>
          </span>
        );
      })}
    </span>
  );
}

/** The event's name (its id field's value, its id, or "#N") and, when that is not the ordinal, "#N". */
function RowName(p: Pick<RowShellProps, 'id' | 'position'> & { readonly label: string }) {
  const label = p.label;
  const ordinal = `#${p.position + 1}`;
  return (
    <>
      {label !== ordinal && <span className="row-num">{ordinal}</span>}
      <span className="row-id" title={`event ${ordinal}, id ${p.id}`}>
        {label}
      </span>
    </>
  );
}

/** One event in the results, for either query kind: badge, id, time, key fields, and why. */
export function RowShell(p: RowShellProps) {
  const ts = p.event ? fieldValue(p.event.source, p.timestampField) : undefined;
  const classes = ['event-row', p.kindClass, `verdict-${p.verdict}`, p.selected && 'selected', p.stateClass];
  return (
    // biome-ignore lint/a11y/useFocusableInteractive: a listbox option is not focused itself: the list (ResultList) holds the focus, the keys and the clicks, and names the selected row with aria-activedescendant
    <div
      id={rowDomId(p.id)}
      className={classes.filter(Boolean).join(' ')}
      {...p.attributes}
      data-testid="event-row"
      data-position={p.position}
      data-verdict={p.verdict}
      data-event-id={p.id}
      data-sequences={p.sequences}
      role="option"
      aria-selected={p.selected}
      style={{ height: ROW_HEIGHT }}
    >
      <div className="row-line">
        <span className={`verdict-badge verdict-${p.verdict}`} title={p.badge.title}>
          {p.badge.text}
        </span>
        {p.label === undefined ? (
          <span className="row-id" title={`event id ${p.id}`}>
            {p.id}
          </span>
        ) : (
          <RowName id={p.id} position={p.position} label={p.label} />
        )}
        {ts !== undefined && (
          <span className="row-time" title={formatValue(ts)}>
            {shortTime(ts)}
          </span>
        )}
        {p.chips}
        <RowFields event={p.event} keyFields={p.keyFields} />
      </div>
      <div className="row-reasons">{p.children}</div>
    </div>
  );
}
