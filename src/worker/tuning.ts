/**
 * The tuning work the worker does for the page: the verdict diff against a baseline (whose
 * result is kept, so it is evaluated once per baseline, mapping and events, not per keystroke),
 * clause impact, rule tests, exclusion proposals, field values for completion, rule export and
 * workspace files. The page holds no core runtime, so everything here answers in plain data.
 * No messaging: eval.worker.ts moves the messages; unit tests call these directly.
 */
import {
  checkExpectations,
  clauseImpact,
  diffVerdicts,
  evaluate,
  fieldValues,
  proposeExclusions,
  LineIndex,
  type EvaluationResult,
  type EventDoc,
  type ExceptionInput,
  type Expectations,
  type RuleMetadata,
  type Settings,
} from '../core';
import { derivedRuleId, ruleToKibanaNdjson, ruleToToml } from '../formats/rules';
import { parseEvents } from '../formats/events';
import { parseWorkspace, serializeWorkspace } from '../formats/workspace';
import { expectationsFromFile, expectationsUnder } from '../formats/workspace-ids';
import type {
  BaselineInput,
  DiffView,
  ProposalResult,
  ProposeInput,
  RuleExportFormat,
  RuleMetadataView,
  RuleSettingsView,
  TuningRequest,
  TuningView,
  WorkspaceView,
  ProblemView,
} from './protocol';

/** What an evaluation ran on: the events and the request settings besides the rule. */
export interface EvaluationContext {
  /** Identifies the events (changes whenever they do). */
  readonly eventsKey: string;
  readonly events: readonly EventDoc[];
  readonly mapping: string;
  /** Rule exceptions the page applies (proposals are tried with them, as the rule runs). */
  readonly exceptions?: ExceptionInput;
}

function run(rule: string, settings: Partial<Settings>, ctx: EvaluationContext): EvaluationResult {
  return evaluate({
    rule,
    events: ctx.events,
    settings,
    ...(ctx.mapping.trim() ? { mapping: ctx.mapping } : {}),
  });
}

/** The baseline's result, kept while the baseline, the mapping and the events stay the same. */
export class BaselineCache {
  private kept: { readonly key: string; readonly result: EvaluationResult } | undefined;
  /** How many times the baseline was evaluated (for tests). */
  evaluations = 0;

  result(baseline: BaselineInput, ctx: EvaluationContext): EvaluationResult {
    const key = `${ctx.eventsKey}\u0000${ctx.mapping}\u0000${baseline.rule}\u0000${JSON.stringify(baseline.settings)}`;
    if (this.kept?.key !== key) {
      this.evaluations++;
      this.kept = { key, result: run(baseline.rule, baseline.settings, ctx) };
    }
    return this.kept.result;
  }
}

function diffView(baseline: EvaluationResult, current: EvaluationResult, count: number): DiffView {
  const d = diffVerdicts(baseline, current, count);
  return {
    comparable: d.comparable,
    changes: d.changes.map(({ baselineReasons: _, ...c }) => c),
    deltas: d.deltas,
    baselineCounts: d.baselineCounts,
    appeared: d.appeared,
    disappeared: d.disappeared,
    summary: d.summary,
  };
}

/** The tuning views for one evaluation. */
export function tuningView(
  request: TuningRequest,
  current: EvaluationResult,
  ctx: EvaluationContext,
  baselines: BaselineCache,
): TuningView {
  const impact = clauseImpact(current);
  const expectations = request.expectations as Expectations | undefined;
  return {
    ...(request.baseline
      ? { diff: diffView(baselines.result(request.baseline, ctx), current, ctx.events.length) }
      : {}),
    impact: impact.parts,
    elements: [...impact.elements],
    ...(expectations && Object.keys(expectations).length > 0
      ? { expectations: checkExpectations(current, ctx.events, expectations) }
      : {}),
  };
}

export function propose(
  rule: string,
  settings: Partial<Settings>,
  ctx: EvaluationContext,
  input: ProposeInput,
): ProposalResult {
  return proposeExclusions({
    rule,
    events: ctx.events,
    settings,
    ...(ctx.mapping.trim() ? { mapping: ctx.mapping } : {}),
    position: input.position,
    fields: input.fields,
    ...(input.value !== undefined ? { value: input.value } : {}),
    ...(input.expectations ? { expectations: input.expectations as Expectations } : {}),
    ...(ctx.exceptions ? { exceptions: ctx.exceptions } : {}),
  });
}

export function valuesOf(events: readonly EventDoc[], field: string, limit = 50) {
  return fieldValues(events, field, limit);
}

/**
 * The tuned rule as a file: the header's metadata, the rule's request settings, the query. A rule
 * without an id gets the one the Kibana writer derives from its name, so both files name it alike.
 */
export function exportRule(
  format: RuleExportFormat,
  query: string,
  metadata: RuleMetadataView,
  settings: RuleSettingsView,
): string {
  const m: RuleMetadata = {
    ...metadata,
    ruleId: metadata.ruleId ?? derivedRuleId(metadata.name ?? 'Untitled EQL rule'),
    type: 'eql',
    language: 'eql',
    ...(settings.eventCategoryField ? { eventCategoryOverride: settings.eventCategoryField } : {}),
    ...(settings.timestampField ? { timestampOverride: settings.timestampField } : {}),
    ...(settings.tiebreakerField ? { tiebreakerField: settings.tiebreakerField } : {}),
  };
  return format === 'toml' ? ruleToToml(m, query) : ruleToKibanaNdjson(m, query);
}

/**
 * Read a workspace file; its expectations come back keyed by the events' own ids (as the page
 * keys them), translated from its `idField` ids.
 */
export function readWorkspace(text: string): {
  readonly workspace?: WorkspaceView;
  readonly problems: readonly ProblemView[];
} {
  const r = parseWorkspace(text);
  const index = new LineIndex(text);
  const problems = r.diagnostics.map((d) => ({ ...d, at: index.position(d.range.start) }));
  if (!r.ok) return { problems };
  const w = r.workspace;
  if (!w.idField || !w.expectations) return { workspace: w, problems };
  const events = parseEvents(w.events, {}).events;
  return { workspace: { ...w, expectations: expectationsFromFile(events, w.idField, w.expectations) }, problems };
}

/**
 * Write a workspace file. The page keys expectations by the events' own ids: they are written
 * keyed by the ids under the file's `idField`, as the command line reads them; when that would
 * change what they mean (one id naming events that expect different verdicts), the file goes
 * without `idField`, keyed as the page keys them.
 */
export function writeWorkspace(w: WorkspaceView): string {
  const { version: _, ...rest } = w;
  const out = rest as Parameters<typeof serializeWorkspace>[0];
  if (!out.idField || !out.expectations || Object.keys(out.expectations).length === 0) return serializeWorkspace(out);
  const events = parseEvents(out.events, {}).events;
  const keyed = expectationsUnder(events, out.idField, out.expectations);
  if (keyed) return serializeWorkspace({ ...out, expectations: keyed });
  const { idField: _dropped, ...plain } = out;
  return serializeWorkspace(plain);
}
