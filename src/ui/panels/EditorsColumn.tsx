import type { Diagnostic } from '../../core';
import { goToOffset } from '../../monaco/decorations';
import { EQL_LANGUAGE_ID } from '../../monaco/eql-language';
import { JSON_LANGUAGE_ID } from '../../monaco/json-language';
import { useStore } from '../hooks/use-store';
import type { Playground } from '../playground';
import { EditorPane } from './EditorPane';
import { ExceptionsPane } from './ExceptionsPane';
import { ProblemsPanel } from './ProblemsPanel';
import { BaselineDiffView } from './TuningViews';

export interface EditorsColumnProps {
  readonly pg: Playground;
  readonly theme: 'dark' | 'light';
}

/** The left column: the rule and events editors and the problems list. */
export function EditorsColumn({ pg, theme }: EditorsColumnProps) {
  const { doc } = useStore(pg.documents.state);
  const { diagnostics, problemCodes } = useStore(pg.evaluation.results);
  const goTo = (d: Diagnostic) => {
    const { rule, events } = pg.documents.editors.get();
    const ed = d.source === 'rule' ? rule : d.source === 'events' ? events : undefined;
    if (ed) goToOffset(ed, d.range.start);
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
      <EditorPane
        className="events"
        testId="events-editor"
        title="Events"
        hint="JSON array, NDJSON or an Elasticsearch search response"
        language={JSON_LANGUAGE_ID}
        path="events.json"
        initialValue={doc.events}
        theme={theme}
        onMount={pg.mountEventsEditor}
        onChange={pg.documents.onEventsChange}
      />
      <ExceptionsPane pg={pg} />
      <ProblemsPanel diagnostics={diagnostics} eventsTotals={problemCodes} onGoTo={goTo} />
    </div>
  );
}

function OpenRuleFile({ onFile }: { readonly onFile: (file: File) => void }) {
  return (
    <label
      className="file-button"
      title="Import a detection-rules TOML file, a Kibana rule export (NDJSON) or an Elastic rule reference page (markdown)"
    >
      Open rule file…
      <input
        type="file"
        data-testid="open-rule-file"
        accept=".toml,.ndjson,.json,.md,.markdown,.eql,.txt"
        onChange={(e) => {
          const f = e.target.files?.[0];
          e.target.value = '';
          if (f) onFile(f);
        }}
      />
    </label>
  );
}
