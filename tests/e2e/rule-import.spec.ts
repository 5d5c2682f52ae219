/**
 * Importing rule files: the query goes into the editor, the rule's metadata into the header,
 * and its request-setting overrides into the settings.
 */
import { expect, focusEditor, openApp, test, typeInto, waitReady } from './fixtures';

const QUERY =
  'process where event.type == "start" and process.parent.name in ("nginx", "httpd") and process.name in ("sh", "bash")';

/** A detection-rules style TOML file written for these tests. */
const TOML_RULE = `[metadata]
creation_date = "2026/01/10"
integration = ["endpoint"]
maturity = "production"
updated_date = "2026/02/01"

[rule]
author = ["Playground tests"]
description = "A shell started by a web server process."
from = "now-9m"
index = ["logs-endpoint.events.process-*"]
language = "eql"
license = "Apache-2.0"
name = "Web Server Spawned a Shell"
risk_score = 73
rule_id = "00000000-0000-4000-8000-000000000001"
severity = "high"
timestamp_override = "event.ingested"
type = "eql"
query = '''
${QUERY}
'''

[[rule.threat]]
framework = "MITRE ATT&CK"
[[rule.threat.technique]]
id = "T1505"
name = "Server Software Component"
reference = "https://attack.mitre.org/techniques/T1505/"

[rule.threat.tactic]
id = "TA0003"
name = "Persistence"
reference = "https://attack.mitre.org/tactics/TA0003/"
`;

const EVENTS = [
  {
    '@timestamp': '2026-03-01T10:00:00Z',
    event: { category: 'process', type: 'start', ingested: '2026-03-01T10:00:02Z' },
    process: { name: 'sh', parent: { name: 'nginx' } },
  },
  {
    '@timestamp': '2026-03-01T10:00:01Z',
    event: { category: 'process', type: 'start', ingested: '2026-03-01T10:00:03Z' },
    process: { name: 'ls', parent: { name: 'bash' } },
  },
]
  .map((e) => JSON.stringify(e))
  .join('\n');

test.describe('rule import', () => {
  test('importing a TOML rule fills the editor, the header and the settings', async ({ page }) => {
    await openApp(page);
    await expect(page.getByTestId('rule-name')).toHaveText('APT Package Manager Configuration File Creation');
    await page.evaluate((t) => window.eqlPlayground.setEvents(t), EVENTS);
    await page.evaluate((t) => window.eqlPlayground.setRule(t), TOML_RULE);
    await waitReady(page);

    // the editor holds a TOML file: the app offers to import it
    const notice = page.getByTestId('notice');
    await expect(notice).toHaveAttribute('data-kind', 'import-offer');
    await expect(notice).toContainText('detection-rules TOML file');
    await expect(notice).toContainText('Web Server Spawned a Shell');
    await page.getByTestId('import-rule').click();
    await waitReady(page);

    expect((await page.evaluate(() => window.eqlPlayground.getRule())).trim()).toBe(QUERY);
    const meta = page.getByTestId('rule-metadata');
    await expect(page.getByTestId('rule-name')).toHaveText('Web Server Spawned a Shell');
    await expect(meta).toContainText('high');
    await expect(meta).toContainText('risk 73');
    await expect(meta).toContainText('logs-endpoint.events.process-*');
    await expect(meta).toContainText('from now-9m');
    await expect(meta.locator('a[href="https://attack.mitre.org/techniques/T1505/"]')).toHaveText(
      'Server Software Component (T1505)',
    );
    await expect(meta.locator('a[href="https://attack.mitre.org/tactics/TA0003/"]')).toBeVisible();

    // the rule's timestamp_override is applied and the user is told
    await expect(page.getByTestId('notice')).toHaveAttribute('data-kind', 'imported');
    await expect(page.getByTestId('import-result')).toContainText('timestamp field → event.ingested');
    await expect(page.getByTestId('summary')).toHaveText('1 alert · 0 suppressed · 1 no match');
    await page.getByTestId('tab-es').click();
    await expect(page.getByLabel('Timestamp field')).toHaveValue('event.ingested');
    await page.getByTestId('tab-verdicts').click();

    // the metadata travels with a share link
    await page.getByTestId('share-button').click();
    await expect(page.getByTestId('share-length')).toContainText('Copied');
    const url = page.url();
    expect(url).toContain('#v1.');
    const other = await page.context().browser()!.newContext();
    const fresh = await other.newPage();
    await fresh.goto(url);
    await fresh.waitForFunction(() => typeof window.eqlPlayground?.ready === 'function');
    await fresh.evaluate(() => window.eqlPlayground.ready());
    await expect(fresh.getByTestId('rule-name')).toHaveText('Web Server Spawned a Shell');
    await other.close();

    // clearing the editor: that rule's name goes
    await page.evaluate(() => window.eqlPlayground.setRule(''));
    await waitReady(page);
    await expect(page.getByTestId('rule-name')).toHaveText('Untitled rule');
  });

  test('opening a Kibana export with the file picker imports it and applies its overrides', async ({ page }) => {
    await openApp(page);
    const ndjson = [
      JSON.stringify({
        name: 'Shell From Web Server (export)',
        type: 'eql',
        language: 'eql',
        query: QUERY,
        severity: 'critical',
        risk_score: 99,
        index: ['logs-*'],
        interval: '10m',
        from: 'now-15m',
        event_category_override: 'event.kind',
        tiebreaker_field: 'event.sequence',
        threat: [],
      }),
      JSON.stringify({ exported_count: 1, missing_rules: [], missing_rules_count: 0 }),
    ].join('\n');
    await page
      .getByTestId('open-rule-file')
      .setInputFiles({ name: 'rules_export.ndjson', mimeType: 'application/x-ndjson', buffer: Buffer.from(ndjson) });
    await expect(page.getByTestId('rule-name')).toHaveText('Shell From Web Server (export)');
    await waitReady(page);
    expect(await page.evaluate(() => window.eqlPlayground.getRule())).toBe(QUERY);
    await expect(page.getByTestId('rule-metadata')).toContainText('critical');
    await expect(page.getByTestId('rule-metadata')).toContainText('every 10m');
    await expect(page.getByTestId('import-result')).toContainText('event category field → event.kind');
    await expect(page.getByTestId('import-result')).toContainText('tiebreaker field → event.sequence');
    await page.getByTestId('tab-es').click();
    await expect(page.getByLabel('Event category field')).toHaveValue('event.kind');
    await expect(page.getByLabel('Tiebreaker field')).toHaveValue('event.sequence');
  });

  test('pasting a whole TOML file into the rule editor imports it at once', async ({ page, context }) => {
    await openApp(page);
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(page.url()).origin });
    await page.evaluate((t) => navigator.clipboard.writeText(t), TOML_RULE);
    await focusEditor(page, 'rule-editor');
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.press('ControlOrMeta+V');
    await expect(page.getByTestId('rule-name')).toHaveText('Web Server Spawned a Shell');
    await waitReady(page);
    expect((await page.evaluate(() => window.eqlPlayground.getRule())).trim()).toBe(QUERY);
  });

  test('replacing the default rule with other EQL drops the example metadata from the header', async ({ page }) => {
    await openApp(page);
    await expect(page.getByTestId('rule-name')).toHaveText('APT Package Manager Configuration File Creation');
    // small edits keep it: it is still that rule being tuned
    await focusEditor(page, 'rule-editor');
    await page.keyboard.press('ControlOrMeta+End');
    await page.keyboard.type(' and true');
    await waitReady(page);
    await expect(page.getByTestId('rule-name')).toHaveText('APT Package Manager Configuration File Creation');
    await typeInto(page, 'rule-editor', 'process where process.name == "bash"');
    await waitReady(page);
    await expect(page.getByTestId('rule-name')).toHaveText('Untitled rule');
    // reset brings the example back with its metadata
    await page.getByRole('button', { name: 'Reset to example' }).click();
    await waitReady(page);
    await expect(page.getByTestId('rule-name')).toHaveText('APT Package Manager Configuration File Creation');
  });
});
