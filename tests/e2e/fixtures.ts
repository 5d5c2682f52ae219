/**
 * Shared test setup: every test records all requests, aborts any that would leave 127.0.0.1,
 * and fails in afterEach (naming the URL) if one was attempted.
 */
import { test as base, expect, type Page } from '@playwright/test';

function isLocal(url: string): boolean {
  if (url.startsWith('data:') || url.startsWith('blob:') || url.startsWith('about:')) return true;
  try {
    const u = new URL(url);
    return u.hostname === '127.0.0.1' || u.hostname === 'localhost';
  } catch {
    return false;
  }
}

export const test = base.extend<{ offOrigin: string[] }>({
  offOrigin: async ({ context }, use) => {
    const seen: string[] = [];
    context.on('request', (r) => {
      if (!isLocal(r.url())) seen.push(r.url());
    });
    await context.route(
      (url) => !isLocal(url.href),
      (route) => route.abort('blockedbyclient'),
    );
    await use(seen);
  },
});

test.beforeEach(async ({ offOrigin }) => {
  // requesting the fixture installs the guard for every test
  void offOrigin;
});

test.afterEach(async ({ offOrigin }) => {
  expect(offOrigin, 'requests that left 127.0.0.1').toEqual([]);
});

export { expect };

/** Open the app and wait until the first results are on screen. */
export async function openApp(page: Page, path = '/'): Promise<void> {
  await page.goto(path);
  await waitReady(page);
}

export async function waitReady(page: Page): Promise<void> {
  await page.waitForFunction(() => typeof window.eqlPlayground?.ready === 'function');
  await page.evaluate(() => window.eqlPlayground.ready());
}

/** Put the cursor in a Monaco editor (click its text area). */
export async function focusEditor(page: Page, testId: string): Promise<void> {
  // The middle of the editor's visible area: the text lines can be taller than the editor, and
  // clicking their middle scrolls it (under load the click then lands on a sticky line).
  await page.locator(`[data-testid="${testId}"] .monaco-editor .overflow-guard`).click();
  // Keystrokes sent before Monaco has taken focus go nowhere (seen on a cold first load).
  await expect(page.locator(`[data-testid="${testId}"] .monaco-editor.focused`)).toBeVisible();
}

/** Replace an editor's content with real keystrokes (single-line text). */
export async function typeInto(page: Page, testId: string, text: string): Promise<void> {
  await focusEditor(page, testId);
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('Delete');
  await page.keyboard.type(text);
}

export const rows = (page: Page) => page.getByTestId('event-row');
