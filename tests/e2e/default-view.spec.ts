import { expect, openApp, rows, test } from './fixtures';

test.describe('default example', () => {
  test('shows the verdicts and reasons the core computes', async ({ page }) => {
    await openApp(page);
    await expect(page.getByTestId('summary')).toHaveText('4 alert · 9 suppressed · 4 no match');
    await expect(rows(page)).toHaveCount(17);
    await expect(page.locator('[data-testid="event-row"][data-verdict="alert"]')).toHaveCount(4);
    await expect(page.locator('[data-testid="event-row"][data-verdict="suppressed"]')).toHaveCount(9);
    await expect(page.locator('[data-testid="event-row"][data-verdict="no-match"]')).toHaveCount(4);
    // ids as the core computes them: the events have no _id, so their positions
    const ids = await rows(page).evaluateAll((els) => els.map((e) => e.getAttribute('data-event-id')));
    expect(ids).toEqual(Array.from({ length: 17 }, (_, i) => String(i)));
    // the first event is suppressed by the executable allowlist, narrowed to "/usr/bin/dpkg"
    const first = page.locator('[data-testid="event-row"][data-event-id="0"]');
    await expect(first).toHaveAttribute('data-verdict', 'suppressed');
    const reason = first.getByTestId('reason');
    await expect(reason).toHaveCount(1);
    await expect(reason).toContainText('process.executable in (');
    await expect(reason).toContainText('"/usr/bin/dpkg"');
    // a base-condition miss names the failed conjunct and the value seen
    const mac = page.locator('[data-testid="event-row"][data-event-id="10"]');
    await expect(mac).toHaveAttribute('data-verdict', 'no-match');
    await expect(mac.getByTestId('reason')).toContainText('host.os.type == "linux"');
    await expect(mac.getByTestId('reason')).toContainText('macos');
    // the perl event is suppressed by three exclusions at once
    await expect(page.locator('[data-testid="event-row"][data-event-id="7"]').getByTestId('reason')).toHaveCount(3);
    // alerts
    for (const id of ['13', '14', '15', '16']) {
      await expect(page.locator(`[data-testid="event-row"][data-event-id="${id}"]`)).toHaveAttribute(
        'data-verdict',
        'alert',
      );
    }
    await expect(page.getByTestId('problems').locator('li')).toHaveCount(0);
  });

  test('shows the rule metadata and per-clause counts', async ({ page }) => {
    await openApp(page);
    const meta = page.getByTestId('rule-metadata');
    await expect(meta).toContainText('APT Package Manager Configuration File Creation');
    await expect(meta).toContainText('medium');
    await expect(meta).toContainText('logs-endpoint.events.file*');
    await expect(meta.locator('a[href^="https://attack.mitre.org/"]').first()).toBeVisible();
    const editor = page.getByTestId('rule-editor');
    // base conjuncts on the first line: each is the first to fail for one event
    await expect(editor.locator('.eql-badge-muted').first()).toHaveText(' ✗ fails for 1');
    // an exclusion that no event triggers is flagged
    await page.evaluate(() =>
      window.eqlPlayground.setRule(
        'file where event.action == "creation" and not (process.name == "dpkg" or process.name == "never-seen")',
      ),
    );
    await page.evaluate(() => window.eqlPlayground.ready());
    const text = (cls: string) =>
      editor
        .locator(cls)
        .allTextContents()
        .then((t) => t.join('').replace(/\u00a0/g, ' '));
    await expect.poll(() => text('.eql-badge-dead')).toBe(' ⚠ suppresses none');
    await expect.poll(() => text('.eql-badge-count')).toBe(' ⟵ suppresses 2');
    // Badges stay while an edit is evaluated (Monaco moves them with the text), but a rule with
    // errors has no counts to show: typing a dangling `and` takes them away, deleting it brings them back.
    await editor.locator('.monaco-editor .overflow-guard').click();
    await page.keyboard.press('ControlOrMeta+End');
    await page.keyboard.type(' and');
    await page.evaluate(() => window.eqlPlayground.ready());
    await expect(page.getByTestId('problems').locator('li')).not.toHaveCount(0);
    await expect(editor.locator('.eql-badge-count, .eql-badge-dead, .eql-badge-muted')).toHaveCount(0);
    for (let i = 0; i < 4; i++) await page.keyboard.press('Backspace');
    await page.evaluate(() => window.eqlPlayground.ready());
    await expect.poll(() => text('.eql-badge-count')).toBe(' ⟵ suppresses 2');
  });

  test('the Elasticsearch tab shows the hits for the current settings', async ({ page }) => {
    await openApp(page);
    await page.getByTestId('tab-es').click();
    const response = page.getByTestId('es-response');
    await expect(response).toContainText('"total"');
    const hits = JSON.parse((await response.textContent()) ?? '{}') as {
      hits: { total: { value: number }; events: unknown[] };
    };
    expect(hits.hits.total.value).toBe(4);
    expect(hits.hits.events).toHaveLength(4);
    // size 2 keeps the two most recent (tail)
    await page.getByLabel('Size').fill('2');
    await page.evaluate(() => window.eqlPlayground.ready());
    const smaller = JSON.parse((await response.textContent()) ?? '{}') as {
      hits: { events: { _source: { event: { id: string } } }[] };
    };
    expect(smaller.hits.events.map((e) => e._source.event.id)).toEqual(['apt-16', 'apt-17']);
    // the request that runs the same search on a cluster
    const request = (await page.getByTestId('es-request').textContent()) ?? '';
    expect(request.split('\n')[0]).toBe('GET /logs-endpoint.events.file*/_eql/search');
    expect(request).toContain('"size": 2');
    const rule = await page.evaluate(() => window.eqlPlayground.getRule().trim());
    const query = /"query": """\n([\s\S]*?)\n {2}"""/.exec(request)![1]!.replace(/^ {4}/gm, '');
    expect(query).toBe(rule);
  });

  for (const scheme of ['light', 'dark'] as const) {
    test(`screenshot of the default view (${scheme})`, async ({ page }) => {
      await page.emulateMedia({ colorScheme: scheme });
      await openApp(page);
      await page.locator('[data-testid="event-row"][data-event-id="0"]').click();
      await page.evaluate(() => window.eqlPlayground.ready());
      await expect(page.getByTestId('trace')).toBeVisible();
      await page.waitForTimeout(400);
      await page.screenshot({ path: `reports/screenshot-default-${scheme}.png` });
    });
  }
});
