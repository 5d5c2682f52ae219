import { describe, expect, test } from 'vitest';
import {
  defaultDocState,
  fromSharePayload,
  parseDraft,
  readMetadata,
  serializeDraft,
  toCoreSettings,
  toSharePayload,
} from '../../../src/ui/state/doc-state';
import {
  displayName,
  isImportable,
  looksLikeRuleFile,
  metadataAfterEdit,
  planImport,
  replacesRule,
} from '../../../src/ui/state/rule-import';
import { fieldLabels, fieldsInRule, RULE_KEYWORDS } from '../../../src/ui/state/rule-fields';
import type { ParsedRuleView } from '../../../src/worker/protocol';

const parsed = (over: Partial<ParsedRuleView> = {}): ParsedRuleView => ({
  format: 'toml',
  query: 'process where true',
  metadata: { name: 'Imported one', severity: 'high', riskScore: 73 },
  settings: { timestampField: 'event.ingested' },
  diagnostics: [],
  ...over,
});

describe('looksLikeRuleFile', () => {
  test('recognises the three rule file formats, not EQL', () => {
    expect(looksLikeRuleFile('[metadata]\ncreation_date = "x"\n\n[rule]\nquery = "a"')).toBe(true);
    expect(looksLikeRuleFile('# Title\n\n## Rule query\n\n```js\nprocess where true\n```')).toBe(true);
    expect(looksLikeRuleFile('{"type":"eql","query":"process where true"}')).toBe(true);
    expect(looksLikeRuleFile('process where process.name == "x"')).toBe(false);
    expect(looksLikeRuleFile('sequence [process where true] [file where true]')).toBe(false);
    expect(looksLikeRuleFile('')).toBe(false);
  });
  test('importable: a non-EQL format with a query', () => {
    expect(isImportable(parsed())).toBe(true);
    expect(isImportable(parsed({ query: '  ' }))).toBe(false);
    expect(isImportable(parsed({ format: 'eql' }))).toBe(false);
  });
});

describe('planImport', () => {
  test('query, metadata and settings; the overrides are listed', () => {
    const doc = defaultDocState();
    const plan = planImport(doc, parsed());
    expect(plan.rule).toBe('process where true');
    expect(plan.metadata.name).toBe('Imported one');
    expect(plan.settings.timestampField).toBe('event.ingested');
    expect(plan.settings.size).toBe(doc.settings.size);
    expect(plan.changes).toEqual(['timestamp field → event.ingested']);
  });
  test("a previous rule's override goes back to the default", () => {
    const doc = {
      ...defaultDocState(),
      settings: { ...defaultDocState().settings, tiebreakerField: 'event.sequence', eventCategoryField: 'event.kind' },
    };
    const plan = planImport(doc, parsed({ settings: {} }));
    expect(plan.settings.tiebreakerField).toBe('');
    expect(plan.settings.eventCategoryField).toBe('event.category');
    expect(plan.changes).toEqual(['event category field → event.category', 'tiebreaker field → none']);
  });
  test('a file without metadata still gets a name', () => {
    expect(planImport(defaultDocState(), parsed({ metadata: {} })).metadata).toEqual({ name: 'Imported rule' });
  });
});

describe('header metadata after edits', () => {
  const meta = { name: 'Rule' };
  test('cleared editor or replaced rule: no metadata; small edits keep it', () => {
    expect(metadataAfterEdit(meta, '  \n', false)).toBeUndefined();
    expect(metadataAfterEdit(meta, 'x', true)).toBeUndefined();
    expect(metadataAfterEdit(meta, 'process where true', false)).toBe(meta);
  });
  test('replacesRule tells a replacement from an edit', () => {
    const rule = 'file where host.os.type == "linux" and file.path : "/etc/apt/*"';
    expect(replacesRule(rule, `${rule} and not process.name == "dpkg"`)).toBe(false);
    expect(replacesRule(rule, rule.replace('linux', 'macos'))).toBe(false);
    expect(replacesRule(rule, rule.slice(0, 20))).toBe(false);
    expect(replacesRule(rule, 'p')).toBe(true);
    expect(replacesRule(rule, 'process where process.name == "bash"')).toBe(true);
    expect(replacesRule('', 'x')).toBe(false);
  });
  test('display name', () => {
    expect(displayName(undefined)).toBe('Untitled rule');
    expect(displayName({ severity: 'low' })).toBe('Untitled rule');
    expect(displayName(meta)).toBe('Rule');
  });
});

describe('metadata and settings in links and drafts', () => {
  test('imported metadata round-trips; the default example is not carried; none is null', () => {
    const doc = {
      ...defaultDocState(),
      metadata: { name: 'Imported one', severity: 'high', riskScore: 73, indices: ['logs-*'] },
    };
    const payload = toSharePayload(doc);
    expect(payload.meta).toEqual(doc.metadata);
    expect(fromSharePayload(payload).metadata).toEqual(doc.metadata);
    expect(toSharePayload(defaultDocState()).meta).toBeUndefined();
    expect(toSharePayload({ ...defaultDocState(), metadata: undefined }).meta).toBeNull();
    expect(fromSharePayload({ rule: 'r', events: 'e', meta: null }).metadata).toBeUndefined();
    const draft = parseDraft(serializeDraft({ state: doc }));
    expect(draft?.state.metadata).toEqual(doc.metadata);
  });
  test('readMetadata keeps well-typed keys only', () => {
    expect(readMetadata({ name: 'n', riskScore: 'high', indices: ['a', 3], extra: 1 })).toEqual({
      name: 'n',
      indices: ['a'],
    });
    expect(readMetadata('x')).toBeUndefined();
    expect(readMetadata({})).toBeUndefined();
  });
  test('max samples per key is a setting that links carry only when changed', () => {
    const doc = { ...defaultDocState(), settings: { ...defaultDocState().settings, maxSamplesPerKey: 3 } };
    expect(toSharePayload(doc).settings).toEqual({ maxSamplesPerKey: 3 });
    expect(fromSharePayload(toSharePayload(doc)).settings.maxSamplesPerKey).toBe(3);
    expect(toCoreSettings(doc.settings).maxSamplesPerKey).toBe(3);
    expect(toCoreSettings({ ...doc.settings, maxSamplesPerKey: 0 }).maxSamplesPerKey).toBe(1);
    expect(fromSharePayload({ rule: 'r', events: 'e' }).settings.maxSamplesPerKey).toBe(1);
  });
});

describe('key-field columns', () => {
  test('durations and numbers are not fields; ambiguous labels get their parent', () => {
    const f = fieldsInRule(
      'sequence by host.id with maxspan=10s [process where host.os.type == "a" and event.type == "x" and n > 1.5]',
      RULE_KEYWORDS,
    );
    expect(f).toEqual(['host.id', 'host.os.type', 'event.type', 'n']);
    expect(fieldLabels(f)).toEqual(['id', 'os.type', 'event.type', 'n']);
  });
});
