import type { RuleMetadata } from '../state/doc-state';
import type { ShareInfo } from '../hooks/usePlayground';

export interface HeaderProps {
  readonly metadata: RuleMetadata | undefined;
  readonly share: ShareInfo | undefined;
  readonly onShare: () => void;
  readonly onReset: () => void;
  readonly onHelp: () => void;
}

const SHARE_WARN_LENGTH = 8000;

export function Header({ metadata, share, onShare, onReset, onHelp }: HeaderProps) {
  return (
    <header className="app-header">
      <div className="brand">
        <span className="brand-name">EQL Playground</span>
        <span className="brand-tag">runs in your browser · nothing is uploaded</span>
      </div>
      {metadata ? <RuleMeta m={metadata} /> : <div className="rule-meta muted">No rule metadata</div>}
      <div className="header-actions">
        <button type="button" data-testid="share-button" className="primary" onClick={onShare} title="Put the whole state in the link and copy it (Ctrl/Cmd+S)">
          Share link
        </button>
        {share && (
          <span className={share.length > SHARE_WARN_LENGTH ? 'share-length warn' : 'share-length'} data-testid="share-length" role="status">
            {share.copied ? 'Copied · ' : 'In the address bar · '}
            {share.length.toLocaleString('en-US')} chars
          </span>
        )}
        <button type="button" onClick={onReset} title="Replace the rule, events and settings with the default example">
          Reset to example
        </button>
        <button type="button" className="icon" onClick={onHelp} title="Keyboard shortcuts (Alt+/)" aria-label="Keyboard shortcuts">
          ?
        </button>
      </div>
    </header>
  );
}

function RuleMeta({ m }: { m: RuleMetadata }) {
  return (
    <div className="rule-meta" data-testid="rule-metadata">
      <div className="rule-meta-line">
        <span className="rule-name" title={m.description}>{m.name}</span>
        <span className={`severity severity-${m.severity}`}>{m.severity}</span>
        <span className="meta-item" title="Risk score">risk {m.riskScore}</span>
        <span className="meta-item" title={`Runs every ${m.interval}, looking back to ${m.from}`}>
          every {m.interval} · from {m.from}
        </span>
        {m.indices.map((i) => (
          <code key={i} className="meta-index" title="Index pattern">{i}</code>
        ))}
      </div>
      <div className="rule-meta-line mitre">
        {m.threat.map((t) => (
          <span key={t.tactic.id} className="mitre-tactic">
            <a href={t.tactic.reference} target="_blank" rel="noreferrer noopener">
              {t.tactic.name} ({t.tactic.id})
            </a>
            {t.techniques.map((tech) => (
              <span key={tech.id}>
                {' › '}
                <a href={tech.reference} target="_blank" rel="noreferrer noopener">
                  {tech.name} ({tech.id})
                </a>
                {(tech.subtechniques ?? []).map((sub) => (
                  <span key={sub.id}>
                    {' › '}
                    <a href={sub.reference} target="_blank" rel="noreferrer noopener">
                      {sub.name} ({sub.id})
                    </a>
                  </span>
                ))}
              </span>
            ))}
          </span>
        ))}
      </div>
    </div>
  );
}
