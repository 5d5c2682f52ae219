import { afterEach, describe, expect, test } from 'vitest';
import { channelClaims, type ChannelLike, type TabClaims } from '../../../../src/ui/platform/tab-claims';

const open: TabClaims[] = [];
afterEach(() => {
  for (const c of open.splice(0)) c.close();
});

/** A tab of a browser without Web Locks, on a real BroadcastChannel (Node has one). */
function tab(id: string, name = 'claims-test'): TabClaims {
  const c = channelClaims({ channel: () => new BroadcastChannel(name), tab: id, waitMs: 40 });
  open.push(c);
  return c;
}

/** A channel whose deliveries to one tab can be held back (that tab is busy). */
function slowBus() {
  const tabs: { listener?: (ev: MessageEvent) => void; busy: boolean; queue: unknown[] }[] = [];
  const channel = (): ChannelLike => {
    const me: (typeof tabs)[number] = { busy: false, queue: [] };
    tabs.push(me);
    return {
      postMessage: (m) => {
        for (const t of tabs)
          if (t !== me) {
            if (t.busy) t.queue.push(m);
            else setTimeout(() => t.listener?.({ data: m } as MessageEvent), 0);
          }
      },
      addEventListener: (_type, l) => {
        me.listener = l;
      },
      close: () => tabs.splice(tabs.indexOf(me), 1),
    };
  };
  /** The tab made at `i` answers again: what waited is delivered. */
  const wake = (i: number) => {
    const t = tabs[i]!;
    t.busy = false;
    for (const m of t.queue.splice(0)) t.listener?.({ data: m } as MessageEvent);
  };
  return { channel, tabs, wake };
}

describe('workspace claims without Web Locks', () => {
  test('a workspace one tab holds is held elsewhere for the others; they cannot claim it', async () => {
    const a = tab('tab-a');
    const b = tab('tab-b');
    expect(await a.claim('w1')).toBe(true);
    expect(await a.heldElsewhere('w1')).toBe(false);
    expect(await b.heldElsewhere('w1')).toBe(true);
    expect(await b.claim('w1')).toBe(false);
    expect(await b.claim('w2')).toBe(true);
    expect(await a.heldElsewhere('w2')).toBe(true);
    // Claiming another releases the first.
    expect(await a.claim('w3')).toBe(true);
    expect(await b.heldElsewhere('w1')).toBe(false);
  });

  test('a closed tab holds nothing: its workspace is free again (a reload finds its own)', async () => {
    const a = tab('tab-a');
    expect(await a.claim('w1')).toBe(true);
    a.close();
    const again = tab('tab-a2');
    expect(await again.heldElsewhere('w1')).toBe(false);
    expect(await again.claim('w1')).toBe(true);
  });

  test('two tabs claiming the same workspace at once: exactly one gets it', async () => {
    const a = tab('tab-a');
    const b = tab('tab-b');
    const c = tab('tab-c');
    const got = await Promise.all([c.claim('w1'), b.claim('w1'), a.claim('w1')]);
    expect(got).toEqual([false, false, true]);
    expect(await b.heldElsewhere('w1')).toBe(true);
  });

  test('a late answer from a busy holder: the claimant hears it lost, the holder that it was contested', async () => {
    const bus = slowBus();
    const a = channelClaims({ channel: bus.channel, tab: 'tab-a', waitMs: 20 });
    const b = channelClaims({ channel: bus.channel, tab: 'tab-b', waitMs: 20 });
    open.push(a, b);
    expect(await a.claim('w1')).toBe(true);
    const lost: string[] = [];
    const contested: string[] = [];
    b.onLost((id) => lost.push(id));
    a.onContested((id) => contested.push(id));
    bus.tabs[0]!.busy = true;
    expect(await b.claim('w1')).toBe(true); // no answer in time
    bus.wake(0);
    await new Promise((r) => setTimeout(r, 10));
    expect(contested).toEqual(['w1']);
    expect(lost).toEqual(['w1']);
  });

  test('without BroadcastChannel every workspace but the own claim counts as open elsewhere', async () => {
    const c = channelClaims({ channel: () => undefined, tab: 'tab-a', waitMs: 20 });
    expect(await c.heldElsewhere('w1')).toBe(true);
    expect(await c.claim('w1')).toBe(true);
    expect(await c.heldElsewhere('w1')).toBe(false);
    expect(await c.heldElsewhere('w2')).toBe(true);
  });

  test('messages that are not claims are ignored', async () => {
    const a = tab('tab-a');
    const noise = new BroadcastChannel('claims-test');
    noise.postMessage({ t: 'claim' });
    noise.postMessage('junk');
    noise.postMessage(null);
    expect(await a.claim('w1')).toBe(true);
    noise.close();
  });
});
