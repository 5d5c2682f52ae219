/**
 * Export the tuned rule and the workspace: copy the query, download detection-rules TOML or a
 * Kibana rule export (the rule's metadata kept, query replaced), save or open a workspace file.
 */
import { useState } from 'react';
import type { RuleExportFormat } from '../../../worker/protocol';
import '../../tuning.css';

export interface RuleExportMenuProps {
  readonly onCopyQuery: () => Promise<boolean>;
  readonly onExport: (format: RuleExportFormat) => void;
  readonly onSaveWorkspace: () => void;
  readonly onOpenWorkspace: (file: File) => void;
}

export function RuleExportMenu(p: RuleExportMenuProps) {
  const [copied, setCopied] = useState<boolean | undefined>(undefined);
  return (
    <details className="export-menu" data-testid="export-menu">
      <summary>Export…</summary>
      <div className="export-items" role="menu">
        <button
          type="button"
          role="menuitem"
          data-testid="copy-query"
          onClick={() => void p.onCopyQuery().then(setCopied)}
        >
          {copied === undefined ? 'Copy query' : copied ? 'Query copied' : 'Copy failed: select the text'}
        </button>
        <button type="button" role="menuitem" data-testid="export-toml" onClick={() => p.onExport('toml')}>
          Download detection-rules TOML
        </button>
        <button type="button" role="menuitem" data-testid="export-ndjson" onClick={() => p.onExport('kibana-ndjson')}>
          Download Kibana rule (NDJSON)
        </button>
        <hr />
        <button type="button" role="menuitem" data-testid="save-workspace" onClick={p.onSaveWorkspace}>
          Save workspace file
        </button>
        <label className="file-button">
          Open workspace file…
          <input
            type="file"
            data-testid="open-workspace"
            accept=".json,application/json"
            onChange={(e) => {
              const f = e.target.files?.[0];
              e.target.value = '';
              if (f) p.onOpenWorkspace(f);
            }}
          />
        </label>
      </div>
    </details>
  );
}
