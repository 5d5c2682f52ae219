import { expect, focusEditor, openApp, rows, test, typeInto, waitReady } from './fixtures';

test.describe('live editing', () => {
  test('typing into the rule editor with real keystrokes changes verdicts live', async ({ page }) => {
    await openApp(page);
    await expect(page.getByTestId('summary')).toHaveText('4 alert · 9 suppressed · 4 no match');
    await typeInto(page, 'rule-editor', 'file where process.name == "bash"');
    await waitReady(page);
    expect(await page.evaluate(() => window.eqlPlayground.getRule())).toBe('file where process.name == "bash"');
    // bash wrote two files in /etc/apt (events 12 and 13); event 9 is a process event
    await expect(page.getByTestId('summary')).toHaveText('2 alert · 0 suppressed · 15 no match');
    await expect(page.locator('[data-testid="event-row"][data-verdict="alert"]')).toHaveCount(2);
    await expect(page.locator('[data-testid="event-row"][data-event-id="13"]')).toHaveAttribute(
      'data-verdict',
      'alert',
    );
    await expect(page.locator('[data-testid="event-row"][data-event-id="9"]')).toHaveAttribute(
      'data-verdict',
      'no-match',
    );
    // one more keystroke flips it again
    await page.keyboard.press('End');
    await page.keyboard.type(' and not file.name : "99*"');
    await waitReady(page);
    await expect(page.getByTestId('summary')).toHaveText('1 alert · 1 suppressed · 15 no match');
  });

  test('a syntax error shows a marker and a problem, keeps the last results marked stale, and fixing it recovers', async ({
    page,
  }) => {
    await openApp(page);
    await typeInto(page, 'rule-editor', 'file where process.name == "bash"');
    await waitReady(page);
    await expect(page.getByTestId('summary')).toHaveText('2 alert · 0 suppressed · 15 no match');

    // break it: delete the right-hand side
    for (let i = 0; i < '"bash"'.length; i++) await page.keyboard.press('Backspace');
    await waitReady(page);
    const problems = page.getByTestId('problems').locator('li');
    await expect(problems).toHaveCount(1);
    await expect(problems.first()).toContainText('rule 1:');
    await expect(page.locator('[data-testid="rule-editor"] .squiggly-error')).toHaveCount(1);
    // last good results stay, visibly stale
    await expect(page.getByTestId('summary')).toHaveAttribute('data-stale', 'true');
    await expect(page.getByTestId('stale')).toBeVisible();
    await expect(rows(page)).toHaveCount(17);
    await expect(page.locator('[data-testid="event-row"][data-verdict="alert"]')).toHaveCount(2);

    // fix it with a different value: results update and the problem goes away
    await page.keyboard.type('"curl"');
    await waitReady(page);
    await expect(problems).toHaveCount(0);
    await expect(page.locator('[data-testid="rule-editor"] .squiggly-error')).toHaveCount(0);
    await expect(page.getByTestId('summary')).toHaveAttribute('data-stale', 'false');
    await expect(page.getByTestId('summary')).toHaveText('1 alert · 0 suppressed · 16 no match');
  });

  test('a malformed event is marked at its line and left out; the others are evaluated, rule edits too', async ({
    page,
  }) => {
    await openApp(page);
    const events = [
      '{"@timestamp":"2026-01-01T00:00:00Z","event":{"category":"file"},"process":{"name":"bash"}}',
      '{"@timestamp": 2026-01-01, "event":{}}',
      '{"@timestamp":"2026-01-01T00:00:02Z","event":{"category":"file"},"process":{"name":"curl"}}',
    ];
    await page.evaluate(() => window.eqlPlayground.setRule('file where process.name == "bash"'));
    await page.evaluate((t) => window.eqlPlayground.setEvents(t), events.join('\n'));
    await waitReady(page);
    const problem = page.getByTestId('problems').locator('li');
    await expect(problem).toHaveCount(1);
    await expect(problem).toContainText('events 2:');
    await expect(page.locator('[data-testid="events-editor"] .squiggly-error')).toHaveCount(1);
    // The two readable events are evaluated now, not held back as stale.
    await expect(page.getByTestId('summary')).toHaveText('1 alert · 0 suppressed · 1 no match');
    await expect(page.getByTestId('summary')).toHaveAttribute('data-stale', 'false');
    // The unreadable event is an error row that names its line.
    const errorRow = page.getByTestId('unreadable-row');
    await expect(errorRow).toHaveCount(1);
    await expect(errorRow).toHaveAttribute('data-line', '2');
    await expect(errorRow).toContainText('line 2');
    // A rule edit while the event is still broken is evaluated too.
    await page.evaluate(() => window.eqlPlayground.setRule('file where process.name == "curl"'));
    await waitReady(page);
    await expect(page.getByTestId('summary')).toHaveText('1 alert · 0 suppressed · 1 no match');
    await expect(page.locator('.event-row.verdict-alert')).toHaveAttribute('data-event-id', '1');
    await page.evaluate(
      (t) => window.eqlPlayground.setEvents(t),
      events.join('\n').replace('2026-01-01,', '"2026-01-01T00:00:01Z",'),
    );
    await waitReady(page);
    await expect(problem).toHaveCount(0);
    await expect(page.getByTestId('unreadable-row')).toHaveCount(0);
    await expect(page.getByTestId('summary')).toHaveText('1 alert · 0 suppressed · 2 no match');
  });

  test('completion offers a field seen only in the events', async ({ page }) => {
    await openApp(page);
    await page.evaluate(() =>
      window.eqlPlayground.setEvents(
        '{"@timestamp":"2026-01-01T00:00:00Z","event":{"category":"file"},"acme":{"tenant_marker":"blue"}}\n',
      ),
    );
    await waitReady(page);
    await typeInto(page, 'rule-editor', 'file where acme.tenant_');
    await page.keyboard.press('Control+Space');
    const suggest = page.locator('[data-testid="rule-editor"] .suggest-widget, .monaco-editor .suggest-widget').first();
    await expect(suggest).toBeVisible();
    await expect(suggest).toContainText('acme.tenant_marker');
    // accept it and finish the rule
    await page.keyboard.press('Enter');
    await page.keyboard.type(' == "blue"');
    await waitReady(page);
    expect(await page.evaluate(() => window.eqlPlayground.getRule())).toBe('file where acme.tenant_marker == "blue"');
    await expect(page.getByTestId('summary')).toHaveText('1 alert · 0 suppressed · 0 no match');
  });

  test('selecting a suppressed event highlights the deciding list element and the event', async ({ page }) => {
    await openApp(page);
    const row = page.locator('[data-testid="event-row"][data-event-id="0"]');
    await expect(row).toHaveAttribute('data-verdict', 'suppressed');
    await row.click();
    await expect(row).toHaveClass(/selected/);
    const ruleEditor = page.getByTestId('rule-editor');
    const matchText = () =>
      ruleEditor
        .locator('.eql-hl-match-text')
        .allTextContents()
        .then((t) => t.join(''));
    await expect.poll(matchText).toBe('"/usr/bin/dpkg"');
    await expect(ruleEditor.locator('.eql-hl-clause').first()).toBeAttached();
    await expect(page.getByTestId('events-editor').locator('.eql-hl-event').first()).toBeAttached();
    // the detail panel shows the trace and the JSON
    await expect(page.getByTestId('trace')).toContainText('process.executable');
    await page.getByRole('button', { name: 'Event JSON' }).click();
    await expect(page.getByTestId('event-json')).toContainText('"/usr/bin/dpkg"');

    // a wildcard pattern: event 5 is caught by "/dev/fd/*" in the `:` list
    await page.locator('[data-testid="event-row"][data-event-id="5"]').click();
    await expect.poll(matchText).toBe('"/dev/fd/*"');
  });

  test('keyboard: next/previous event and jump to the next alert or suppressed', async ({ page }) => {
    await openApp(page);
    await focusEditor(page, 'rule-editor');
    await page.keyboard.press('Alt+N');
    await expect(page.locator('.event-row.selected')).toHaveAttribute('data-event-id', '0');
    await page.keyboard.press('Alt+N');
    await expect(page.locator('.event-row.selected')).toHaveAttribute('data-event-id', '1');
    await page.keyboard.press('Alt+P');
    await expect(page.locator('.event-row.selected')).toHaveAttribute('data-event-id', '0');
    await page.keyboard.press('Alt+A');
    await expect(page.locator('.event-row.selected')).toHaveAttribute('data-verdict', 'alert');
    await page.keyboard.press('Alt+S');
    await expect(page.locator('.event-row.selected')).toHaveAttribute('data-verdict', 'suppressed');
    // typing in the editor was not affected
    expect(await page.evaluate(() => window.eqlPlayground.getRule())).toContain('file where host.os.type');
  });

  test('filters by verdict', async ({ page }) => {
    await openApp(page);
    await page.getByTestId('filter-alert').click();
    await expect(rows(page)).toHaveCount(4);
    await page.getByTestId('filter-no-match').click();
    await expect(rows(page)).toHaveCount(4);
    await page.getByTestId('filter-all').click();
    await expect(rows(page)).toHaveCount(17);
  });
});
