import type { ReactNode } from 'react';
import type { RuleMetadata } from '../state/doc-state';
import type { MitreRefView } from '../../worker/protocol';
import { displayName } from '../state/rule-import';
import { withKeys } from '../state/list-keys';

export interface HeaderProps {
  readonly metadata: RuleMetadata | undefined;
  /** The share button, length meter and link chip. */
  readonly share: ReactNode;
  readonly onReset: () => void;
  readonly onHelp: () => void;
  /** More header actions (the export menu). */
  readonly tools?: ReactNode;
  /** The workspace controls (save status, Recent), first among the actions. */
  readonly workspace?: ReactNode;
}

export function Header({ metadata, share, onReset, onHelp, tools, workspace }: HeaderProps) {
  return (
    <header className="app-header">
      <div className="brand">
        <span className="brand-name">EQL Playground</span>
        <span className="brand-tag">runs in your browser · nothing is uploaded</span>
      </div>
      {metadata ? (
        <RuleMeta m={metadata} />
      ) : (
        <div className="rule-meta" data-testid="rule-metadata">
          <div className="rule-meta-line">
            <span className="rule-name untitled" data-testid="rule-name">
              Untitled rule
            </span>
            <span
              className="meta-item meta-hint"
              title="Paste, open or drop a detection-rules TOML file, a Kibana rule export (NDJSON) or an Elastic rule reference page"
            >
              paste or open a rule file to see its metadata
            </span>
          </div>
        </div>
      )}
      <div className="header-actions">
        {workspace}
        {share}
        {tools}
        <button
          type="button"
          onClick={onReset}
          title="Open the default example in a new workspace (this one stays in Recent, and Undo brings it back)"
        >
          Reset to example
        </button>
        <button
          type="button"
          className="icon"
          onClick={onHelp}
          title="Keyboard shortcuts (Alt+/)"
          aria-label="Keyboard shortcuts"
        >
          ?
        </button>
      </div>
    </header>
  );
}

function RuleMeta({ m }: { m: RuleMetadata }) {
  const threat = m.threat ?? [];
  return (
    <div className="rule-meta" data-testid="rule-metadata">
      <div className="rule-meta-line">
        <span className="rule-name" data-testid="rule-name" title={m.description}>
          {displayName(m)}
        </span>
        {m.severity && (
          <span className={`severity severity-${m.severity.toLowerCase()}`} data-testid="rule-severity">
            {m.severity}
          </span>
        )}
        {m.riskScore !== undefined && (
          <span className="meta-item" title="Risk score" data-testid="rule-risk">
            risk {m.riskScore}
          </span>
        )}
        {(m.interval || m.from) && (
          <span
            className="meta-item"
            title={`Runs every ${m.interval ?? '5m (default)'}, looking back to ${m.from ?? 'now-6m (default)'}`}
          >
            {m.interval ? `every ${m.interval}` : ''}
            {m.interval && m.from ? ' · ' : ''}
            {m.from ? `from ${m.from}` : ''}
          </span>
        )}
        {(m.indices ?? []).map((i) => (
          <code key={i} className="meta-index" title="Index pattern">
            {i}
          </code>
        ))}
      </div>
      {threat.length > 0 && (
        <div className="rule-meta-line mitre">
          {withKeys(threat, (t) => t.tactic?.id ?? '').map(({ key, item: t }) => (
            <span key={key} className="mitre-tactic">
              <MitreLink r={t.tactic} />
              {withKeys(t.techniques ?? [], (tech) => tech.id ?? '').map(({ key: techKey, item: tech }) => (
                <span key={techKey}>
                  {' › '}
                  <MitreLink r={tech} />
                  {withKeys(tech.subtechniques ?? [], (sub) => sub.id ?? '').map(({ key: subKey, item: sub }) => (
                    <span key={subKey}>
                      {' › '}
                      <MitreLink r={sub} />
                    </span>
                  ))}
                </span>
              ))}
            </span>
          ))}
        </div>
      )}
    </div>
  );
}

function MitreLink({ r }: { r: MitreRefView | undefined }) {
  if (!r) return null;
  const label = r.name && r.id ? `${r.name} (${r.id})` : (r.name ?? r.id ?? '?');
  return r.reference && /^https:\/\//.test(r.reference) ? (
    <a href={r.reference} target="_blank" rel="noreferrer noopener">
      {label}
    </a>
  ) : (
    <span>{label}</span>
  );
}
