import { describe, expect, test } from 'vitest';
import { encodeShareHash } from '../../../../src/share';
import { createPlayground } from '../../../../src/ui/playground';
import { defaultDocState, parseDraft, serializeDraft, toSharePayload } from '../../../../src/ui/state/doc-state';
import { fakePorts, flush } from './fakes';

const mine = { ...defaultDocState(), rule: 'process where process.name == "mine"' };
const theirs = { ...defaultDocState(), rule: 'file where file.name == "theirs"' };
const link = encodeShareHash(toSharePayload(theirs));

describe('drafts store', () => {
  test('the page opens with the saved draft, and autosaves it after each change', () => {
    const f = fakePorts('', serializeDraft({ state: mine }));
    const pg = createPlayground(f.ports);
    expect(pg.documents.doc().rule).toBe(mine.rule);
    const stop = pg.start();
    pg.documents.onRuleChange('any where true');
    f.timers.fire();
    expect(parseDraft(f.storage.draft)?.state.rule).toBe('any where true');
    pg.documents.onRuleChange('any where false');
    stop(); // leaving the page flushes the pending save
    expect(parseDraft(f.storage.draft)?.state.rule).toBe('any where false');
  });

  test('a shared link keeps the draft aside; restoring it brings it back and stores it at once', () => {
    const f = fakePorts(link, serializeDraft({ state: mine }));
    const pg = createPlayground(f.ports);
    expect(pg.documents.doc().rule).toBe(theirs.rule);
    expect(pg.notices.get()).toEqual({ kind: 'shared', canRestoreDraft: true });
    pg.start();
    expect(parseDraft(f.storage.backup)?.state.rule).toBe(mine.rule);
    pg.drafts.restoreDraft();
    expect(pg.documents.doc().rule).toBe(mine.rule);
    expect(parseDraft(f.storage.draft)?.state.rule).toBe(mine.rule);
    expect([f.storage.backup, f.address.hash, pg.drafts.backup.get()]).toEqual([null, '', undefined]);
    expect(pg.notices.get()).toEqual({ kind: 'draft-restored' });
  });

  test('a different link pasted into the tab opens it; a broken one says why and changes nothing', () => {
    const f = fakePorts('', serializeDraft({ state: mine }));
    const pg = createPlayground(f.ports);
    pg.start();
    f.navigate('#v1.AAAAAAAAAAAAAAAAAAAAAAAAAAAA');
    expect(pg.notices.get()?.kind).toBe('broken-link');
    expect(pg.documents.doc().rule).toBe(mine.rule);
    f.navigate(link);
    expect(pg.documents.doc().rule).toBe(theirs.rule);
    expect(pg.drafts.backup.get()?.rule).toBe(mine.rule);
    expect(pg.drafts.fromHash()).toBe(link);
  });

  test('reset puts the example back, forgets the link and the notice', async () => {
    const f = fakePorts(link);
    const pg = createPlayground(f.ports);
    pg.start();
    pg.drafts.resetToExample();
    await flush();
    expect(pg.documents.doc()).toEqual(defaultDocState());
    expect([f.address.hash, pg.drafts.fromHash(), pg.notices.get()]).toEqual(['', undefined, undefined]);
  });

  test('share puts the document in the address bar, copies the link and remembers it as the origin', async () => {
    const f = fakePorts('', serializeDraft({ state: mine }));
    const pg = createPlayground(f.ports);
    pg.start();
    await pg.share.shareLink();
    expect(f.address.hash).toBe(encodeShareHash(toSharePayload(mine)));
    expect(f.clipboard).toEqual([`http://127.0.0.1/${f.address.hash}`]);
    expect(pg.share.info.get()).toEqual({ length: f.clipboard[0]!.length, copied: true, at: 42 });
    expect(parseDraft(f.storage.draft)?.fromHash).toBe(f.address.hash);
  });
});
