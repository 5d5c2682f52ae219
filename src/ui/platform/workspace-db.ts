/**
 * Workspaces in IndexedDB: one record per workspace, its small description (for the Recent
 * menu) apart from its content (the draft, events included, which may be tens of megabytes), both
 * written in one transaction. Only the Recent menu's Delete removes a workspace. A failed save rejects with a
 * `SaveFailure` that says whether the browser's storage is full, so the app can tell the user
 * at once and offer the workspace as a file.
 */
import type { WorkspaceMeta, WorkspaceStore } from '../state/workspaces';

const DB_NAME = 'eql-playground';
const DB_VERSION = 1;
const META = 'workspaces';
const CONTENT = 'contents';

export class SaveFailure extends Error {
  constructor(
    readonly reason: 'quota' | 'unavailable' | 'other',
    message: string,
  ) {
    super(message);
    this.name = 'SaveFailure';
  }
}

function reasonOf(e: unknown): SaveFailure['reason'] {
  const name = e instanceof DOMException || e instanceof Error ? e.name : '';
  return name === 'QuotaExceededError' ? 'quota' : name === 'InvalidStateError' ? 'unavailable' : 'other';
}

function failure(e: unknown): SaveFailure {
  if (e instanceof SaveFailure) return e;
  const reason = reasonOf(e);
  const message =
    reason === 'quota'
      ? "the browser's storage for this page is full"
      : e instanceof Error && e.message
        ? e.message
        : 'the browser refused to store it';
  return new SaveFailure(reason, message);
}

function request<T>(r: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error);
  });
}

function done(tx: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onabort = () => reject(tx.error ?? new DOMException('The save was aborted', 'AbortError'));
    tx.onerror = () => reject(tx.error);
  });
}

/** Opens (creating on first use) the workspace database; rejects when IndexedDB is unavailable. */
export function openWorkspaceDb(factory: IDBFactory | undefined = globalThis.indexedDB): Promise<WorkspaceStore> {
  if (!factory) return Promise.reject(new SaveFailure('unavailable', 'this browser offers no IndexedDB storage'));
  return new Promise<IDBDatabase>((resolve, reject) => {
    let open: IDBOpenDBRequest;
    try {
      open = factory.open(DB_NAME, DB_VERSION);
    } catch (e) {
      reject(failure(e));
      return;
    }
    open.onupgradeneeded = () => {
      const db = open.result;
      if (!db.objectStoreNames.contains(META)) db.createObjectStore(META, { keyPath: 'id' });
      if (!db.objectStoreNames.contains(CONTENT)) db.createObjectStore(CONTENT, { keyPath: 'id' });
    };
    open.onsuccess = () => resolve(open.result);
    open.onerror = () => reject(failure(open.error));
    open.onblocked = () => reject(new SaveFailure('unavailable', 'another tab holds an older version of the storage'));
  }).then((db) => new IdbWorkspaceStore(db));
}

class IdbWorkspaceStore implements WorkspaceStore {
  constructor(private readonly db: IDBDatabase) {
    // A newer version of the page in another tab wants to upgrade: let it.
    db.onversionchange = () => db.close();
  }

  async list(): Promise<readonly WorkspaceMeta[]> {
    const tx = this.db.transaction(META, 'readonly');
    const all = (await request(tx.objectStore(META).getAll())) as WorkspaceMeta[];
    return all.sort((a, b) => b.updatedAt - a.updatedAt);
  }

  async load(id: string): Promise<string | undefined> {
    const tx = this.db.transaction(CONTENT, 'readonly');
    const rec = (await request(tx.objectStore(CONTENT).get(id))) as { draft?: unknown } | undefined;
    return typeof rec?.draft === 'string' ? rec.draft : undefined;
  }

  async save(meta: WorkspaceMeta, draft: string): Promise<void> {
    try {
      const tx = this.db.transaction([META, CONTENT], 'readwrite');
      const finished = done(tx);
      tx.objectStore(CONTENT).put({ id: meta.id, draft });
      const metas = tx.objectStore(META);
      // The name given in the Recent menu (perhaps by another tab) outlives the saves.
      const old = metas.get(meta.id);
      old.onsuccess = () => {
        const name = meta.name ?? (old.result as WorkspaceMeta | undefined)?.name;
        metas.put(name === undefined ? meta : { ...meta, name });
      };
      await finished;
    } catch (e) {
      throw failure(e);
    }
  }

  async remove(id: string): Promise<void> {
    try {
      const tx = this.db.transaction([META, CONTENT], 'readwrite');
      const finished = done(tx);
      tx.objectStore(META).delete(id);
      tx.objectStore(CONTENT).delete(id);
      await finished;
    } catch (e) {
      throw failure(e);
    }
  }

  async rename(id: string, name: string | undefined): Promise<void> {
    try {
      const tx = this.db.transaction(META, 'readwrite');
      const finished = done(tx);
      const metas = tx.objectStore(META);
      const old = metas.get(id);
      old.onsuccess = () => {
        const meta = old.result as WorkspaceMeta | undefined;
        if (!meta) return;
        const { name: _, ...rest } = meta;
        metas.put(name === undefined ? rest : { ...rest, name });
      };
      await finished;
    } catch (e) {
      throw failure(e);
    }
  }
}
