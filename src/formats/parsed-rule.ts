import type { Diagnostic } from '../core/diagnostics/diagnostic';
import type { RuleFormat, RuleMetadata } from '../core/rule-metadata';

/** A rule file read by any of the readers. */
export interface ParsedRule {
  readonly format: RuleFormat;
  readonly query: string;
  /** Offset of `query` inside the input when it appears there verbatim, else -1. */
  readonly queryOffset: number;
  /**
   * When the query is not verbatim in the input (escapes in a TOML basic string or a JSON
   * string): the input offset of each query character, plus one for its end.
   */
  readonly queryOffsets?: readonly number[];
  readonly metadata: RuleMetadata;
  readonly diagnostics: Diagnostic[];
}
