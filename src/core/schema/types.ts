/** Where a field's type came from; later sources override earlier ones. */
export type FieldOrigin = 'ecs' | 'endpoint' | 'events' | 'mapping';

/** One field as Elasticsearch would map it. `type` is the ES mapping type (keyword, long, ip, ...). */
export interface FieldInfo {
  readonly name: string;
  readonly type: string;
  readonly origin: FieldOrigin;
  /** Usually holds an array of values (ECS normalize: array). */
  readonly array?: boolean;
  /** Short description (own words for Endpoint fields; ECS `short` for ECS fields). */
  readonly description?: string;
  /** For `text` fields: the name of a keyword sub-field, if any (e.g. "keyword"). */
  readonly keywordSubfield?: string;
  /** keyword `ignore_above`: longer values are not indexed, so EQL sees them as missing. */
  readonly ignoreAbove?: number;
  /** Mapping `null_value`: an explicit JSON null is indexed as this value. */
  readonly nullValue?: string | number | boolean;
  /** date `format` from the mapping. */
  readonly format?: string;
  /** keyword with a normalizer: exact-match operators are rejected. */
  readonly normalizer?: string;
  /** Field alias target (the mapping's `path`). */
  readonly aliasOf?: string;
}

/**
 * The field catalogue one evaluation sees: ECS + Elastic Defend, overlaid by fields seen in the
 * loaded events and by an optional user mapping.
 */
export interface Schema {
  /** Resolve a field (following aliases). */
  get(name: string): FieldInfo | undefined;
  /** Every known field name (for completion and did-you-mean). */
  names(): readonly string[];
  /** True when the user supplied an index mapping: unknown fields are then errors, as in ES. */
  readonly hasUserMapping: boolean;
  /** True when the field is mapped by the user mapping or has a value in some loaded event. */
  isMapped(name: string): boolean;
}
