/**
 * The share-link codec off the page's thread: decoding a link (a 136 KB link can inflate to
 * the 64 MB cap) and encoding the whole state (deflate of a large events text) run in a small
 * worker of their own, so neither can freeze the page. This module is the worker's handler;
 * share.worker.ts wires it to `self`, share-client.ts is the page's side.
 */
import { checkSharePayload, decodeShareHash, encodeShareHash, type DecodeResult, type SharePayload } from '../share';

export type ShareRequest =
  | { readonly type: 'decode'; readonly id: number; readonly hash: string }
  | { readonly type: 'encode'; readonly id: number; readonly payload: SharePayload };

export type ShareResponse =
  | { readonly type: 'decoded'; readonly id: number; readonly result: DecodeResult }
  | { readonly type: 'encoded'; readonly id: number; readonly hash: string }
  | { readonly type: 'failure'; readonly id: number; readonly message: string };

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Answers one message; a malformed one gets a failure, never an exception. */
export function handleShareMessage(msg: unknown): ShareResponse {
  const id = isObject(msg) && typeof msg.id === 'number' ? msg.id : -1;
  try {
    if (!isObject(msg) || typeof msg.id !== 'number') return { type: 'failure', id, message: 'malformed request' };
    if (msg.type === 'decode' && typeof msg.hash === 'string') {
      return { type: 'decoded', id, result: decodeShareHash(msg.hash) };
    }
    if (msg.type === 'encode') {
      const checked = checkSharePayload(msg.payload);
      if (!checked.ok) return { type: 'failure', id, message: `malformed state: ${checked.message}` };
      return { type: 'encoded', id, hash: encodeShareHash(checked.payload) };
    }
    return { type: 'failure', id, message: 'malformed request' };
  } catch (e) {
    return { type: 'failure', id, message: e instanceof Error ? e.message : String(e) };
  }
}
