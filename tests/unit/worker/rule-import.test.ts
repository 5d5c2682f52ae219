import { describe, expect, it } from 'vitest';
import { importRule, metadataView, settingsView } from '../../../src/worker/rule-import';
import { EvalClient, type WorkerLike } from '../../../src/worker/client';
import type { WorkerRequest } from '../../../src/worker/protocol';

const QUERY = 'process where process.name == "sh"';

const TOML = `[metadata]
maturity = "production"

[rule]
name = "Shell"
severity = "low"
risk_score = 21
index = ["logs-*"]
interval = "5m"
from = "now-6m"
language = "eql"
type = "eql"
timestamp_override = "event.ingested"
event_category_override = "event.kind"
query = '''
${QUERY}
'''

[[rule.threat]]
framework = "MITRE ATT&CK"
[rule.threat.tactic]
id = "TA0002"
name = "Execution"
reference = "https://attack.mitre.org/tactics/TA0002/"
`;

describe('importRule (worker side of the parseRule message)', () => {
  it('reads a detection-rules TOML file into query, header metadata and settings', () => {
    const r = importRule(TOML);
    expect(r.format).toBe('toml');
    expect(r.query.trim()).toBe(QUERY);
    expect(r.metadata).toMatchObject({
      name: 'Shell',
      severity: 'low',
      riskScore: 21,
      indices: ['logs-*'],
      interval: '5m',
      from: 'now-6m',
    });
    expect(r.metadata.threat?.[0]?.tactic).toEqual({
      id: 'TA0002',
      name: 'Execution',
      reference: 'https://attack.mitre.org/tactics/TA0002/',
    });
    expect(r.settings).toEqual({ timestampField: 'event.ingested', eventCategoryField: 'event.kind' });
    expect(r.diagnostics).toEqual([]);
  });

  it('reads a Kibana export line and uses the file name to pick the format', () => {
    const line = JSON.stringify({
      type: 'eql',
      query: QUERY,
      name: 'Exported',
      tiebreaker_field: 'event.sequence',
      severity: 'high',
    });
    const r = importRule(`${line}\n{"exported_count":1}\n`, 'export.ndjson');
    expect(r.format).toBe('kibana-ndjson');
    expect(r.query).toBe(QUERY);
    expect(r.metadata.name).toBe('Exported');
    expect(r.settings).toEqual({ tiebreakerField: 'event.sequence' });
  });

  it('plain EQL has nothing to import', () => {
    const r = importRule(QUERY);
    expect(r.format).toBe('eql');
    expect(r.metadata).toEqual({});
    expect(r.settings).toEqual({});
  });

  it('reports a broken TOML file without throwing', () => {
    const r = importRule('[rule]\nname = "x\n');
    expect(r.format).toBe('toml');
    expect(r.query).toBe('');
    expect(r.diagnostics.length).toBeGreaterThan(0);
  });

  it('keeps only the metadata the header shows, and blank overrides are no overrides', () => {
    expect(metadataView({ name: 'n', note: 'long guide', setup: 'steps', tags: ['a'] })).toEqual({
      name: 'n',
      tags: ['a'],
    });
    expect(settingsView({ timestampOverride: '  ', tiebreakerField: ' event.sequence ' })).toEqual({
      tiebreakerField: 'event.sequence',
    });
  });

  it('the result is plain data (survives structured cloning)', () => {
    const r = importRule(TOML);
    expect(structuredClone(r)).toEqual(r);
  });
});

describe('EvalClient.parseRule', () => {
  class Fake implements WorkerLike {
    onmessage: ((event: MessageEvent) => void) | null = null;
    onerror: ((event: ErrorEvent) => void) | null = null;
    received: WorkerRequest[] = [];
    postMessage(m: unknown): void {
      this.received.push(m as WorkerRequest);
    }
    terminate(): void {}
  }

  it('sends the text and file name and resolves with the parsed rule', async () => {
    const w = new Fake();
    const client = new EvalClient({ createWorker: () => w, setTimer: () => 0, clearTimer: () => {} });
    const p = client.parseRule(TOML, 'rule.toml');
    const msg = w.received[0]!;
    expect(msg).toMatchObject({ type: 'parseRule', text: TOML, filename: 'rule.toml' });
    w.onmessage?.({ data: { type: 'parseRule', id: msg.id, rule: importRule(TOML, 'rule.toml') } } as MessageEvent);
    const o = await p;
    expect(o.status).toBe('ok');
    if (o.status === 'ok') expect(o.value.rule.metadata.name).toBe('Shell');
  });

  it('is served before a queued evaluation, and a newer parse supersedes a queued one', async () => {
    const w = new Fake();
    const client = new EvalClient({ createWorker: () => w, setTimer: () => 0, clearTimer: () => {} });
    const busy = client.language();
    void client.evaluate({ rule: 'x', events: '[]', settings: {}, mapping: '' }, false);
    const older = client.parseRule('a');
    void client.parseRule('b');
    expect(await older).toEqual({ status: 'superseded' });
    w.onmessage?.({
      data: { type: 'language', id: w.received[0]!.id, info: { keywords: [], functions: [], fields: [] } },
    } as MessageEvent);
    await busy;
    expect(w.received.map((m) => m.type)).toEqual(['language', 'parseRule']);
    expect(w.received[1]).toMatchObject({ text: 'b' });
  });
});
