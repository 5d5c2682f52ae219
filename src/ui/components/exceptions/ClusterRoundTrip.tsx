import { type ReactNode, useState } from 'react';
import type { ClusterState, Exceptions } from '../../stores/exceptions';
import '../../exceptions.css';

export interface ClusterRoundTripProps {
  readonly state: ClusterState;
  readonly actions: Pick<Exceptions, 'exportBulk' | 'compare' | 'download' | 'copy'>;
}

/** The round trip to a real cluster: the events as `_bulk` with an index template, and a pasted `_eql/search` answer compared. */
export function ClusterRoundTrip({ state, actions }: ClusterRoundTripProps) {
  const [index, setIndex] = useState('eql-playground-events');
  const [response, setResponse] = useState('');
  const [idField, setIdField] = useState('');
  return (
    <div className="cluster" data-testid="cluster">
      <div className="cluster-row">
        <label>
          Index
          <input value={index} spellCheck={false} onChange={(e) => setIndex(e.target.value)} data-testid="bulk-index" />
        </label>
        <button type="button" data-testid="export-bulk" onClick={() => void actions.exportBulk(index)}>
          Events for a cluster (_bulk + template)
        </button>
      </div>
      <div className="cluster-row">
        <textarea
          className="cluster-response"
          data-testid="compare-response"
          aria-label="A cluster's _eql/search response"
          placeholder="Paste a cluster's _eql/search response to compare it with the playground's hits"
          spellCheck={false}
          rows={2}
          value={response}
          onChange={(e) => setResponse(e.target.value)}
        />
        <label>
          Id field
          <input value={idField} placeholder="_id" spellCheck={false} onChange={(e) => setIdField(e.target.value)} />
        </label>
        <button
          type="button"
          data-testid="compare"
          disabled={response.trim() === ''}
          onClick={() => void actions.compare(response, idField)}
        >
          Compare
        </button>
      </div>
      <ClusterResult state={state} actions={actions} index={index} />
    </div>
  );
}

type Ready = Extract<ClusterState, { phase: 'compared' | 'bulk' }>;

function ClusterResult({ state, actions, index }: ClusterRoundTripProps & { readonly index: string }) {
  if (state.phase === 'idle') return null;
  if (state.phase === 'running') return <div className="muted cluster-result">Working…</div>;
  if (state.phase === 'failed') return <div className="exc-problem cluster-result">{state.message}</div>;
  const problems = state.problems.map((p) => (
    <div key={`${p.code}-${p.range.start}`} className="exc-warning">
      {p.at ? `line ${p.at.line}:${p.at.column}: ` : ''}
      {p.message}
    </div>
  ));
  return state.phase === 'compared' ? (
    <CompareResult comparison={state.comparison}>{problems}</CompareResult>
  ) : (
    <BulkResult bulk={state.bulk} actions={actions} index={index}>
      {problems}
    </BulkResult>
  );
}

/** A pasted `_eql/search` answer against the playground's: agrees, or how it differs. */
function CompareResult({
  comparison: c,
  children,
}: {
  readonly comparison: Extract<Ready, { phase: 'compared' }>['comparison'];
  readonly children: ReactNode;
}) {
  return (
    <div className="cluster-result" data-testid="compare-result" data-agrees={c ? String(c.agrees) : undefined}>
      {children}
      {c && (
        <div className={c.agrees ? 'cluster-agrees' : 'exc-loud'}>
          {c.agrees ? c.notes[0] : `Differs: the playground returns ${c.ours}, the cluster ${c.theirs}.`}
        </div>
      )}
      {c && !c.agrees && (
        <ul className="cluster-differences">
          {c.differences.map((d) => (
            <li key={`${d.kind}-${d.key}`} data-testid="compare-difference">
              <strong>
                {d.kind === 'order'
                  ? 'order'
                  : d.kind === 'only-ours'
                    ? 'only the playground returns'
                    : 'only the cluster returns'}{' '}
                {d.kind !== 'order' && <code>{d.key}</code>}
              </strong>
              : {d.why}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

const BULK_VIEWS = {
  devTools: 'Dev Tools',
  ndjson: '_bulk NDJSON',
  template: 'index template',
  request: '_eql/search request',
} as const;

/** The events for a cluster, as Dev Tools text, `_bulk` NDJSON, the index template or the request. */
function BulkResult({
  bulk,
  actions,
  index,
  children,
}: Pick<ClusterRoundTripProps, 'actions'> & {
  readonly bulk: Extract<Ready, { phase: 'bulk' }>['bulk'];
  readonly index: string;
  readonly children: ReactNode;
}) {
  const [shown, setShown] = useState<keyof typeof BULK_VIEWS>('devTools');
  const text = bulk[shown];
  return (
    <div className="cluster-result" data-testid="bulk-result">
      {children}
      <div className="tabs small" role="tablist">
        {(Object.keys(BULK_VIEWS) as (keyof typeof BULK_VIEWS)[]).map((k) => (
          <button
            key={k}
            type="button"
            role="tab"
            aria-selected={shown === k}
            className={shown === k ? 'active' : ''}
            onClick={() => setShown(k)}
          >
            {BULK_VIEWS[k]}
          </button>
        ))}
        <button type="button" onClick={() => void actions.copy(text)}>
          Copy
        </button>
        <button
          type="button"
          onClick={() =>
            actions.download(shown === 'ndjson' ? `${index}.ndjson` : `${index}-${shown}.txt`, text, 'text/plain')
          }
        >
          Download
        </button>
      </div>
      <pre className="cluster-text" data-testid={`bulk-${shown}`}>
        {text}
      </pre>
    </div>
  );
}
