/// <reference lib="webworker" />
/** The share-link codec's worker (share-codec.ts): one message, one answer. */
import { handleShareMessage } from './share-codec';

declare const self: DedicatedWorkerGlobalScope;

self.onmessage = (ev: MessageEvent<unknown>) => {
  self.postMessage(handleShareMessage(ev.data));
};
