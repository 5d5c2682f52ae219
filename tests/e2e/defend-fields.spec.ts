import { expect, openApp, test, typeInto, waitReady } from './fixtures';

// The Elastic Defend schema is generated from the endpoint package's field list; the editor's
// completion and hover read it from the worker's language data.
test.describe('Elastic Defend fields in the editor', () => {
  test('completion lists a Defend-only field with its Defend type and no .keyword sub-field', async ({ page }) => {
    await openApp(page);
    await typeInto(page, 'rule-editor', 'file where file.Ext.windows.zone_');
    await page.keyboard.press('Control+Space');
    const suggest = page.locator('.monaco-editor .suggest-widget').first();
    await expect(suggest).toBeVisible();
    await expect(suggest).toContainText('file.Ext.windows.zone_identifier');
    await expect(suggest).not.toContainText('zone_identifier.keyword');
    await page.keyboard.press('Enter');
    await page.keyboard.type(' : "3"');
    await waitReady(page);
    expect(await page.evaluate(() => window.eqlPlayground.getRule())).toBe(
      'file where file.Ext.windows.zone_identifier : "3"',
    );
    // Defend maps it keyword, so comparing it with a string is not an error
    await expect(page.getByTestId('problems').locator('li')).toHaveCount(0);
  });

  test('hover over a Defend field names its mapping type', async ({ page }) => {
    await openApp(page);
    await typeInto(page, 'rule-editor', 'process where process.Ext.token.integrity_level_name == "high"');
    await waitReady(page);
    await page
      .locator('[data-testid="rule-editor"] .view-line span', { hasText: 'integrity_level_name' })
      .first()
      .hover();
    const hover = page.locator('.monaco-editor .monaco-hover').first();
    await expect(hover).toBeVisible();
    await expect(hover).toContainText('process.Ext.token.integrity_level_name');
    await expect(hover).toContainText('keyword');
  });
});
