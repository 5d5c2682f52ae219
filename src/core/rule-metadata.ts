/**
 * What a detection rule says about itself besides its query, in every rule format
 * (src/formats reads them; the worker, the UI and share links carry them).
 */

/** The rule file formats the playground reads (`eql`: plain EQL, nothing to import). */
export type RuleFormat = 'eql' | 'docs-page' | 'toml' | 'kibana-ndjson';

/** A MITRE ATT&CK tactic, technique or sub-technique. */
export interface MitreRef {
  readonly id?: string;
  readonly name?: string;
  readonly reference?: string;
}

export interface MitreTechnique extends MitreRef {
  readonly subtechniques?: readonly MitreRef[];
}

export interface ThreatMapping {
  readonly framework?: string;
  readonly tactic?: MitreRef;
  readonly techniques?: readonly MitreTechnique[];
}

/** What a rule says about itself besides its query. Every field is optional. */
export interface RuleMetadata {
  readonly ruleId?: string;
  readonly name?: string;
  readonly description?: string;
  readonly type?: string;
  readonly language?: string;
  readonly severity?: string;
  readonly riskScore?: number;
  readonly indices?: readonly string[];
  /** How often the rule runs, e.g. "5m". */
  readonly interval?: string;
  /** Look-back start, e.g. "now-9m". */
  readonly from?: string;
  readonly maxSignals?: number;
  readonly references?: readonly string[];
  readonly tags?: readonly string[];
  readonly version?: number;
  readonly authors?: readonly string[];
  readonly license?: string;
  readonly falsePositives?: readonly string[];
  readonly note?: string;
  readonly setup?: string;
  readonly threat?: readonly ThreatMapping[];
  /** Evaluation settings the rule carries; the UI applies them. */
  readonly eventCategoryOverride?: string;
  readonly timestampOverride?: string;
  readonly tiebreakerField?: string;
  /** detection-rules [metadata] */
  readonly creationDate?: string;
  readonly updatedDate?: string;
  readonly maturity?: string;
  readonly integrations?: readonly string[];
  readonly minStackVersion?: string;
}
