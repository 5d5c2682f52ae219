/**
 * What to show on first load, given the URL fragment and the saved draft. A shared link never
 * silently destroys the draft: when both exist and differ, the draft is kept as a backup that
 * the user can restore.
 */
import type { RuleFormatName } from '../../worker/protocol';
import { decodeShareHash, looksLikeShareHash } from '../../share';
import { defaultDocState, fromSharePayload, sameDocument, type DocState, type DraftRecord } from './doc-state';

export type Notice =
  | { readonly kind: 'shared'; readonly canRestoreDraft: boolean }
  | { readonly kind: 'broken-link'; readonly code: string; readonly message: string }
  | { readonly kind: 'draft-restored' }
  /** The rule editor holds a rule file: offer to import it. */
  | { readonly kind: 'import-offer'; readonly format: RuleFormatName; readonly name: string | undefined }
  /** A rule was imported; `changes` lists the request settings it applied. */
  | {
      readonly kind: 'imported';
      readonly format: RuleFormatName;
      readonly name: string;
      readonly changes: readonly string[];
    }
  | { readonly kind: 'import-failed'; readonly message: string };

export interface StartupDecision {
  readonly state: DocState;
  /** The draft to keep aside (restorable) because a shared link replaced it on screen. */
  readonly backup?: DocState;
  /** Set when the state came from this share fragment. */
  readonly fromHash?: string;
  readonly notice?: Notice;
}

export function decideStartup(hash: string, draft: DraftRecord | undefined): StartupDecision {
  const local = draft?.state ?? defaultDocState();
  if (!looksLikeShareHash(hash)) {
    if (hash.length > 1 && /^#?[A-Za-z0-9_-]{20,}$/.test(hash)) {
      // A fragment that looks like a cut-off link: the codec says why it is not one.
      const decoded = decodeShareHash(hash);
      if (!decoded.ok)
        return { state: local, notice: { kind: 'broken-link', code: decoded.code, message: decoded.message } };
    }
    return { state: local };
  }
  const decoded = decodeShareHash(hash);
  if (!decoded.ok)
    return { state: local, notice: { kind: 'broken-link', code: decoded.code, message: decoded.message } };
  const shared = fromSharePayload(decoded.payload);
  if (draft && draft.fromHash === hash) {
    // Reloading a tab that opened this link: keep the edits made since.
    return { state: draft.state, fromHash: hash };
  }
  if (draft && !sameDocument(draft.state, shared)) {
    return { state: shared, backup: draft.state, fromHash: hash, notice: { kind: 'shared', canRestoreDraft: true } };
  }
  return { state: shared, fromHash: hash, notice: { kind: 'shared', canRestoreDraft: false } };
}
