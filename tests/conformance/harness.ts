/**
 * Loads the Elasticsearch EQL conformance suites and their datasets from ../shared/conformance/es
 * (relative to the project root), the way the Elasticsearch QA harness does: mapping comment lines
 * dropped, the `[runtime_random_keyword_type]` placeholder read as keyword, the endgame dataset's
 * FILETIME `timestamp` turned into `@timestamp`, and the sample indices loaded side by side.
 *
 * The data is not copied into the project; suites that need it skip with `SHARED_SKIP_REASON`.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseToml } from 'smol-toml';
import type { EventDoc } from '../../src/core/runtime/event';
import { blankCommentLines } from '../../src/core/schema/json-syntax';
import type { Diagnostic } from '../../src/core/diagnostics/diagnostic';
import { parseEvents } from '../../src/formats/events';

export const PROJECT_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const CONFORMANCE_DIR = resolve(PROJECT_ROOT, '../shared/conformance/es');
export const SHARED_SKIP_REASON = `conformance data not found at ${CONFORMANCE_DIR} (the shared folder is not checked out next to the project)`;

export type SuiteName =
  | 'test_queries.toml'
  | 'additional_test_queries.toml'
  | 'test_queries_date.toml'
  | 'test_queries_date_nanos.toml'
  | 'test_extra.toml'
  | 'test_sample.toml'
  | 'test_sample_multi.toml'
  | 'test_missing_events.toml'
  | 'test_failing_shards.toml';

export type DatasetKind =
  | 'endgame'
  | 'endgame-nanos'
  | 'extra'
  | 'missing-events'
  | 'sample'
  | 'sample-multi'
  | 'failing-shards';

export interface SuiteEntry {
  readonly name: string;
  /** Query text, surrounding whitespace trimmed (as the ES loader does). */
  readonly query: string;
  /** Flat id list, or (sample suites) a list of acceptable id lists. -1 marks a missing-event step. */
  readonly expected_event_ids: number[] | number[][];
  /** Flattened join keys as strings; a null key is "null". */
  readonly join_keys?: string[];
  readonly size?: number;
  readonly max_samples_per_key?: number;
  readonly allow_partial_search_results?: boolean;
  readonly allow_partial_sequence_results?: boolean;
  readonly expect_shard_failures?: boolean;
  readonly [key: string]: unknown;
}

export interface DatasetSettings {
  readonly eventCategoryField: string;
  readonly timestampField: string;
  readonly tiebreakerField: string;
}

export interface Dataset {
  readonly events: EventDoc[];
  /** The mapping as one text; several indices are merged into a GET _mapping-style response. */
  readonly mappingText: string;
  /** Each index's own mapping text (comment lines blanked). */
  readonly mappingTexts: Readonly<Record<string, string>>;
  readonly settings: DatasetSettings;
  /** The field each event's id is read from. */
  readonly idField: string;
  /** Loader diagnostics (expected to be empty). */
  readonly diagnostics: Diagnostic[];
}

/** True when the shared conformance folder is present. */
export function sharedAvailable(): boolean {
  return existsSync(resolve(CONFORMANCE_DIR, 'test_queries.toml'));
}

function read(file: string): string {
  return readFileSync(resolve(CONFORMANCE_DIR, file), 'utf8');
}

/** Which dataset a suite runs against (conformance README, section 4.1). */
export function datasetForSuite(name: SuiteName): DatasetKind {
  switch (name) {
    case 'test_queries.toml':
    case 'additional_test_queries.toml':
    case 'test_queries_date.toml':
      return 'endgame';
    case 'test_queries_date_nanos.toml':
      return 'endgame-nanos';
    case 'test_extra.toml':
      return 'extra';
    case 'test_missing_events.toml':
      return 'missing-events';
    case 'test_sample.toml':
      return 'sample';
    case 'test_sample_multi.toml':
      return 'sample-multi';
    case 'test_failing_shards.toml':
      return 'failing-shards';
  }
}

/** The bare `null` in test_extra.toml join_keys is not TOML; write it as the string "null". */
function fixBareNulls(text: string): string {
  return text.replace(/^(\s*join_keys\s*=.*)$/gm, (line) => line.replace(/(?<=[[,]\s*)null(?=\s*[,\]])/g, '"null"'));
}

/** Load the `[[queries]]` of one suite. */
export function loadSuite(name: SuiteName): SuiteEntry[] {
  const doc = parseToml(fixBareNulls(read(name))) as { queries?: Record<string, unknown>[] };
  return (doc.queries ?? []).map((q, k) => {
    const entry: Record<string, unknown> = { ...q };
    entry.name = typeof q.name === 'string' ? q.name : `${name}#${k + 1}`;
    entry.query = typeof q.query === 'string' ? q.query.trim() : '';
    if (Array.isArray(q.join_keys)) entry.join_keys = q.join_keys.map((v) => (v === null ? 'null' : String(v)));
    return entry as unknown as SuiteEntry;
  });
}

const FILETIME_EPOCH_OFFSET_MS = 11644473600000n;

/** The raw digits of the `timestamp` field inside one event's text (it exceeds 2^53). */
function rawTimestamp(text: string, e: EventDoc): bigint | undefined {
  const slice = e.range ? text.slice(e.range.start, e.range.end) : JSON.stringify(e.source);
  const m = /"timestamp"\s*:\s*(-?\d+)/.exec(slice);
  return m ? BigInt(m[1]!) : undefined;
}

/** ISO-8601 with nine fraction digits for nanoseconds since the epoch. */
function isoNanos(ns: bigint): string {
  const ms = ns / 1_000_000n;
  const frac = ((ns % 1_000_000_000n) + 1_000_000_000n) % 1_000_000_000n;
  const iso = new Date(Number(ms)).toISOString(); // yyyy-mm-ddThh:mm:ss.sssZ
  return `${iso.slice(0, 19)}.${frac.toString().padStart(9, '0')}Z`;
}

function withSource(e: EventDoc, extra: Record<string, unknown>, index: string, position: number): EventDoc {
  const source = { ...e.source, ...extra };
  const doc = e.doc === e.source ? source : { ...e.doc, ...extra };
  return { ...e, source, doc, index, position };
}

interface IndexFile {
  readonly index: string;
  readonly data: string;
  readonly mapping: string;
  readonly timestamps?: 'millis' | 'nanos';
}

function loadIndices(files: readonly IndexFile[], idField: string, tiebreakerField: string): Dataset {
  const events: EventDoc[] = [];
  const diagnostics: Diagnostic[] = [];
  const mappingTexts: Record<string, string> = {};
  for (const f of files) {
    const text = blankCommentLines(read(f.data));
    const parsed = parseEvents(text, { idField, timestampField: '@timestamp' });
    diagnostics.push(...parsed.diagnostics);
    for (const e of parsed.events) {
      const extra: Record<string, unknown> = {};
      if (f.timestamps) {
        const raw = rawTimestamp(text, e);
        if (raw !== undefined) {
          if (f.timestamps === 'millis') {
            extra['@timestamp'] = Number(raw / 10000n - FILETIME_EPOCH_OFFSET_MS);
          } else {
            extra['@timestamp'] = isoNanos(raw);
            extra.timestamp = Number(raw / 1_000_000n);
          }
        }
      }
      events.push(withSource(e, extra, f.index, events.length));
    }
    mappingTexts[f.index] = blankCommentLines(read(f.mapping));
  }
  const names = Object.keys(mappingTexts);
  const mappingText =
    names.length === 1
      ? mappingTexts[names[0]!]!
      : `{\n${names.map((n) => `${JSON.stringify(n)}: { "mappings": ${mappingTexts[n]!.trim()} }`).join(',\n')}\n}\n`;
  return {
    events,
    mappingText,
    mappingTexts,
    settings: { eventCategoryField: 'event.category', timestampField: '@timestamp', tiebreakerField },
    idField,
    diagnostics,
  };
}

/** Load the events, mapping and search settings of one dataset (README section 4.1). */
export function loadDataset(kind: DatasetKind): Dataset {
  switch (kind) {
    case 'endgame':
      return loadIndices(
        [{ index: 'endgame-140', data: 'test_data.json', mapping: 'endgame-140.mapping', timestamps: 'millis' }],
        'serial_event_id',
        'serial_event_id',
      );
    case 'endgame-nanos':
      return loadIndices(
        [
          {
            index: 'endgame-140-nanos',
            data: 'test_data.json',
            mapping: 'endgame-140-nanos.mapping',
            timestamps: 'nanos',
          },
        ],
        'serial_event_id',
        'serial_event_id',
      );
    case 'failing-shards':
      return loadIndices(
        [
          { index: 'endgame-140', data: 'test_data.json', mapping: 'endgame-140.mapping', timestamps: 'millis' },
          {
            index: 'endgame-shard-failures',
            data: 'endgame-shard-failures.data',
            mapping: 'endgame-shard-failures.mapping',
            timestamps: 'millis',
          },
        ],
        'serial_event_id',
        'serial_event_id',
      );
    case 'extra':
      return loadIndices([{ index: 'extra', data: 'extra.data', mapping: 'extra.mapping' }], 'sequence', 'sequence');
    case 'missing-events':
      return loadIndices(
        [{ index: 'missing-events', data: 'missing-events.data', mapping: 'missing-events.mapping' }],
        'sequence',
        'sequence',
      );
    case 'sample':
      return loadIndices(
        [
          { index: 'sample1', data: 'sample1.data', mapping: 'sample1.mapping' },
          { index: 'sample2', data: 'sample2.data', mapping: 'sample2.mapping' },
          { index: 'sample3', data: 'sample3.data', mapping: 'sample3.mapping' },
        ],
        'id',
        'id',
      );
    case 'sample-multi':
      return loadIndices(
        [{ index: 'sample-multi', data: 'sample-multi.data', mapping: 'sample-multi.mapping' }],
        'id',
        'id',
      );
  }
}
