/**
 * The header's workspace controls: whether the workspace is saved (a failed save offers the
 * file), and the Recent menu, which reopens any stored workspace (an unreadable one is listed
 * with the reason and can be downloaded as it is stored; nothing is deleted from here).
 */
import { useRef } from 'react';
import { useStore } from '../hooks/use-store';
import type { WorkspaceMeta } from '../state/workspaces';
import type { Drafts } from '../stores/drafts';
import '../workspace.css';

export function WorkspaceControls({ drafts }: { drafts: Drafts }) {
  return (
    <>
      <SaveStatus drafts={drafts} />
      <RecentMenu drafts={drafts} />
    </>
  );
}

function SaveStatus({ drafts }: { drafts: Drafts }) {
  const status = useStore(drafts.status);
  if (status.state === 'failed')
    return (
      <button
        type="button"
        className="save-status failed"
        data-testid="save-status"
        data-state="failed"
        title={`Not saved: ${status.message}. Click to download the workspace file.`}
        onClick={() => void drafts.downloadWorkspace()}
      >
        Not saved
      </button>
    );
  return (
    <span
      className="save-status"
      data-testid="save-status"
      data-state={status.state}
      title="Your workspace is kept in this browser (IndexedDB); each tab has its own"
    >
      {status.state === 'saved' ? 'Saved' : 'Saving…'}
    </span>
  );
}

const ORIGIN: Readonly<Record<WorkspaceMeta['origin'], string>> = {
  example: 'from the example',
  link: 'from a link',
  copy: 'copy',
  migrated: 'earlier draft',
  file: 'from a workspace file',
};

function ago(ms: number, now: number): string {
  const m = Math.round((now - ms) / 60_000);
  if (m < 1) return 'just now';
  if (m < 60) return `${m} min ago`;
  const h = Math.round(m / 60);
  if (h < 24) return `${h} h ago`;
  return new Date(ms).toISOString().slice(0, 10);
}

function size(n: number): string {
  return n >= 1_000_000 ? `${(n / 1_000_000).toFixed(1)} MB` : n >= 1000 ? `${Math.round(n / 1000)} KB` : `${n} B`;
}

function RecentMenu({ drafts }: { drafts: Drafts }) {
  const list = useStore(drafts.recent);
  const unreadable = useStore(drafts.unreadable);
  const menu = useRef<HTMLDetailsElement>(null);
  const current = drafts.workspaceId();
  const now = Date.now();
  const close = () => {
    if (menu.current) menu.current.open = false;
  };
  return (
    <details
      className="recent-menu"
      data-testid="recent-menu"
      ref={menu}
      onToggle={(e) => {
        if (e.currentTarget.open) void drafts.refreshRecent();
      }}
      onKeyDown={(e) => {
        if (e.key !== 'Escape' || !e.currentTarget.open) return;
        e.preventDefault();
        close();
        e.currentTarget.querySelector('summary')?.focus();
      }}
      onBlur={(e) => {
        // Focus went to another control (a click on it, Tab): the menu closes, as menus do.
        const to = e.relatedTarget as Node | null;
        if (to && !e.currentTarget.contains(to)) close();
      }}
    >
      <summary title="Reopen a workspace kept in this browser">Recent</summary>
      <div className="recent-items" role="menu">
        {list.length === 0 && <div className="recent-empty">Nothing stored yet: your edits are kept here.</div>}
        {list.map((w) => {
          const bad = unreadable[w.id];
          return (
            <div key={w.id} className={w.id === current ? 'recent-item current' : 'recent-item'}>
              <button
                type="button"
                role="menuitem"
                data-testid="recent-item"
                data-id={w.id}
                disabled={w.id === current}
                onClick={() => {
                  close();
                  void drafts.openWorkspace(w);
                }}
              >
                <span className="recent-title">{w.title}</span>
                <span className="recent-info">
                  {w.id === current ? 'this tab · ' : ''}
                  {ORIGIN[w.origin] ?? w.origin} · {ago(w.updatedAt, now)} · {size(w.size)}
                </span>
              </button>
              {bad && (
                <span className="recent-unreadable" data-testid="recent-unreadable">
                  cannot be read ({bad}){' '}
                  <button type="button" className="link" onClick={() => void drafts.downloadStored(w)}>
                    download as stored
                  </button>
                </span>
              )}
            </div>
          );
        })}
      </div>
    </details>
  );
}
