/**
 * Share-link codec: the whole playground state as one compact, versioned string for a URL
 * fragment. Pure: it knows nothing about EQL or `window`; the caller passes the fragment text
 * (with or without the leading `#`) and gets plain data back.
 *
 * Format (documented in docs/share-links.md):
 *   v<N>.<base64url(deflate-raw(utf8(JSON payload)))>
 * Version 2 adds expected verdicts and the baseline; a link without them is written as
 * version 1, so older builds keep opening it.
 */
import { deflateSync, Inflate, strFromU8, strToU8 } from 'fflate';
import { ShareMessages } from './messages';
import { checkSharePayload, type ShareExpectation, type SharePayload } from './schema';

export { ShareErrorCodes } from './messages';

const { ShareDecode, ShareVersion, ShareTooLarge } = ShareMessages;

export type { ShareBaseline, ShareExceptions, ShareExpectation, SharePayload } from './schema';

export const CURRENT_VERSION = 3;

export type DecodeResult =
  | {
      readonly ok: true;
      readonly payload: SharePayload;
      readonly version: number;
      /** Fields of the link's state that did not fit the schema and were dropped (schema.ts). */
      readonly notices?: readonly string[];
    }
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
  const expectations = payload.expectations && Object.keys(payload.expectations).length > 0;
  if (expectations) clean.expectations = expectationsJson(payload.expectations!);
  if (payload.baseline) clean.baseline = payload.baseline;
  const x = payload.exceptions;
  if (x && (x.text.trim() !== '' || (x.valueLists?.length ?? 0) > 0)) clean.exceptions = x;
  // Any version: an older build drops it with a notice and shows the events by `event.id`.
  if (payload.idField !== undefined) clean.idField = payload.idField;
  // The lowest version that carries the state, so links without tuning data open in older builds.
  const version = clean.exceptions ? 3 : expectations || payload.baseline ? 2 : 1;
  const bytes = deflateSync(strToU8(JSON.stringify(clean)), { level: 9 });
  return `#v${version}.${toBase64Url(bytes)}`;
}

/** Compact form: a bare verdict unless a clause is named. */
function expectationsJson(e: Readonly<Record<string, ShareExpectation>>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [id, x] of Object.entries(e)) out[id] = x.clause !== undefined ? { ...x } : x.verdict;
  return out;
}

/** The most a link's state may decompress to; past it the link is refused, unread. */
export const MAX_INFLATED_BYTES = 64 * 1024 * 1024;

/** Input fed to the inflater per step: deflate expands at most about 1032:1, so one step stays small. */
const INFLATE_STEP = 4096;

/** Inflates raw DEFLATE data, giving up (returning 'too-large') once the output passes `limit`. */
export function inflateCapped(bytes: Uint8Array, limit: number): Uint8Array | 'too-large' {
  const chunks: Uint8Array[] = [];
  let total = 0;
  let over = false;
  let done = false;
  const inflater = new Inflate((chunk, final) => {
    total += chunk.length;
    if (total > limit) over = true;
    else chunks.push(chunk);
    if (final) done = true;
  });
  for (let i = 0; i < bytes.length && !over; i += INFLATE_STEP) {
    const end = Math.min(bytes.length, i + INFLATE_STEP);
    inflater.push(bytes.subarray(i, end), end === bytes.length);
  }
  if (bytes.length === 0) inflater.push(bytes, true);
  if (over) return 'too-large';
  if (!done) throw new Error('unexpected end of data');
  const out = new Uint8Array(total);
  let o = 0;
  for (const c of chunks) {
    out.set(c, o);
    o += c.length;
  }
  return out;
}

export function decodeShareHash(hash: string): DecodeResult {
  const text = hash.startsWith('#') ? hash.slice(1) : hash;
  const dot = text.indexOf('.');
  const digits = dot > 1 && text[0] === 'v' ? text.slice(1, dot) : '';
  if (!/^\d+$/.test(digits)) return fail(ShareDecode.code, ShareDecode.messages.notAState());
  const version = Number(digits);
  if (version < 1) return fail(ShareDecode.code, ShareDecode.messages.noSuchVersion(digits));
  if (version > CURRENT_VERSION) return fail(ShareVersion.code, ShareVersion.messages.newer(version, CURRENT_VERSION));
  let bytes: Uint8Array;
  try {
    bytes = fromBase64Url(text.slice(dot + 1));
  } catch {
    return fail(ShareDecode.code, ShareDecode.messages.notBase64());
  }
  let inflated: Uint8Array | 'too-large';
  try {
    inflated = inflateCapped(bytes, MAX_INFLATED_BYTES);
  } catch {
    return fail(ShareDecode.code, ShareDecode.messages.notDeflate());
  }
  if (inflated === 'too-large') {
    return fail(ShareTooLarge.code, ShareTooLarge.messages.inflated(MAX_INFLATED_BYTES / 1024 / 1024));
  }
  let value: unknown;
  try {
    value = JSON.parse(strFromU8(inflated));
  } catch {
    return fail(ShareDecode.code, ShareDecode.messages.notJson());
  }
  const checked = checkSharePayload(value);
  if (!checked.ok) return fail(ShareDecode.code, ShareDecode.messages.badState(checked.message));
  return {
    ok: true,
    payload: checked.payload,
    version,
    ...(checked.notices.length > 0 ? { notices: checked.notices } : {}),
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
  let end = text.length;
  while (end > 0 && text.charCodeAt(end - 1) === 61) end--; // '=' padding, trimmed without a regex
  const s = text.slice(0, end).replace(/\+/g, '-').replace(/\//g, '_');
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
