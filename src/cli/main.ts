/**
 * eql-playground: the command-line shell over the core. The commands and options are in
 * USAGE below, the one copy of the usage text: `eql-playground --help` prints it and the
 * README shows it (a unit test keeps the two identical).
 *
 * Exit status: 0 when the query ran or everything checked clean, 1 when a query has errors,
 * 2 for usage errors or unreadable input, 3 for an internal error (a bug).
 */
import { performance } from 'node:perf_hooks';
import type { Diagnostic, EvaluationResult, Settings } from '../core/index';
import { checkQuery, evaluate, formatQuery, hasErrors } from '../core/index';
import { parseEvents } from '../formats/events';
import { type ParsedRule, parseRuleText, type RuleMetadata } from '../formats/rules';
import { parseArgs, UsageError } from './args';
import { InputError, loadRule, readText, settingsFrom } from './inputs';
import { testCommand } from './test-command';
import {
  diagnosticJson,
  joinJson,
  printDiagnostics,
  printJoinExplanation,
  printSequenceHits,
  printVerdictTable,
  terminalSafe,
  verdictJson,
} from './output';

export const USAGE = `usage:
  eql-playground run (--rule FILE | --query TEXT) --events FILE [--json] [--mapping FILE]
      [--event-category-field F] [--timestamp-field F] [--tiebreaker-field F] [--size N]
      [--result-position head|tail] [--max-samples-per-key N] [--id-field F]
      [--no-verdicts] [--stats]
  eql-playground check (--query TEXT | FILE...) [--mapping FILE] [--json]
  eql-playground format (--query TEXT | FILE)
  eql-playground test WORKSPACE.json... [--json] [--junit FILE]
  eql-playground test (--rule FILE | --query TEXT) --events FILE --expect FILE [--id-field F]
      [--mapping FILE] [--json] [--junit FILE]
`;

const VALUE_OPTIONS = new Set([
  'rule',
  'query',
  'events',
  'mapping',
  'event-category-field',
  'timestamp-field',
  'tiebreaker-field',
  'size',
  'result-position',
  'max-samples-per-key',
  'id-field',
  'expect',
  'junit',
]);
const FLAG_OPTIONS = new Set(['json', 'no-verdicts', 'stats']);

/**
 * Diagnostics of a rule file, all located in the file: those of the file format as they are,
 * those of the query moved from query offsets to file offsets. When the query cannot be
 * placed in the file they stay relative to the query (then `text` is the query).
 */
function locateInFile(
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
function hasNoQuery(rule: ParsedRule): boolean {
  return rule.query === '' && hasErrors(rule.diagnostics);
}

function run(args: ReturnType<typeof parseArgs>, out: (s: string) => void): number {
  const { options, flags } = args;
  const eventsPath = options.get('events');
  if (eventsPath === undefined) throw new UsageError('run needs --events FILE');
  const rule = loadRule(options);
  if (rule.file && hasNoQuery(rule.file.parsed)) {
    const texts = { rule: rule.file.text, events: '', mapping: '' };
    if (flags.has('json'))
      out(`${JSON.stringify({ diagnostics: rule.diagnostics.map((d) => diagnosticJson(d, texts)) })}\n`);
    else printDiagnostics(rule.diagnostics, texts, out);
    return 1;
  }
  const eventsText = readText(eventsPath, 'events file');
  const mappingPath = options.get('mapping');
  const mapping = mappingPath !== undefined ? readText(mappingPath, 'mapping file') : undefined;
  const idField = options.get('id-field');
  const loaded = parseEvents(eventsText, idField !== undefined ? { idField } : {});
  const result: EvaluationResult = evaluate({
    rule: rule.query,
    events: loaded.events,
    settings: settingsFrom(options, rule.metadata),
    ...(mapping !== undefined ? { mapping } : {}),
    explain: !flags.has('no-verdicts'),
    now: () => performance.now(),
  });
  const located = rule.file
    ? locateInFile(rule.file.parsed, rule.file.text, result.diagnostics)
    : { diagnostics: [...result.diagnostics], text: rule.query };
  const texts = { rule: located.text, events: eventsText, mapping: mapping ?? '' };
  const diagnostics = [...loaded.diagnostics, ...located.diagnostics];
  if (flags.has('json')) {
    const json: Record<string, unknown> = { diagnostics: diagnostics.map((d) => diagnosticJson(d, texts)) };
    if (result.hits) json.hits = result.hits;
    if (result.verdicts && !flags.has('no-verdicts'))
      json.verdicts = result.verdicts.map((v) => verdictJson(v, rule.query));
    if (result.join && !flags.has('no-verdicts')) Object.assign(json, joinJson(result.join, rule.query));
    if (flags.has('stats')) json.stats = result.stats;
    out(`${JSON.stringify(json)}\n`);
  } else {
    printDiagnostics(diagnostics, texts, out);
    if (result.ok) {
      if (result.verdicts && !flags.has('no-verdicts')) printVerdictTable(result.verdicts, out);
      if (result.join && !flags.has('no-verdicts')) printJoinExplanation(result.join, out);
      if (result.hits?.sequences) {
        printSequenceHits(result.hits.sequences, result.queryKind === 'sample' ? 'sample' : 'sequence', out);
      } else {
        out(`hits (what Elasticsearch returns): ${result.hits?.total.value ?? 0}\n`);
        if (result.hits?.events) for (const h of result.hits.events) out(`  ${terminalSafe(h._id)}\n`);
      }
    }
    if (flags.has('stats')) out(`stats: ${JSON.stringify(result.stats)}\n`);
  }
  // An events file with errors and not one readable event is unreadable input.
  if (loaded.events.length === 0 && loaded.diagnostics.some((d) => d.severity === 'error')) return 2;
  return result.ok ? 0 : 1;
}

/** Check one query or rule file; diagnostics located in the file. */
function checkOne(
  input: { file: string; text: string },
  inline: boolean,
  mapping: string | undefined,
): { diagnostics: Diagnostic[]; text: string } {
  const check = (query: string, metadata: RuleMetadata) =>
    checkQuery({
      rule: query,
      ...(mapping !== undefined ? { mapping } : {}),
      settings: settingsFrom(new Map(), metadata),
    });
  if (inline) return { diagnostics: [...check(input.text, {})], text: input.text };
  const rule = parseRuleText(input.text, input.file);
  if (hasNoQuery(rule)) return { diagnostics: [...rule.diagnostics], text: input.text };
  return locateInFile(rule, input.text, check(rule.query, rule.metadata));
}

function check(args: ReturnType<typeof parseArgs>, out: (s: string) => void): number {
  const { options, flags, positionals } = args;
  const inline = options.get('query');
  if ((inline === undefined) === (positionals.length === 0))
    throw new UsageError('give --query TEXT or one or more rule files');
  const mappingPath = options.get('mapping');
  const mapping = mappingPath !== undefined ? readText(mappingPath, 'mapping file') : undefined;
  const inputs: { file: string; text: string }[] =
    inline !== undefined
      ? [{ file: '<query>', text: inline }]
      : positionals.map((f) => ({ file: f, text: readText(f, 'rule file') }));
  let failed = false;
  const report: { file: string; diagnostics: unknown[] }[] = [];
  for (const input of inputs) {
    const located = checkOne(input, inline !== undefined, mapping);
    if (hasErrors(located.diagnostics)) failed = true;
    const texts = { rule: located.text, events: '', mapping: mapping ?? '' };
    if (flags.has('json'))
      report.push({ file: input.file, diagnostics: located.diagnostics.map((d) => diagnosticJson(d, texts)) });
    else {
      printDiagnostics(located.diagnostics, texts, out, input.file);
      if (located.diagnostics.length === 0) out(`${terminalSafe(input.file)}: ok\n`);
    }
  }
  if (flags.has('json')) out(`${JSON.stringify(report)}\n`);
  return failed ? 1 : 0;
}

function format(args: ReturnType<typeof parseArgs>, out: (s: string) => void, err: (s: string) => void): number {
  const { options, positionals } = args;
  const inline = options.get('query');
  if ((inline === undefined) === (positionals.length !== 1))
    throw new UsageError('give --query TEXT or exactly one rule file');
  const fileText = inline === undefined ? readText(positionals[0]!, 'rule file') : undefined;
  const rule = fileText !== undefined ? parseRuleText(fileText, positionals[0]) : undefined;
  if (rule && hasNoQuery(rule)) {
    printDiagnostics(rule.diagnostics, { rule: fileText!, events: '', mapping: '' }, err, positionals[0]);
    return 1;
  }
  const query = rule ? rule.query : inline!;
  const result = formatQuery(query);
  if (result.text === undefined) {
    const located =
      rule && fileText !== undefined
        ? locateInFile(rule, fileText, result.diagnostics)
        : { diagnostics: [...result.diagnostics], text: query };
    printDiagnostics(located.diagnostics, { rule: located.text, events: '', mapping: '' }, err, positionals[0]);
    return 1;
  }
  out(`${result.text}\n`);
  return 0;
}

export async function main(
  argv: readonly string[],
  io = { out: (s: string) => void process.stdout.write(s), err: (s: string) => void process.stderr.write(s) },
): Promise<number> {
  try {
    const args = parseArgs(argv, VALUE_OPTIONS, FLAG_OPTIONS);
    if (args.help || args.command === 'help') {
      io.out(USAGE);
      return 0;
    }
    if (args.command === undefined) {
      io.out(USAGE);
      return 2;
    }
    switch (args.command) {
      case 'run':
        return run(args, io.out);
      case 'check':
        return check(args, io.out);
      case 'format':
        return format(args, io.out, io.err);
      case 'test':
        return testCommand(args, io);
      default:
        throw new UsageError(`unknown command ${args.command}`);
    }
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`eql-playground: ${terminalSafe(e.message)}\n${USAGE}`);
      return 2;
    }
    if (e instanceof InputError) {
      io.err(`eql-playground: ${terminalSafe(e.message)}\n`);
      return 2;
    }
    // A bug, not a problem with the input: say so plainly, without a stack trace.
    const message = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
    io.err(`eql-playground: internal error (please report it): ${terminalSafe(message)}\n`);
    return 3;
  }
}
