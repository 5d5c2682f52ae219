/**
 * Drafts and persistence: what the page opens with (a shared link, the saved draft or the
 * example), the autosaved draft, the backup a shared link put aside, and a different link pasted
 * into the tab. Storage and the address bar come in as ports.
 */
import { defaultDocState, parseDraft, serializeDraft, type DocState } from '../state/doc-state';
import { decideStartup, type Notice, type StartupDecision } from '../state/startup';
import { createStore, watch, type Store } from '../state/store';
import type { Documents } from './documents';

export interface DraftStoragePort {
  loadDraft(): string | null;
  saveDraft(text: string): void;
  loadBackup(): string | null;
  saveBackup(text: string | null): void;
}

export interface HashPort {
  readHash(): string;
  clearHash(): void;
  onHashChange(listener: (hash: string) => void): () => void;
}

export interface Debounced {
  schedule(): void;
  flush(): void;
}

export interface DraftPorts {
  readonly storage: DraftStoragePort;
  readonly hash: HashPort;
  readonly debounce: (fn: () => void, ms: number) => Debounced;
}

/** The first screen, from the address bar and the stored draft. */
export function readStartup(ports: Pick<DraftPorts, 'storage' | 'hash'>): StartupDecision {
  return decideStartup(ports.hash.readHash(), parseDraft(ports.storage.loadDraft()));
}

export function createDrafts(
  ports: DraftPorts,
  startup: StartupDecision,
  documents: Documents,
  notices: Store<Notice | undefined>,
) {
  /** The draft a shared link replaced on screen, until restored. */
  const backup = createStore<DocState | undefined>(startup.backup);
  /** The share fragment the document came from (or was last shared as). */
  let fromHash = startup.fromHash;
  const record = () => ({ state: documents.doc(), ...(fromHash ? { fromHash } : {}) });
  const saver = ports.debounce(() => ports.storage.saveDraft(serializeDraft(record())), 300);

  const onHash = (hash: string): void => {
    if (hash === fromHash) return;
    const decision = decideStartup(hash, record());
    if (decision.notice?.kind === 'broken-link') {
      notices.set(decision.notice);
      return;
    }
    if (!decision.fromHash) return;
    if (decision.backup) {
      backup.set(decision.backup);
      ports.storage.saveBackup(serializeDraft({ state: decision.backup }));
    }
    fromHash = decision.fromHash;
    documents.load(decision.state);
    notices.set(decision.notice);
  };

  return {
    backup,
    fromHash: () => fromHash,
    /** The document is now this share fragment (a link was just made). */
    markShared(hash: string): void {
      fromHash = hash;
    },
    flush: () => saver.flush(),
    start(): () => void {
      // Keep the backup draft aside in storage as soon as a shared link replaced it.
      if (startup.backup) ports.storage.saveBackup(serializeDraft({ state: startup.backup }));
      const stops = [
        watch(
          documents.state,
          (s) => s.doc,
          () => saver.schedule(),
        ),
        ports.hash.onHashChange(onHash),
      ];
      saver.schedule();
      return () => {
        for (const s of stops) s();
        saver.flush();
      };
    },
    resetToExample(): void {
      fromHash = undefined;
      ports.hash.clearHash();
      documents.load(defaultDocState());
      notices.set(undefined);
    },
    restoreDraft(): void {
      const saved = backup.get() ?? parseDraft(ports.storage.loadBackup())?.state;
      if (!saved) return;
      fromHash = undefined;
      ports.hash.clearHash();
      documents.load(saved);
      // Store the restored draft at once: the backup is dropped next, and a reload must find it.
      saver.schedule();
      saver.flush();
      backup.set(undefined);
      ports.storage.saveBackup(null);
      notices.set({ kind: 'draft-restored' });
    },
  };
}

export type Drafts = ReturnType<typeof createDrafts>;
