/**
 * Rule import for the UI: reads a rule file with the formats layer and reduces it to the plain
 * view the header, the editor and the settings need (see ParsedRuleView in protocol.ts).
 */
import { parseRuleText, type ParsedRule, type RuleMetadata, type ThreatMapping } from '../formats/rules';
import {
  SHOWN_METADATA_KEYS,
  type ParsedRuleView,
  type RuleMetadataView,
  type RuleSettingsView,
  type ThreatView,
} from './protocol';

function threatView(t: ThreatMapping): ThreatView {
  return {
    ...(t.framework !== undefined ? { framework: t.framework } : {}),
    ...(t.tactic ? { tactic: { ...t.tactic } } : {}),
    ...(t.techniques
      ? {
          techniques: t.techniques.map((tech) => ({
            ...(tech.id !== undefined ? { id: tech.id } : {}),
            ...(tech.name !== undefined ? { name: tech.name } : {}),
            ...(tech.reference !== undefined ? { reference: tech.reference } : {}),
            ...(tech.subtechniques ? { subtechniques: tech.subtechniques.map((s) => ({ ...s })) } : {}),
          })),
        }
      : {}),
  };
}

/** The header's metadata: only the keys the UI shows or shares. */
export function metadataView(m: RuleMetadata): RuleMetadataView {
  const out: Record<string, unknown> = {};
  for (const k of SHOWN_METADATA_KEYS) {
    const v = m[k];
    if (v !== undefined) out[k] = Array.isArray(v) ? [...v] : v;
  }
  if (m.threat && m.threat.length > 0) out.threat = m.threat.map(threatView);
  return out as RuleMetadataView;
}

/** The request settings the rule overrides. */
export function settingsView(m: RuleMetadata): RuleSettingsView {
  const nonEmpty = (s: string | undefined) => (s !== undefined && s.trim() !== '' ? s.trim() : undefined);
  const category = nonEmpty(m.eventCategoryOverride);
  const timestamp = nonEmpty(m.timestampOverride);
  const tiebreaker = nonEmpty(m.tiebreakerField);
  return {
    ...(category ? { eventCategoryField: category } : {}),
    ...(timestamp ? { timestampField: timestamp } : {}),
    ...(tiebreaker ? { tiebreakerField: tiebreaker } : {}),
  };
}

export function parsedRuleView(p: ParsedRule): ParsedRuleView {
  return {
    format: p.format,
    query: p.query,
    metadata: metadataView(p.metadata),
    settings: settingsView(p.metadata),
    diagnostics: p.diagnostics,
  };
}

/** Read a pasted or opened rule file. Never throws. */
export function importRule(text: string, filename?: string): ParsedRuleView {
  return parsedRuleView(parseRuleText(text, filename));
}
