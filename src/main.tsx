// Monaco is not imported here: it loads with the first editor (ui/components/CodeEditor.tsx).
import { createRoot } from 'react-dom/client';
import { App } from './ui/App';
import { prepareBrowser } from './ui/browser-ports';
import { ErrorBoundary } from './ui/components/ErrorBoundary';
import './ui/styles.css';

// The tab's workspace is read from storage (and a link decoded) before the first render.
// The last wall: the panels have their own boundaries; this one keeps a message on screen
// instead of a blank page if anything outside them fails.
void prepareBrowser()
  .catch((e: unknown) => console.error('the workspace could not be opened', e))
  .then(() =>
    createRoot(document.getElementById('root')!).render(
      <ErrorBoundary label="the playground">
        <App />
      </ErrorBoundary>,
    ),
  );
