/** Share links: the whole document in the address bar's fragment, copied to the clipboard. */
import { encodeShareHash } from '../../share';
import { toSharePayload } from '../state/doc-state';
import { createStore } from '../state/store';
import type { Documents } from './documents';
import type { Drafts } from './drafts';

export interface ShareInfo {
  readonly length: number;
  readonly copied: boolean;
  readonly at: number;
}

export interface SharePorts {
  writeHash(hash: string): void;
  currentUrl(): string;
  copyText(text: string): Promise<boolean>;
  now(): number;
}

export function createShare(ports: SharePorts, documents: Documents, drafts: Drafts) {
  const info = createStore<ShareInfo | undefined>(undefined);
  return {
    info,
    async shareLink(): Promise<void> {
      const hash = encodeShareHash(toSharePayload(documents.doc()));
      drafts.markShared(hash);
      ports.writeHash(hash);
      drafts.flush();
      const url = ports.currentUrl();
      const copied = await ports.copyText(url);
      info.set({ length: url.length, copied, at: ports.now() });
    },
  };
}

export type Share = ReturnType<typeof createShare>;
