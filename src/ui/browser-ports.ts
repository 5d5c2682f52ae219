/** The playground's ports in the browser: the platform modules, the workers, the editors. */
import { setEqlLanguageData } from '../monaco/eql-language';
import { ShareErrorCodes, type DecodeResult } from '../share';
import { EvalClient, createEvalWorker } from '../worker/client';
import { ShareCodecClient, createShareWorker } from '../worker/share-client';
import type { PlaygroundPorts } from './playground';
import { copyText } from './platform/clipboard';
import { downloadText } from './platform/download';
import { readFileText } from './platform/files';
import { clearHash, currentUrl, onHashChange, readHash, writeHash } from './platform/location';
import { legacyDrafts } from './platform/storage';
import {
  claimWorkspace,
  heldElsewhere,
  newWorkspaceId,
  onWorkspaceContested,
  onWorkspaceLost,
  tabWorkspaceId,
} from './platform/tab-workspace';
import { installPlaygroundHook } from './platform/test-hook';
import { debounce, withTimeout } from './platform/timers';
import { guardLeaving, onHidden } from './platform/visibility';
import { openWorkspaceDb, SaveFailure } from './platform/workspace-db';
import type { Opening, WorkspaceStore } from './state/workspaces';
import { exampleOpening, openTabWorkspace } from './stores/drafts';

/** Storage that cannot be used: nothing listed, every save refused with the reason (so the user hears of it). */
function unavailableStore(reason: string): WorkspaceStore {
  return {
    list: async () => [],
    load: async () => undefined,
    save: async () => {
      throw new SaveFailure('unavailable', reason);
    },
    remove: async () => {
      throw new SaveFailure('unavailable', reason);
    },
    rename: async () => {
      throw new SaveFailure('unavailable', reason);
    },
  };
}

const shareCodec = new ShareCodecClient({ createWorker: createShareWorker });

/** A share link decoded in the share worker; a worker failure reads as a link that cannot be opened. */
async function decodeLink(hash: string): Promise<DecodeResult> {
  const o = await shareCodec.decode(hash);
  if (o.status === 'ok') return o.value;
  const why = o.status === 'failed' ? o.message : 'a newer request replaced it';
  return { ok: false, code: ShareErrorCodes.decode, message: `This link could not be read: ${why}.` };
}

function ports(store: WorkspaceStore): PlaygroundPorts<File> {
  return {
    workspaces: {
      store,
      claim: claimWorkspace,
      heldElsewhere,
      onLost: onWorkspaceLost,
      onContested: onWorkspaceContested,
      tabWorkspace: tabWorkspaceId,
      newId: newWorkspaceId,
      now: () => Date.now(),
      legacyDrafts,
    },
    hash: { readHash, clearHash, onHashChange },
    debounce,
    decodeLink,
    onHidden,
    guardLeaving,
    withTimeout,
    createClient: () => new EvalClient({ createWorker: createEvalWorker }),
    share: { writeHash, readHash, currentUrl, copyText, now: () => Date.now(), encode: (p) => shareCodec.encode(p) },
    readFileText,
    setLanguageData: setEqlLanguageData,
    installHook: installPlaygroundHook,
    download: downloadText,
  };
}

let prepared: { readonly ports: PlaygroundPorts<File>; readonly opening: Opening } | undefined;

/**
 * Open storage and decide the tab's workspace, before the first render (main.tsx awaits it), so
 * the editors mount once with the right text and nothing shown first can be autosaved over it.
 */
export async function prepareBrowser(): Promise<void> {
  const store = await withTimeout(
    openWorkspaceDb(),
    5000,
    () => new SaveFailure('unavailable', 'the browser’s storage did not answer'),
  ).catch((e: unknown) => unavailableStore(e instanceof Error ? e.message : 'the browser’s storage cannot be used'));
  const p = ports(store);
  const opening = await openTabWorkspace(p);
  prepared = { ports: p, opening };
}

/** The prepared ports and opening; if preparing failed, the example on storage that says why. */
export function browserPlayground(): { readonly ports: PlaygroundPorts<File>; readonly opening: Opening } {
  prepared ??= {
    ports: ports(unavailableStore('the browser’s storage could not be opened')),
    opening: exampleOpening(newWorkspaceId(), Date.now()),
  };
  return prepared;
}
