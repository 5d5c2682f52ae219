import { useState, type ReactNode } from 'react';
import type { Hits } from '../../core';
import { copyText } from '../platform/clipboard';
import type { UiSettings } from '../state/doc-state';

export interface EsResponsePanelProps {
  readonly hits: Hits | undefined;
  readonly stale: boolean;
  readonly settings: UiSettings;
  readonly mapping: string;
  readonly onSettings: (s: UiSettings) => void;
  readonly onMapping: (m: string) => void;
  /** The request a cluster would run (the worker builds it with each evaluation). */
  readonly request: string | undefined;
  /** Below the request: the round trip to a cluster (bulk export, compare with its answer). */
  readonly children?: ReactNode;
}

export function EsResponsePanel({
  hits,
  stale,
  settings,
  mapping,
  onSettings,
  onMapping,
  request,
  children,
}: EsResponsePanelProps) {
  return (
    <div className="es-panel">
      <SettingsForm settings={settings} mapping={mapping} onSettings={onSettings} onMapping={onMapping} />
      <RequestBlock request={request} />
      {children}
      <ResponseBlock hits={hits} stale={stale} />
    </div>
  );
}

/** The request settings (the fields, size, result position, samples per key) and the index mapping. */
function SettingsForm({
  settings,
  mapping,
  onSettings,
  onMapping,
}: Pick<EsResponsePanelProps, 'settings' | 'mapping' | 'onSettings' | 'onMapping'>) {
  const set = <K extends keyof UiSettings>(k: K, v: UiSettings[K]) => onSettings({ ...settings, [k]: v });
  return (
    <form className="settings" onSubmit={(e) => e.preventDefault()} data-testid="settings">
      <label>
        Event category field
        <input
          value={settings.eventCategoryField}
          onChange={(e) => set('eventCategoryField', e.target.value)}
          spellCheck={false}
        />
      </label>
      <label>
        Timestamp field
        <input
          value={settings.timestampField}
          onChange={(e) => set('timestampField', e.target.value)}
          spellCheck={false}
        />
      </label>
      <label>
        Tiebreaker field
        <input
          value={settings.tiebreakerField}
          placeholder="none"
          onChange={(e) => set('tiebreakerField', e.target.value)}
          spellCheck={false}
        />
      </label>
      <label className="narrow">
        Size
        <input type="number" min={0} value={settings.size} onChange={(e) => set('size', Number(e.target.value))} />
      </label>
      <label className="narrow">
        Result position
        <select
          value={settings.resultPosition}
          onChange={(e) => set('resultPosition', e.target.value === 'head' ? 'head' : 'tail')}
        >
          <option value="tail">tail</option>
          <option value="head">head</option>
        </select>
      </label>
      <label className="narrow" title="Samples only: how many samples each join-key group may return">
        Max samples per key
        <input
          type="number"
          min={1}
          value={settings.maxSamplesPerKey}
          onChange={(e) => set('maxSamplesPerKey', Number(e.target.value))}
        />
      </label>
      <label className="mapping">
        Index mapping (optional: paste a <code>GET &lt;index&gt;/_mapping</code> response)
        <textarea
          value={mapping}
          onChange={(e) => onMapping(e.target.value)}
          spellCheck={false}
          rows={3}
          placeholder='{"my-index": {"mappings": {"properties": {…}}}}'
        />
      </label>
    </form>
  );
}

/** The `_eql/search` request for a cluster, with a copy button. */
function RequestBlock({ request }: { readonly request: string | undefined }) {
  const [copied, setCopied] = useState<'' | 'copied' | 'failed'>('');
  return (
    <>
      <div className="es-response-title">
        The request, to run this rule on your cluster
        <button
          type="button"
          className="copy-request"
          data-testid="copy-request"
          disabled={request === undefined}
          onClick={() =>
            request !== undefined && void copyText(request).then((ok) => setCopied(ok ? 'copied' : 'failed'))
          }
        >
          {copied === 'copied' ? 'Copied' : copied === 'failed' ? 'Copy failed: select and copy' : 'Copy request'}
        </button>
      </div>
      <pre className="es-request" data-testid="es-request">
        {request ?? 'No request yet.'}
      </pre>
    </>
  );
}

/** The `hits` Elasticsearch would answer (marked stale while the rule has errors). */
function ResponseBlock({ hits, stale }: { readonly hits: Hits | undefined; readonly stale: boolean }) {
  return (
    <>
      <div className="es-response-title">
        <code>hits</code> of the <code>_eql/search</code> response
        {hits?.sequences ? (
          <>
            {' '}
            (<code>hits.sequences</code>: {hits.sequences.length})
          </>
        ) : null}
        {stale ? ' (stale)' : ''}
      </div>
      <pre className={`es-response${stale ? ' is-stale' : ''}`} data-testid="es-response">
        {hits ? JSON.stringify({ hits }, null, 2) : 'No response yet.'}
      </pre>
    </>
  );
}
