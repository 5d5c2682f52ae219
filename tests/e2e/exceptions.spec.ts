/**
 * Rule exceptions in the page: an exception list export opened in the Exceptions pane excepts
 * events (the row and the detail name the item and its entries), an exception written from an
 * event with its impact preview, and the exception list exported and opened again.
 */
import { readFileSync } from 'node:fs';
import { expect, openApp, test, waitReady } from './fixtures';

const SHOTS = process.env.EXC_SHOTS;

const list = { list_id: 'apt-rule-exceptions', name: 'APT rule exceptions', description: '', type: 'detection' };
const vim = {
  item_id: 'vim-by-admins',
  list_id: 'apt-rule-exceptions',
  name: 'Admins editing with vim',
  description: 'Interactive edits',
  type: 'simple',
  namespace_type: 'single',
  entries: [
    { field: 'process.name', operator: 'included', type: 'match', value: 'vim' },
    { field: 'user.name', operator: 'included', type: 'match', value: 'root' },
  ],
};
const noParent = {
  item_id: 'not-from-cron',
  list_id: 'apt-rule-exceptions',
  name: 'Not started by cron',
  description: '',
  type: 'simple',
  entries: [{ field: 'process.parent.name', operator: 'excluded', type: 'match', value: 'cron' }],
};
const unused = {
  item_id: 'never',
  list_id: 'apt-rule-exceptions',
  name: 'Nothing matches',
  description: '',
  type: 'simple',
  entries: [{ field: 'process.name', operator: 'included', type: 'match', value: 'no-such-process' }],
};
const summary = {
  exported_exception_list_count: 1,
  exported_exception_list_item_count: 2,
  missing_exception_list_item_count: 0,
  missing_exception_list_items: [],
  missing_exception_lists: [],
  missing_exception_lists_count: 0,
};
const EXPORT = `${[list, vim, unused, summary].map((l) => JSON.stringify(l)).join('\n')}\n`;

async function openExceptions(page: import('@playwright/test').Page, name: string, text: string) {
  await page
    .getByTestId('open-exceptions-file')
    .setInputFiles({ name, mimeType: 'application/x-ndjson', buffer: Buffer.from(text) });
  await waitReady(page);
}

test('an exception list export excepts events, naming the item and its entries', async ({ page }) => {
  await openApp(page);
  await openExceptions(page, 'apt_exceptions.ndjson', EXPORT);
  await expect(page.getByTestId('exceptions-count')).toHaveText('2 items');
  const items = page.getByTestId('exception-item');
  await expect(items.nth(0)).toContainText('Admins editing with vim');
  await expect(items.nth(0)).toContainText('removes 1');
  await expect(items.nth(1)).toContainText('removes nothing');
  const row = page.locator('[data-testid=event-row][data-verdict=excepted]');
  await expect(row).toHaveCount(1);
  // Against the baseline (the rule as loaded, without exceptions) the row says what changed.
  await expect(row).toContainText('now excepted');
  await row.click();
  const detail = page.getByTestId('detail');
  await expect(detail.getByTestId('exception-reason')).toContainText('vim-by-admins');
  await expect(detail.getByTestId('exception-reason')).toContainText('apt-rule-exceptions');
  await expect(detail.getByTestId('exception-entry')).toHaveCount(2);
  await expect(detail.getByTestId('exception-entry').nth(0)).toContainText('process.name is "vim"');
  // The query alone suppresses this event too: both are listed.
  await expect(detail.getByTestId('would-be')).toContainText('suppressed');
  await expect(detail.getByTestId('reason').first()).toContainText('suppressed by');
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/excepted.png` });
});

test('the missing-field trap: an "is not" item removes events without the field, and says so', async ({ page }) => {
  await openApp(page);
  await openExceptions(page, 'trap.ndjson', [list, noParent].map((l) => JSON.stringify(l)).join('\n'));
  const excepted = page.locator('[data-testid=event-row][data-verdict=excepted]');
  await expect(excepted.first()).toBeVisible();
  await excepted.first().click();
  await expect(page.getByTestId('detail')).toContainText('must_not holds for an event without the field');
});

test('a broken line is located; the other items still apply', async ({ page }) => {
  await openApp(page);
  await openExceptions(page, 'broken.ndjson', [JSON.stringify(list), '{"item_id": ', JSON.stringify(vim)].join('\n'));
  await expect(page.getByTestId('exceptions-count')).toHaveText('1 item');
  await expect(page.getByTestId('exception-problems')).toContainText('exceptions 2:');
  await expect(page.locator('[data-testid=event-row][data-verdict=excepted]')).toHaveCount(1);
});

test('a malformed paste in the text view: located in the Problems panel, the last exceptions stay applied', async ({
  page,
}) => {
  await openApp(page);
  await openExceptions(page, 'apt_exceptions.ndjson', EXPORT);
  const summary = page.getByTestId('summary');
  await expect(summary).toContainText('1 excepted');
  await page.getByTestId('exceptions-view-text').click();
  const text = page.getByTestId('exceptions-text');
  // The second item cut short, as a paste of a partial copy gives it.
  const cut = `${JSON.stringify(list)}\n${JSON.stringify(vim).slice(0, 60)}\n`;
  await text.fill(cut);
  await waitReady(page);
  const problem = page.getByTestId('problems').getByTestId('problem').filter({ hasText: 'exceptions 2:' });
  await expect(problem).toContainText('Line 2 is not valid JSON');
  await expect(page.getByTestId('exceptions-kept')).toContainText('the 2 items applied before stay applied');
  await expect(summary).toContainText('1 excepted');
  await expect(text).toHaveValue(cut);
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/malformed-paste.png` });
  // No item is added to a text that does not read: the dialog says why and Apply waits.
  await page.locator('[data-testid=event-row]').first().click();
  await page.getByTestId('add-exception-button').click();
  await expect(page.getByTestId('draft-text-problem')).toContainText('The exceptions text has errors');
  await expect(page.getByTestId('exception-preview')).toBeVisible();
  await expect(page.getByTestId('apply-exception')).toBeDisabled();
  await page.getByTestId('cancel-exception').click();
  // The problem takes the text to its line.
  await page.getByTestId('exceptions-view-list').click();
  await problem.getByRole('button').click();
  await expect(text).toBeFocused();
  const selected = await text.evaluate((el: HTMLTextAreaElement) => el.value.slice(el.selectionStart, el.selectionEnd));
  expect(selected).toBe(cut.split('\n')[1]);
  // Fixed: the text as it now reads applies (no item: nothing is excepted).
  await text.fill(`${JSON.stringify(list)}\n`);
  await waitReady(page);
  await expect(page.getByTestId('exceptions-kept')).toHaveCount(0);
  await expect(summary).not.toContainText('excepted');
  await expect(page.getByTestId('problems').getByTestId('problem')).toHaveCount(0);
});

test('add an exception from an event with its preview, apply, undo; export and open it again', async ({ page }) => {
  await openApp(page);
  const alert = page.locator('[data-testid=event-row][data-verdict=alert]').first();
  const id = await alert.getAttribute('data-event-id');
  await alert.click();
  await page.getByTestId('add-exception-button').click();
  const dialog = page.getByTestId('add-exception');
  await expect(dialog).toBeVisible();
  // Pre-filled from the event: the rule's fields are ticked; keep only process.executable.
  for (const row of await dialog.locator('[data-testid=draft-entry]').all()) {
    if ((await row.getAttribute('data-field')) !== 'process.executable') await row.getByRole('checkbox').uncheck();
  }
  const entry = dialog.locator('[data-testid=draft-entry][data-field="process.executable"]');
  await entry.getByLabel('Entry type for process.executable').selectOption('wildcard');
  await expect(dialog.getByTestId('preview-summary')).toContainText('1 of them alerting now');
  await expect(dialog.getByTestId('exception-preview')).toContainText(id!);
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/add-exception.png` });
  await dialog.getByTestId('apply-exception').click();
  await expect(dialog).toBeHidden();
  await waitReady(page);
  await expect(page.locator(`[data-testid=event-row][data-event-id="${id}"]`)).toHaveAttribute(
    'data-verdict',
    'excepted',
  );
  await expect(page.getByTestId('exceptions-count')).toHaveText('1 item');
  // Undo takes the item out again.
  await page.getByTestId('undo-exceptions').click();
  await waitReady(page);
  await expect(page.locator(`[data-testid=event-row][data-event-id="${id}"]`)).toHaveAttribute('data-verdict', 'alert');
  await page.getByTestId('undo-exceptions').isDisabled();
  // Apply again, export, then open the export: the same item excepts the same event.
  await alert.click();
  await page.getByTestId('add-exception-button').click();
  await page.getByTestId('apply-exception').click();
  await waitReady(page);
  const download = page.waitForEvent('download');
  await page.getByTestId('export-exceptions').click();
  const file = await (await download).path();
  const exported = readFileSync(file, 'utf8');
  expect(
    exported
      .trimEnd()
      .split('\n')
      .map((l) => Object.keys(JSON.parse(l))[0]),
  ).toHaveLength(3);
  const verdicts = await page
    .locator('[data-testid=event-row]')
    .evaluateAll((rows) => rows.map((r) => `${r.getAttribute('data-event-id')}:${r.getAttribute('data-verdict')}`));
  await openApp(page);
  await openExceptions(page, 'rule-exceptions.ndjson', exported);
  const again = await page
    .locator('[data-testid=event-row]')
    .evaluateAll((rows) => rows.map((r) => `${r.getAttribute('data-event-id')}:${r.getAttribute('data-verdict')}`));
  expect(again).toEqual(verdicts);
});

test('the Elasticsearch tab: the request with the exceptions filter, the events for a cluster, a cluster answer compared', async ({
  page,
}) => {
  await openApp(page);
  await openExceptions(page, 'apt_exceptions.ndjson', EXPORT);
  await page.getByTestId('tab-es').click();
  await expect(page.getByTestId('es-request')).toContainText('"must_not"');
  await expect(page.getByTestId('es-request')).toContainText('"vim"');
  await page.getByTestId('export-bulk').click();
  await expect(page.getByTestId('bulk-devTools')).toContainText('PUT _index_template/eql-playground-events');
  await expect(page.getByTestId('bulk-devTools')).toContainText('POST eql-playground-events/_bulk');
  // The playground's own answer agrees with it; without one event it does not, and says why.
  const ours = JSON.parse((await page.getByTestId('es-response').textContent()) ?? '{}');
  await page.getByTestId('compare-response').fill(JSON.stringify(ours));
  await page.getByTestId('compare').click();
  await expect(page.getByTestId('compare-result')).toHaveAttribute('data-agrees', 'true');
  await expect(page.getByTestId('compare-result')).toContainText('agrees');
  const fewer = { hits: { ...ours.hits, events: ours.hits.events.slice(1) } };
  await page.getByTestId('compare-response').fill(JSON.stringify(fewer));
  await page.getByTestId('compare').click();
  await expect(page.getByTestId('compare-result')).toHaveAttribute('data-agrees', 'false');
  await expect(page.getByTestId('compare-difference')).toHaveCount(1);
  await expect(page.getByTestId('compare-difference')).toContainText('only the playground returns');
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/es-tab.png` });
});

test('exceptions travel in a workspace file: saved from the header, opened again after a reset', async ({ page }) => {
  await openApp(page);
  await openExceptions(page, 'apt_exceptions.ndjson', EXPORT);
  await expect(page.locator('[data-testid=event-row][data-verdict=excepted]')).toHaveCount(1);
  await page.getByTestId('export-menu').locator('summary').click();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('save-workspace').click()]);
  const fs = await import('node:fs');
  const text = fs.readFileSync(await download.path(), 'utf8');
  expect((JSON.parse(text) as { exceptions: { text: string } }).exceptions.text).toContain('vim-by-admins');
  await page.getByRole('button', { name: 'Reset to example' }).click();
  await waitReady(page);
  await expect(page.locator('[data-testid=event-row][data-verdict=excepted]')).toHaveCount(0);
  await page.getByTestId('export-menu').locator('summary').click();
  await page
    .getByTestId('open-workspace')
    .setInputFiles({ name: download.suggestedFilename(), mimeType: 'application/json', buffer: Buffer.from(text) });
  await expect(page.getByTestId('exceptions-count')).toHaveText('2 items');
  await expect(page.locator('[data-testid=event-row][data-verdict=excepted]')).toHaveCount(1);
});

test('exceptions travel in the draft and in a share link', async ({ page, browser, baseURL }) => {
  await openApp(page);
  await openExceptions(page, 'apt_exceptions.ndjson', EXPORT);
  await page.waitForTimeout(500);
  await page.reload();
  await waitReady(page);
  await expect(page.getByTestId('exceptions-count')).toHaveText('2 items');
  await expect(page.locator('[data-testid=event-row][data-verdict=excepted]')).toHaveCount(1);
  await page.getByTestId('share-button').click();
  await expect(page.getByTestId('share-length')).toContainText('Copied');
  expect(await page.evaluate(() => location.hash)).toMatch(/^#v3\./);
  const url = page.url();
  const fresh = await browser.newContext({ baseURL: baseURL! });
  try {
    const other = await fresh.newPage();
    await other.route(
      (u) => !['127.0.0.1', 'localhost'].includes(u.hostname),
      (r) => r.abort('blockedbyclient'),
    );
    await other.goto(url);
    await waitReady(other);
    await expect(other.getByTestId('exceptions-count')).toHaveText('2 items');
    await expect(other.locator('[data-testid=event-row][data-verdict=excepted]')).toHaveCount(1);
  } finally {
    await fresh.close();
  }
});

test('an expiry set in the dialog is written as expire_time and exported; a past one is refused beside its field', async ({
  page,
}) => {
  await openApp(page);
  const alert = page.locator('[data-testid=event-row][data-verdict=alert]').first();
  const id = await alert.getAttribute('data-event-id');
  await alert.click();
  await page.getByTestId('add-exception-button').click();
  const dialog = page.getByTestId('add-exception');
  const expires = dialog.getByTestId('draft-expires');
  const note = dialog.getByTestId('draft-expires-note');
  await expect(note).toContainText('Without an expiry the item applies until it is removed.');
  await expect(dialog.getByTestId('exception-preview')).toContainText('Removes 1 event, 1 of them alerting now');
  await expires.fill('2020-01-02T03:04');
  await expect(note).toHaveAttribute('role', 'alert');
  await expect(note).toContainText('The expiry 2020-01-02 03:04 has passed: an expired item does not apply');
  await expect(expires).toHaveAttribute('aria-invalid', 'true');
  await expect(dialog.getByTestId('apply-exception')).toBeDisabled();
  await expect(dialog.getByTestId('exception-preview')).toHaveCount(0);
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/expiry-past.png` });
  await expires.fill('2099-06-30T12:00');
  await expect(note).toContainText(/Written as expire_time 2099-06-\d\dT\d\d:\d\d:00\.000Z/);
  await expect(dialog.getByTestId('exception-preview')).toContainText('Removes 1 event, 1 of them alerting now');
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/expiry-future.png` });
  const written = (await note.textContent())!.match(/expire_time (\S+):/)![1]!;
  await dialog.getByTestId('apply-exception').click();
  await expect(dialog).toBeHidden();
  await waitReady(page);
  await expect(page.locator(`[data-testid=event-row][data-event-id="${id}"]`)).toHaveAttribute(
    'data-verdict',
    'excepted',
  );
  await expect(page.getByTestId('exception-item')).toContainText(`expires ${written}`);
  const download = page.waitForEvent('download');
  await page.getByTestId('export-exceptions').click();
  const lines = readFileSync(await (await download).path(), 'utf8')
    .trimEnd()
    .split('\n')
    .map((l) => JSON.parse(l));
  expect(lines.find((l) => l.item_id)?.expire_time).toBe(written);
});

test('the Add rule exception dialog is usable from the keyboard: the name has focus, Escape closes it', async ({
  page,
}) => {
  await openApp(page);
  await page.locator('[data-testid=event-row][data-verdict=alert]').first().click();
  await page.getByTestId('add-exception-button').click();
  await expect(page.getByTestId('draft-name')).toBeFocused();
  // A draft without a ticked field is no item: Apply waits.
  for (const box of await page.getByTestId('add-exception').getByRole('checkbox').all()) await box.uncheck();
  await expect(page.getByTestId('add-exception')).toContainText('Tick at least one field.');
  await expect(page.getByTestId('apply-exception')).toBeDisabled();
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('add-exception')).toBeHidden();
});

test('sequences: an excepted event takes part in no sequence, and an exception can be written from a stage event', async ({
  page,
}) => {
  await openApp(page);
  await page.evaluate(() =>
    window.eqlPlayground.setRule(
      'sequence by host.id with maxspan=1h [file where process.name == "vim"] [file where true]',
    ),
  );
  await waitReady(page);
  await expect(page.getByTestId('sequence').first()).toBeVisible();
  await openExceptions(page, 'vim.ndjson', [list, vim].map((l) => JSON.stringify(l)).join('\n'));
  await expect(page.getByTestId('sequence')).toHaveCount(0);
  const row = page.getByText('removed by rule exception "Admins editing with vim" before EQL matching');
  await expect(row.first()).toBeVisible();
  await page.getByTestId('undo-exceptions').click();
  await waitReady(page);
  await page.locator('[data-testid=event-row][data-verdict=alert]').first().click();
  await page.getByTestId('add-exception-button').click();
  await expect(page.getByTestId('exception-preview')).toContainText('Removes');
  await page.getByTestId('apply-exception').click();
  await waitReady(page);
  await expect(page.getByTestId('exceptions-count')).toHaveText('1 item');
});
