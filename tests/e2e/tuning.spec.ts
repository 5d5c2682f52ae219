/**
 * Tuning in the browser: what an edit changed against the baseline, rule tests (expected
 * verdicts), exclusions written from an event's field values, and the tuned rule exported and
 * imported again.
 */
import type { Page } from '@playwright/test';
import { expect, focusEditor, openApp, test, waitReady } from './fixtures';

const DPKG = '"/usr/bin/dpkg", ';

async function setRule(page: Page, text: string): Promise<void> {
  await page.evaluate((t) => window.eqlPlayground.setRule(t), text);
  await waitReady(page);
}

const row = (page: Page, position: number) => page.locator(`[data-testid=event-row][data-position="${position}"]`);

test.describe('tuning', () => {
  test('an edit marks exactly the rows it changed; the Changed filter and the c key list them', async ({ page }) => {
    await openApp(page);
    const rule = await page.evaluate(() => window.eqlPlayground.getRule());
    expect(await page.evaluate(() => window.eqlPlayground.getBaselineRule())).toBe(rule);
    // every row says where it is in the input
    const rows = page.getByTestId('event-row');
    await expect(rows.first()).toHaveAttribute('data-position', '0');
    await expect(page.locator('[data-baseline-verdict]')).toHaveCount(0);
    await expect(page.getByTestId('baseline-delta')).toHaveText('no change vs baseline');

    await setRule(page, rule.replace(DPKG, ''));
    const changed = page.locator('[data-testid=event-row][data-baseline-verdict]');
    await expect(changed).toHaveCount(1);
    await expect(changed).toHaveAttribute('data-position', '0');
    await expect(changed).toHaveAttribute('data-baseline-verdict', 'suppressed');
    await expect(changed).toHaveAttribute('data-verdict', 'alert');
    await expect(changed).toContainText('was suppressed by');
    await expect(changed).toContainText('now alert');
    await expect(page.getByTestId('baseline-delta')).toHaveText('+1 alert · −1 suppressed vs baseline');
    await page.screenshot({ path: '/tmp/tshots/changed.png' });

    await page.getByTestId('filter-changed').click();
    await expect(rows).toHaveCount(1);
    await expect(rows.first()).toHaveAttribute('data-position', '0');
    await page.getByTestId('filter-all').click();
    await expect(rows).toHaveCount(17);

    // keyboard: c goes to the next changed event
    await row(page, 14).click();
    await page.keyboard.press('c');
    await expect(row(page, 0)).toHaveAttribute('aria-selected', 'true');

    // Revert is one edit in the rule editor: Ctrl+Z brings the edit back
    await page.getByTestId('revert-baseline').click();
    await waitReady(page);
    expect(await page.evaluate(() => window.eqlPlayground.getRule())).toBe(rule);
    await expect(changed).toHaveCount(0);
    await focusEditor(page, 'rule-editor');
    await page.keyboard.press('Control+z');
    await waitReady(page);
    expect(await page.evaluate(() => window.eqlPlayground.getRule())).toBe(rule.replace(DPKG, ''));
    await expect(changed).toHaveCount(1);

    // the rule side by side with its baseline; Escape closes it
    await page.getByTestId('toggle-baseline-diff').click();
    const diff = page.getByTestId('baseline-diff');
    await expect(diff.locator('.monaco-diff-editor')).toBeVisible();
    await expect(diff.locator('.line-delete, .char-delete').first()).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(diff).toHaveCount(0);

    // pinning the edited rule: nothing differs from the baseline any more
    await page.evaluate(() => window.eqlPlayground.setBaseline());
    await waitReady(page);
    expect(await page.evaluate(() => window.eqlPlayground.getBaselineRule())).toBe(rule.replace(DPKG, ''));
    await expect(changed).toHaveCount(0);
  });

  test('clicking a clause badge lists the events that clause suppresses', async ({ page }) => {
    await openApp(page);
    await setRule(
      page,
      'file where event.action in ("rename", "creation") and not (process.name in ("perl", "sed") or file.name : "*.tmp*")',
    );
    // perl (7) and sed (8), and the two .tmp files (1 and 7): each part alone keeps one event out
    const badges = page.locator('[data-testid=rule-editor] .eql-badge-count.clickable');
    await expect(badges).toHaveCount(2);
    await expect(badges.first()).toHaveText(/suppresses\s2\s·\s1\sonly\sby\sthis/);
    await badges.first().click();
    await expect(page.getByTestId('clause-filter')).toContainText('Showing the 2 events of process.name in');
    await expect(page.getByTestId('event-row')).toHaveCount(2);
    await expect(page.getByTestId('event-row').nth(0)).toHaveAttribute('data-position', '7');
    await expect(page.getByTestId('event-row').nth(1)).toHaveAttribute('data-position', '8');
    await page.getByTestId('clause-filter').getByRole('button').click();
    await expect(page.getByTestId('event-row')).toHaveCount(17);
  });

  test('a list element says in its hover what it suppresses, dead ones are struck through, the link lists its events', async ({
    page,
  }) => {
    await openApp(page);
    await setRule(
      page,
      'file where event.action in ("rename", "creation") and not process.name in ("perl", "no-such-name", "sed", "perl")',
    );
    const editor = page.getByTestId('rule-editor');
    // the unmatched name and the repeated "perl" suppress nothing
    const dead = editor.locator('.eql-element-dead');
    await expect(dead).toHaveText(['"no-such-name"', '"perl"']);
    await dead.first().hover();
    await expect(page.locator('.monaco-hover:visible').first()).toContainText('"no-such-name" suppresses none');
    await page.mouse.move(0, 0);
    await expect(page.locator('.monaco-hover:visible')).toHaveCount(0);

    await editor
      .locator('.view-line span', { hasText: /^"sed",?$/ })
      .first()
      .hover();
    const hover = page.locator('.monaco-hover:visible').first();
    await expect(hover).toContainText('"sed" suppresses 1 event · only by this: remove it and it alerts');
    await hover.getByRole('link', { name: 'List the 1 event' }).click();
    await expect(page.getByTestId('clause-filter')).toContainText(
      'Showing the 1 event of "sed" of process.name in (…)',
    );
    await expect(page.getByTestId('event-row')).toHaveCount(1);
    await expect(page.getByTestId('event-row').first()).toHaveAttribute('data-position', '8');
  });

  test('a breaking edit turns a met expectation red, counted and filtered', async ({ page }) => {
    await openApp(page);
    const rule = await page.evaluate(() => window.eqlPlayground.getRule());
    await row(page, 0).click();
    await page.getByTestId('expect-suppressed').click();
    await waitReady(page);
    await expect(row(page, 0)).toHaveAttribute('data-expected', 'suppressed');
    await expect(row(page, 0)).toHaveAttribute('data-expectation', 'met');
    // keyboard: e expects the selected event's current verdict
    await row(page, 15).click();
    await page.keyboard.press('e');
    await waitReady(page);
    await expect(row(page, 15)).toHaveAttribute('data-expected', 'alert');
    await expect(page.getByTestId('expectation-summary')).toHaveText('2 expectations met');

    await setRule(page, rule.replace(DPKG, ''));
    const unmet = row(page, 0);
    await expect(unmet).toHaveAttribute('data-expectation', 'unmet');
    await expect(unmet).toContainText('expected suppressed, got alert');
    await expect(page.getByTestId('expectation-summary')).toHaveText('1 of 2 expectations unmet');
    await unmet.click();
    await expect(page.getByTestId('expectation-result')).toHaveAttribute('data-met', 'false');
    await expect(page.getByTestId('expectation-result')).toContainText('expected suppressed, got alert');
    await page.screenshot({ path: '/tmp/tshots/unmet.png' });
    await page.getByTestId('filter-unmet').click();
    await expect(page.getByTestId('event-row')).toHaveCount(1);
    await page.keyboard.press('u');

    // the expectations travel in the share link
    await page.getByTestId('share-button').click();
    await expect(page.getByTestId('share-length')).toContainText('Copied');
    const url = page.url();
    const other = await page.context().newPage();
    await openApp(other, url.slice(url.indexOf('/#')));
    await expect(row(other, 0)).toHaveAttribute('data-expectation', 'unmet');
    await expect(row(other, 15)).toHaveAttribute('data-expectation', 'met');
    await other.close();
  });

  test('expecting the current verdicts of 20,000 events asks first, and the page stays responsive', async ({
    page,
  }) => {
    test.setTimeout(120_000);
    await openApp(page);
    await setRule(page, 'file where file.path : "/etc/apt/*" and not process.name in ("dpkg", "apt")');
    await page.evaluate(() => {
      const names = ['dpkg', 'apt', 'curl', 'bash'];
      const lines: string[] = [];
      for (let i = 0; i < 20_000; i++)
        lines.push(
          JSON.stringify({
            '@timestamp': new Date(Date.UTC(2026, 0, 1, 0, 0, i)).toISOString(),
            event: { category: 'file', id: `ev-${i}` },
            file: { path: i % 5 === 0 ? `/etc/apt/sources.list.d/${i}.list` : `/tmp/${i}` },
            process: { name: names[i % 4] },
          }),
        );
      window.eqlPlayground.setEvents(lines.join('\n'));
    });
    await expect(page.getByTestId('dataset-summary')).toContainText('20,000 events', { timeout: 60_000 });
    await waitReady(page);
    await page.evaluate(() => {
      const w = window as unknown as { longTasks: number[] };
      w.longTasks = [];
      new PerformanceObserver((l) => {
        for (const e of l.getEntries()) w.longTasks.push(e.duration);
      }).observe({ type: 'longtask' });
    });
    const summary = page.getByTestId('expectation-summary');
    await page.getByTestId('expect-current').click();
    const question = page.getByTestId('expect-confirm');
    await expect(question).toContainText('Set 20,000 expected verdicts (20,000 new)?');
    await expect(page.getByTestId('expect-confirm-yes')).toBeFocused();
    // Escape (like Cancel) sets nothing
    await page.keyboard.press('Escape');
    await expect(question).toHaveCount(0);
    await expect(summary).toHaveText('no expectations');
    await page.getByTestId('expect-current').click();
    await page.getByTestId('expect-confirm-yes').click();
    await expect(summary).toHaveText('20,000 expectations met', { timeout: 30_000 });
    // an edit is checked against all of them: the 1,000 apt events alert now
    await setRule(page, 'file where file.path : "/etc/apt/*" and not process.name in ("dpkg")');
    await expect(summary).toHaveText('1,000 of 20,000 expectations unmet');
    const longest = await page.evaluate(() => Math.max(0, ...(window as unknown as { longTasks: number[] }).longTasks));
    expect(longest, 'the longest main-thread task while setting and checking them (ms)').toBeLessThan(1000);
  });

  test('exclude a value from an event: preview, apply as one edit, undo with Ctrl+Z', async ({ page }) => {
    await openApp(page);
    const rule = await page.evaluate(() => window.eqlPlayground.getRule());
    // event 13 must keep alerting: expected from its row
    await row(page, 13).hover();
    await row(page, 13).getByTestId('expect-row').click();
    await waitReady(page);
    await expect(row(page, 13)).toHaveAttribute('data-expected', 'alert');
    await expect(row(page, 13).getByTestId('expect-row')).toHaveCount(0);

    await row(page, 15).click();
    const field = page.locator('[data-testid=field-value][data-field="process.executable"]');
    await field.getByTestId('exclude-value').click();
    const preview = page.getByTestId('exclusion-preview');
    await expect(preview).toBeVisible();
    await expect(preview.getByTestId('proposal').first()).toBeVisible();
    await expect(preview.getByTestId('preview-diff')).toContainText('/usr/local/bin/dpkg');
    await page.screenshot({ path: '/tmp/tshots/preview.png' });

    // Cancel changes nothing; Escape in the preview cancels too
    await preview.getByTestId('cancel-exclusion').click();
    await expect(preview).toHaveCount(0);
    await field.getByTestId('exclude-value').click();
    await preview.getByTestId('proposal').first().locator('input').focus();
    await page.keyboard.press('Escape');
    await expect(preview).toHaveCount(0);
    expect(await page.evaluate(() => window.eqlPlayground.getRule())).toBe(rule);

    await field.getByTestId('exclude-value').click();
    await expect(preview.getByTestId('proposal').first()).toBeVisible();
    await preview.getByTestId('apply-exclusion').click();
    await waitReady(page);
    const applied = await page.evaluate(() => window.eqlPlayground.getRule());
    expect(applied).not.toBe(rule);
    expect(applied).toContain('/usr/local/bin/dpkg');
    await expect(row(page, 15)).toHaveAttribute('data-verdict', 'suppressed');
    await expect(row(page, 15)).toHaveAttribute('data-baseline-verdict', 'alert');
    await expect(row(page, 13)).toHaveAttribute('data-expectation', 'met');

    await focusEditor(page, 'rule-editor');
    await page.keyboard.press('Control+z');
    await waitReady(page);
    expect(await page.evaluate(() => window.eqlPlayground.getRule())).toBe(rule);
    await expect(row(page, 15)).toHaveAttribute('data-verdict', 'alert');
  });

  test('two ticked fields propose their combination, applied as one new part', async ({ page }) => {
    await openApp(page);
    await row(page, 16).click();
    await page.getByLabel('Select process.name for a two-field exclusion').check();
    await page.getByLabel('Select file.name for a two-field exclusion').check();
    await page.getByTestId('exclude-combination').click();
    const preview = page.getByTestId('exclusion-preview');
    await expect(preview.getByTestId('proposal').first()).toBeVisible();
    await expect(preview.locator('[data-testid=proposal][data-kind=combination]').first()).toBeVisible();
    await preview.locator('[data-testid=proposal][data-kind=combination]').first().click();
    await expect(preview.getByTestId('preview-diff')).toContainText('process.name == "curl" and file.name');
    await preview.getByTestId('apply-exclusion').click();
    await waitReady(page);
    await expect(row(page, 16)).toHaveAttribute('data-verdict', 'suppressed');
    await expect(page.getByTestId('baseline-delta')).toHaveText('−1 alert · +1 suppressed vs baseline');
  });

  test('an exclusion that would silence an event that must alert says so loudly', async ({ page }) => {
    await openApp(page);
    await row(page, 13).click();
    await page.getByTestId('expect-alert').click();
    await waitReady(page);
    // event 13 and 16 share the file's directory: excluding 13's own path must warn
    const field = page.locator('[data-testid=field-value][data-field="process.name"]');
    await field.getByTestId('exclude-value').click();
    const preview = page.getByTestId('exclusion-preview');
    await expect(preview.getByTestId('proposal').first()).toBeVisible();
    // Named as the list names it (its event.id), not by its position.
    await expect(preview.getByTestId('breaks-expectations')).toContainText('must alert: apt-14');
  });

  test('export the tuned rule as TOML and as a Kibana export, and import both again', async ({ page }) => {
    await openApp(page);
    const rule = (await page.evaluate(() => window.eqlPlayground.getRule())).replace(DPKG, '');
    await setRule(page, rule);
    const name = await page.getByTestId('rule-name').textContent();
    for (const [button, ext] of [
      ['export-toml', '.toml'],
      ['export-ndjson', '.ndjson'],
    ] as const) {
      await page.getByTestId('export-menu').locator('summary').click();
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId(button).click()]);
      expect(download.suggestedFilename()).toMatch(new RegExp(`${ext.replace('.', '\\.')}$`));
      const path = await download.path();
      const fs = await import('node:fs');
      const text = fs.readFileSync(path, 'utf8');
      // start from something else, then import the exported file
      await page.getByRole('button', { name: 'Reset to example' }).click();
      await setRule(page, 'process where true');
      await page.getByTestId('open-rule-file').setInputFiles({
        name: download.suggestedFilename(),
        mimeType: 'text/plain',
        buffer: Buffer.from(text),
      });
      await expect.poll(() => page.evaluate(() => window.eqlPlayground.getRule().trim())).toBe(rule.trim());
      await waitReady(page);
      await expect(page.getByTestId('rule-name')).toHaveText(name ?? '');
      // the imported rule is the new baseline
      expect((await page.evaluate(() => window.eqlPlayground.getBaselineRule())).trim()).toBe(rule.trim());
    }
  });
});

test('a workspace file saved from the header opens again with its expectations and baseline', async ({ page }) => {
  await openApp(page);
  const rule = await page.evaluate(() => window.eqlPlayground.getRule());
  await row(page, 13).click();
  await page.getByTestId('expect-alert').click();
  await setRule(page, rule.replace(DPKG, ''));
  await page.getByTestId('export-menu').locator('summary').click();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('save-workspace').click()]);
  expect(download.suggestedFilename()).toMatch(/\.workspace\.json$/);
  const fs = await import('node:fs');
  const text = fs.readFileSync(await download.path(), 'utf8');
  const file = JSON.parse(text) as {
    kind: string;
    version: number;
    idField: string;
    expectations: unknown;
    baseline: { rule: string };
  };
  expect([file.kind, file.version]).toEqual(['eql-playground-workspace', 1]);
  // Keyed by the ids the list shows, under the file's id field, as eql-playground test reads them.
  expect(file.idField).toBe('event.id');
  expect(file.expectations).toEqual({ 'apt-14': 'alert' });
  expect(file.baseline.rule).toBe(rule);

  await page.getByRole('button', { name: 'Reset to example' }).click();
  await waitReady(page);
  await expect(page.locator('[data-expected]')).toHaveCount(0);
  const open = async (name: string, body: string) => {
    await page.getByTestId('export-menu').locator('summary').click();
    await page
      .getByTestId('open-workspace')
      .setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(body) });
  };
  // a file that is not a workspace replaces nothing and says where it is wrong
  await open('broken.json', '{"kind": "eql-playground-workspace", "version": 1,');
  await expect(page.getByTestId('notice')).toContainText('broken.json is not a workspace file');
  await expect(page.getByTestId('notice')).toContainText('line 1');
  expect(await page.evaluate(() => window.eqlPlayground.getRule())).toBe(rule);

  await open(download.suggestedFilename(), text);
  await expect.poll(() => page.evaluate(() => window.eqlPlayground.getRule())).toBe(rule.replace(DPKG, ''));
  await waitReady(page);
  expect(await page.evaluate(() => window.eqlPlayground.getBaselineRule())).toBe(rule);
  await expect(row(page, 13)).toHaveAttribute('data-expectation', 'met');
  await expect(row(page, 0)).toHaveAttribute('data-baseline-verdict', 'suppressed');
});

test('sequences: an edit that drops a sequence marks its events and counts it against the baseline', async ({
  page,
}) => {
  await openApp(page);
  const ev = (t: string, host: string, name: string, entity: string, parent: string) =>
    JSON.stringify({
      '@timestamp': `2026-03-02T${t}.000Z`,
      event: { category: 'process' },
      host: { id: host, os: { type: 'linux' } },
      process: { name, entity_id: entity, parent: { name: 'x', entity_id: parent } },
    });
  const events = [
    ev('09:00:00', 'h1', 'node', 'P1', 'P0'),
    ev('09:00:03', 'h1', 'sh', 'C1', 'P1'),
    ev('09:01:00', 'h2', 'node', 'P2', 'P0'),
    ev('09:01:02', 'h2', 'bash', 'C2', 'P2'),
  ].join('\n');
  const rule = (shells: string) => `sequence by host.id with maxspan=10s
  [process where process.name == "node"] by process.entity_id
  [process where process.name in (${shells})] by process.parent.entity_id`;
  await page.evaluate((t) => window.eqlPlayground.setEvents(t), events);
  await setRule(page, rule('"sh", "bash"'));
  // the events and the rule were replaced: pin this rule with the button
  await page.getByTestId('set-baseline').click();
  await waitReady(page);
  await expect(page.getByTestId('set-baseline')).toBeDisabled();
  await expect(page.locator('[data-baseline-verdict]')).toHaveCount(0);
  await setRule(page, rule('"sh"'));
  const changed = page.locator('[data-testid=event-row][data-baseline-verdict="alert"]');
  await expect(changed).toHaveCount(2);
  await expect(changed.nth(0)).toHaveAttribute('data-position', '2');
  await expect(changed.nth(1)).toHaveAttribute('data-position', '3');
  await expect(page.getByTestId('baseline-delta')).toContainText('1 sequence');
  // a rule test on a sequence event: alert means part of a returned sequence
  await row(page, 2).click();
  await page.getByTestId('expect-alert').click();
  await waitReady(page);
  await expect(row(page, 2)).toHaveAttribute('data-expectation', 'unmet');
  await page.screenshot({ path: '/tmp/tshots/sequences.png' });
});

test('sequences: exclude a value from a sequence event into the stage it fills, previewed, one undoable edit', async ({
  page,
}) => {
  await openApp(page);
  const ev = (t: string, host: string, name: string, user: string) =>
    JSON.stringify({
      '@timestamp': `2026-03-02T${t}.000Z`,
      event: { category: 'process' },
      host: { id: host },
      user: { name: user },
      process: { name },
    });
  const events = [
    ev('09:00:00', 'h1', 'node', 'svc'),
    ev('09:00:03', 'h1', 'sh', 'backup'),
    ev('09:01:00', 'h2', 'node', 'svc'),
    ev('09:01:02', 'h2', 'bash', 'alice'),
  ].join('\n');
  const rule = `sequence by host.id with maxspan=10s
  [process where process.name == "node"]
  [process where process.name in ("sh", "bash")]`;
  await page.evaluate((t) => window.eqlPlayground.setEvents(t), events);
  await setRule(page, rule);
  await expect(page.locator('[data-testid=event-row][data-verdict=alert]')).toHaveCount(4);
  await row(page, 1).click();
  await page.locator('[data-testid=field-value][data-field="user.name"]').getByTestId('exclude-value').click();
  const preview = page.getByTestId('exclusion-preview');
  // named as the list names it
  await expect(preview).toContainText('Exclude user.name = backup from event #2');
  await expect(preview.getByTestId('proposal').first()).toContainText('stage 2: new part: user.name == "backup"');
  await expect(preview.getByTestId('preview-summary')).toHaveText(
    'Takes this event and 1 other out of every returned sequence or sample.',
  );
  await expect(preview.getByTestId('preview-event')).toHaveCount(2);
  await page.screenshot({ path: '/tmp/tshots/sequence-exclude.png' });
  await preview.getByTestId('apply-exclusion').click();
  await waitReady(page);
  expect(await page.evaluate(() => window.eqlPlayground.getRule())).toBe(
    rule.replace('("sh", "bash")]', '("sh", "bash") and not (user.name == "backup")]'),
  );
  await expect(row(page, 0)).toHaveAttribute('data-verdict', 'no-match');
  await expect(row(page, 1)).toHaveAttribute('data-verdict', 'no-match');
  await expect(row(page, 3)).toHaveAttribute('data-verdict', 'alert');
  await focusEditor(page, 'rule-editor');
  await page.keyboard.press('Control+z');
  await waitReady(page);
  expect(await page.evaluate(() => window.eqlPlayground.getRule())).toBe(rule);
  await expect(row(page, 1)).toHaveAttribute('data-verdict', 'alert');
});

test('the expectations and the baseline are kept in the draft across a reload', async ({ page }) => {
  await openApp(page);
  const rule = await page.evaluate(() => window.eqlPlayground.getRule());
  await row(page, 0).click();
  await page.getByTestId('expect-suppressed').click();
  await setRule(page, rule.replace(DPKG, ''));
  await expect(row(page, 0)).toHaveAttribute('data-expectation', 'unmet');
  // the draft is saved shortly after the last change
  await page.waitForTimeout(1500);
  await page.reload();
  await waitReady(page);
  expect(await page.evaluate(() => window.eqlPlayground.getBaselineRule())).toBe(rule);
  await expect(row(page, 0)).toHaveAttribute('data-expectation', 'unmet');
  await expect(row(page, 0)).toHaveAttribute('data-baseline-verdict', 'suppressed');
});

test('Copy query puts the rule the editor holds on the clipboard', async ({ page, context }) => {
  await openApp(page);
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(page.url()).origin });
  const rule = (await page.evaluate(() => window.eqlPlayground.getRule())).replace(DPKG, '');
  await setRule(page, rule);
  await page.getByTestId('export-menu').locator('summary').click();
  await page.getByTestId('copy-query').click();
  await expect(page.getByTestId('copy-query')).toHaveText('Query copied');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(rule);
});
