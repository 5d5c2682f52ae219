import { expect, openApp, test, waitReady } from './fixtures';

/** Records every CSP violation the page reports, from before the first script runs. */
async function recordViolations(page: import('@playwright/test').Page): Promise<void> {
  await page.addInitScript(() => {
    const w = window as unknown as { cspViolations: string[] };
    w.cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      w.cspViolations.push(`${e.effectiveDirective} ${e.blockedURI}`);
    });
  });
}
const violations = (page: import('@playwright/test').Page) =>
  page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations);

test.describe('hardening', () => {
  test('the page has a strict Content-Security-Policy, works under it, and reports no violation', async ({ page }) => {
    await recordViolations(page);
    await openApp(page);
    const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-eval');
    expect(csp).toContain("img-src 'self' data:");
    // The app evaluated under it (the default example's verdicts), editors mounted, hover works.
    await expect(page.getByTestId('summary')).toHaveText('4 alert · 9 suppressed · 4 no match');
    await page.locator('[data-testid="event-row"][data-event-id="10"]').click();
    await page.locator('[data-testid="rule-editor"] .view-line').first().getByText('host.os.type').hover();
    await expect(page.locator('.monaco-hover').filter({ hasText: 'host.os.type' }).first()).toBeVisible();
    expect(await violations(page)).toEqual([]);

    // The page itself may not run inline script or load remote images...
    await page.evaluate(() => {
      const script = document.createElement('script');
      script.textContent = 'window.inlineRan = true;';
      document.head.append(script);
    });
    expect(await page.evaluate(() => (window as unknown as { inlineRan?: boolean }).inlineRan)).toBeUndefined();
    await page.evaluate(() => {
      const img = document.createElement('img');
      // Another origin (another port), which the guard above lets through: only the policy stops it.
      img.src = 'http://127.0.0.1:9/p.png';
      document.body.append(img);
    });
    await expect
      .poll(() => violations(page))
      .toEqual([
        expect.stringMatching(/^script-src-elem inline/),
        expect.stringMatching(/^img-src http:\/\/127\.0\.0\.1:9/),
      ]);
    // ...but the evaluation worker's generated predicate keeps working (no policy of its own).
    const worker = page.workers().find((w) => w.url().includes('eval.worker'));
    expect(worker, 'the evaluation worker').toBeDefined();
    expect(await worker!.evaluate(() => new Function('return 2')() as number)).toBe(2);
  });

  test('a hostile value in the selected event is shown as text in the hover: no image, no link', async ({ page }) => {
    await recordViolations(page);
    await openApp(page);
    const hostile =
      '` ![x](https://pixel.example/p.png) [click](https://evil.example/) <img src=https://pixel.example/q.png> `';
    await page.evaluate(
      ([r, e]) => {
        window.eqlPlayground.setRule(r);
        window.eqlPlayground.setEvents(e);
      },
      [
        'process where process.name == "x"',
        JSON.stringify([
          {
            '@timestamp': '2026-01-01T00:00:00Z',
            event: { category: 'process', id: '`e1` ![i](https://pixel.example/id.png)' },
            process: { name: hostile },
          },
        ]),
      ] as const,
    );
    await waitReady(page);
    await page.getByTestId('event-row').first().click();
    await page.locator('[data-testid="rule-editor"] .view-line').first().getByText('process.name').hover();
    const hover = page.locator('.monaco-hover').filter({ hasText: 'process.name' }).first();
    await expect(hover).toBeVisible();
    await expect(hover).toContainText('![x](https://pixel.example/p.png)');
    await expect(hover).toContainText('<img src=https://pixel.example/q.png>');
    await expect(hover.locator('img')).toHaveCount(0);
    await expect(hover.locator('a[href*="example"]')).toHaveCount(0);
    expect(await violations(page)).toEqual([]);
  });
});

test.describe('hostile events', () => {
  test('20,000 broken NDJSON lines: the problems are counted and folded, a few rows rendered', async ({ page }) => {
    await openApp(page);
    const line = (i: number) =>
      `${JSON.stringify({ '@timestamp': '2026-01-01T00:00:00Z', event: { category: 'process', id: `e${i}` } })},`;
    const text = Array.from({ length: 20_000 }, (_, i) => line(i)).join('\n');
    await page.evaluate((t) => window.eqlPlayground.setEvents(t), text);
    await waitReady(page);
    await expect(page.getByTestId('problem-count')).toHaveText('20,000');
    const group = page.getByTestId('problem-group');
    await expect(group).toHaveCount(1);
    await expect(group).toContainText('20,000×');
    await expect(group).toContainText('Line N is not valid JSON');
    await expect(page.getByTestId('problem-more')).toContainText('and 19,995 more');
    expect(await page.getByTestId('problems').locator('li').count()).toBeLessThan(10);
    // The markers are capped too; the editor stays usable: a rule edit still evaluates.
    await page.evaluate(() => window.eqlPlayground.setRule('process where true'));
    await waitReady(page);
    await page.getByTestId('problem-group').click();
    expect(await page.getByTestId('problems').locator('li').count()).toBeLessThanOrEqual(201);
  });
});

test.describe('deeply nested events', () => {
  const nested = (depth: number) => `${'{"a":'.repeat(depth - 1)}{"b":1}${'}'.repeat(depth - 1)}`;
  const ok = '{"@timestamp":"2026-01-01T00:00:00Z","event":{"category":"process"},"process":{"name":"bash"}}';

  test('an event 2,000 deep is refused with a located problem; the others are evaluated', async ({ page }) => {
    await openApp(page);
    await page.evaluate(() => window.eqlPlayground.setRule('process where process.name == "bash"'));
    const deep = `{"event":{"category":"process"},"x":${nested(2000)}}`;
    await page.evaluate((t) => window.eqlPlayground.setEvents(t), `${ok}\n${deep}\n${ok}\n`);
    await waitReady(page);
    const problem = page.getByTestId('problem');
    await expect(problem).toHaveCount(1);
    await expect(problem).toHaveAttribute('data-code', 'EVT5010');
    await expect(problem).toContainText(/events 2:\d+/);
    await expect(page.getByTestId('summary')).toHaveText('2 alert · 0 suppressed · 0 no match');
    await expect(page.getByTestId('summary')).toHaveAttribute('data-stale', 'false');
  });

  test('an event just under the depth limit is evaluated, selected and shown', async ({ page }) => {
    await openApp(page);
    await page.evaluate(() => window.eqlPlayground.setRule('process where process.name == "bash"'));
    const deep = `{"event":{"category":"process"},"process":{"name":"bash"},"x":${nested(990)}}`;
    await page.evaluate((t) => window.eqlPlayground.setEvents(t), `${ok}\n${deep}\n`);
    await waitReady(page);
    await expect(page.getByTestId('problem')).toHaveCount(0);
    await expect(page.getByTestId('summary')).toHaveText('2 alert · 0 suppressed · 0 no match');
    await page.locator('[data-testid="event-row"][data-event-id="1"]').click();
    await expect(page.locator('.event-row.selected')).toHaveAttribute('data-event-id', '1');
    await expect(page.getByTestId('panel-failure')).toHaveCount(0);
  });
});
