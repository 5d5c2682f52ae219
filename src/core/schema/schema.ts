/**
 * The field catalogue of one evaluation, in layers (later wins):
 *
 *   with a user mapping:     ECS < Elastic Defend < inferred from events < user mapping
 *   without a user mapping:  inferred from events < ECS < Elastic Defend
 *
 * Without a mapping the playground stands in for an ECS / Elastic Defend index, whose templates
 * map the known fields (so `host.ip` stays `ip` even though dynamic mapping would make it text);
 * inference then only adds the fields those templates do not know. With a mapping, the pasted
 * index is the truth and unmapped fields are dynamically mapped, as Elasticsearch does.
 */
import type { EventDoc } from '../runtime/event';
import { defendFields } from './endpoint-fields';
import ecsData from './generated/ecs-fields.json';
import { inferFields } from './infer';
import type { FieldInfo, Schema } from './types';

type EcsRow = readonly [string, number, string, number?, string?];

interface BaseLayer {
  readonly fields: ReadonlyMap<string, FieldInfo>;
  readonly names: readonly string[];
}

let base: BaseLayer | undefined;

/** ECS version of the bundled field list. */
export const ECS_VERSION: string = (ecsData as { version: string }).version;

/** ECS + Elastic Defend fields, built once per module instance. */
export function baseFields(): BaseLayer {
  if (base) return base;
  const fields = new Map<string, FieldInfo>();
  const rows = (ecsData as unknown as { fields: Record<string, EcsRow> }).fields;
  for (const name of Object.keys(rows)) {
    const [type, array, description, ignoreAbove, keywordSubfield] = rows[name]!;
    const info: { -readonly [K in keyof FieldInfo]: FieldInfo[K] } = { name, type, origin: 'ecs' };
    if (array) info.array = true;
    if (description) info.description = description;
    if (ignoreAbove) info.ignoreAbove = ignoreAbove;
    if (keywordSubfield) info.keywordSubfield = keywordSubfield;
    fields.set(name, info);
  }
  // Defend's own mapping wins over ECS for the fields it maps (and has no multi-fields).
  for (const f of defendFields((name) => fields.get(name)?.description)) fields.set(f.name, f);
  base = { fields, names: [...fields.keys()].sort() };
  return base;
}

export interface BuildSchemaOptions {
  /** Fields of a user-supplied index mapping (see parseMapping). */
  readonly mappingFields?: readonly FieldInfo[];
  /** Loaded events: their fields are inferred and decide `isMapped`. */
  readonly events?: readonly EventDoc[];
}

const MAX_ALIAS_HOPS = 8;

/** Build the schema for one evaluation. Cheap when neither mapping nor events change much. */
const inferCache = new WeakMap<readonly EventDoc[], ReturnType<typeof inferFields>>();

/** Inference walks every event: do it once per loaded event list (rule edits reuse it). */
function inferredFor(events: readonly EventDoc[]): ReturnType<typeof inferFields> {
  let r = inferCache.get(events);
  if (!r) {
    r = inferFields(events);
    inferCache.set(events, r);
  }
  return r;
}

export function buildSchema(options: BuildSchemaOptions = {}): Schema {
  const { fields: baseMap, names: baseNames } = baseFields();
  const mapping = new Map<string, FieldInfo>();
  for (const f of options.mappingFields ?? []) mapping.set(f.name, f);
  const hasUserMapping = mapping.size > 0;

  const inferred = new Map<string, FieldInfo>();
  let valued: ReadonlySet<string> = new Set();
  if (options.events && options.events.length > 0) {
    const result = inferredFor(options.events);
    for (const f of result.fields) inferred.set(f.name, f);
    valued = result.valued;
    // Dynamic mapping adds `x.keyword` only under a string it maps itself as text: not under
    // a field the mapping or the built-in schema already types.
    for (const name of inferred.keys()) {
      if (!name.endsWith('.keyword')) continue;
      const parent = name.slice(0, -'.keyword'.length);
      if (mapping.has(parent) || baseMap.has(parent)) inferred.delete(name);
    }
  }

  const lookup = hasUserMapping
    ? (name: string): FieldInfo | undefined => mapping.get(name) ?? inferred.get(name) ?? baseMap.get(name)
    : (name: string): FieldInfo | undefined => baseMap.get(name) ?? inferred.get(name);

  let names: readonly string[] | undefined;

  return {
    hasUserMapping,
    get(name: string): FieldInfo | undefined {
      let info = lookup(name);
      for (let hops = 0; info && info.aliasOf !== undefined && hops < MAX_ALIAS_HOPS; hops++) {
        const target = lookup(info.aliasOf);
        if (!target) return info;
        info = target;
      }
      return info;
    },
    names(): readonly string[] {
      if (names) return names;
      if (mapping.size === 0 && inferred.size === 0) names = baseNames;
      else {
        const all = new Set(baseNames);
        for (const n of inferred.keys()) all.add(n);
        for (const n of mapping.keys()) all.add(n);
        names = [...all].sort();
      }
      return names;
    },
    isMapped(name: string): boolean {
      return mapping.has(name) || valued.has(name);
    },
  };
}
