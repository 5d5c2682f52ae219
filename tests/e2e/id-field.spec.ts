/**
 * The id field of the list's tools: rows, the detail, Sort by id and the search all call events
 * by its value, and the setting is kept with the workspace through a reload.
 */
import { expect, openApp, rows, test, waitReady } from './fixtures';
import type { Page } from '@playwright/test';

const SERIALS = [30, 4, 100, 7, 25, 9];
const EVENTS = SERIALS.map((serial, i) =>
  JSON.stringify({
    '@timestamp': `2026-01-01T00:00:0${i}.000Z`,
    event: { category: 'process', id: `e-${i}` },
    process: { name: 'sh' },
    serial,
  }),
).join('\n');

const shownIds = (page: Page) => rows(page).locator('.row-id').allTextContents();

async function setIdField(page: Page, field: string): Promise<void> {
  await page.getByTestId('list-id-field').fill(field);
  await page.getByTestId('list-id-field').press('Enter');
  await waitReady(page);
}

test('the id field names, sorts and searches the events, and is kept through a reload', async ({ page }) => {
  await openApp(page);
  await page.evaluate((t) => window.eqlPlayground.setEvents(t), EVENTS);
  await page.evaluate(() => window.eqlPlayground.setRule('process where true'));
  await waitReady(page);
  await expect.poll(() => shownIds(page)).toEqual(['e-0', 'e-1', 'e-2', 'e-3', 'e-4', 'e-5']);

  await setIdField(page, 'serial');
  await expect.poll(() => shownIds(page)).toEqual(SERIALS.map(String));
  await page.getByTestId('list-sort').selectOption('id');
  // Numbers in number order, not as text and not by position.
  await expect.poll(() => shownIds(page)).toEqual(['4', '7', '9', '25', '30', '100']);
  await rows(page).first().click();
  await expect(page.getByTestId('detail')).toContainText('Event 4 #2');
  await page.screenshot({ path: 'reports/screenshot-id-field-sorted.png' });

  // A field no event has: each event is its number, and the search finds that number.
  await setIdField(page, 'no.such.field');
  await page.getByTestId('list-search').fill('#3');
  await waitReady(page);
  await expect(page.getByTestId('list-found')).toHaveText('1 found');
  await expect(rows(page).first()).toHaveAttribute('data-position', '2');
  await page.getByTestId('list-search').fill('');
  await setIdField(page, 'serial');
  await page.getByTestId('list-search').fill('25');
  await waitReady(page);
  await expect(page.getByTestId('list-found')).toHaveText('1 found');
  await expect(rows(page).first().locator('.row-id')).toHaveText('25');
  await page.getByTestId('list-search').fill('');
  await expect(page.getByTestId('save-status')).toHaveText('Saved');

  await page.reload();
  await waitReady(page);
  await expect(page.getByTestId('list-id-field')).toHaveValue('serial');
  // The workspace keeps the list's Sort too.
  await expect(page.getByTestId('list-sort')).toHaveValue('id');
  await expect.poll(() => shownIds(page)).toEqual(['4', '7', '9', '25', '30', '100']);
  await page.getByTestId('list-sort').selectOption('position');
  await expect.poll(() => shownIds(page)).toEqual(SERIALS.map(String));
});

test('a share link carries the id field to another tab', async ({ page }) => {
  await openApp(page);
  await page.evaluate((t) => window.eqlPlayground.setEvents(t), EVENTS);
  await page.evaluate(() => window.eqlPlayground.setRule('process where true'));
  await waitReady(page);
  await setIdField(page, 'serial');
  await page.getByTestId('share-button').click();
  await expect(page.getByTestId('share-length')).toContainText('Copied');
  const url = page.url();
  const other = await page.context().newPage();
  await openApp(other, url.slice(url.indexOf('/#')));
  await expect(other.getByTestId('list-id-field')).toHaveValue('serial');
  await expect.poll(() => shownIds(other)).toEqual(SERIALS.map(String));
});
