/** Local draft storage (localStorage). Failures (private mode, quota) are ignored. */
const DRAFT_KEY = 'eql-playground.draft.v1';
const BACKUP_KEY = 'eql-playground.draft-backup.v1';

function get(key: string): string | null {
  try {
    return window.localStorage.getItem(key);
  } catch {
    return null;
  }
}

function set(key: string, value: string | null): void {
  try {
    if (value === null) window.localStorage.removeItem(key);
    else window.localStorage.setItem(key, value);
  } catch {
    /* storage unavailable: the draft just does not persist */
  }
}

export const draftStorage = {
  loadDraft: () => get(DRAFT_KEY),
  saveDraft: (text: string) => set(DRAFT_KEY, text),
  loadBackup: () => get(BACKUP_KEY),
  saveBackup: (text: string | null) => set(BACKUP_KEY, text),
};
