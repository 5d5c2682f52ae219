/**
 * Share-link codec: the whole playground state as one compact, versioned string for a URL
 * fragment. Pure: it knows nothing about EQL or `window`; the caller passes the fragment text
 * (with or without the leading `#`) and gets plain data back.
 *
 * Format (version 1, documented in docs/share-links.md):
 *   v1.<base64url(deflate-raw(utf8(JSON payload)))>
 */
import { deflateSync, inflateSync, strFromU8, strToU8 } from 'fflate';
import { ShareMessages } from './messages';

export { ShareErrorCodes } from './messages';

const { ShareDecode, ShareVersion } = ShareMessages;

/** The state a link carries. Every field is plain text or plain JSON. */
export interface SharePayload {
  readonly rule: string;
  readonly events: string;
  /** Evaluation settings, by name. Unknown names are kept so newer links still open. */
  readonly settings?: Readonly<Record<string, string | number | boolean | null>>;
  /** Optional index mapping text. */
  readonly mapping?: string;
  /** The selected event's id. */
  readonly selected?: string;
  /** Optional extra data (rule metadata); carried as is. */
  readonly meta?: unknown;
}

export const CURRENT_VERSION = 1;

export type DecodeResult =
  | { readonly ok: true; readonly payload: SharePayload; readonly version: number }
  | { readonly ok: false; readonly code: string; readonly message: string };

/** True when the fragment looks like a share link at all (so an empty or foreign hash is not an error). */
export function looksLikeShareHash(hash: string): boolean {
  return /^#?v\d+\./.test(hash);
}

export function encodeShareHash(payload: SharePayload): string {
  const clean: Record<string, unknown> = { rule: payload.rule, events: payload.events };
  if (payload.settings && Object.keys(payload.settings).length > 0) clean.settings = payload.settings;
  if (payload.mapping) clean.mapping = payload.mapping;
  if (payload.selected !== undefined) clean.selected = payload.selected;
  if (payload.meta !== undefined) clean.meta = payload.meta;
  const bytes = deflateSync(strToU8(JSON.stringify(clean)), { level: 9 });
  return `#v${CURRENT_VERSION}.${toBase64Url(bytes)}`;
}

export function decodeShareHash(hash: string): DecodeResult {
  const text = hash.startsWith('#') ? hash.slice(1) : hash;
  const m = /^v(\d+)\.(.*)$/s.exec(text);
  if (!m) return fail(ShareDecode.code, ShareDecode.messages.notAState());
  const version = Number(m[1]);
  if (version > CURRENT_VERSION || version < 1) {
    return fail(ShareVersion.code, ShareVersion.messages.newer(version, CURRENT_VERSION));
  }
  const body = m[2] ?? '';
  let bytes: Uint8Array;
  try {
    bytes = fromBase64Url(body);
  } catch {
    return fail(ShareDecode.code, ShareDecode.messages.notBase64());
  }
  let json: string;
  try {
    json = strFromU8(inflateSync(bytes));
  } catch {
    return fail(ShareDecode.code, ShareDecode.messages.notDeflate());
  }
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return fail(ShareDecode.code, ShareDecode.messages.notJson());
  }
  const payload = checkPayload(value);
  if (typeof payload === 'string') return fail(ShareDecode.code, ShareDecode.messages.badState(payload));
  return { ok: true, payload, version };
}

function checkPayload(value: unknown): SharePayload | string {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'the state is not an object';
  const v = value as Record<string, unknown>;
  if (typeof v.rule !== 'string') return 'the rule is missing';
  if (typeof v.events !== 'string') return 'the events are missing';
  if (v.mapping !== undefined && typeof v.mapping !== 'string') return 'the mapping is not text';
  if (v.selected !== undefined && typeof v.selected !== 'string') return 'the selected event id is not text';
  let settings: Record<string, string | number | boolean | null> | undefined;
  if (v.settings !== undefined) {
    if (typeof v.settings !== 'object' || v.settings === null || Array.isArray(v.settings))
      return 'the settings are not an object';
    settings = {};
    for (const [k, s] of Object.entries(v.settings as Record<string, unknown>)) {
      if (s === null || typeof s === 'string' || typeof s === 'number' || typeof s === 'boolean') settings[k] = s;
    }
  }
  return {
    rule: v.rule,
    events: v.events,
    ...(settings ? { settings } : {}),
    ...(typeof v.mapping === 'string' ? { mapping: v.mapping } : {}),
    ...(typeof v.selected === 'string' ? { selected: v.selected } : {}),
    ...(v.meta !== undefined ? { meta: v.meta } : {}),
  };
}

function fail(code: string, message: string): DecodeResult {
  return { ok: false, code, message };
}

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const LOOKUP = (() => {
  const t = new Int16Array(128).fill(-1);
  for (let i = 0; i < ALPHABET.length; i++) t[ALPHABET.charCodeAt(i)] = i;
  return t;
})();

/** base64url without padding (no `btoa`: this module must not depend on DOM globals). */
export function toBase64Url(bytes: Uint8Array): string {
  let out = '';
  let i = 0;
  for (; i + 2 < bytes.length; i += 3) {
    const n = (bytes[i]! << 16) | (bytes[i + 1]! << 8) | bytes[i + 2]!;
    out += ALPHABET[n >> 18]! + ALPHABET[(n >> 12) & 63]! + ALPHABET[(n >> 6) & 63]! + ALPHABET[n & 63]!;
  }
  const rest = bytes.length - i;
  if (rest === 1) {
    const n = bytes[i]! << 16;
    out += ALPHABET[n >> 18]! + ALPHABET[(n >> 12) & 63]!;
  } else if (rest === 2) {
    const n = (bytes[i]! << 16) | (bytes[i + 1]! << 8);
    out += ALPHABET[n >> 18]! + ALPHABET[(n >> 12) & 63]! + ALPHABET[(n >> 6) & 63]!;
  }
  return out;
}

export function fromBase64Url(text: string): Uint8Array {
  // Tolerate standard base64 characters and padding (links pasted through other tools).
  const s = text.replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_');
  if (s.length % 4 === 1) throw new Error('bad length');
  const out = new Uint8Array(Math.floor((s.length * 3) / 4));
  let o = 0;
  let acc = 0;
  let bits = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const v = c < 128 ? LOOKUP[c]! : -1;
    if (v < 0) throw new Error('bad character');
    acc = (acc << 6) | v;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[o++] = (acc >> bits) & 255;
    }
  }
  return out.subarray(0, o);
}
