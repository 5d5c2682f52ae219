/**
 * Share links: the whole document in the address bar's fragment, copied to the clipboard. The
 * link is encoded in the share worker (never on the page's thread), again after every change,
 * so the length meter always shows what a link of the current state would be, and the chip says
 * when the link in the address bar no longer describes the state. Past what chat tools keep the
 * notice offers a link with the rule and the selected event only and the workspace file; past
 * what browsers open (2 MB) no link is made at all.
 */
import { looksLikeShareHash, type SharePayload } from '../../share';
import type { CodecOutcome } from '../../worker/share-client';
import { toSharePayload, type DocState } from '../state/doc-state';
import { ruleAndSelectedPayload, shareSizeLevel, type ShareSizeLevel } from '../state/share-size';
import type { Notice } from '../state/startup';
import { createStore, watch, type Store } from '../state/store';
import type { Documents } from './documents';
import type { Debounced, Drafts, HeldEvents } from './drafts';

export interface ShareInfo {
  /** Characters of the full link for the current state (page address included); undefined while measuring. */
  readonly length: number | undefined;
  readonly level: ShareSizeLevel;
  /** The address bar's link against the state: none there, it describes the state, or it is out of date. */
  readonly link: 'none' | 'current' | 'stale';
  /** The last link copied: the whole state, or the rule and selected event only. */
  readonly copied?: { readonly what: 'full' | 'reduced'; readonly length: number; readonly ok: boolean };
}

export interface SharePorts {
  writeHash(hash: string): void;
  readHash(): string;
  currentUrl(): string;
  copyText(text: string): Promise<boolean>;
  now(): number;
  /** Encode in the share worker (latest wins). */
  encode(payload: SharePayload): Promise<CodecOutcome<string>>;
}

/** How long the typing pause before the meter measures is when the events are large. */
export const LARGE_MEASURE_PAUSE_MS = 2500;

/** The selected event as the rule-and-selected-event link carries it (none when nothing is selected). */
export type SelectedEvents = () => readonly { readonly id: string; readonly source: unknown }[];

/**
 * The same document but for the selected event: a link made before a click on another row
 * still describes the rule, events and settings, so it is not called out of date for that (nor
 * for the list's Sort and Group, which links do not carry).
 */
function sameBesidesSelection(a: DocState, b: DocState): boolean {
  return sameBesides(a, b, ['selected', 'listView']);
}

/** The same document but for `keys` (a link does not carry the list's Sort and Group). */
function sameBesides(a: DocState, b: DocState, keys: readonly (keyof DocState)[]): boolean {
  const all = new Set([...Object.keys(a), ...Object.keys(b)] as (keyof DocState)[]);
  return [...all].every((k) => keys.includes(k) || a[k] === b[k]);
}

const BUSY = 'the share encoder was busy with newer requests';

/** The fragment for `doc` with the held events, from the worker (asked again when a newer encode superseded it). */
async function encodeDoc(
  ports: Pick<SharePorts, 'encode'>,
  held: HeldEvents | undefined,
  doc: DocState,
): Promise<{ readonly hash: string } | { readonly failed: string }> {
  let events: string | undefined;
  try {
    events = await (held ?? (async () => undefined))();
  } catch (e) {
    return { failed: e instanceof Error ? e.message : String(e) };
  }
  const payload = toSharePayload(events === undefined ? doc : { ...doc, events });
  for (let tries = 0; tries < 3; tries++) {
    const o = await ports.encode(payload);
    if (o.status === 'ok') return { hash: o.value };
    if (o.status === 'failed') return { failed: o.message };
  }
  return { failed: BUSY };
}

export function createShare(
  ports: SharePorts,
  documents: Documents,
  drafts: Drafts,
  notices: Store<Notice | undefined>,
  options: {
    readonly debounce: (fn: () => void, ms: number) => Debounced;
    readonly selected: SelectedEvents;
    /** The events the worker holds, as text (the editor is empty then). */
    readonly held?: HeldEvents;
    /** The events are large: the meter measures after a pause in typing, not after every change. */
    readonly large?: () => boolean;
  },
) {
  const info = createStore<ShareInfo>({ length: undefined, level: 'ok', link: 'none' });
  /** The state the address bar's link was made from or opened as (it describes that state). */
  let linkDoc: DocState | undefined = looksLikeShareHash(ports.readHash()) ? documents.doc() : undefined;
  let measured: { readonly doc: DocState; readonly hash: string } | undefined;
  const base = () => ports.currentUrl().replace(/#.*$/s, '');

  const linkState = (doc: DocState): ShareInfo['link'] => {
    const address = ports.readHash();
    if (!looksLikeShareHash(address)) return 'none';
    if (linkDoc && sameBesidesSelection(doc, linkDoc)) return 'current';
    return measured?.doc === doc && measured.hash === address ? 'current' : 'stale';
  };
  const refresh = (): void => {
    const doc = documents.doc();
    const length = measured?.doc === doc ? base().length + measured.hash.length : undefined;
    info.update((i) => ({
      ...i,
      length: length ?? i.length,
      level: shareSizeLevel(length ?? i.length ?? 0),
      link: linkState(doc),
    }));
  };

  /** Why the last link could not be made (the held events or the encoder failed). */
  let failure = '';
  /** The fragment for `doc`, from the worker; undefined (and `failure` says why) when none was made. */
  const encode = async (doc: DocState): Promise<string | undefined> => {
    const o = await encodeDoc(ports, options.held, doc);
    if ('failed' in o) failure = o.failed;
    return 'hash' in o ? o.hash : undefined;
  };
  /** No link could be made: say why, and offer the workspace file (the notice's download). */
  const failed = (): void => notices.set({ kind: 'export-failed', message: `No link was made: ${failure}.` });
  const measure = async (): Promise<void> => {
    const doc = documents.doc();
    const hash = await encode(doc);
    if (hash !== undefined && documents.doc() === doc) measured = { doc, hash };
    refresh();
  };
  const quickMeter = options.debounce(() => void measure(), 400);
  // Encoding tens of megabytes of events after every keystroke would cost the typing its speed.
  const patientMeter = options.debounce(() => void measure(), LARGE_MEASURE_PAUSE_MS);
  const meter = { schedule: () => (options.large?.() ? patientMeter : quickMeter).schedule() };

  const copy = async (hash: string, what: 'full' | 'reduced'): Promise<void> => {
    const url = `${base()}${hash}`;
    const ok = await ports.copyText(url);
    info.update((i) => ({ ...i, copied: { what, length: url.length, ok } }));
  };

  return {
    info,
    /** Put the whole state in the address bar and copy the link; past 2 MB, refuse and offer the file. */
    async shareLink(): Promise<void> {
      const doc = documents.doc();
      const hash = await encode(doc);
      if (hash === undefined) return failed();
      measured = { doc, hash };
      const length = base().length + hash.length;
      const level = shareSizeLevel(length);
      if (level === 'too-long') {
        notices.set({ kind: 'share-size', level, length, withEvent: options.selected().length > 0 });
        refresh();
        return;
      }
      linkDoc = doc;
      drafts.markShared(hash);
      ports.writeHash(hash);
      void drafts.flush();
      await copy(hash, 'full');
      refresh();
      if (level === 'long')
        notices.set({ kind: 'share-size', level, length, withEvent: options.selected().length > 0 });
    },
    /** Copy a link with the rule and the selected event only (the address bar keeps its link). */
    async shareRuleAndSelected(): Promise<void> {
      const payload = ruleAndSelectedPayload(toSharePayload(documents.doc()), options.selected());
      const o = await ports.encode(payload);
      if (o.status !== 'ok') {
        failure = o.status === 'failed' ? o.message : BUSY;
        return failed();
      }
      await copy(o.value, 'reduced');
      if (notices.get()?.kind === 'share-size') notices.set(undefined);
    },
    start(): () => void {
      const stops = [
        watch(
          documents.state,
          (s) => s.doc,
          (doc, before) => {
            // Sort and Group are not in links: the link measured stays the link of this document.
            const sameLink = sameBesides(doc, before, ['listView']);
            if (sameLink && measured?.doc === before) measured = { doc, hash: measured.hash };
            refresh();
            if (!sameLink) meter.schedule();
          },
        ),
        // Another workspace opened in the tab: the link in the address bar (if any) is its own.
        drafts.workspace.subscribe(() => {
          linkDoc = looksLikeShareHash(ports.readHash()) ? documents.doc() : undefined;
          refresh();
        }),
      ];
      void measure();
      return () => {
        for (const s of stops) s();
      };
    },
  };
}

export type Share = ReturnType<typeof createShare>;
