/**
 * The events pane while the events are a dataset: what is held (name, count, size), that the
 * draft keeps it, and the selected event in an editor of its own (edits go back to the worker).
 */
import { JSON_LANGUAGE_ID } from '../../monaco/json-language';
import { useStore } from '../hooks/use-store';
import type { Playground } from '../playground';
import { EditorPane } from './EditorPane';

export interface DatasetPaneProps {
  readonly pg: Playground;
  readonly theme: 'dark' | 'light';
  readonly selectedPosition: number | undefined;
  readonly selectedSource: Record<string, unknown> | undefined;
  /** What the selected event is called (its id field's value), when it has a name besides "#N". */
  readonly selectedLabel?: string | undefined;
  readonly actions: React.ReactNode;
}

const mb = (n: number) => `${(n / 1e6).toFixed(n < 1e7 ? 1 : 0)} MB`;

export function DatasetPane({ pg, theme, selectedPosition, selectedSource, selectedLabel, actions }: DatasetPaneProps) {
  const ds = useStore(pg.dataset.state);
  return (
    <section
      className="pane dataset-pane"
      data-testid="dataset"
      onDragOverCapture={(e) => {
        if (e.dataTransfer.types.includes('Files')) e.preventDefault();
      }}
      onDropCapture={(e) => {
        const file = e.dataTransfer.files[0];
        if (!file) return;
        e.preventDefault();
        void pg.dataset.openFile(file);
      }}
    >
      <div className="pane-title">
        <span>Events</span>
        <span className="pane-hint" data-testid="dataset-summary">
          {ds.name} · {ds.count.toLocaleString('en-US')} events · {mb(ds.length)}
        </span>
        {actions}
      </div>
      <div className="dataset-notice" data-testid="dataset-notice" role="status">
        {ds.inDocument
          ? 'A dataset, too large for an editor: pick an event in the list to see and edit it. The draft keeps the events; a share link of this size is likely refused. '
          : 'A dataset read from a file: pick an event in the list to see and edit it. The draft keeps the events (taken from the worker); a share link of this size is likely refused. '}
        <button type="button" className="link" onClick={() => void pg.dataset.downloadEvents()}>
          Download them as NDJSON
        </button>
      </div>
      {selectedPosition === undefined || !selectedSource ? (
        <div className="dataset-empty muted">Select an event in the list to see and edit it here.</div>
      ) : (
        <EditorPane
          key={selectedPosition}
          className="selected-event"
          testId="selected-event-editor"
          title={`Event ${selectedLabel ?? ''} #${selectedPosition + 1}`.replace('  ', ' ')}
          hint="edits apply to the dataset"
          language={JSON_LANGUAGE_ID}
          path={`event-${selectedPosition}.json`}
          initialValue={JSON.stringify(selectedSource, null, 2)}
          theme={theme}
          onMount={() => {}}
          onChange={(text) => pg.dataset.editSelected(selectedPosition, text)}
        />
      )}
      {ds.editProblem && (
        <div className="dataset-edit-problem" data-testid="edit-problem" role="alert">
          Not applied: {ds.editProblem}
        </div>
      )}
    </section>
  );
}

/** The bar shown while a file or a large text is read. */
export function LoadProgressBar({ pg }: { readonly pg: Playground }) {
  const { loading } = useStore(pg.dataset.state);
  if (!loading) return null;
  const pct = loading.total > 0 ? Math.min(100, (loading.read / loading.total) * 100) : 0;
  return (
    <div className="load-progress" data-testid="load-progress" role="status">
      <progress max={100} value={pct} aria-label={`Reading ${loading.name}`} />
      <span>
        Reading {loading.name}: {mb(loading.read)} of {mb(loading.total)}, {loading.events.toLocaleString('en-US')}{' '}
        events
      </span>
    </div>
  );
}
