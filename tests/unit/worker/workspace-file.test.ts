/** Workspace files the playground writes mean to `eql-playground test` what they meant on the page. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultExample } from '../../../src/examples/default-example';
import { readWorkspace, writeWorkspace } from '../../../src/worker/tuning';
import { cli } from '../cli/run-cli';

const dir = mkdtempSync(join(tmpdir(), 'eql-ws-ids-'));
const file = (name: string, text: string) => {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
};

// As the page keys them: the example's events have no _id, so their positions.
const page = {
  '0': { verdict: 'suppressed' as const, clause: '"/usr/bin/dpkg"' },
  '13': { verdict: 'alert' as const },
};

describe('workspace files and the id field', () => {
  it('expectations are written under the id field and the command line meets them; they read back as they were', async () => {
    const text = writeWorkspace({
      rule: defaultExample.query,
      events: defaultExample.events,
      idField: 'event.id',
      expectations: page,
    });
    const json = JSON.parse(text) as { idField?: string; expectations: Record<string, unknown> };
    expect(json.idField).toBe('event.id');
    expect(Object.keys(json.expectations)).toEqual(['apt-01', 'apt-14']);
    const r = await cli('test', file('ws.json', text));
    expect(r).toMatchObject({ code: 0, out: '2 expectations: 2 met, 0 unmet\n' });
    const back = readWorkspace(text);
    expect(back.workspace).toMatchObject({ idField: 'event.id', expectations: page });
  });

  it('an id field whose ids would mean something else: the file goes without it, keyed as the page keys them', async () => {
    // Two events share one host name: expecting only one of them cannot be said by that id.
    const text = writeWorkspace({
      rule: defaultExample.query,
      events: defaultExample.events,
      idField: 'host.name',
      expectations: page,
    });
    const json = JSON.parse(text) as { idField?: string; expectations: Record<string, unknown> };
    expect(json.idField).toBeUndefined();
    expect(Object.keys(json.expectations)).toEqual(['0', '13']);
    expect((await cli('test', file('plain.json', text))).code).toBe(0);
  });

  it('without expectations the id field is written as it is; a file without one reads as before', () => {
    const text = writeWorkspace({ rule: 'any where true', events: '[]', idField: 'serial' });
    expect(JSON.parse(text)).toMatchObject({ idField: 'serial' });
    expect(readWorkspace(text).workspace?.idField).toBe('serial');
    const old = writeWorkspace({ rule: 'any where true', events: defaultExample.events, expectations: page });
    expect(readWorkspace(old).workspace).toMatchObject({ expectations: page });
    expect(readWorkspace(old).workspace?.idField).toBeUndefined();
  });
});
