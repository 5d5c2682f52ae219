// Monaco first: it must be configured before any editor mounts (no CDN, local workers).
import './monaco/setup';
import { createRoot } from 'react-dom/client';
import { App } from './ui/App';
import './ui/styles.css';

createRoot(document.getElementById('root')!).render(<App />);
