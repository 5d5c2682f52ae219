/**
 * Drafts earlier versions of the page kept in localStorage (one draft, one backup a shared link
 * put aside). They are read once to become workspaces (state/workspaces.ts) and never removed:
 * workspaces live in IndexedDB now (workspace-db.ts).
 */
const DRAFT_KEY = 'eql-playground.draft.v1';
const BACKUP_KEY = 'eql-playground.draft-backup.v1';

function get(key: string): string | null {
  try {
    return window.localStorage.getItem(key);
  } catch {
    return null;
  }
}

/** Oldest first: the backup, then the draft. */
export function legacyDrafts(): readonly (string | null)[] {
  return [get(BACKUP_KEY), get(DRAFT_KEY)];
}
