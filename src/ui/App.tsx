/**
 * The page: composes the panels from the playground's concern stores (playground.ts). App holds
 * no state of its own; each panel container reads the stores it shows.
 */
import { useEffect } from 'react';
import { ErrorBoundary } from './components/ErrorBoundary';
import { useEditorMarks } from './hooks/use-editor-marks';
import { usePlayground } from './hooks/use-playground';
import { useResultView } from './hooks/use-result-view';
import { useShortcuts } from './hooks/use-shortcuts';
import { useSelect, useStore } from './hooks/use-store';
import { EditorsColumn } from './panels/EditorsColumn';
import { Header } from './panels/Header';
import { NoticeBar } from './panels/NoticeBar';
import { ResultsColumn } from './panels/ResultsColumn';
import { ShareControls } from './panels/ShareControls';
import { ShortcutsHelp } from './panels/ShortcutsHelp';
import { TuningExport } from './panels/TuningViews';
import { useTuningMarks } from './hooks/use-tuning-marks';
import { WorkspaceControls } from './panels/WorkspaceControls';
import { useColorScheme } from './platform/theme';
import type { Playground } from './playground';
import type { ResultView } from './state/result-view';

/**
 * The editors' marks, in a component of their own that draws nothing: they follow the rule text
 * and the editors, and in App they would re-render the whole page on every keystroke. It also
 * checks readiness after its renders: an editor mounting (which only it follows) can be the last
 * thing `ready()` waits for.
 */
function EditorMarks({ pg, view }: { readonly pg: Playground; readonly view: ResultView }) {
  useEditorMarks(pg, view);
  useTuningMarks(pg);
  useEffect(() => pg.evaluation.settle());
  return null;
}

export function App() {
  const pg = usePlayground();
  const scheme = useColorScheme();
  const view = useResultView(pg);
  useShortcuts(pg, view.navigationRows);
  const metadata = useSelect(pg.documents.state, (s) => s.doc.metadata);
  const notice = useStore(pg.notices);
  const { help } = useStore(pg.selection.state);
  return (
    <div className={`app theme-${scheme}`}>
      <EditorMarks pg={pg} view={view} />
      <ErrorBoundary label="the rule header" resetKey={metadata}>
        <Header
          metadata={metadata}
          share={<ShareControls share={pg.share} />}
          onReset={() => void pg.drafts.resetToExample()}
          onHelp={pg.selection.toggleHelp}
          tools={<TuningExport pg={pg} />}
          workspace={<WorkspaceControls drafts={pg.drafts} />}
        />
      </ErrorBoundary>
      <NoticeBar
        notice={notice}
        actions={pg.noticeActions}
        onDismiss={pg.dismissNotice}
        onImport={pg.ruleImport.importPending}
      />
      <main className="workspace">
        <EditorsColumn pg={pg} theme={scheme} view={view} />
        <ResultsColumn pg={pg} view={view} />
      </main>
      {help && <ShortcutsHelp onClose={pg.selection.closeHelp} />}
    </div>
  );
}
