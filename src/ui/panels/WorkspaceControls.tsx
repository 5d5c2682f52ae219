/**
 * The header's workspace controls: whether the workspace is saved (a failed save offers the
 * file), and the Recent menu, which reopens any stored workspace (an unreadable one is listed
 * with the reason and can be downloaded as it is stored), renames it, and deletes it (not the one
 * on screen, nor one another tab has open; the notice's Undo puts it back).
 */
import { useRef, useState } from 'react';
import { useStore } from '../hooks/use-store';
import { recentName, type WorkspaceMeta } from '../state/workspaces';
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
  const menu = useRef<HTMLDetailsElement>(null);
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
        if (e.key !== 'Escape' || !e.currentTarget.open || e.defaultPrevented) return;
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
      <summary title="Reopen, rename or delete a workspace kept in this browser">Recent</summary>
      <div className="recent-items" role="menu">
        {list.length === 0 && <div className="recent-empty">Nothing stored yet: your edits are kept here.</div>}
        {list.map((w) => (
          <RecentItem key={w.id} drafts={drafts} w={w} onClose={close} />
        ))}
      </div>
    </details>
  );
}

/** One stored workspace: open it, rename it (in place), delete it (Undo in the notice). */
function RecentItem({ drafts, w, onClose }: { drafts: Drafts; w: WorkspaceMeta; onClose: () => void }) {
  const unreadable = useStore(drafts.unreadable);
  const elsewhere = useStore(drafts.elsewhere).has(w.id);
  const [renaming, setRenaming] = useState(false);
  const current = w.id === drafts.workspaceId();
  const bad = unreadable[w.id];
  const name = recentName(w);
  return (
    <div className={current ? 'recent-item current' : 'recent-item'} data-testid="recent-row" data-id={w.id}>
      {renaming ? (
        <RenameField
          name={w.name ?? ''}
          placeholder={w.title}
          onDone={(typed) => {
            setRenaming(false);
            if (typed !== undefined) void drafts.renameWorkspace(w, typed);
          }}
        />
      ) : (
        <button
          type="button"
          role="menuitem"
          data-testid="recent-item"
          data-id={w.id}
          disabled={current}
          onClick={() => {
            onClose();
            void drafts.openWorkspace(w);
          }}
        >
          <span className="recent-title">{name}</span>
          <span className="recent-info">
            {current ? 'this tab · ' : elsewhere ? 'open in another tab · ' : ''}
            {w.name ? `${w.title} · ` : ''}
            {ORIGIN[w.origin] ?? w.origin} · {ago(w.updatedAt, Date.now())} · {size(w.size)}
          </span>
        </button>
      )}
      <span className="recent-actions">
        <button
          type="button"
          className="link"
          data-testid="recent-rename"
          aria-label={`Rename “${name}”`}
          onClick={() => setRenaming(true)}
        >
          Rename
        </button>
        {!current && (
          <button
            type="button"
            className="link"
            data-testid="recent-delete"
            aria-label={`Delete “${name}”`}
            disabled={elsewhere}
            title={elsewhere ? 'Open in another tab: close it there to delete it' : undefined}
            onClick={() => {
              // Closed, so the notice's Undo is in reach.
              onClose();
              void drafts.deleteWorkspace(w);
            }}
          >
            Delete
          </button>
        )}
      </span>
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
}

/** The name being typed: Enter or leaving the field keeps it (empty: back to the title), Escape drops it. */
function RenameField(p: { name: string; placeholder: string; onDone: (typed: string | undefined) => void }) {
  const [typed, setTyped] = useState(p.name);
  const finished = useRef(false);
  const done = (t: string | undefined) => {
    if (finished.current) return;
    finished.current = true;
    p.onDone(t);
  };
  return (
    <input
      className="recent-rename"
      data-testid="recent-rename-field"
      aria-label="Name of the workspace (empty: its title)"
      // biome-ignore lint/a11y/noAutofocus: the field appears because the user asked to rename
      autoFocus
      maxLength={200}
      value={typed}
      placeholder={p.placeholder}
      onChange={(e) => setTyped(e.currentTarget.value)}
      onKeyDown={(e) => {
        if (e.key === 'Enter') done(typed);
        else if (e.key === 'Escape') {
          // The field's Escape, not the menu's.
          e.preventDefault();
          done(undefined);
        }
      }}
      onBlur={() => done(typed)}
    />
  );
}
