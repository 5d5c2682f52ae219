/** Above the results list: search, sort, group, and the field events are called by. */
import { useEffect, useState } from 'react';
import type { SortChoice } from '../state/result-list';
import type { GroupKey } from '../state/verdict-list';

export interface ListToolsProps {
  readonly query: string;
  readonly sort: SortChoice;
  readonly group: GroupKey;
  readonly idField: string;
  /** The search found this many events (undefined without a search). */
  readonly found: number | undefined;
  readonly onSearch: (query: string) => void;
  readonly onSort: (sort: SortChoice) => void;
  readonly onGroup: (group: GroupKey) => void;
  readonly onIdField: (field: string) => void;
}

const SORTS: readonly [SortChoice, string][] = [
  ['auto', 'Auto'],
  ['verdict', 'Alerts first'],
  ['position', 'Event order'],
  ['id', 'Id'],
];
const GROUPS: readonly [GroupKey, string][] = [
  ['none', 'None'],
  ['verdict', 'Verdict'],
  ['reason', 'Deciding clause'],
];

export function ListTools(p: ListToolsProps) {
  // The id field applies when typing pauses on a field name (Enter or leaving the box).
  const [idField, setIdField] = useState(p.idField);
  useEffect(() => setIdField(p.idField), [p.idField]);
  const commit = () => {
    if (idField.trim() !== p.idField) p.onIdField(idField.trim());
  };
  return (
    <div className="list-tools">
      <input
        type="search"
        className="list-search"
        data-testid="list-search"
        placeholder="Search ids and event text"
        aria-label="Search the events"
        value={p.query}
        onChange={(e) => p.onSearch(e.target.value)}
        spellCheck={false}
      />
      {p.found !== undefined && (
        <span className="list-found" data-testid="list-found">
          {p.found.toLocaleString('en-US')} found
        </span>
      )}
      <label title="Auto: up to 100 events in their order, more with alerts first">
        Sort
        <select data-testid="list-sort" value={p.sort} onChange={(e) => p.onSort(e.target.value as SortChoice)}>
          {SORTS.map(([k, label]) => (
            <option key={k} value={k}>
              {label}
            </option>
          ))}
        </select>
      </label>
      <label>
        Group
        <select data-testid="list-group-by" value={p.group} onChange={(e) => p.onGroup(e.target.value as GroupKey)}>
          {GROUPS.map(([k, label]) => (
            <option key={k} value={k}>
              {label}
            </option>
          ))}
        </select>
      </label>
      <label title="Rows, the detail, Sort by id and the search call events by this field's value; events without one by their _id or number">
        Id
        <input
          className="list-id-field"
          data-testid="list-id-field"
          value={idField}
          spellCheck={false}
          onChange={(e) => setIdField(e.target.value)}
          onBlur={commit}
          onKeyDown={(e) => {
            if (e.key === 'Enter') commit();
          }}
        />
      </label>
    </div>
  );
}
