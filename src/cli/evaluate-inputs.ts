/** Reading and evaluating the inputs `run`, `compare` and `test` name, with diagnostics located in their files. */
import { performance } from 'node:perf_hooks';
import type { Diagnostic, EvaluationResult, ExceptionInput, Settings } from '../core/index';
import { evaluate, hasErrors, resolveSettings } from '../core/index';
import { parseEvents } from '../formats/events';
import type { ParsedRule } from '../formats/rules';
import { type ParsedArgs, UsageError } from './args';
import { loadExceptions } from './exceptions-input';
import { loadRule, readText, settingsFrom } from './inputs';
import type { Texts } from './output';

/**
 * Diagnostics of a rule file, all located in the file: those of the file format as they are,
 * those of the query moved from query offsets to file offsets. When the query cannot be
 * placed in the file they stay relative to the query (then `text` is the query).
 */
export function locateInFile(
  rule: ParsedRule,
  fileText: string,
  queryDiagnostics: readonly Diagnostic[],
): { diagnostics: Diagnostic[]; text: string } {
  const at = (o: number): number | undefined =>
    rule.queryOffset >= 0 ? rule.queryOffset + o : rule.queryOffsets?.[Math.min(o, rule.queryOffsets.length - 1)];
  const placeable = rule.queryOffset >= 0 || rule.queryOffsets !== undefined;
  if (!placeable) return { diagnostics: [...rule.diagnostics, ...queryDiagnostics], text: rule.query };
  const moved = queryDiagnostics.map((d) =>
    d.source === 'rule' ? { ...d, range: { start: at(d.range.start) ?? 0, end: at(d.range.end) ?? 0 } } : d,
  );
  return { diagnostics: [...rule.diagnostics, ...moved], text: fileText };
}

/** A broken rule file (TOML syntax, no query) has no query to check: its own error is the report. */
export function hasNoQuery(rule: ParsedRule): boolean {
  return rule.query === '' && hasErrors(rule.diagnostics);
}

/** What `run` evaluated, for either output. */
export interface RunOutcome {
  /** Undefined when the rule file has no query to run (a broken TOML file): its diagnostics say why. */
  readonly result: EvaluationResult | undefined;
  readonly diagnostics: readonly Diagnostic[];
  readonly texts: Texts;
  readonly query: string;
  readonly noEvents: boolean;
  /** The request settings the rule ran with. */
  readonly settings: Settings;
  /** The rule's exceptions (for the `_eql/search` request's filter). */
  readonly exceptions: ExceptionInput | undefined;
}

/** Read the inputs `run` (and `compare`) name and evaluate them. */
export function evaluateInputs(args: ParsedArgs, explain: boolean): RunOutcome {
  const { options } = args;
  const eventsPath = options.get('events');
  if (eventsPath === undefined) throw new UsageError(`${args.command} needs --events FILE`);
  const rule = loadRule(options);
  if (rule.file && hasNoQuery(rule.file.parsed)) {
    const texts = { rule: rule.file.text, events: '', mapping: '' };
    return {
      result: undefined,
      diagnostics: rule.diagnostics,
      texts,
      query: '',
      noEvents: false,
      settings: resolveSettings({}),
      exceptions: undefined,
    };
  }
  const exceptions = loadExceptions(args.lists, options);
  const eventsText = readText(eventsPath, 'events file');
  const mappingPath = options.get('mapping');
  const mapping = mappingPath !== undefined ? readText(mappingPath, 'mapping file') : undefined;
  const idField = options.get('id-field');
  const loaded = parseEvents(eventsText, idField !== undefined ? { idField } : {});
  const settings = settingsFrom(options, rule.metadata);
  const result: EvaluationResult = evaluate({
    rule: rule.query,
    events: loaded.events,
    settings,
    ...(mapping !== undefined ? { mapping } : {}),
    ...(exceptions.input ? { exceptions: exceptions.input } : {}),
    explain,
    now: () => performance.now(),
  });
  const located = rule.file
    ? locateInFile(rule.file.parsed, rule.file.text, result.diagnostics)
    : { diagnostics: [...result.diagnostics], text: rule.query };
  const texts = { rule: located.text, events: eventsText, mapping: mapping ?? '', files: exceptions.files };
  return {
    result,
    diagnostics: [...loaded.diagnostics, ...exceptions.diagnostics, ...located.diagnostics],
    texts,
    query: rule.query,
    // An events file with errors and not one readable event is unreadable input.
    noEvents: loaded.events.length === 0 && loaded.diagnostics.some((d) => d.severity === 'error'),
    settings: resolveSettings(settings),
    exceptions: exceptions.input,
  };
}
