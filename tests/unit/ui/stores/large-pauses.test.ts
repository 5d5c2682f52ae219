import { describe, expect, test } from 'vitest';
import { readWorkspace } from '../../../../src/ui/state/workspaces';
import { createPlayground } from '../../../../src/ui/playground';
import { DATASET_FROM } from '../../../../src/ui/stores/dataset';
import { LARGE_SAVE_PAUSE_MS, openTabWorkspace } from '../../../../src/ui/stores/drafts';
import { LARGE_MEASURE_PAUSE_MS } from '../../../../src/ui/stores/share';
import { fakeBrowser, fakePorts } from './fakes';

/** A tab whose debounces report the pause each scheduled one waits for. */
async function openRecordingTab() {
  const browser = fakeBrowser();
  const f = fakePorts('', browser);
  const scheduled: number[] = [];
  const ports = {
    ...f.ports,
    debounce: (fn: () => void, ms: number) => {
      const d = f.ports.debounce(fn, ms);
      return {
        schedule: () => {
          scheduled.push(ms);
          d.schedule();
        },
        flush: d.flush,
      };
    },
  };
  const pg = createPlayground(ports, await openTabWorkspace(ports));
  pg.start();
  return { browser, pg, scheduled };
}

const largeEvents = `${JSON.stringify({ event: { category: 'process' }, padding: 'x'.repeat(DATASET_FROM) })}\n`;

describe('large events wait for a pause in typing', () => {
  test('with small events a change is saved and measured after the short pauses', async () => {
    const { pg, scheduled } = await openRecordingTab();
    scheduled.length = 0;
    pg.documents.onRuleChange('process where true');
    expect(scheduled).toContain(300);
    expect(scheduled).not.toContain(LARGE_SAVE_PAUSE_MS);
    expect(scheduled).not.toContain(LARGE_MEASURE_PAUSE_MS);
  });

  test('with large events a rule keystroke waits for the long pauses, and a flush still saves it', async () => {
    const { browser, pg, scheduled } = await openRecordingTab();
    pg.documents.onEventsChange(largeEvents);
    scheduled.length = 0;
    pg.documents.onRuleChange('process where "typing"');
    expect(scheduled).toEqual(expect.arrayContaining([LARGE_SAVE_PAUSE_MS, LARGE_MEASURE_PAUSE_MS]));
    expect(scheduled).not.toContain(300);
    expect(scheduled).not.toContain(400);
    await pg.drafts.flush();
    const r = readWorkspace(await browser.store.load(pg.drafts.workspaceId()));
    expect(r.ok && r.draft.state.rule).toBe('process where "typing"');
    expect(r.ok && r.draft.state.events.length).toBe(largeEvents.length);
  });
});
