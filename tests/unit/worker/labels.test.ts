import { describe, expect, it } from 'vitest';
import { parseEvents } from '../../../src/formats/events';
import { eventLabels, ordinalLabel } from '../../../src/worker/labels';
import { WorkerSession, textChunks } from '../../../src/worker/session';
import { requestProblem } from '../../../src/worker/validate';

const events = (text: string) => parseEvents(text, {}).events;

describe('the ids events are shown by', () => {
  it('the id field as nested, as a dotted key, a number, the first of an array; else _id, else "#N"', () => {
    const evs = events(
      [
        '{"event": {"id": "ev-1"}}',
        '{"event.id": 42}',
        '{"event": {"id": ["a", "b"]}}',
        '{"_id": "doc-9", "event": {}}',
        '{"event": {"id": ""}}',
        '{"event": {"id": {"nested": 1}}}',
        '{"event": {"id": true}}',
      ].join('\n'),
    );
    expect(eventLabels(evs, 'event.id')).toEqual(['ev-1', '42', 'a', 'doc-9', '#5', '#6', '#7']);
    // No field: every event by its _id or number.
    expect(eventLabels(evs, '')).toEqual(['#1', '#2', '#3', 'doc-9', '#5', '#6', '#7']);
    expect(ordinalLabel('4', 4)).toBe('#5');
    expect(ordinalLabel('ev-4', 4)).toBe('ev-4');
  });

  it('100,000 events are labelled under another field in well under a second', () => {
    const text = Array.from({ length: 100_000 }, (_, i) => `{"event":{"id":"e-${i}"},"serial":${100_000 - i}}`).join(
      '\n',
    );
    const s = new WorkerSession();
    const info = s.loadText(text);
    expect(info.labels[5]).toBe('e-5');
    const t0 = performance.now();
    const { labels } = s.labels('serial');
    const ms = performance.now() - t0;
    expect(labels[5]).toBe('99995');
    expect(ms).toBeLessThan(1000);
  });
});

describe('WorkerSession: labels under the id field asked for', () => {
  const text = [30, 4, 100].map((n, i) => JSON.stringify({ event: { id: `e-${i}` }, serial: n })).join('\n');

  it('a load shows the events by its label field (event.id by default); the core ids stay', async () => {
    const s = new WorkerSession();
    expect(s.loadText(text)).toMatchObject({ ids: ['0', '1', '2'], labels: ['e-0', 'e-1', 'e-2'] });
    expect(s.loadText(text, undefined, 'serial')).toMatchObject({
      ids: ['0', '1', '2'],
      labels: ['30', '4', '100'],
      labelField: 'serial',
    });
    const streamed = await s.loadChunks(textChunks(text, 7), text.length, 'f', undefined, () => {}, 'serial');
    expect(streamed.labels).toEqual(['30', '4', '100']);
  });

  it('another field relabels the same events version, kept until an edit; later infos and searches use it', () => {
    const s = new WorkerSession();
    const info = s.loadText(text);
    const a = s.labels('serial');
    expect(a).toEqual({ datasetVersion: info.version, labels: ['30', '4', '100'] });
    expect(s.labels('serial').labels).toBe(a.labels);
    // The search reads the shown ids: "#2" is no event's text, but the second event's number.
    expect([...s.search('#2')]).toEqual([]);
    expect([...s.search('#2', 'none')]).toEqual([1]);
    expect(s.dataset.labelField).toBe('none');
    s.labels('serial');
    const edited = s.edit(1, '{"event": {"id": "e-1"}, "serial": 5}');
    expect(edited.info).toMatchObject({ labelField: 'serial', labels: ['30', '5', '100'] });
    expect(s.labels('serial').labels).not.toBe(a.labels);
  });

  it('the requests are checked: a label field is text', () => {
    expect(requestProblem({ type: 'labels', id: 1, labelField: 'serial' })).toBeUndefined();
    expect(requestProblem({ type: 'labels', id: 1, labelField: 3 })).toBe('the id field is not text');
    expect(requestProblem({ type: 'search', id: 1, query: 'x', labelField: 'a' })).toBeUndefined();
    expect(requestProblem({ type: 'search', id: 1, query: 'x', labelField: {} })).toBe('the query is not text');
    expect(requestProblem({ type: 'loadText', id: 1, text: '', labelField: 1 })).toBe('the events are not text');
  });
});
