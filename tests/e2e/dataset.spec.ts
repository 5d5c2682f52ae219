/**
 * Events files as datasets: a large file dropped on the events editor is read by the worker (not
 * put into an editor), the list shows its events, the rule is evaluated against them as it is
 * typed, and the selected event opens in an editor of its own.
 */
import { expect, focusEditor, openApp, rows, test, waitReady } from './fixtures';
import type { Page } from '@playwright/test';

const RULE = 'file where file.path : "/etc/apt/*" and not process.name in ("dpkg", "apt")';

/** Drop a generated NDJSON file of `n` events on the events editor, as a file manager would. */
async function dropEvents(page: Page, n: number): Promise<void> {
  await page.evaluate((count) => {
    const names = ['dpkg', 'apt', 'curl', 'bash'];
    const lines: string[] = [];
    for (let i = 0; i < count; i++) {
      lines.push(
        JSON.stringify({
          '@timestamp': new Date(Date.UTC(2026, 0, 1, 0, 0, i)).toISOString(),
          event: { category: 'file', id: `ev-${i}` },
          file: { path: i % 5 === 0 ? `/etc/apt/sources.list.d/${i}.list` : `/tmp/${i}` },
          process: { name: names[i % 4], pid: i },
        }),
      );
    }
    const file = new File([`${lines.join('\n')}\n`], 'events.ndjson', { type: 'application/x-ndjson' });
    const dt = new DataTransfer();
    dt.items.add(file);
    const target = document.querySelector('[data-testid="events-editor"]')!;
    target.dispatchEvent(new DragEvent('dragover', { dataTransfer: dt, bubbles: true, cancelable: true }));
    target.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
  }, n);
}

test.describe('events files', () => {
  test('a dropped 20,000-event NDJSON file is a dataset: typed rule edits evaluate it, the selected event opens', async ({
    page,
  }) => {
    await openApp(page);
    await page.evaluate((r) => window.eqlPlayground.setRule(r), RULE);
    await waitReady(page);
    await dropEvents(page, 20_000);
    await expect(page.getByTestId('dataset-summary')).toContainText('events.ndjson · 20,000 events');
    await waitReady(page);
    // Every fifth event is under /etc/apt; of those, the curl and bash ones alert.
    await expect(page.getByTestId('summary')).toHaveText('2000 alert · 2000 suppressed · 16000 no match');
    await expect(page.getByTestId('events-editor')).toBeHidden();
    await expect(page.getByTestId('dataset-notice')).toContainText(
      'The draft keeps the events (taken from the worker)',
    );
    // The list opens on the alerts, and renders only what is on screen.
    await expect(rows(page).first()).toHaveAttribute('data-verdict', 'alert');
    expect(await rows(page).count()).toBeLessThan(200);

    // Typing in the rule re-evaluates the 20,000 events.
    await focusEditor(page, 'rule-editor');
    await page.keyboard.press('ControlOrMeta+End');
    await page.keyboard.press('ArrowLeft'); // before the closing parenthesis
    await page.keyboard.type(', "curl"');
    await waitReady(page);
    await expect(page.getByTestId('summary')).toHaveText('1000 alert · 3000 suppressed · 16000 no match');
    expect(await page.evaluate(() => window.eqlPlayground.getRule())).toContain('"apt", "curl")');

    // The selected event opens in its own editor; its reasons are the suppressing list element.
    const first = rows(page).first();
    await first.click();
    await expect(page.getByTestId('selected-event-editor')).toBeVisible();
    await expect(page.getByTestId('selected-event-editor')).toContainText('"/etc/apt/sources.list.d/');
    await expect(page.getByTestId('detail')).toContainText('alert');
    await page.screenshot({ path: 'reports/screenshot-dataset-20k.png' });

    // The events come back as NDJSON, one line per event.
    const ndjson = await page.evaluate(() => window.eqlPlayground.getEvents());
    expect(ndjson.trimEnd().split('\n')).toHaveLength(20_000);

    // As the notice says, the draft keeps a file's events: a reload reads them into the worker again.
    await expect(page.getByTestId('save-status')).toHaveAttribute('data-state', 'saved', { timeout: 60_000 });
    await page.reload();
    await waitReady(page);
    await expect(page.getByTestId('dataset-summary')).toContainText('20,000 events', { timeout: 60_000 });
    await waitReady(page);
    await expect(page.getByTestId('summary')).toHaveText('1000 alert · 3000 suppressed · 16000 no match');
  });

  test('a dataset is stored with the workspace: a reload reads it back; a second tab works on its own copy', async ({
    page,
    context,
  }) => {
    test.setTimeout(180_000);
    const saved = (p: Page) =>
      expect(p.getByTestId('save-status')).toHaveAttribute('data-state', 'saved', { timeout: 60_000 });
    const counts = '2000 alert · 2000 suppressed · 16000 no match';
    await openApp(page);
    await page.evaluate((r) => window.eqlPlayground.setRule(r), RULE);
    await waitReady(page);
    // 20,000 events as one NDJSON text (a file's events stay in the worker only).
    const text = await page.evaluate(() => {
      const names = ['dpkg', 'apt', 'curl', 'bash'];
      const lines: string[] = [];
      for (let i = 0; i < 20_000; i++)
        lines.push(
          JSON.stringify({
            '@timestamp': new Date(Date.UTC(2026, 0, 1, 0, 0, i)).toISOString(),
            event: { category: 'file', id: `ev-${i}` },
            file: { path: i % 5 === 0 ? `/etc/apt/sources.list.d/${i}.list` : `/tmp/${i}` },
            process: { name: names[i % 4], pid: i },
          }),
        );
      const t = `${lines.join('\n')}\n`;
      window.eqlPlayground.setEvents(t);
      return t;
    });
    await expect(page.getByTestId('dataset-summary')).toContainText('20,000 events');
    await waitReady(page);
    await expect(page.getByTestId('summary')).toHaveText(counts);
    await saved(page);
    await page.reload();
    await waitReady(page);
    await expect(page.getByTestId('dataset-summary')).toContainText('20,000 events', { timeout: 60_000 });
    await waitReady(page);
    await expect(page.getByTestId('events-editor')).toBeHidden();
    await expect(page.getByTestId('summary')).toHaveText(counts);
    await expect(page.getByTestId('dataset-notice')).toContainText('The draft keeps the events');
    await saved(page);
    expect(await page.evaluate(() => window.eqlPlayground.getEvents())).toBe(text);
    await page.screenshot({ path: 'test-results/dataset-reload-20k.png' });

    // A second tab opens a copy; its edits never reach the first tab's workspace.
    const other = await context.newPage();
    await openApp(other);
    await expect(other.getByTestId('dataset-summary')).toContainText('20,000 events', { timeout: 60_000 });
    await other.evaluate(() => window.eqlPlayground.setRule('file where process.name == "dpkg"'));
    await waitReady(other);
    await expect(other.getByTestId('summary')).toHaveText('5000 alert · 0 suppressed · 15000 no match');
    await saved(other);
    await page.reload();
    await waitReady(page);
    await expect(page.getByTestId('dataset-summary')).toContainText('20,000 events', { timeout: 60_000 });
    await waitReady(page);
    expect(await page.evaluate(() => window.eqlPlayground.getRule())).toBe(RULE);
    await expect(page.getByTestId('summary')).toHaveText(counts);
  });

  test('reset leaves dataset mode: the example is back in the events editor', async ({ page }) => {
    await openApp(page);
    await dropEvents(page, 8_000);
    await expect(page.getByTestId('dataset-summary')).toContainText('8,000 events');
    await waitReady(page);
    await page.getByRole('button', { name: 'Reset to example' }).click();
    await waitReady(page);
    await expect(page.getByTestId('dataset')).toHaveCount(0);
    await expect(page.getByTestId('events-editor')).toBeVisible();
    await expect(page.getByTestId('summary')).toHaveText('4 alert · 9 suppressed · 4 no match');
    expect(await page.evaluate(() => window.eqlPlayground.getEvents())).toContain('apt-16');
  });

  test('a paste that makes the events a dataset goes to the worker, not into the editor first', async ({
    page,
    context,
  }) => {
    await openApp(page);
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(page.url()).origin });
    // 8,000 events (about 1.3 MB), pasted over the whole example with the keyboard.
    await page.evaluate(async () => {
      const lines = [];
      for (let i = 0; i < 8000; i++)
        lines.push(
          JSON.stringify({
            '@timestamp': new Date(Date.UTC(2026, 0, 1, 0, 0, i)).toISOString(),
            event: { category: 'file', id: `ev-${i}`, action: 'creation' },
            file: { path: `/etc/apt/apt.conf.d/${i}-${'x'.repeat(60)}` },
            process: { name: 'curl', executable: '/usr/bin/curl' },
            host: { os: { type: 'linux' } },
          }),
        );
      await navigator.clipboard.writeText(lines.join('\n'));
    });
    await focusEditor(page, 'events-editor');
    // The page takes the paste before the editor does: it never reaches the editor (nor bubbles past it).
    await page.evaluate(() => {
      const w = window as unknown as { __pasteReached: boolean };
      w.__pasteReached = false;
      window.addEventListener('paste', () => {
        w.__pasteReached = true;
      });
    });
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.press('ControlOrMeta+V');
    await expect(page.getByTestId('dataset-summary')).toContainText('8,000 events');
    await waitReady(page);
    await expect(page.getByTestId('events-editor')).toBeHidden();
    expect(await page.evaluate(() => (window as unknown as { __pasteReached: boolean }).__pasteReached)).toBe(false);
    await expect(page.getByTestId('summary')).toContainText('8000 alert');
    const events = await page.evaluate(() => window.eqlPlayground.getEvents());
    expect(events.trimEnd().split('\n')).toHaveLength(8000);
    expect(events).not.toContain('apt-16');
  });

  test('a small events file opens as the editable events text', async ({ page }) => {
    await openApp(page);
    await dropEvents(page, 10);
    await waitReady(page);
    await expect(page.getByTestId('dataset')).toHaveCount(0);
    expect(await page.evaluate(() => window.eqlPlayground.getEvents())).toContain('"ev-9"');
    await expect(page.getByTestId('summary')).toHaveText('0 alert · 0 suppressed · 10 no match');
  });

  test('the list is sorted, grouped and searched: 20,000 dropped events and the 17 of the example', async ({
    page,
  }) => {
    await openApp(page);
    // The example: a short list keeps the events' order until another sort is chosen.
    await expect(rows(page).first()).toHaveAttribute('data-event-id', '0');
    await page.getByTestId('list-sort').selectOption('verdict');
    await expect(rows(page).first()).toHaveAttribute('data-verdict', 'alert');
    await page.getByTestId('list-search').fill('apt-07');
    await expect(rows(page)).toHaveCount(1);
    await expect(rows(page).first()).toContainText('apt-07');
    await expect(page.getByTestId('list-found')).toHaveText('1 found');
    await page.getByTestId('list-search').fill('');
    await expect(rows(page)).toHaveCount(17);

    await page.evaluate((r) => window.eqlPlayground.setRule(r), RULE);
    await dropEvents(page, 20_000);
    await expect(page.getByTestId('dataset-summary')).toContainText('20,000 events');
    await waitReady(page);
    // Grouped by the deciding clause: alerts, then each suppressing element, then the misses.
    await page.getByTestId('list-group-by').selectOption('reason');
    const groups = page.getByTestId('list-group');
    await expect(groups.first()).toContainText('Alert: every condition holds');
    await expect(groups.first()).toContainText('2,000');
    await page.getByTestId('list-sort').selectOption('position');
    await page.getByTestId('list-group-by').selectOption('verdict');
    await expect(groups.first()).toContainText('Alert');
    // Full-text search in the worker: the path of one event.
    await page.getByTestId('list-search').fill('sources.list.d/12345.list');
    await waitReady(page);
    await expect(page.getByTestId('list-found')).toHaveText('1 found');
    await expect(rows(page)).toHaveCount(1);
    await expect(rows(page).first()).toContainText('ev-12345');
    await expect(rows(page).first()).toContainText('#12346');
    await page.screenshot({ path: 'reports/screenshot-dataset-search.png' });
  });
});
