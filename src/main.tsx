// Monaco is not imported here: it loads with the first editor (ui/components/CodeEditor.tsx).
import { createRoot } from 'react-dom/client';
import { App } from './ui/App';
import { ErrorBoundary } from './ui/components/ErrorBoundary';
import './ui/styles.css';

// The last wall: the panels have their own boundaries; this one keeps a message on screen
// instead of a blank page if anything outside them fails.
createRoot(document.getElementById('root')!).render(
  <ErrorBoundary label="the playground">
    <App />
  </ErrorBoundary>,
);
