import { expect, openApp, rows, test, waitReady } from './fixtures';

test('hover on a field shows its type and its value in the selected event', async ({ page }) => {
  await openApp(page);
  await page.locator('[data-testid="event-row"][data-event-id="10"]').click();
  const token = page
    .locator('[data-testid="rule-editor"] .view-line')
    .first()
    .getByText('host.os.type', { exact: true });
  await token.hover();
  const hover = page.locator('.monaco-hover').filter({ hasText: 'host.os.type' }).first();
  await expect(hover).toBeVisible();
  await expect(hover).toContainText('keyword');
  await expect(hover).toContainText('macos');
});

test('hover on a function shows its documentation', async ({ page }) => {
  await openApp(page);
  await page.evaluate(() => window.eqlPlayground.setRule('file where startsWith(process.name, "dp")'));
  await waitReady(page);
  await page.locator('[data-testid="rule-editor"] .view-line').first().getByText('startsWith', { exact: true }).hover();
  const hover = page.locator('.monaco-hover').filter({ hasText: 'startsWith' }).first();
  await expect(hover).toBeVisible();
  await expect(hover).toContainText('startsWith(');
});

test('thousands of events: evaluated off the main thread, only visible rows rendered', async ({ page }) => {
  await openApp(page);
  const n = 5000;
  await page.evaluate((count) => {
    const lines: string[] = [];
    for (let i = 0; i < count; i++) {
      lines.push(
        JSON.stringify({
          '@timestamp': new Date(Date.UTC(2026, 0, 1, 0, 0, i)).toISOString(),
          event: { category: 'process' },
          process: { name: i % 10 === 0 ? 'nc' : 'bash', pid: i },
        }),
      );
    }
    window.eqlPlayground.setEvents(lines.join('\n'));
    window.eqlPlayground.setRule('process where process.name == "nc"');
  }, n);
  await waitReady(page);
  await expect(page.getByTestId('summary')).toHaveText('500 alert · 0 suppressed · 4500 no match');
  const rendered = await rows(page).count();
  expect(rendered).toBeGreaterThan(5);
  expect(rendered).toBeLessThan(200);
  // jumping to the next alert scrolls the list to it
  await page.getByTestId('filter-all').click();
  await page.locator('.event-list').focus();
  for (let i = 0; i < 3; i++) await page.keyboard.press('a');
  await expect(page.locator('.event-row.selected')).toHaveAttribute('data-event-id', '20');
});
