import { expect, openApp, test, waitReady } from './fixtures';

test.describe('share links and drafts', () => {
  test('the share link round-trips into a fresh browser context', async ({ page, browser, baseURL }) => {
    await openApp(page);
    const rule = 'file where process.name in ("bash", "curl") and not file.name : "99*"';
    await page.evaluate((r) => window.eqlPlayground.setRule(r), rule);
    await waitReady(page);
    await page.locator('[data-testid="event-row"][data-event-id="16"]').click();
    await page.getByTestId('tab-es').click();
    await page.getByLabel('Size').fill('3');
    await page.getByTestId('tab-verdicts').click();
    await waitReady(page);
    const summary = await page.getByTestId('summary').textContent();
    await page.getByTestId('share-button').click();
    await expect(page.getByTestId('share-length')).toContainText('Copied');
    const hash = await page.evaluate(() => location.hash);
    // The rule was edited, so the link carries its baseline too (version 2).
    expect(hash).toMatch(/^#v2\./);
    const url = page.url();
    const length = Number((await page.getByTestId('share-length').textContent())!.replace(/\D/g, ''));
    expect(length).toBe(url.length);

    const fresh = await browser.newContext({ baseURL: baseURL! });
    try {
      const other = await fresh.newPage();
      await other.route(
        (u) => !['127.0.0.1', 'localhost'].includes(u.hostname),
        (r) => r.abort('blockedbyclient'),
      );
      await other.goto(url);
      await waitReady(other);
      expect(await other.evaluate(() => window.eqlPlayground.getRule())).toBe(rule);
      expect(await other.evaluate(() => window.eqlPlayground.getEvents())).toBe(
        await page.evaluate(() => window.eqlPlayground.getEvents()),
      );
      await expect(other.getByTestId('summary')).toHaveText(summary!);
      await expect(other.locator('.event-row.selected')).toHaveAttribute('data-event-id', '16');
      await other.getByTestId('tab-es').click();
      await expect(other.getByLabel('Size')).toHaveValue('3');
      await expect(other.getByTestId('notice')).toHaveAttribute('data-kind', 'shared');
    } finally {
      await fresh.close();
    }
  });

  test('the default example link stays under 6,000 characters; Ctrl+S shares too', async ({ page }) => {
    await openApp(page);
    await page.keyboard.press('ControlOrMeta+S');
    await expect(page.getByTestId('share-length')).toContainText('Copied');
    expect(page.url().length).toBeLessThan(6000);
    expect(await page.evaluate(() => location.hash)).toMatch(/^#v1\./);
  });

  test('a broken share link shows a clear message and keeps the draft', async ({ page }) => {
    await openApp(page);
    const draft = 'file where process.name == "my-draft"';
    await page.evaluate((r) => window.eqlPlayground.setRule(r), draft);
    await waitReady(page);
    await page.waitForTimeout(500); // autosave
    await page.goto('/#v1.this-is-not-a-valid-link');
    await waitReady(page);
    const notice = page.getByTestId('notice');
    await expect(notice).toHaveAttribute('data-kind', 'broken-link');
    await expect(notice).toContainText('could not be opened');
    await expect(notice).toContainText('damaged');
    expect(await page.evaluate(() => window.eqlPlayground.getRule())).toBe(draft);
  });

  test('opening a shared link keeps the local draft, which can be restored', async ({ page, browser, baseURL }) => {
    // make a link in another context
    const sender = await browser.newContext({ baseURL: baseURL! });
    let link: string;
    try {
      const p = await sender.newPage();
      await p.goto('/');
      await waitReady(p);
      await p.evaluate(() => window.eqlPlayground.setRule('file where process.name == "shared"'));
      await waitReady(p);
      await p.getByTestId('share-button').click();
      await expect(p.getByTestId('share-length')).toContainText('Copied');
      link = p.url();
    } finally {
      await sender.close();
    }
    await openApp(page);
    const draft = 'file where process.name == "mine"';
    await page.evaluate((r) => window.eqlPlayground.setRule(r), draft);
    await waitReady(page);
    await page.waitForTimeout(500); // autosave
    await page.goto(link);
    // Only the fragment changed: the page stays and opens the link as a workspace of its own.
    await expect(page.getByTestId('notice')).toHaveAttribute('data-kind', 'shared');
    await waitReady(page);
    expect(await page.evaluate(() => window.eqlPlayground.getRule())).toBe('file where process.name == "shared"');
    // reloading keeps showing the link's state (the draft is still kept aside)
    await page.getByTestId('restore-draft').click();
    await expect(page.getByTestId('notice')).toHaveAttribute('data-kind', 'draft-restored');
    await waitReady(page);
    expect(await page.evaluate(() => window.eqlPlayground.getRule())).toBe(draft);
    // and the draft survives a reload
    await page.reload();
    await waitReady(page);
    expect(await page.evaluate(() => window.eqlPlayground.getRule())).toBe(draft);
  });

  test('the draft autosaves and survives a reload; reset restores the example', async ({ page }) => {
    await openApp(page);
    await page.evaluate(() => window.eqlPlayground.setRule('process where true'));
    await waitReady(page);
    await page.waitForTimeout(500);
    await page.reload();
    await waitReady(page);
    expect(await page.evaluate(() => window.eqlPlayground.getRule())).toBe('process where true');
    await page.getByRole('button', { name: 'Reset to example' }).click();
    await waitReady(page);
    expect(await page.evaluate(() => window.eqlPlayground.getRule())).toContain('file where host.os.type == "linux"');
    await expect(page.getByTestId('summary')).toHaveText('4 alert · 9 suppressed · 4 no match');
  });
});

/** `count` NDJSON events carrying `width` characters that do not compress (xorshift32 letters). */
function noisyEvents(count: number, width: number): string {
  let seed = 11;
  const lines: string[] = [];
  for (let i = 0; i < count; i++) {
    let s = '';
    for (let j = 0; j < width; j++) {
      seed ^= seed << 13;
      seed ^= seed >>> 17;
      seed ^= seed << 5;
      s += String.fromCharCode(97 + ((seed >>> 0) % 26));
    }
    lines.push(JSON.stringify({ event: { category: 'process', id: `n${i}` }, process: { name: 'bash', args: s } }));
  }
  return `${lines.join('\n')}\n`;
}

test.describe('links that stay true', () => {
  test('the length meter is always shown; after an edit the chip says the link is out of date and one click updates it', async ({
    page,
  }) => {
    await openApp(page);
    const meter = page.getByTestId('share-length');
    await expect(meter).toHaveText(/^[\d,]+ chars$/);
    await expect(meter).toHaveAttribute('data-link', 'none');
    await page.getByTestId('share-button').click();
    await expect(meter).toHaveText(/^Copied · [\d,]+ chars$/);
    const first = await page.evaluate(() => location.hash);
    await page.evaluate(() => window.eqlPlayground.setRule('process where process.name == "changed"'));
    await waitReady(page);
    await expect(meter).toHaveAttribute('data-link', 'stale');
    await expect(meter).toContainText('Link out of date');
    expect(await page.evaluate(() => location.hash)).toBe(first);
    await page.screenshot({ path: 'test-results/share-stale.png' });
    await page.getByTestId('share-refresh').click();
    await expect(meter).toHaveAttribute('data-link', 'current');
    const second = await page.evaluate(() => location.hash);
    expect(second).not.toBe(first);
    const length = Number((await meter.textContent())!.replace(/\D/g, ''));
    expect(length).toBe(page.url().length);
  });

  test('past 8,000 characters the notice offers the rule and selected event only, and the workspace file', async ({
    page,
    context,
  }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await openApp(page);
    await page.evaluate((t) => window.eqlPlayground.setEvents(t), noisyEvents(60, 200));
    await waitReady(page);
    await page.locator('[data-testid="event-row"][data-event-id="7"]').click();
    await expect(page.getByTestId('share-length')).toHaveAttribute('data-level', 'long');
    await page.getByTestId('share-button').click();
    const notice = page.getByTestId('notice');
    await expect(notice).toHaveAttribute('data-kind', 'share-size');
    await expect(notice).toContainText('some chat tools cut links this long');
    await page.screenshot({ path: 'test-results/share-long.png' });
    await notice.getByTestId('share-rule-selected').click();
    await expect(page.getByTestId('share-length')).toContainText('Copied rule + event');
    const small = await page.evaluate(() => navigator.clipboard.readText());
    expect(small.length).toBeLessThan(2000);
    const other = await context.newPage();
    await other.goto(small);
    await waitReady(other);
    expect(await other.evaluate(() => window.eqlPlayground.getRule())).toBe(
      await page.evaluate(() => window.eqlPlayground.getRule()),
    );
    const events = await other.evaluate(() => window.eqlPlayground.getEvents());
    expect(events.trim().split('\n')).toHaveLength(1);
    expect(events).toContain('"id":"n7"');
    await other.close();
  });

  test('past 2 MB no link is made: the address bar stays, the workspace file is offered', async ({ page }) => {
    test.setTimeout(120_000);
    await openApp(page);
    await page.evaluate((t) => window.eqlPlayground.setEvents(t), noisyEvents(4000, 1000));
    await waitReady(page);
    const meter = page.getByTestId('share-length');
    await expect(meter).toHaveAttribute('data-level', 'too-long', { timeout: 30_000 });
    await page.getByTestId('share-button').click();
    const notice = page.getByTestId('notice');
    await expect(notice).toHaveAttribute('data-kind', 'share-size');
    await expect(notice).toContainText('browsers refuse links over 2 MB');
    expect(await page.evaluate(() => location.hash)).toBe('');
    await page.screenshot({ path: 'test-results/share-too-long.png' });
    const download = page.waitForEvent('download');
    await notice.getByTestId('download-workspace').click();
    expect((await download).suggestedFilename()).toMatch(/\.workspace\.json$/);
  });
});
