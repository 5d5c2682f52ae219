import { FileButton } from '../components/FileButton';
import type { ProblemView } from '../../worker/protocol';
import { goToOffset } from '../../monaco/decorations';
import { EQL_LANGUAGE_ID } from '../../monaco/eql-language';
import { JSON_LANGUAGE_ID } from '../../monaco/json-language';
import { useStore } from '../hooks/use-store';
import type { Playground } from '../playground';
import type { ResultView } from '../state/result-view';
import { DATASET_FROM } from '../stores/dataset';
import { DatasetPane, LoadProgressBar } from './DatasetPane';
import { EditorPane } from './EditorPane';
import { ExceptionsPane } from './ExceptionsPane';
import { ProblemsPanel } from './ProblemsPanel';
import { BaselineDiffView } from './TuningViews';

export interface EditorsColumnProps {
  readonly pg: Playground;
  readonly theme: 'dark' | 'light';
  /** The selected event (dataset mode shows it in its own editor). */
  readonly view?: ResultView;
}

/** The left column: the rule and events editors and the problems list. */
export function EditorsColumn({ pg, theme, view }: EditorsColumnProps) {
  // The editors' first texts only (an editor takes its text once, when it mounts); reading them
  // without subscribing keeps typing from re-rendering this column.
  const doc = pg.documents.doc();
  const { mode } = useStore(pg.dataset.state);
  const openEvents = <OpenEventsFile onFile={(f) => void pg.dataset.openFile(f)} />;
  const { diagnostics, problemCodes } = useStore(pg.evaluation.results);
  const goTo = (d: ProblemView) => {
    const { rule, events } = pg.documents.editors.get();
    const ed = d.source === 'rule' ? rule : d.source === 'events' ? events : undefined;
    if (ed) goToOffset(ed, d.range.start);
    else if (d.source === 'exceptions' && d.at) pg.exceptions.showLine(d.at.line);
    else if (d.source === 'exceptions' || d.source === 'value-list') pg.exceptions.setView('text');
    else pg.selection.setTab('es');
  };
  return (
    <div className="column left">
      <EditorPane
        className="rule"
        testId="rule-editor"
        title="Rule (EQL)"
        hint="Ctrl+Space completes · paste or drop a rule file to import it"
        language={EQL_LANGUAGE_ID}
        onDropFile={(f) => void pg.ruleImport.openRuleFile(f)}
        actions={<OpenRuleFile onFile={(f) => void pg.ruleImport.openRuleFile(f)} />}
        path="rule.eql"
        initialValue={doc.rule}
        theme={theme}
        onMount={pg.mountRuleEditor}
        onChange={pg.documents.onRuleChange}
      />
      <BaselineDiffView pg={pg} theme={theme} />
      <LoadProgressBar pg={pg} />
      {mode === 'dataset' && (
        <DatasetPane
          pg={pg}
          theme={theme}
          selectedPosition={view?.selectedPosition}
          selectedSource={view?.selectedEvent?.source}
          selectedLabel={selectedName(view)}
          actions={openEvents}
        />
      )}
      <EditorPane
        className={mode === 'dataset' ? 'events is-hidden' : 'events'}
        testId="events-editor"
        title="Events"
        hint="JSON array, NDJSON, a search response or bulk · drop a file"
        language={JSON_LANGUAGE_ID}
        path="events.json"
        initialValue={doc.events}
        theme={theme}
        onMount={pg.mountEventsEditor}
        onDropFile={(f) => void pg.dataset.openFile(f)}
        onPasteText={(text) => pastedLarge(pg, text)}
        actions={openEvents}
        onChange={(text) => {
          // A paste too large for the editor to serve becomes a dataset.
          if (text.length >= DATASET_FROM) pg.dataset.setEvents(text);
          else pg.documents.onEventsChange(text);
        }}
      />
      <ExceptionsPane pg={pg} />
      <ProblemsPanel diagnostics={diagnostics} eventsTotals={problemCodes} onGoTo={goTo} />
    </div>
  );
}

/**
 * A paste that makes the events text a dataset goes to the dataset at once: Monaco taking in
 * megabytes first freezes the page for most of a second and holds the text twice.
 */
function pastedLarge(pg: Playground, pasted: string): boolean {
  const ed = pg.documents.editors.get().events;
  const model = ed?.getModel();
  const sel = ed?.getSelection();
  if (!model || !sel) return false;
  const start = model.getOffsetAt(sel.getStartPosition());
  const end = model.getOffsetAt(sel.getEndPosition());
  if (model.getValueLength() - (end - start) + pasted.length < DATASET_FROM) return false;
  const text = model.getValue();
  pg.dataset.setEvents(text.slice(0, start) + pasted + text.slice(end));
  return true;
}

/** The selected event's name, when it is not its ordinal. */
function selectedName(view: ResultView | undefined): string | undefined {
  const l = view?.selectedLabel;
  return l && l.name !== l.ordinal ? l.name : undefined;
}

function OpenEventsFile({ onFile }: { readonly onFile: (file: File) => void }) {
  return (
    <FileButton
      testId="events-file-input"
      accept=".json,.ndjson,.jsonl,.txt"
      title="Open events: a JSON array, NDJSON (.ndjson, .jsonl), an Elasticsearch _search or _eql/search response, or a _bulk body. Large files are read as a dataset."
      onFile={onFile}
    >
      Open events file…
    </FileButton>
  );
}

function OpenRuleFile({ onFile }: { readonly onFile: (file: File) => void }) {
  return (
    <FileButton
      testId="open-rule-file"
      accept=".toml,.ndjson,.json,.md,.markdown,.eql,.txt"
      title="Import a detection-rules TOML file, a Kibana rule export (NDJSON) or an Elastic rule reference page (markdown)"
      onFile={onFile}
    >
      Open rule file…
    </FileButton>
  );
}
