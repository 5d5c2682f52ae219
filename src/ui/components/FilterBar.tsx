import type { ReactNode } from 'react';
import type { FilterOption, VerdictFilter } from '../state/results';

export interface FilterBarProps {
  readonly options: readonly FilterOption[];
  readonly active: VerdictFilter;
  readonly label: string;
  readonly onFilter: (f: VerdictFilter) => void;
  /** Anything after the filters (the sequence view's stage legend). */
  readonly children?: ReactNode;
}

/** One button per verdict filter, with its count. */
export function FilterBar({ options, active, label, onFilter, children }: FilterBarProps) {
  return (
    <fieldset className="filters" aria-label={label}>
      {options.map((f) => (
        <button
          key={f.key}
          type="button"
          aria-pressed={active === f.key}
          className={`filter filter-${f.key}${active === f.key ? ' active' : ''}`}
          data-testid={`filter-${f.key}`}
          onClick={() => onFilter(f.key)}
        >
          {f.label} <span className="filter-count">{f.count}</span>
        </button>
      ))}
      {children}
    </fieldset>
  );
}
