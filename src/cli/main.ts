/**
 * eql-playground: the command-line shell over the core. The commands and options are in
 * USAGE below, the one copy of the usage text: `eql-playground --help` prints it and the
 * README shows it (a unit test keeps the two identical).
 *
 * Exit status: 0 when the query ran or everything checked clean, 1 when a query has errors,
 * 2 for usage errors or unreadable input, 3 for an internal error (a bug).
 */
import type { Diagnostic } from '../core/index';
import { checkQuery, formatQuery, hasErrors } from '../core/index';
import { parseRuleText, type RuleMetadata } from '../formats/rules';
import { type ParsedArgs, parseArgs, UsageError } from './args';
import { compare, exportBulk } from './cluster-commands';
import { evaluateInputs, hasNoQuery, locateInFile, type RunOutcome } from './evaluate-inputs';
import { InputError, readText, settingsFrom } from './inputs';
import { testCommand } from './test-command';
import {
  diagnosticJson,
  exceptionStatJson,
  joinJson,
  printDiagnostics,
  printExceptionStats,
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
      [--exceptions FILE]... [--value-list [ID=]FILE]... [--at DATE] [--no-verdicts] [--stats]
  eql-playground check (--query TEXT | FILE...) [--mapping FILE] [--json]
  eql-playground format (--query TEXT | FILE)
  eql-playground test WORKSPACE.json... [--json] [--junit FILE] [--exceptions FILE]...
  eql-playground test (--rule FILE | --query TEXT) --events FILE --expect FILE [--id-field F]
      [--mapping FILE] [--exceptions FILE]... [--value-list [ID=]FILE]... [--at DATE]
      [--json] [--junit FILE]
  eql-playground export-bulk --events FILE [--index NAME] [--mapping FILE] [--id-field F]
      [--ndjson | --template]
  eql-playground compare (--rule FILE | --query TEXT) --events FILE --response FILE
      [--id-field F] [--exceptions FILE]... [--value-list [ID=]FILE]... [--at DATE] [--json]
      [the settings options of run]
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
  'exceptions',
  'value-list',
  'at',
  'index',
  'response',
]);
/** Options that may be given more than once (each value counts). */
const REPEATABLE = new Set(['exceptions', 'value-list']);
const FLAG_OPTIONS = new Set(['json', 'no-verdicts', 'stats', 'ndjson', 'template']);

function printRunText(o: RunOutcome, flags: Set<string>, out: (s: string) => void): void {
  const { result } = o;
  printDiagnostics(o.diagnostics, o.texts, out);
  if (!result) return;
  if (result.ok) {
    if (result.verdicts && !flags.has('no-verdicts')) printVerdictTable(result.verdicts, out);
    if (result.join && !flags.has('no-verdicts')) printJoinExplanation(result.join, out);
    if (result.exceptionStats) printExceptionStats(result.exceptionStats, out);
    if (result.hits?.sequences) {
      printSequenceHits(result.hits.sequences, result.queryKind === 'sample' ? 'sample' : 'sequence', out);
    } else {
      out(`hits (what Elasticsearch returns): ${result.hits?.total.value ?? 0}\n`);
      if (result.hits?.events) for (const h of result.hits.events) out(`  ${terminalSafe(h._id)}\n`);
    }
  }
  if (flags.has('stats')) out(`stats: ${JSON.stringify(result.stats)}\n`);
}

function runJson(o: RunOutcome, flags: Set<string>): Record<string, unknown> {
  const { result } = o;
  const json: Record<string, unknown> = { diagnostics: o.diagnostics.map((d) => diagnosticJson(d, o.texts)) };
  if (!result) return json;
  if (result.hits) json.hits = result.hits;
  if (result.verdicts && !flags.has('no-verdicts')) json.verdicts = result.verdicts.map((v) => verdictJson(v, o.query));
  if (result.join && !flags.has('no-verdicts')) Object.assign(json, joinJson(result.join, o.query));
  if (result.exceptionStats) json.exceptions = result.exceptionStats.map(exceptionStatJson);
  if (flags.has('stats')) json.stats = result.stats;
  return json;
}

function run(args: ParsedArgs, out: (s: string) => void): number {
  const { flags } = args;
  const evaluated = evaluateInputs(args, !flags.has('no-verdicts'));
  if (flags.has('json')) out(`${JSON.stringify(runJson(evaluated, flags))}\n`);
  else printRunText(evaluated, flags, out);
  if (evaluated.noEvents) return 2;
  return evaluated.result?.ok ? 0 : 1;
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

function check(args: ParsedArgs, out: (s: string) => void): number {
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

function format(args: ParsedArgs, out: (s: string) => void, err: (s: string) => void): number {
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
    const args = parseArgs(argv, VALUE_OPTIONS, FLAG_OPTIONS, REPEATABLE);
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
      case 'export-bulk':
        return exportBulk(args, io);
      case 'compare':
        return compare(args, io);
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
