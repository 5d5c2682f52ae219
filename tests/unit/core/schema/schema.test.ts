import { describe, expect, it } from 'vitest';
import type { EventDoc } from '../../../../src/core/runtime/event';
import { DEFEND_DESCRIPTIONS } from '../../../../src/core/schema/endpoint-fields';
import { parseMapping } from '../../../../src/core/schema/mapping';
import { baseFields, buildSchema, ECS_VERSION } from '../../../../src/core/schema/schema';

function events(...sources: Record<string, unknown>[]): EventDoc[] {
  return sources.map((source, k) => ({ id: String(k), source, doc: source, position: k }));
}

describe('buildSchema', () => {
  it('knows ECS fields with types, array flags and descriptions', () => {
    const s = buildSchema();
    expect(ECS_VERSION).toMatch(/^\d+\.\d+\.\d+$/);
    expect(s.get('cloud.provider')).toMatchObject({ type: 'keyword', origin: 'ecs' });
    expect(s.get('process.name')).toMatchObject({ type: 'keyword', origin: 'endpoint' });
    expect(s.get('event.category')).toMatchObject({ type: 'keyword', array: true });
    expect(s.get('host.ip')).toMatchObject({ type: 'ip', array: true });
    expect(s.get('@timestamp')?.type).toBe('date');
    expect(s.get('process.pid')?.type).toBe('long');
    expect(s.get('message')?.type).toBe('match_only_text');
    expect(s.get('process.name')?.description).toBeTruthy();
    expect(s.hasUserMapping).toBe(false);
    expect(s.names().length).toBeGreaterThan(2500);
  });

  it('adds the whole Elastic Defend event schema, with Defend types winning over ECS', () => {
    const s = buildSchema();
    expect(s.get('file.Ext.original.extension')).toMatchObject({ type: 'keyword', origin: 'endpoint' });
    expect(s.get('process.Ext.ancestry')).toMatchObject({ type: 'keyword', origin: 'endpoint' });
    expect(s.get('host.os.Ext.variant')?.type).toBe('keyword');
    expect(s.get('Effective_process.executable')?.type).toBe('keyword');
    expect(s.get('process.Ext.relative_file_creation_time')?.type).toBe('double');
    expect(s.get('file.path.caseless')).toMatchObject({ normalizer: 'lowercase' });
    expect(s.get('elastic.agent.id')?.type).toBe('keyword');
    // Defend maps it keyword (it used to be typed long by hand).
    expect(s.get('file.Ext.windows.zone_identifier')).toMatchObject({ type: 'keyword', origin: 'endpoint' });
    expect(s.get('file.Ext.malware_signature.all_names')?.type).toBe('text');
    expect(s.get('process.Ext.code_signature')?.type).toBe('nested');
    // Fields only Defend knows get a description saying where Defend maps them.
    expect(s.get('process.Ext.memory_region.region_protection')?.description).toBeTruthy();
    for (const name of Object.keys(DEFEND_DESCRIPTIONS)) expect(s.get(name)?.origin, name).toBe('endpoint');
  });

  it('offers no inferred .keyword sub-field under a field the built-in schema knows', () => {
    const s = buildSchema({ events: events({ file: { Ext: { windows: { zone_identifier: '3' } } }, custom: 'x' }) });
    expect(s.get('file.Ext.windows.zone_identifier.keyword')).toBeUndefined();
    expect(s.names()).not.toContain('file.Ext.windows.zone_identifier.keyword');
    expect(s.get('custom.keyword')?.type).toBe('keyword');
  });

  it('without a mapping: known types win, events add unknown fields and decide isMapped', () => {
    const s = buildSchema({
      events: events({ host: { ip: ['10.0.0.1'] }, custom: { n: 3 }, process: { name: 'x', args: [] } }),
    });
    expect(s.get('host.ip')?.type).toBe('ip');
    expect(s.get('custom.n')).toMatchObject({ type: 'long', origin: 'events' });
    expect(s.isMapped('host.ip')).toBe(true);
    expect(s.isMapped('custom.n')).toBe(true);
    expect(s.isMapped('process.name')).toBe(true);
    expect(s.isMapped('process.args')).toBe(false); // empty array: not mapped
    expect(s.isMapped('process.executable')).toBe(false); // known to ECS, but no event has it
    expect(s.names()).toContain('custom.n');
  });

  it('with a mapping: mapping > inferred > ECS, and mapped fields count as mapped', () => {
    const { fields } = parseMapping(
      '{"properties":{"host":{"type":"keyword"},"process":{"properties":{"pid":{"type":"keyword"}}}}}',
    );
    const s = buildSchema({ mappingFields: fields, events: events({ tags: 'a', extra: 1.5 }) });
    expect(s.hasUserMapping).toBe(true);
    expect(s.get('host')?.type).toBe('keyword');
    expect(s.get('process.pid')?.type).toBe('keyword');
    expect(s.get('tags')).toMatchObject({ type: 'text', keywordSubfield: 'keyword' }); // dynamic, beats ECS
    expect(s.get('extra')?.type).toBe('float');
    expect(s.isMapped('host')).toBe(true);
    expect(s.isMapped('tags')).toBe(true);
    expect(s.isMapped('nope')).toBe(false);
  });

  it('shares the cached base layer between schemas', () => {
    expect(baseFields()).toBe(baseFields());
    expect(buildSchema().get('process.name')?.type).toBe(buildSchema().get('process.name')?.type);
  });

  it('alias to a missing target returns the alias itself', () => {
    const { fields } = parseMapping('{"properties":{"a":{"type":"alias","path":"nowhere"}}}');
    expect(buildSchema({ mappingFields: fields }).get('a')).toMatchObject({ type: 'alias', aliasOf: 'nowhere' });
  });
});
