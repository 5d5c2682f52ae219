/**
 * Which tab has which workspace open, for browsers without Web Locks (an older browser, or a page
 * served over plain http from another machine, where `navigator.locks` is missing): the tabs ask
 * each other over a BroadcastChannel. A tab that holds a workspace answers for it; of two tabs
 * claiming the same one at once, the one with the smaller tab id gets it; a tab that learns late
 * that another held it first (a busy tab answers late) is told, so it can move to a copy, and the
 * holder, told of the claim, stores its workspace again over anything written meanwhile. Without
 * BroadcastChannel either, every workspace but the tab's own claim counts as open elsewhere, so a
 * tab always works on a copy: more workspaces in Recent, never two tabs on one.
 */

export interface ChannelLike {
  postMessage(message: unknown): void;
  addEventListener(type: 'message', listener: (ev: MessageEvent) => void): void;
  close(): void;
}

export interface ClaimsOptions {
  /** The channel all tabs of the page share; undefined when the browser has none. */
  readonly channel: () => ChannelLike | undefined;
  /** This tab's id (random, different in every tab, duplicates included). */
  readonly tab: string;
  /** How long a question waits for answers. */
  readonly waitMs: number;
}

type Message =
  | { readonly t: 'ask' | 'claim'; readonly id: string; readonly from: string }
  | { readonly t: 'held'; readonly id: string; readonly from: string; readonly to: string };

function isMessage(m: unknown): m is Message {
  if (typeof m !== 'object' || m === null) return false;
  const r = m as Record<string, unknown>;
  return (r.t === 'ask' || r.t === 'claim' || r.t === 'held') && typeof r.id === 'string' && typeof r.from === 'string';
}

export interface TabClaims {
  heldElsewhere(id: string): Promise<boolean>;
  /** Hold `id` (releasing the one held before); false when another tab has it. */
  claim(id: string): Promise<boolean>;
  /** Another tab turns out to have held this tab's workspace first. */
  onLost(listener: (id: string) => void): () => void;
  /** Another tab claimed this tab's workspace (it may have written to it before hearing the answer). */
  onContested(listener: (id: string) => void): () => void;
  close(): void;
}

export function channelClaims(options: ClaimsOptions): TabClaims {
  const channel = options.channel();
  const me = options.tab;
  let held: string | undefined;
  /** Questions under way: the workspace, whether a tab said it holds it, rival claimants. */
  const asking = new Set<{
    readonly t: 'ask' | 'claim';
    readonly id: string;
    taken: boolean;
    readonly rivals: string[];
  }>();
  const about = (id: string) => [...asking].filter((q) => q.id === id);
  const lost = new Set<(id: string) => void>();
  const contested = new Set<(id: string) => void>();
  const post = (m: Message) => channel?.postMessage(m);
  const wait = () => new Promise<void>((r) => setTimeout(r, options.waitMs));

  const onMessage = (m: Message): void => {
    if (m.from === me) return;
    if (m.t === 'held') {
      if (m.to !== me) return;
      const qs = about(m.id);
      for (const q of qs) q.taken = true;
      // An answer too late for the question: this tab took a workspace another held first.
      if (qs.length === 0 && held === m.id) for (const l of lost) l(m.id);
      return;
    }
    const claiming = about(m.id).some((q) => q.t === 'claim');
    if (m.id === held || (m.t === 'ask' && claiming)) post({ t: 'held', id: m.id, from: me, to: m.from });
    if (m.t === 'claim') for (const q of about(m.id)) q.rivals.push(m.from);
    if (m.t === 'claim' && m.id === held) for (const l of contested) l(m.id);
  };
  channel?.addEventListener('message', (ev) => {
    if (isMessage(ev.data)) onMessage(ev.data);
  });

  const ask = async (t: 'ask' | 'claim', id: string) => {
    const q = { t, id, taken: false, rivals: [] as string[] };
    asking.add(q);
    post({ t, id, from: me });
    await wait();
    asking.delete(q);
    return q;
  };
  return {
    async heldElsewhere(id) {
      if (id === held) return false;
      if (!channel) return true;
      return (await ask('ask', id)).taken;
    },
    async claim(id) {
      if (id === held) return true;
      if (channel) {
        const q = await ask('claim', id);
        if (q.taken || q.rivals.some((r) => r < me)) return false;
      }
      held = id;
      return true;
    },
    onLost(listener) {
      lost.add(listener);
      return () => lost.delete(listener);
    },
    onContested(listener) {
      contested.add(listener);
      return () => contested.delete(listener);
    },
    close() {
      held = undefined;
      channel?.close();
    },
  };
}
