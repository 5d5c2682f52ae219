/**
 * How long a share link may grow before it stops serving: past `CHAT_SAFE_LENGTH` some chat
 * tools cut or refuse it, so the app offers a link with the rule and the selected events only,
 * and a workspace file; past `BROWSER_URL_LIMIT` Chromium refuses to open it at all, so the app
 * copies no such link. The length meter is always shown.
 */
import type { SharePayload } from '../../share';
import { positionOfId, type ResultsState } from './results';

/** Above this many characters, a link is "long": chat tools may cut it. */
export const CHAT_SAFE_LENGTH = 8000;
/** Chromium refuses URLs longer than 2 MB. */
export const BROWSER_URL_LIMIT = 2 * 1024 * 1024;

export type ShareSizeLevel = 'ok' | 'long' | 'too-long';

export function shareSizeLevel(length: number): ShareSizeLevel {
  return length > BROWSER_URL_LIMIT ? 'too-long' : length > CHAT_SAFE_LENGTH ? 'long' : 'ok';
}

export interface ShareOffers {
  /** The full link can be copied (it opens in a browser). */
  readonly fullLink: boolean;
  /** Offer a link with the rule and the selected events only. */
  readonly ruleAndSelected: boolean;
  /** Offer a workspace file download instead. */
  readonly workspaceFile: boolean;
}

export function shareOffers(length: number): ShareOffers {
  const level = shareSizeLevel(length);
  return { fullLink: level !== 'too-long', ruleAndSelected: level !== 'ok', workspaceFile: level !== 'ok' };
}

/** "3,289 chars", "1.3 M chars". */
export function lengthLabel(length: number): string {
  if (length >= 1_000_000) return `${(length / 1_000_000).toFixed(1)} M chars`;
  return `${length.toLocaleString('en-US')} chars`;
}

/** The same link with only the given events (as NDJSON), the selection kept when it is among them. */
export function ruleAndSelectedPayload(
  full: SharePayload,
  events: readonly { readonly id: string; readonly source: unknown }[],
): SharePayload {
  const text = events.map((e) => JSON.stringify(e.source)).join('\n');
  const { selected, ...rest } = full;
  const keep = selected !== undefined && events.some((e) => e.id === selected);
  return { ...rest, events: text ? `${text}\n` : '', ...(keep ? { selected } : {}) };
}

/** The selected event with its source, when the worker has sent its row (else none: the rule alone). */
export function selectedEvents(
  selected: string | undefined,
  results: Pick<ResultsState, 'info' | 'rows'>,
): readonly { readonly id: string; readonly source: unknown }[] {
  const position = positionOfId(results.info, selected);
  const row = position === undefined ? undefined : results.rows.get(position);
  return row && selected !== undefined ? [{ id: selected, source: row.source }] : [];
}
