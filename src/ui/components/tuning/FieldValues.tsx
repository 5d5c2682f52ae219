/**
 * The selected event's fields, each value actionable: "Exclude" proposes an exclusion built
 * from it; ticking two fields proposes their combination.
 */
import { useState } from 'react';
import { type EventField, type Scalar, eventFields, showScalar } from '../../state/event-fields';
import '../../tuning.css';

export interface FieldValuesProps {
  readonly source: Record<string, unknown>;
  /** The field being excluded (its row is marked). */
  readonly active: readonly string[] | undefined;
  readonly onExclude: (fields: readonly string[], value?: Scalar) => void;
}

function FieldRow(p: {
  readonly f: EventField;
  readonly picked: boolean;
  readonly active: boolean;
  readonly onPick: () => void;
  readonly onExclude: (value: Scalar) => void;
}) {
  return (
    <li className={`field-value${p.active ? ' active' : ''}`} data-testid="field-value" data-field={p.f.field}>
      <input
        type="checkbox"
        checked={p.picked}
        onChange={p.onPick}
        aria-label={`Select ${p.f.field} for a two-field exclusion`}
        title="Select two fields to exclude their combination"
      />
      <code className="fv-name" title={p.f.field}>
        {p.f.field}
      </code>
      <span className="fv-values">
        {p.f.values.map((v) => (
          <span key={`${typeof v}:${showScalar(v)}`} className="fv-value">
            <span className={v === null ? 'fv-text missing' : 'fv-text'} title={showScalar(v)}>
              {showScalar(v)}
            </span>
            <button
              type="button"
              className="exclude-button"
              data-testid="exclude-value"
              data-value={showScalar(v)}
              title={`Exclude ${p.f.field} = ${showScalar(v)}: see what it would change first`}
              onClick={() => p.onExclude(v)}
            >
              Exclude
            </button>
          </span>
        ))}
      </span>
    </li>
  );
}

export function FieldValues({ source, active, onExclude }: FieldValuesProps) {
  const [picked, setPicked] = useState<readonly string[]>([]);
  const [query, setQuery] = useState('');
  const fields = eventFields(source);
  const shown = query ? fields.filter((f) => f.field.toLowerCase().includes(query.toLowerCase())) : fields;
  const toggle = (field: string) =>
    setPicked((p) => (p.includes(field) ? p.filter((x) => x !== field) : [...p, field].slice(-2)));
  return (
    <div className="field-values" data-testid="field-values">
      <div className="fv-head">
        <input
          type="search"
          placeholder="Filter fields"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          aria-label="Filter the event's fields"
        />
        <button
          type="button"
          data-testid="exclude-combination"
          disabled={picked.length !== 2}
          onClick={() => onExclude(picked)}
          title="Exclude events that have both selected values"
        >
          {picked.length === 2 ? `Exclude ${picked[0]} + ${picked[1]}` : 'Tick two fields to combine'}
        </button>
      </div>
      <ul className="fv-list">
        {shown.map((f) => (
          <FieldRow
            key={f.field}
            f={f}
            picked={picked.includes(f.field)}
            active={active?.includes(f.field) ?? false}
            onPick={() => toggle(f.field)}
            onExclude={(v) => onExclude([f.field], v)}
          />
        ))}
      </ul>
    </div>
  );
}
