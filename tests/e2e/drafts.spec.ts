import { deflateRawSync } from 'node:zlib';
import type { Dialog, Page } from '@playwright/test';
import { expect, openApp, test, waitReady } from './fixtures';

const getRule = (page: Page) => page.evaluate(() => window.eqlPlayground.getRule());
const getEvents = (page: Page) => page.evaluate(() => window.eqlPlayground.getEvents());

async function setRule(page: Page, rule: string): Promise<void> {
  await page.evaluate((r) => window.eqlPlayground.setRule(r), rule);
  await waitReady(page);
}

/** Wait until the workspace on screen is stored. */
async function saved(page: Page): Promise<void> {
  await expect(page.getByTestId('save-status')).toHaveAttribute('data-state', 'saved');
}

function base64url(bytes: Buffer): string {
  return bytes.toString('base64').replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** `count` events of about `width` characters each, as NDJSON; the text does not compress well. */
function manyEvents(count: number, width: number): string {
  let seed = 7;
  const noise = (n: number) => {
    let out = '';
    for (let i = 0; i < n; i++) {
      // xorshift32: browsers store values compressed, so the text must not repeat itself
      seed ^= seed << 13;
      seed ^= seed >>> 17;
      seed ^= seed << 5;
      out += String.fromCharCode(97 + ((seed >>> 0) % 26));
    }
    return out;
  };
  const lines: string[] = [];
  for (let i = 0; i < count; i++)
    lines.push(
      JSON.stringify({
        '@timestamp': '2024-01-01T00:00:00Z',
        event: { category: ['process'], id: `e${i}` },
        process: { name: i % 2 ? 'bash' : 'curl', args: noise(width) },
      }),
    );
  return `${lines.join('\n')}\n`;
}

test.describe('drafts that survive', () => {
  test('a reload finds everything: the rule, 20,000 events (17 MB) and the settings', async ({ page }) => {
    test.setTimeout(120_000);
    await openApp(page);
    const events = manyEvents(20_000, 770);
    expect(events.length).toBeGreaterThan(16_000_000);
    await page.evaluate((t) => window.eqlPlayground.setEvents(t), events);
    await setRule(page, 'process where process.name == "bash"');
    await page.getByTestId('tab-es').click();
    await page.getByLabel('Size').fill('7');
    await saved(page);
    await page.reload();
    await waitReady(page);
    expect(await getRule(page)).toBe('process where process.name == "bash"');
    expect((await getEvents(page)).length).toBe(events.length);
    expect(await getEvents(page)).toBe(events);
    await page.getByTestId('tab-es').click();
    await expect(page.getByLabel('Size')).toHaveValue('7');
    await expect(page.getByTestId('notice')).toHaveCount(0);
    await page.screenshot({ path: 'test-results/drafts-reload-20000.png' });
    // Held by the worker again (a dataset, the editor empty), it is stored again and survives another reload.
    await setRule(page, 'process where process.name == "curl"');
    await saved(page);
    await page.reload();
    await waitReady(page);
    expect(await getRule(page)).toBe('process where process.name == "curl"');
    expect(await getEvents(page)).toBe(events);
  });

  test('two tabs do not clobber each other: the second works on a copy, each reload finds its own', async ({
    page,
    context,
  }) => {
    await openApp(page);
    await setRule(page, 'process where process.name == "first tab"');
    await saved(page);
    const second = await context.newPage();
    await openApp(second);
    expect(await getRule(second)).toBe('process where process.name == "first tab"');
    await expect(second.getByTestId('notice')).toHaveAttribute('data-kind', 'copy');
    await setRule(second, 'process where process.name == "second tab"');
    await saved(second);
    await setRule(page, 'process where process.name == "first tab, later"');
    await saved(page);
    await second.screenshot({ path: 'test-results/drafts-second-tab.png' });
    await page.reload();
    await waitReady(page);
    expect(await getRule(page)).toBe('process where process.name == "first tab, later"');
    await second.reload();
    await waitReady(second);
    expect(await getRule(second)).toBe('process where process.name == "second tab"');
    // Both are in the Recent menu of either tab.
    await page.getByTestId('recent-menu').locator('summary').click();
    await expect(page.getByTestId('recent-item')).toHaveCount(2);
    // The second tab's workspace cannot be deleted from here, and the menu says why.
    const held = page.getByTestId('recent-row').filter({ hasText: 'second tab' });
    await expect(held).toContainText('open in another tab');
    await expect(held.getByTestId('recent-delete')).toBeDisabled();
    await expect(held.getByTestId('recent-delete')).toHaveAttribute('title', /another tab: close it there/);
    await page.screenshot({ path: 'test-results/drafts-recent.png' });
    await page.getByTestId('recent-item').filter({ hasText: 'second tab' }).click();
    await expect(page.getByTestId('notice')).toHaveAttribute('data-kind', 'copy'); // the second tab holds it
    await waitReady(page);
    expect(await getRule(page)).toBe('process where process.name == "second tab"');
    await second.close();
    // Closed there, it can be deleted here (the copy on screen cannot).
    await page.getByTestId('recent-menu').locator('summary').click();
    await expect(page.getByTestId('recent-row')).toHaveCount(3);
    await expect(page.getByTestId('recent-delete')).toHaveCount(2);
    await expect(page.locator('[data-testid=recent-delete]:disabled')).toHaveCount(0);
    await expect(page.getByTestId('recent-menu')).not.toContainText('open in another tab');
  });

  test('without Web Locks two tabs still never share a workspace (they ask each other over a BroadcastChannel)', async ({
    page,
    context,
  }) => {
    // As in a browser without Web Locks, or a page served over plain http from another machine.
    await context.addInitScript(() => {
      Object.defineProperty(Navigator.prototype, 'locks', { get: () => undefined, configurable: true });
    });
    await openApp(page);
    expect(await page.evaluate(() => 'locks' in navigator && navigator.locks === undefined)).toBe(true);
    await setRule(page, 'process where process.name == "first tab"');
    await saved(page);
    const second = await context.newPage();
    await openApp(second);
    expect(await getRule(second)).toBe('process where process.name == "first tab"');
    await expect(second.getByTestId('notice')).toHaveAttribute('data-kind', 'copy');
    await setRule(second, 'process where process.name == "second tab"');
    await saved(second);
    await setRule(page, 'process where process.name == "first tab, later"');
    await saved(page);
    await second.screenshot({ path: 'test-results/drafts-no-web-locks.png' });
    await page.reload();
    await waitReady(page);
    expect(await getRule(page)).toBe('process where process.name == "first tab, later"');
    await second.reload();
    await waitReady(second);
    expect(await getRule(second)).toBe('process where process.name == "second tab"');
    await second.close();
  });

  test('a save over the storage quota says so at once and offers the workspace file', async ({ page, baseURL }) => {
    // The quota is read when the browser first opens the page's database: set it before.
    const cdp = await page.context().newCDPSession(page);
    const origin = new URL(baseURL!).origin;
    await cdp.send('Storage.overrideQuotaForOrigin', { origin, quotaSize: 300_000 });
    try {
      await openApp(page);
      await setRule(page, 'process where process.name == "kept"');
      await saved(page);
      await page.evaluate((t) => window.eqlPlayground.setEvents(t), manyEvents(3000, 700));
      await waitReady(page);
      const notice = page.getByTestId('notice');
      await expect(notice).toHaveAttribute('data-kind', 'save-failed');
      await expect(notice).toContainText('not being saved');
      await expect(notice).toContainText('full');
      await expect(page.getByTestId('save-status')).toHaveAttribute('data-state', 'failed');
      await page.screenshot({ path: 'test-results/drafts-quota.png' });
      // Nothing replaces the work on screen while it is neither stored nor downloaded.
      await page.getByRole('button', { name: 'Reset to example' }).click();
      await expect(notice).toContainText('so the example was not opened over your unsaved changes');
      expect(await getRule(page)).toBe('process where process.name == "kept"');
      // Closing or reloading the tab now would lose the work: the browser asks first.
      const asked: string[] = [];
      const onDialog = (d: Dialog) => {
        asked.push(d.type());
        void d.dismiss();
      };
      page.on('dialog', onDialog);
      await page.evaluate(() => setTimeout(() => location.reload(), 0));
      await expect.poll(() => asked).toEqual(['beforeunload']);
      page.off('dialog', onDialog);
      expect(await getRule(page)).toBe('process where process.name == "kept"');
      const download = page.waitForEvent('download');
      await notice.getByTestId('download-workspace').click();
      const file = await download;
      expect(file.suggestedFilename()).toMatch(/\.workspace\.json$/);
      const text = await (await file.createReadStream()).toArray();
      const workspace = JSON.parse(Buffer.concat(text).toString('utf8'));
      expect(workspace).toMatchObject({
        kind: 'eql-playground-workspace',
        rule: 'process where process.name == "kept"',
      });
      expect(JSON.stringify(workspace.events)).toContain('e2999');
      // Downloaded whole: now the example may take the screen (the workspace file keeps the work).
      await page.getByRole('button', { name: 'Reset to example' }).click();
      await expect(notice).toHaveAttribute('data-kind', 'reset');
    } finally {
      await cdp.send('Storage.overrideQuotaForOrigin', { origin });
    }
  });

  test('held events the worker cannot give back: the save says it failed, the file says what it lacks', async ({
    page,
  }) => {
    test.setTimeout(90_000);
    await openApp(page);
    await setRule(page, 'process where process.name == "bash"');
    await saved(page);
    // The evaluator answers every request but the export of its events with a failure.
    const worker = page.workers().find((w) => w.url().includes('eval.worker'));
    expect(worker, 'the evaluator worker').toBeDefined();
    await worker!.evaluate(() => {
      const post = self.postMessage.bind(self) as (m: unknown, t?: Transferable[]) => void;
      const g = self as unknown as { postMessage: typeof post; failExports: boolean };
      g.failExports = true;
      g.postMessage = (m: unknown, t?: Transferable[]) => {
        const r = m as { type?: string; id?: number };
        if (g.failExports && r?.type === 'exportEvents')
          post({ type: 'failure', id: r.id, message: 'export refused for the test' });
        else post(m, t);
      };
    });
    const events = manyEvents(3000, 700);
    await page.evaluate((t) => window.eqlPlayground.setEvents(t), events);
    await waitReady(page);
    const notice = page.getByTestId('notice');
    await expect(notice).toHaveAttribute('data-kind', 'save-failed', { timeout: 15_000 });
    await expect(notice).toContainText('not being saved');
    await expect(notice).toContainText('export refused for the test');
    await expect(page.getByTestId('save-status')).toHaveAttribute('data-state', 'failed');
    await page.screenshot({ path: 'test-results/drafts-export-failed.png' });
    // The download still gives the rule, and says the events in it are as loaded.
    const download = page.waitForEvent('download');
    await notice.getByTestId('download-workspace').click();
    const file = JSON.parse(Buffer.concat(await (await (await download).createReadStream()).toArray()).toString());
    expect(file.rule).toBe('process where process.name == "bash"');
    await expect(notice).toHaveAttribute('data-kind', 'export-failed');
    await expect(notice).toContainText('as they were loaded');
    // The evaluator answers again: the next change is stored with the events, and a reload finds them.
    await worker!.evaluate(() => {
      (self as unknown as { failExports: boolean }).failExports = false;
    });
    await setRule(page, 'process where process.name == "curl"');
    await saved(page);
    await page.reload();
    await waitReady(page);
    expect(await getRule(page)).toBe('process where process.name == "curl"');
    expect(await getEvents(page)).toBe(events);
  });

  test('closing the tab before the autosave has stored an edit asks first; once stored, it does not', async ({
    page,
  }) => {
    await openApp(page);
    await setRule(page, 'process where process.name == "stored"');
    await saved(page);
    // The browser asks before unloading only a page the user has interacted with.
    await page.getByTestId('summary').click();
    const asked: string[] = [];
    const onDialog = (d: Dialog) => {
      asked.push(d.type());
      void d.dismiss();
    };
    page.on('dialog', onDialog);
    // An edit, then a reload at once: its save is still waiting for the typing pause.
    await page.evaluate(() => {
      window.eqlPlayground.setRule('process where process.name == "just typed"');
      setTimeout(() => location.reload(), 0);
    });
    await expect.poll(() => asked).toEqual(['beforeunload']);
    expect(await getRule(page)).toBe('process where process.name == "just typed"');
    await saved(page);
    await page.reload();
    await waitReady(page);
    expect(asked).toEqual(['beforeunload']);
    page.off('dialog', onDialog);
    expect(await getRule(page)).toBe('process where process.name == "just typed"');
  });

  test('Reset to example, then Undo, brings the workspace back', async ({ page }) => {
    await openApp(page);
    await setRule(page, 'process where process.name == "before reset"');
    await saved(page);
    await page.getByRole('button', { name: 'Reset to example' }).click();
    const notice = page.getByTestId('notice');
    await expect(notice).toHaveAttribute('data-kind', 'reset');
    await waitReady(page);
    expect(await getRule(page)).toContain('file where host.os.type == "linux"');
    await expect(page.getByTestId('summary')).toHaveText('4 alert · 9 suppressed · 4 no match');
    await page.screenshot({ path: 'test-results/drafts-reset.png' });
    await notice.getByTestId('undo-reset').click();
    await expect(notice).toHaveAttribute('data-kind', 'draft-restored');
    await waitReady(page);
    expect(await getRule(page)).toBe('process where process.name == "before reset"');
    await page.reload();
    await waitReady(page);
    expect(await getRule(page)).toBe('process where process.name == "before reset"');
  });
});

test.describe('the Recent menu', () => {
  test('rename a workspace, delete another, Undo brings it back; both survive a reload', async ({ page }) => {
    await openApp(page);
    await setRule(page, 'process where process.name == "first"');
    await saved(page);
    await page.getByRole('button', { name: 'Reset to example' }).click();
    await waitReady(page);
    await setRule(page, 'process where process.name == "second"');
    await saved(page);
    const menu = page.getByTestId('recent-menu');
    await menu.locator('summary').click();
    const first = page.getByTestId('recent-row').filter({ hasText: '"first"' });
    const second = page.getByTestId('recent-row').filter({ hasText: '"second"' });
    // Rename the one on screen: Enter keeps the name, and later saves keep it.
    await second.getByTestId('recent-rename').click();
    await page.getByTestId('recent-rename-field').fill('My tuning');
    await page.getByTestId('recent-rename-field').press('Enter');
    await expect(page.getByTestId('recent-row').filter({ hasText: 'My tuning' })).toHaveCount(1);
    await expect(second.getByTestId('recent-delete')).toHaveCount(0); // not the one on screen
    await page.screenshot({ path: 'test-results/drafts-recent-renamed.png' });
    await first.getByTestId('recent-delete').click();
    const notice = page.getByTestId('notice');
    await expect(notice).toHaveAttribute('data-kind', 'deleted');
    await menu.locator('summary').click();
    await expect(page.getByTestId('recent-row')).toHaveCount(1);
    await menu.locator('summary').click();
    await page.screenshot({ path: 'test-results/drafts-recent-deleted.png' });
    await notice.getByTestId('undo-delete').click();
    await expect(notice).toHaveAttribute('data-kind', 'undeleted');
    await setRule(page, 'process where process.name == "second, edited"');
    await saved(page);
    await page.reload();
    await waitReady(page);
    await menu.locator('summary').click();
    await expect(page.getByTestId('recent-row')).toHaveCount(2);
    await expect(page.getByTestId('recent-row').filter({ hasText: 'My tuning' })).toContainText('"second, edited"');
    await page.getByTestId('recent-item').filter({ hasText: '"first"' }).click();
    await waitReady(page);
    expect(await getRule(page)).toBe('process where process.name == "first"');
  });
});

test.describe('the results list', () => {
  test('Sort and Group are kept with the workspace across a reload; another workspace has its own', async ({
    page,
  }) => {
    await openApp(page);
    await setRule(page, 'process where process.name == "sorted"');
    await saved(page);
    await page.getByTestId('list-sort').selectOption('id');
    await page.getByTestId('list-group-by').selectOption('verdict');
    await expect(page.getByTestId('list-group').first()).toBeVisible();
    await saved(page);
    await page.reload();
    await waitReady(page);
    await expect(page.getByTestId('list-sort')).toHaveValue('id');
    await expect(page.getByTestId('list-group-by')).toHaveValue('verdict');
    await expect(page.getByTestId('list-group').first()).toBeVisible();
    await page.screenshot({ path: 'test-results/drafts-list-view-reload.png' });
    // The example, in a workspace of its own, has the defaults; Undo brings these back.
    await page.getByRole('button', { name: 'Reset to example' }).click();
    await waitReady(page);
    await expect(page.getByTestId('list-sort')).toHaveValue('auto');
    await expect(page.getByTestId('list-group-by')).toHaveValue('none');
    await expect(page.getByTestId('list-group')).toHaveCount(0);
    await page.getByTestId('notice').getByTestId('undo-reset').click();
    await waitReady(page);
    await expect(page.getByTestId('list-sort')).toHaveValue('id');
    await expect(page.getByTestId('list-group-by')).toHaveValue('verdict');
  });
});

test.describe('workspace files against drafts', () => {
  test('a workspace file opens as a workspace of its own; the one it replaced stays in Recent', async ({ page }) => {
    await openApp(page);
    await setRule(page, 'process where process.name == "before the file"');
    await saved(page);
    const file = {
      kind: 'eql-playground-workspace',
      version: 1,
      rule: 'process where process.name == "from the file"',
      meta: { name: 'From a file' },
      events: [{ event: { category: 'process' }, process: { name: 'x' } }],
    };
    await page.getByTestId('export-menu').locator('summary').click();
    await page.getByTestId('open-workspace').setInputFiles({
      name: 'w.workspace.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(file)),
    });
    await expect(page.getByTestId('notice')).toHaveAttribute('data-kind', 'workspace-opened');
    await waitReady(page);
    expect(await getRule(page)).toBe('process where process.name == "from the file"');
    await page.getByTestId('recent-menu').locator('summary').click();
    await page.getByTestId('recent-item').filter({ hasText: 'before the file' }).click();
    await expect(page.getByTestId('notice')).toHaveAttribute('data-kind', 'workspace-opened');
    await waitReady(page);
    expect(await getRule(page)).toBe('process where process.name == "before the file"');
  });
});

test.describe('links against drafts', () => {
  test('a decompression-bomb link is refused with a clear notice; the draft is untouched', async ({ page }) => {
    await openApp(page);
    await setRule(page, 'process where process.name == "my draft"');
    await saved(page);
    // 100 MB of one character, deflated to about 100 KB: past the 64 MB cap.
    const bomb = `#v1.${base64url(deflateRawSync(Buffer.alloc(100 * 1024 * 1024, 0x61), { level: 9 }))}`;
    expect(bomb.length).toBeLessThan(200_000);
    await page.goto(`/${bomb}`);
    const notice = page.getByTestId('notice');
    await expect(notice).toHaveAttribute('data-kind', 'broken-link');
    await expect(notice).toContainText('SHR8003');
    await waitReady(page);
    expect(await getRule(page)).toBe('process where process.name == "my draft"');
    // A fresh load of the same link (not a hash change) is refused the same way.
    await page.reload();
    await expect(notice).toHaveAttribute('data-kind', 'broken-link');
    await waitReady(page);
    expect(await getRule(page)).toBe('process where process.name == "my draft"');
  });

  test('a link with wrongly typed metadata opens, names the dropped field, and the app keeps working', async ({
    page,
  }) => {
    const state = {
      rule: 'process where true',
      events: '{"event":{"category":"process"}}',
      meta: { name: 'Typed wrong', threat: [{ techniques: 'oops' }] },
    };
    const hash = `#v1.${base64url(deflateRawSync(Buffer.from(JSON.stringify(state))))}`;
    await openApp(page, `/${hash}`);
    const notice = page.getByTestId('notice');
    await expect(notice).toHaveAttribute('data-kind', 'shared');
    await expect(notice).toContainText('meta.threat[0].techniques was dropped');
    await expect(page.getByTestId('rule-name')).toHaveText('Typed wrong');
    expect(await getRule(page)).toBe('process where true');
    await expect(page.getByTestId('summary')).toContainText('1 alert');
  });
});
