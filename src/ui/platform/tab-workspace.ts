/**
 * Which workspace this tab edits: its id lives in sessionStorage (kept across reloads of this
 * tab, not seen by other tabs), and the tab holds a Web Lock named after it for as long as it
 * has it open, so another tab (or a duplicate of this one, which inherits its sessionStorage)
 * can tell and work on a copy instead. Without Web Locks the tabs ask each other over a
 * BroadcastChannel (tab-claims.ts).
 */
import { channelClaims, type TabClaims } from './tab-claims';

const TAB_KEY = 'eql-playground.tab-workspace';
const LOCK_PREFIX = 'eql-playground.workspace:';

export function tabWorkspaceId(): string | undefined {
  try {
    return window.sessionStorage.getItem(TAB_KEY) ?? undefined;
  } catch {
    return undefined;
  }
}

function rememberTabWorkspace(id: string): void {
  try {
    window.sessionStorage.setItem(TAB_KEY, id);
  } catch {
    /* no session storage: a reload opens the newest workspace instead */
  }
}

export function newWorkspaceId(): string {
  return typeof crypto.randomUUID === 'function'
    ? crypto.randomUUID()
    : `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
}

const locks = (): LockManager | undefined => (typeof navigator !== 'undefined' ? navigator.locks : undefined);

let fallback: TabClaims | undefined;
/** The claims of this tab when the browser has no Web Locks. */
const claims = (): TabClaims =>
  (fallback ??= channelClaims({
    channel: () =>
      typeof BroadcastChannel === 'function' ? new BroadcastChannel('eql-playground.workspaces') : undefined,
    tab: newWorkspaceId(),
    waitMs: 150,
  }));

/** Another tab turns out to have held this tab's workspace first (only without Web Locks: they cannot race). */
export function onWorkspaceLost(listener: (id: string) => void): () => void {
  return locks() ? () => {} : claims().onLost(listener);
}

/** Another tab claimed this tab's workspace (only without Web Locks). */
export function onWorkspaceContested(listener: (id: string) => void): () => void {
  return locks() ? () => {} : claims().onContested(listener);
}

/** True when another tab of this page has the workspace open. */
export async function heldElsewhere(id: string): Promise<boolean> {
  const l = locks();
  if (!l) return claims().heldElsewhere(id);
  if (claimed?.id === id) return false;
  const state = await l.query();
  return (state.held ?? []).some((h) => h.name === LOCK_PREFIX + id);
}

let claimed: { readonly id: string; readonly release: () => void } | undefined;

/**
 * Make `id` this tab's workspace: remember it for reloads and hold its lock (releasing the one
 * held before). Resolves false when another tab holds it already.
 */
export async function claimWorkspace(id: string): Promise<boolean> {
  if (claimed?.id === id) return true;
  const l = locks();
  if (!l) {
    const got = await claims().claim(id);
    if (got) rememberTabWorkspace(id);
    return got;
  }
  const got = await new Promise<boolean>((resolve) => {
    void l
      .request(LOCK_PREFIX + id, { ifAvailable: true }, (lock) => {
        if (!lock) {
          resolve(false);
          return undefined;
        }
        return new Promise<void>((release) => {
          claimed?.release();
          claimed = { id, release };
          resolve(true);
        });
      })
      .catch(() => resolve(false));
  });
  if (got) rememberTabWorkspace(id);
  return got;
}
