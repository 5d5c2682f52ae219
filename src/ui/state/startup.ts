/**
 * What the notice bar can say: how the tab's workspace was opened (state/workspaces.ts decides),
 * a save that failed, a reset that can be undone, a link too long to share whole, rule imports.
 */
import type { RuleFormatName } from '../../worker/protocol';
import type { OpeningNotice, WorkspaceMeta } from './workspaces';

export type Notice =
  | OpeningNotice
  /** The user went back to the workspace a pasted link replaced on screen. */
  | { readonly kind: 'draft-restored' }
  /** Another workspace was opened from the Recent menu (or a notice's action). */
  | { readonly kind: 'workspace-opened'; readonly title: string }
  /** The workspace could not be stored: say so at once and offer it as a file. */
  | { readonly kind: 'save-failed'; readonly reason: 'quota' | 'unavailable' | 'other'; readonly message: string }
  /** A workspace was deleted from Recent (Undo puts it back); `failed` says why putting it back did not work. */
  | { readonly kind: 'deleted'; readonly of: WorkspaceMeta; readonly failed?: string }
  /** A deleted workspace is back in Recent. */
  | { readonly kind: 'undeleted'; readonly of: WorkspaceMeta }
  /** Storage refused a change to the Recent list (a delete, a rename), or it could not be made. */
  | { readonly kind: 'storage-failed'; readonly message: string }
  /** A file the user asked for could not be made whole (what it lacks and why), or not at all. */
  | { readonly kind: 'export-failed'; readonly message: string }
  /** The example replaced the workspace; `previous` is kept in Recent and Undo reopens it. */
  | { readonly kind: 'reset'; readonly previous: WorkspaceMeta }
  /** The link is past what chat tools keep (`long`) or what browsers open (`too-long`). */
  | {
      readonly kind: 'share-size';
      readonly level: 'long' | 'too-long';
      readonly length: number;
      /** An event is selected (and fetched), so the smaller link carries it; else the rule alone. */
      readonly withEvent: boolean;
    }
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
