/** The playground's ports in the browser: the platform modules, the worker, the editors. */
import { setEqlLanguageData } from '../monaco/eql-language';
import { EvalClient, createEvalWorker } from '../worker/client';
import type { PlaygroundPorts } from './playground';
import { copyText } from './platform/clipboard';
import { downloadText } from './platform/download';
import { readFileText } from './platform/files';
import { clearHash, currentUrl, onHashChange, readHash, writeHash } from './platform/location';
import { draftStorage } from './platform/storage';
import { installPlaygroundHook } from './platform/test-hook';
import { debounce } from './platform/timers';

export function browserPorts(): PlaygroundPorts<File> {
  return {
    storage: draftStorage,
    hash: { readHash, clearHash, onHashChange },
    debounce,
    createClient: () => new EvalClient({ createWorker: createEvalWorker }),
    share: { writeHash, currentUrl, copyText, now: () => Date.now() },
    readFileText,
    setLanguageData: setEqlLanguageData,
    installHook: installPlaygroundHook,
    download: downloadText,
  };
}
