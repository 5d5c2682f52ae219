/**
 * Export the tuned rule and the workspace: copy the query, download detection-rules TOML or a
 * Kibana rule export (the rule's metadata kept, query replaced), save or open a workspace file.
 */
import { FileButton } from '../FileButton';
import { type ReactNode, useState } from 'react';
import type { RuleExportFormat } from '../../../worker/protocol';
import '../../tuning.css';

export interface RuleExportMenuProps {
  readonly onCopyQuery: () => Promise<boolean>;
  readonly onExport: (format: RuleExportFormat) => void;
  readonly onSaveWorkspace: () => void;
  readonly onOpenWorkspace: (file: File) => void;
}

/** A chosen item closes the menu. */
function closeMenu(e: { readonly currentTarget: Element }): void {
  e.currentTarget.closest('details')?.removeAttribute('open');
}

/** A menu item that closes the menu, then does its one thing. */
function ChoiceItem(p: { readonly testId: string; readonly onChoose: () => void; readonly children: ReactNode }) {
  return (
    <button
      type="button"
      role="menuitem"
      data-testid={p.testId}
      onClick={(e) => {
        closeMenu(e);
        p.onChoose();
      }}
    >
      {p.children}
    </button>
  );
}

export function RuleExportMenu(p: RuleExportMenuProps) {
  const [copied, setCopied] = useState<boolean | undefined>(undefined);
  return (
    <details className="export-menu" data-testid="export-menu" onToggle={() => setCopied(undefined)}>
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
        <ChoiceItem testId="export-toml" onChoose={() => p.onExport('toml')}>
          Download detection-rules TOML
        </ChoiceItem>
        <ChoiceItem testId="export-ndjson" onChoose={() => p.onExport('kibana-ndjson')}>
          Download Kibana rule (NDJSON)
        </ChoiceItem>
        <hr />
        <ChoiceItem testId="save-workspace" onChoose={p.onSaveWorkspace}>
          Save workspace file
        </ChoiceItem>
        <FileButton
          testId="open-workspace"
          accept=".json,application/json"
          onFile={(f, input) => {
            closeMenu({ currentTarget: input });
            p.onOpenWorkspace(f);
          }}
        >
          Open workspace file…
        </FileButton>
      </div>
    </details>
  );
}
