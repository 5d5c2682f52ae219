import { describe, expect, test } from 'vitest';
import { decodeShareHash, encodeShareHash } from '../../../../src/share';
import { createPlayground } from '../../../../src/ui/playground';
import { toSharePayload } from '../../../../src/ui/state/doc-state';
import { openTabWorkspace } from '../../../../src/ui/stores/drafts';
import { fakeBrowser, fakePorts, flush } from './fakes';

async function openTab(hash = '') {
  const f = fakePorts(hash, fakeBrowser());
  const pg = createPlayground(f.ports, await openTabWorkspace(f.ports));
  pg.start();
  await settle();
  return { f, pg };
}

async function settle() {
  for (let i = 0; i < 5; i++) await flush();
}

describe('share links', () => {
  test('the meter measures the current state in the worker, before any link is made', async () => {
    const { f, pg } = await openTab();
    const expected = `http://127.0.0.1/${encodeShareHash(toSharePayload(pg.documents.doc()))}`.length;
    expect(pg.share.info.get()).toMatchObject({ length: expected, level: 'ok', link: 'none' });
    pg.documents.onRuleChange('process where process.name == "a much longer rule than before"');
    expect(pg.share.info.get().length).toBe(expected); // the last measure stays until the next one
    f.timers.fire();
    await settle();
    expect(pg.share.info.get().length).toBe(
      `http://127.0.0.1/${encodeShareHash(toSharePayload(pg.documents.doc()))}`.length,
    );
  });

  test('after an edit the chip says the link is out of date; sharing again brings it up to date', async () => {
    const { f, pg } = await openTab();
    await pg.share.shareLink();
    const first = f.address.hash;
    expect(pg.share.info.get()).toMatchObject({ link: 'current', copied: { what: 'full', ok: true } });
    pg.documents.select('3'); // another row selected: the link still describes the rule and events
    expect(pg.share.info.get().link).toBe('current');
    pg.documents.onRuleChange('process where true');
    expect(pg.share.info.get().link).toBe('stale');
    expect(f.address.hash).toBe(first);
    await pg.share.shareLink();
    expect(pg.share.info.get().link).toBe('current');
    expect(decodeShareHash(f.address.hash)).toMatchObject({ ok: true, payload: { rule: 'process where true' } });
    expect(f.clipboard.at(-1)).toBe(`http://127.0.0.1/${f.address.hash}`);
  });

  test('a link opened in the tab describes the state until it is edited', async () => {
    const link = encodeShareHash({ rule: 'any where true', events: '[]' });
    const { pg } = await openTab(link);
    expect(pg.share.info.get().link).toBe('current');
    pg.documents.onRuleChange('any where false');
    expect(pg.share.info.get().link).toBe('stale');
  });

  test('past 8,000 characters the link is copied and the notice offers the smaller link and the file', async () => {
    const { f, pg } = await openTab();
    f.ports.share.currentUrl = () => `http://127.0.0.1/${'p'.repeat(9000)}${f.address.hash}`;
    await pg.share.shareLink();
    expect(f.address.hash).toMatch(/^#v\d\./);
    const notice = pg.notices.get();
    expect(notice).toMatchObject({ kind: 'share-size', level: 'long', withEvent: false });
    expect(pg.share.info.get().level).toBe('long');
  });

  test('past 2 MB no link is made: the address bar and clipboard are left alone and the file is offered', async () => {
    const { f, pg } = await openTab();
    f.ports.share.currentUrl = () => `http://127.0.0.1/${'p'.repeat(2 * 1024 * 1024)}${f.address.hash}`;
    await pg.share.shareLink();
    expect(f.address.hash).toBe('');
    expect(f.clipboard).toEqual([]);
    expect(pg.notices.get()).toMatchObject({ kind: 'share-size', level: 'too-long' });
    expect(pg.share.info.get()).toMatchObject({ level: 'too-long', link: 'none' });
    expect(pg.drafts.fromHash()).toBeUndefined();
  });

  test('the rule-and-selected-event link carries the rule and that event only, and leaves the address bar', async () => {
    const { f, pg } = await openTab();
    pg.documents.select(undefined);
    await pg.share.shareRuleAndSelected();
    const ruleOnly = decodeShareHash(f.clipboard.at(-1)!.replace(/^[^#]*/, ''));
    expect(ruleOnly).toMatchObject({ ok: true, payload: { rule: pg.documents.doc().rule, events: '' } });
    expect(f.address.hash).toBe('');
    expect(pg.share.info.get().copied).toMatchObject({ what: 'reduced', ok: true });
  });
});
