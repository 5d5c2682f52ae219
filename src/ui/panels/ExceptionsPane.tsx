import { FileButton } from '../components/FileButton';
import { useEffect, useRef } from 'react';
import type { ProblemView } from '../../worker/protocol';
import { AddExceptionDialog } from '../components/exceptions/AddExceptionDialog';
import { ExceptionItems } from '../components/exceptions/ExceptionItems';
import { useSelect, useStore } from '../hooks/use-store';
import { nameOfId } from '../state/results';
import type { Playground } from '../playground';
import { droppedFile } from '../platform/files';
import { afterPaint } from '../platform/frame';
import { withKeys } from '../state/list-keys';

export interface ExceptionsPaneProps {
  readonly pg: Playground;
}

/** Rule exceptions beside the events: the items as a list (with counts) or the raw text, value lists, problems. */
export function ExceptionsPane({ pg }: ExceptionsPaneProps) {
  const x = useSelect(pg.documents.state, (s) => s.doc.exceptions);
  const results = useStore(pg.evaluation.results);
  const ui = useStore(pg.exceptions.ui);
  const text = useRef<HTMLTextAreaElement>(null);
  const view = x ? results.exceptions : undefined;
  const showLine = pg.exceptions.showLine;
  const reveal = ui.reveal;
  useEffect(() => {
    if (reveal) afterPaint(() => selectLine(text.current, reveal.line));
  }, [reveal]);
  return (
    <section
      className={`pane exceptions-pane${view?.items.length || ui.view === 'text' ? ' has-items' : ''}`}
      data-testid="exceptions-pane"
      onDragOverCapture={(e) => {
        if (e.dataTransfer.types.includes('Files')) e.preventDefault();
      }}
      onDropCapture={(e) => {
        const file = droppedFile(e);
        if (!file) return;
        e.preventDefault();
        e.stopPropagation();
        void pg.exceptions.openFile(file);
      }}
    >
      <ExceptionsTitle pg={pg} count={view?.items.length ?? 0} />
      {ui.message && (
        <div className="exc-message" role="status" data-testid="exceptions-message">
          {ui.message}
          <button type="button" className="link-button" aria-label="Dismiss" onClick={pg.exceptions.dismissMessage}>
            ×
          </button>
        </div>
      )}
      {view?.kept && (
        <div className="exc-kept" role="status" data-testid="exceptions-kept">
          The text has errors, so the {view.kept.items === 1 ? 'item' : `${view.kept.items} items`} applied before{' '}
          {view.kept.items === 1 ? 'stays' : 'stay'} applied until it reads again.
        </div>
      )}
      <ValueLists pg={pg} />
      {ui.view === 'list' ? (
        <div className="exc-body">
          <ExceptionItems view={view} onLine={showLine} />
        </div>
      ) : (
        <textarea
          ref={text}
          className="exc-text"
          data-testid="exceptions-text"
          aria-label="Rule exceptions text"
          spellCheck={false}
          value={x?.text ?? ''}
          placeholder="Paste a Kibana exception list export (NDJSON), a rule export, an item or an array of items"
          onChange={(e) => pg.exceptions.setText(e.target.value)}
        />
      )}
      <ExceptionProblems problems={view?.problems ?? []} onLine={showLine} />
      {ui.draft && (
        <AddExceptionDialog
          draft={ui.draft}
          preview={ui.preview}
          now={ui.checkedAt}
          textProblem={
            view?.kept
              ? 'The exceptions text has errors (see Problems), so the items from before it broke still apply: fix it before adding an item to it.'
              : undefined
          }
          lists={view?.lists.map((l) => l.list_id) ?? []}
          onChange={pg.exceptions.updateDraft}
          onApply={pg.exceptions.applyDraft}
          onCancel={pg.exceptions.cancelAdd}
          nameOf={(id) => nameOfId(results, id)}
        />
      )}
    </section>
  );
}

function selectLine(el: HTMLTextAreaElement | null, line: number): void {
  if (!el) return;
  const lines = el.value.split('\n');
  const start = lines.slice(0, line - 1).reduce((n, l) => n + l.length + 1, 0);
  el.focus();
  el.setSelectionRange(start, start + (lines[line - 1]?.length ?? 0));
}

function ExceptionsTitle({ pg, count }: { readonly pg: Playground; readonly count: number }) {
  const ui = useStore(pg.exceptions.ui);
  const has = useSelect(
    pg.documents.state,
    (s) => s.doc.exceptions !== undefined && s.doc.exceptions.text.trim() !== '',
  );
  return (
    <div className="pane-title">
      <span>
        Rule exceptions{' '}
        <span className="count" data-testid="exceptions-count">
          {count > 0 ? `${count} item${count === 1 ? '' : 's'}` : 'none'}
        </span>
      </span>
      <span className="exc-actions">
        <span className="tabs small" role="tablist">
          {(['list', 'text'] as const).map((v) => (
            <button
              key={v}
              type="button"
              role="tab"
              aria-selected={ui.view === v}
              className={ui.view === v ? 'active' : ''}
              data-testid={`exceptions-view-${v}`}
              onClick={() => pg.exceptions.setView(v)}
            >
              {v === 'list' ? 'Items' : 'Text'}
            </button>
          ))}
        </span>
        <FileButton
          testId="open-exceptions-file"
          accept=".ndjson,.json,.txt,.csv"
          title="A Kibana exception list or rule export, items (JSON), or a value list (.txt)"
          onFile={(f) => void pg.exceptions.openFile(f)}
        >
          Open…
        </FileButton>
        <button
          type="button"
          disabled={!has}
          data-testid="export-exceptions"
          onClick={() => void pg.exceptions.downloadList()}
        >
          Export
        </button>
        <button
          type="button"
          disabled={!has}
          data-testid="copy-exceptions-api"
          onClick={() => void pg.exceptions.copyApiRequests()}
        >
          Copy API
        </button>
        <button
          type="button"
          disabled={ui.undo.length === 0}
          data-testid="undo-exceptions"
          onClick={pg.exceptions.undo}
        >
          Undo
        </button>
      </span>
    </div>
  );
}

function ValueLists({ pg }: { readonly pg: Playground }) {
  const lists = useSelect(pg.documents.state, (s) => s.doc.exceptions?.valueLists) ?? [];
  if (lists.length === 0) return null;
  return (
    <div className="exc-lists" data-testid="value-lists">
      Value lists:
      {lists.map((l) => (
        <span key={l.name} className="exc-list-chip">
          <code>{l.name}</code> {l.text.split('\n').filter((s) => s.trim() !== '').length} values
          <button
            type="button"
            aria-label={`Remove value list ${l.name}`}
            onClick={() => pg.exceptions.removeValueList(l.name)}
          >
            ×
          </button>
        </span>
      ))}
    </div>
  );
}

function ExceptionProblems({
  problems,
  onLine,
}: {
  readonly problems: readonly ProblemView[];
  readonly onLine: (line: number) => void;
}) {
  if (problems.length === 0) return null;
  return (
    <ul className="problems exc-problems" data-testid="exception-problems">
      {withKeys(problems.slice(0, 50), (p) => `${p.code}:${p.range.start}`).map(({ key, item: p }) => (
        <li key={key} className="problem">
          <button type="button" onClick={() => p.source === 'exceptions' && p.at && onLine(p.at.line)}>
            <span className={`problem-sev ${p.severity}`}>{p.severity}</span>
            {p.at && (
              <span className="problem-where">
                {p.file ?? 'exceptions'} {p.at.line}:{p.at.column}
              </span>
            )}
            <span className="problem-msg">{p.message}</span>
          </button>
        </li>
      ))}
    </ul>
  );
}
