/**
 * The round trip to a real cluster: `export-bulk` writes the sample events as a `_bulk` body and
 * an index template with the field types the playground evaluates them with; `compare` reads a
 * cluster's `_eql/search` response and says whether it agrees with the playground, explaining
 * each difference. Exit status of compare: 0 when they agree, 1 when they do not (or the rule
 * has errors), 2 on unreadable input.
 */
import {
  compareHits,
  eqlSearchRequest,
  exceptionRequestFilter,
  explainDifferences,
  hasErrors,
  resolveSettings,
} from '../core/index';
import { bulkNdjson, devToolsBulk, eventMappings, schemaForEvents } from '../formats/bulk';
import { parseEqlResponse } from '../formats/eql-response';
import { parseEvents } from '../formats/events';
import type { ParsedArgs } from './args';
import { UsageError } from './args';
import { loadExceptions } from './exceptions-input';
import { loadRule, readText, settingsFrom } from './inputs';
import { evaluateInputs } from './evaluate-inputs';
import { diagnosticJson, printDiagnostics, terminalSafe } from './output';

interface Io {
  readonly out: (s: string) => void;
  readonly err: (s: string) => void;
}

/** An index name Elasticsearch accepts (lower case, no spaces or reserved characters). */
function indexName(options: Map<string, string>): string {
  const name = options.get('index') ?? 'eql-playground-events';
  if (!/^[a-z0-9][a-z0-9._+-]*$/.test(name) || name.length > 255) {
    throw new UsageError(
      `--index must be a lower-case index name (letters, digits and . _ + -, starting with a letter or digit), got ${name}`,
    );
  }
  return name;
}

export function exportBulk(args: ParsedArgs, io: Io): number {
  const { options, flags } = args;
  const eventsPath = options.get('events');
  if (eventsPath === undefined) throw new UsageError('export-bulk needs --events FILE');
  if (flags.has('ndjson') && flags.has('template')) throw new UsageError('give at most one of --ndjson and --template');
  const index = indexName(options);
  const eventsText = readText(eventsPath, 'events file');
  const mappingPath = options.get('mapping');
  const mapping = mappingPath !== undefined ? readText(mappingPath, 'mapping file') : undefined;
  const idField = options.get('id-field');
  const loaded = parseEvents(eventsText, idField !== undefined ? { idField } : {});
  const { schema, diagnostics } = schemaForEvents(loaded.events, mapping);
  // Problems go to stderr: stdout is the body, ready to send.
  printDiagnostics(
    [...loaded.diagnostics, ...diagnostics],
    { rule: '', events: eventsText, mapping: mapping ?? '' },
    io.err,
  );
  if (loaded.events.length === 0 && loaded.diagnostics.some((d) => d.severity === 'error')) return 2;
  if (flags.has('ndjson')) io.out(bulkNdjson(loaded.events, index));
  else if (flags.has('template')) {
    const template = {
      index_patterns: [index],
      priority: 500,
      template: { mappings: eventMappings(loaded.events, schema) },
    };
    io.out(`${JSON.stringify(template, null, 2)}\n`);
  } else {
    io.out(devToolsBulk(loaded.events, schema, index));
    const request = ruleRequest(args, index, io);
    if (request !== undefined)
      io.out(`\n# The rule on these events, with its exceptions as the filter Kibana sends\n${request}`);
  }
  return 0;
}

/** With `--rule` or `--query`: the `_eql/search` request for the index (exceptions as its filter). */
function ruleRequest(args: ParsedArgs, index: string, io: Io): string | undefined {
  const { options } = args;
  if (!options.has('rule') && !options.has('query')) {
    if (args.lists.has('exceptions')) throw new UsageError('--exceptions needs --rule FILE or --query TEXT');
    return undefined;
  }
  const rule = loadRule(options);
  if (hasErrors(rule.diagnostics)) {
    printDiagnostics(rule.diagnostics, { rule: rule.file?.text ?? rule.query, events: '', mapping: '' }, io.err);
  }
  const exceptions = loadExceptions(args.lists, options);
  printDiagnostics(exceptions.diagnostics, { rule: '', events: '', mapping: '', files: exceptions.files }, io.err);
  const filter = exceptions.input ? exceptionRequestFilter(exceptions.input) : undefined;
  return eqlSearchRequest(rule.query, resolveSettings(settingsFrom(options, rule.metadata)), [index], filter);
}

export function compare(args: ParsedArgs, io: Io): number {
  const { options, flags } = args;
  const responsePath = options.get('response');
  if (responsePath === undefined) throw new UsageError('compare needs --response FILE');
  const responseText = readText(responsePath, 'response file');
  const evaluated = evaluateInputs(args, true);
  const response = parseEqlResponse(responseText);
  const texts = { ...evaluated.texts, files: new Map([...(evaluated.texts.files ?? []), ['response', responseText]]) };
  const diagnostics = [...evaluated.diagnostics, ...response.diagnostics];
  const result = evaluated.result;
  const unreadable = evaluated.noEvents || response.hits === undefined;
  if (!result?.ok || !result.hits || unreadable) {
    if (flags.has('json'))
      io.out(`${JSON.stringify({ diagnostics: diagnostics.map((d) => diagnosticJson(d, texts)) })}\n`);
    else printDiagnostics(diagnostics, texts, io.err);
    return unreadable ? 2 : 1;
  }
  const comparison = compareHits(result.hits, response.hits!, options.get('id-field'));
  const differences = explainDifferences(comparison, result, evaluated.settings.size);
  if (flags.has('json')) {
    io.out(
      `${JSON.stringify({
        diagnostics: diagnostics.map((d) => diagnosticJson(d, texts)),
        ...comparison,
        differences,
      })}\n`,
    );
  } else {
    printDiagnostics(diagnostics, texts, io.err);
    const what = comparison.kind === 'events' ? 'events' : 'sequences';
    io.out(
      comparison.agrees
        ? `agrees: both return the same ${comparison.ours} ${what} in the same order\n`
        : `differs: the playground returns ${comparison.ours} ${what}, the cluster ${comparison.theirs}\n`,
    );
    for (const d of differences) {
      const head =
        d.kind === 'order'
          ? 'order'
          : `${d.kind === 'only-ours' ? 'only the playground returns' : 'only the cluster returns'} ${terminalSafe(d.key)}`;
      io.out(`  ${head}: ${terminalSafe(d.why)}\n`);
    }
  }
  return comparison.agrees ? 0 : 1;
}
