import { useState } from 'react';
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

function ClusterResult({ state, actions, index }: ClusterRoundTripProps & { readonly index: string }) {
  const [shown, setShown] = useState<'devTools' | 'ndjson' | 'template' | 'request'>('devTools');
  if (state.phase === 'idle') return null;
  if (state.phase === 'running') return <div className="muted cluster-result">Working…</div>;
  if (state.phase === 'failed') return <div className="exc-problem cluster-result">{state.message}</div>;
  const problems = state.problems.map((p) => (
    <div key={`${p.code}-${p.range.start}`} className="exc-warning">
      {p.at ? `line ${p.at.line}:${p.at.column}: ` : ''}
      {p.message}
    </div>
  ));
  if (state.phase === 'compared') {
    const c = state.comparison;
    return (
      <div className="cluster-result" data-testid="compare-result" data-agrees={c ? String(c.agrees) : undefined}>
        {problems}
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
  const b = state.bulk;
  const text = b[shown];
  const names = {
    devTools: 'Dev Tools',
    ndjson: '_bulk NDJSON',
    template: 'index template',
    request: '_eql/search request',
  } as const;
  return (
    <div className="cluster-result" data-testid="bulk-result">
      {problems}
      <div className="tabs small" role="tablist">
        {(Object.keys(names) as (keyof typeof names)[]).map((k) => (
          <button
            key={k}
            type="button"
            role="tab"
            aria-selected={shown === k}
            className={shown === k ? 'active' : ''}
            onClick={() => setShown(k)}
          >
            {names[k]}
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
