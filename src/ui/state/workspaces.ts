/**
 * Workspaces: every tab edits its own, stored apart (platform/workspace-db.ts), listed in the
 * Recent menu, never deleted or overwritten by another tab. Pure: which workspace a tab opens,
 * given the link in its address, the workspace it had before a reload, the stored ones and which
 * of them another tab holds. Storage and decoding come in as interfaces.
 */
import { checkSharePayload, type DecodeResult } from '../../share';
import {
  defaultDocState,
  fromSharePayload,
  readListView,
  sameDocument,
  toSharePayload,
  type DocState,
} from './doc-state';

/** What the Recent menu shows about a stored workspace (its content is stored apart). */
export interface WorkspaceMeta {
  readonly id: string;
  readonly title: string;
  readonly createdAt: number;
  readonly updatedAt: number;
  /** Characters of the stored draft. */
  readonly size: number;
  /** How it began: the example, a share link, a copy of a workspace open in another tab, an old draft, a workspace file. */
  readonly origin: 'example' | 'link' | 'copy' | 'migrated' | 'file';
  /** `linkKey` of the share link it was opened from. */
  readonly linkKey?: string;
  /** The name the user gave it in the Recent menu (else its title names it). */
  readonly name?: string;
}

export interface WorkspaceStore {
  /** Newest first. */
  list(): Promise<readonly WorkspaceMeta[]>;
  load(id: string): Promise<string | undefined>;
  /** Store a workspace; the stored name stays unless `meta` carries one (as a deleted one put back does). */
  save(meta: WorkspaceMeta, draft: string): Promise<void>;
  /** Delete a workspace (the Recent menu's Delete; it keeps the content for Undo). */
  remove(id: string): Promise<void>;
  /** Give a stored workspace a name, or (undefined) take it away. */
  rename(id: string, name: string | undefined): Promise<void>;
}

/** How the Recent menu and the notices call a workspace: the user's name for it, else its title. */
export function recentName(meta: Pick<WorkspaceMeta, 'title' | 'name'>): string {
  return meta.name ?? meta.title;
}

/** A name as typed for a workspace: spaces trimmed and collapsed, control characters out, at most 120 characters. */
export function cleanName(typed: string): string | undefined {
  const shown = [...typed].map((ch) => (isHidden(ch.codePointAt(0) ?? 0) ? ' ' : ch)).join('');
  const name = shown.replace(/\s+/g, ' ').trim().slice(0, 120).trim();
  return name === '' ? undefined : name;
}

/** Control characters and bidirectional overrides: nothing a name shows. */
function isHidden(c: number): boolean {
  return c < 0x20 || (c >= 0x7f && c <= 0x9f) || (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069);
}

/** A workspace's content: the state, and the share link it came from (if any). */
export interface WorkspaceDraft {
  readonly state: DocState;
  /** The share fragment this workspace was opened from, so reloading that tab keeps the edits. */
  readonly fromHash?: string;
}

export const DRAFT_VERSION = 1;

/** The stored form: the state as a link carries it, the link it came from, and the list's Sort and Group. */
export function serializeWorkspace(d: WorkspaceDraft): string {
  return JSON.stringify({
    v: DRAFT_VERSION,
    payload: toSharePayload(d.state),
    ...(d.fromHash ? { fromHash: d.fromHash } : {}),
    ...(d.state.listView ? { list: d.state.listView } : {}),
  });
}

export type DraftRead =
  | { readonly ok: true; readonly draft: WorkspaceDraft; readonly notices: readonly string[] }
  | { readonly ok: false; readonly reason: string };

/**
 * A stored draft, held to the share schema (checkSharePayload): fields that do not fit are
 * dropped with a notice; a draft that is not JSON, of another version, or without a rule and
 * events is unreadable (and stays stored as it is).
 */
export function readWorkspace(text: string | undefined): DraftRead {
  if (text === undefined) return { ok: false, reason: 'it is missing from storage' };
  let v: unknown;
  try {
    v = JSON.parse(text);
  } catch {
    return { ok: false, reason: 'it is not valid JSON' };
  }
  if (typeof v !== 'object' || v === null) return { ok: false, reason: 'it is not a stored workspace' };
  const rec = v as { v?: unknown; payload?: unknown; fromHash?: unknown; list?: unknown };
  if (rec.v !== DRAFT_VERSION)
    return { ok: false, reason: `it has format version ${String(rec.v)}, not ${DRAFT_VERSION}` };
  const checked = checkSharePayload(rec.payload);
  if (!checked.ok) return { ok: false, reason: checked.message };
  const list = readListView(rec.list);
  const draft: WorkspaceDraft = {
    state: { ...fromSharePayload(checked.payload), ...(list.view ? { listView: list.view } : {}) },
    ...(typeof rec.fromHash === 'string' ? { fromHash: rec.fromHash } : {}),
  };
  return { ok: true, draft, notices: list.problem ? [...checked.notices, list.problem] : checked.notices };
}

/** A short key for a share link (FNV-1a, two 32-bit halves), to find workspaces opened from it. */
export function linkKey(hash: string): string {
  const h = hash.startsWith('#') ? hash.slice(1) : hash;
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ h.length;
  for (let i = 0; i < h.length; i++) {
    const c = h.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193) >>> 0;
    b = Math.imul(b ^ c, 0x5bd1e995) >>> 0;
  }
  return `${a.toString(16).padStart(8, '0')}${b.toString(16).padStart(8, '0')}`;
}

/** The Recent menu's name for a workspace: the rule's name, else its first line of EQL. */
export function workspaceTitle(state: DocState): string {
  const name = state.metadata?.name?.trim();
  if (name) return clip(name);
  const line = state.rule
    .split('\n')
    .map((l) => l.trim())
    .find((l) => l !== '' && !l.startsWith('//'));
  return line ? clip(line) : 'Empty rule';
}

function clip(s: string): string {
  return s.length > 80 ? `${s.slice(0, 79)}…` : s;
}

export function metaFor(
  id: string,
  state: DocState,
  draftText: string,
  now: number,
  base: Pick<WorkspaceMeta, 'createdAt' | 'origin' | 'linkKey'>,
): WorkspaceMeta {
  return {
    id,
    title: workspaceTitle(state),
    createdAt: base.createdAt,
    updatedAt: now,
    size: draftText.length,
    origin: base.origin,
    ...(base.linkKey ? { linkKey: base.linkKey } : {}),
  };
}

/** What the notice bar says about how the tab's workspace was opened. */
export type OpeningNotice =
  | {
      readonly kind: 'shared';
      /** Fields of the link's state that did not fit the schema (dropped). */
      readonly dropped: readonly string[];
      /** Earlier edits made on top of this same link, kept as their own workspace. */
      readonly edits?: WorkspaceMeta;
      /** The workspace this tab showed before the link was pasted into it (kept in Recent). */
      readonly previous?: WorkspaceMeta;
    }
  | { readonly kind: 'broken-link'; readonly code: string; readonly message: string }
  /** The workspace is open in another tab: this tab edits a copy. */
  | { readonly kind: 'copy'; readonly of: WorkspaceMeta }
  | { readonly kind: 'unreadable'; readonly of: WorkspaceMeta; readonly reason: string }
  | { readonly kind: 'draft-dropped'; readonly dropped: readonly string[] };

export interface Opening {
  readonly id: string;
  readonly state: DocState;
  readonly fromHash?: string;
  /** How to describe it when it is saved (its id, creation time, origin and link). */
  readonly base: Pick<WorkspaceMeta, 'createdAt' | 'origin' | 'linkKey'>;
  /** True when the state is what storage holds for `id` (nothing to save until it changes). */
  readonly stored: boolean;
  readonly notice?: OpeningNotice;
}

export interface OpeningContext {
  /** The address's fragment. */
  readonly hash: string;
  readonly decode: (hash: string) => Promise<DecodeResult>;
  readonly looksLikeLink: (hash: string) => boolean;
  readonly store: WorkspaceStore;
  /** The workspace this tab had before a reload (sessionStorage), if any. */
  readonly tabWorkspace: string | undefined;
  /** True when another tab has this workspace open. */
  readonly heldElsewhere: (id: string) => Promise<boolean>;
  readonly newId: () => string;
  readonly now: number;
}

/** Workspace and read draft, or why it could not be read. */
async function loadDraft(store: WorkspaceStore, id: string): Promise<DraftRead> {
  try {
    return readWorkspace(await store.load(id));
  } catch (e) {
    return { ok: false, reason: e instanceof Error ? e.message : 'storage could not be read' };
  }
}

/**
 * Which workspace a tab opens:
 * - a share link shows the link's content, in a workspace of its own; reloading the tab that
 *   opened it keeps the edits made since; earlier edits of the same link elsewhere are offered;
 * - otherwise the tab's own workspace (a reload), else the newest stored one, or a copy of it
 *   when another tab has it open, else the example;
 * - an unreadable workspace is left as it is (listed in Recent), and the example opens.
 */
export async function decideOpening(ctx: OpeningContext): Promise<Opening> {
  const recent = await ctx.store.list().catch(() => [] as readonly WorkspaceMeta[]);
  const own = ctx.tabWorkspace ? recent.find((w) => w.id === ctx.tabWorkspace) : undefined;
  let broken: OpeningNotice | undefined;
  if (ctx.looksLikeLink(ctx.hash)) {
    const decoded = await ctx.decode(ctx.hash);
    if (decoded.ok) return openLink(ctx, decoded, recent, own);
    broken = { kind: 'broken-link', code: decoded.code, message: decoded.message };
  }
  const opened = await openLocal(ctx, recent, own);
  return broken ? { ...opened, notice: broken } : opened;
}

async function openLink(
  ctx: OpeningContext,
  decoded: Extract<DecodeResult, { ok: true }>,
  recent: readonly WorkspaceMeta[],
  own: WorkspaceMeta | undefined,
): Promise<Opening> {
  const key = linkKey(ctx.hash);
  const shared = fromSharePayload(decoded.payload);
  if (own?.linkKey === key && !(await ctx.heldElsewhere(own.id))) {
    const read = await loadDraft(ctx.store, own.id);
    if (read.ok && read.draft.fromHash === ctx.hash) {
      // Reloading the tab that opened this link: keep the edits made since.
      return { id: own.id, state: read.draft.state, fromHash: ctx.hash, base: own, stored: true };
    }
  }
  let edits: WorkspaceMeta | undefined;
  for (const w of recent) {
    if (w.linkKey !== key) continue;
    const read = await loadDraft(ctx.store, w.id);
    if (read.ok && read.draft.fromHash === ctx.hash && !sameDocument(read.draft.state, shared)) {
      edits = w;
      break;
    }
  }
  return {
    id: ctx.newId(),
    state: shared,
    fromHash: ctx.hash,
    base: { createdAt: ctx.now, origin: 'link', linkKey: key },
    stored: false,
    notice: { kind: 'shared', dropped: decoded.notices ?? [], ...(edits ? { edits } : {}) },
  };
}

async function openLocal(
  ctx: OpeningContext,
  recent: readonly WorkspaceMeta[],
  own: WorkspaceMeta | undefined,
): Promise<Opening> {
  const example = (notice?: OpeningNotice): Opening => ({
    id: ctx.newId(),
    state: defaultDocState(),
    base: { createdAt: ctx.now, origin: 'example' },
    stored: false,
    ...(notice ? { notice } : {}),
  });
  const candidate = own ?? recent[0];
  if (!candidate) return example();
  const read = await loadDraft(ctx.store, candidate.id);
  if (!read.ok) return example({ kind: 'unreadable', of: candidate, reason: read.reason });
  const dropped: OpeningNotice | undefined =
    read.notices.length > 0 ? { kind: 'draft-dropped', dropped: read.notices } : undefined;
  if (await ctx.heldElsewhere(candidate.id)) {
    // Open in another tab (a new tab, or a duplicated one): work on a copy, never on the same record.
    return {
      id: ctx.newId(),
      state: read.draft.state,
      ...(read.draft.fromHash ? { fromHash: read.draft.fromHash } : {}),
      base: { createdAt: ctx.now, origin: 'copy', ...(candidate.linkKey ? { linkKey: candidate.linkKey } : {}) },
      stored: false,
      notice: { kind: 'copy', of: candidate },
    };
  }
  return {
    id: candidate.id,
    state: read.draft.state,
    ...(read.draft.fromHash ? { fromHash: read.draft.fromHash } : {}),
    base: candidate,
    stored: read.notices.length === 0,
    ...(dropped ? { notice: dropped } : {}),
  };
}

/**
 * Drafts kept by earlier versions of the page (one draft and one backup in localStorage) become
 * workspaces, once, when storage holds none yet; the old keys are left as they are.
 */
export async function migrateLegacyDrafts(
  store: WorkspaceStore,
  legacy: readonly (string | null)[],
  newId: () => string,
  now: number,
): Promise<number> {
  if ((await store.list()).length > 0) return 0;
  let n = 0;
  // Oldest first, so the draft (last) is the newest workspace.
  for (const text of legacy) {
    if (!text) continue;
    const read = readWorkspace(text);
    if (!read.ok) continue;
    const draft = serializeWorkspace(read.draft);
    const key = read.draft.fromHash ? linkKey(read.draft.fromHash) : undefined;
    const meta = metaFor(newId(), read.draft.state, draft, now + n, {
      createdAt: now + n,
      origin: 'migrated',
      ...(key ? { linkKey: key } : {}),
    });
    await store.save(meta, draft);
    n++;
  }
  return n;
}
