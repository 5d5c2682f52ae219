import { describe, expect, it } from 'vitest';
import { parseMapping } from '../../../src/core/schema/mapping';
import { loadDataset, loadSuite, sharedAvailable, SHARED_SKIP_REASON } from '../../conformance/harness';

describe.skipIf(!sharedAvailable())(
  `conformance data loads through the events and mapping readers (${SHARED_SKIP_REASON})`,
  () => {
    it('loads every suite with the README query counts', () => {
      expect(loadSuite('test_queries.toml')).toHaveLength(133);
      expect(loadSuite('additional_test_queries.toml')).toHaveLength(61);
      expect(loadSuite('test_extra.toml')).toHaveLength(40);
      expect(loadSuite('test_sample.toml')).toHaveLength(25);
      expect(loadSuite('test_missing_events.toml')).toHaveLength(26);
      const withNull = loadSuite('test_extra.toml').find((q) => q.join_keys?.includes('null'));
      expect(withNull).toBeDefined();
    });

    it('endgame: ids from serial_event_id and @timestamp derived from the FILETIME', () => {
      const d = loadDataset('endgame');
      expect(d.diagnostics).toEqual([]);
      expect(d.events).toHaveLength(102);
      const byId = new Map(d.events.map((e) => [e.id, e]));
      expect(byId.get('97')!.doc['@timestamp']).toBe(1516116808349);
      expect(new Date(byId.get('18')!.doc['@timestamp'] as number).toISOString()).toBe('2017-08-30T20:47:33.000Z');
      expect(d.settings).toEqual({
        eventCategoryField: 'event.category',
        timestampField: '@timestamp',
        tiebreakerField: 'serial_event_id',
      });
    });

    it('endgame nanos: @timestamp keeps nanosecond precision', () => {
      const byId = new Map(loadDataset('endgame-nanos').events.map((e) => [e.id, e]));
      expect(byId.get('54')!.doc['@timestamp']).toBe('1974-03-03T02:22:54.294365140Z');
      expect(byId.get('2')!.doc['@timestamp']).toBe('1974-03-02T19:53:16.510000000Z');
    });

    it('samples: three indices, each event keeps its _index, mappings merge', () => {
      const d = loadDataset('sample');
      expect(d.diagnostics).toEqual([]);
      expect(new Set(d.events.map((e) => e.index))).toEqual(new Set(['sample1', 'sample2', 'sample3']));
      expect(d.events.map((e) => e.position)).toEqual(d.events.map((_, k) => k));
      const m = parseMapping(d.mappingText);
      expect(m.diagnostics).toEqual([]);
      expect(m.fields.find((f) => f.name === '@timestamp_pretty')?.format).toBe('dd-MM-yyyy||yyyy-MM-dd');
    });

    it('missing-events: comment lines are skipped', () => {
      const d = loadDataset('missing-events');
      expect(d.diagnostics).toEqual([]);
      expect(d.events).toHaveLength(48);
    });
  },
);
