/**
 * `eql-playground test`: rule tests for CI. Expected verdicts from workspace files, or from a
 * rule, an events file and an `--expect` file (event id -> verdict). One line per unmet
 * expectation, then a summary; `--json`; `--junit FILE`. Exit 0 when all are met, 1 when any is
 * not (or a rule has errors), 2 on unreadable input.
 */
import { writeFileSync } from 'node:fs';
import type { Diagnostic, ExpectationReport, ExpectationResult, Expectations, Settings } from '../core/index';
import { checkExpectations, evaluate, hasErrors, parseExpectations } from '../core/index';
import { parseEvents } from '../formats/events';
import { parseWorkspace, settingsFromWorkspace } from '../formats/workspace';
import type { ParsedArgs } from './args';
import { UsageError } from './args';
import { type LoadedExceptions, loadExceptions, workspaceExceptions } from './exceptions-input';
import { InputError, loadRule, readText, settingsFrom } from './inputs';
import { junitXml, type JunitSuite } from './junit';
import { diagnosticJson, printDiagnostics, type Texts } from './output';

interface Io {
  readonly out: (s: string) => void;
  readonly err: (s: string) => void;
}

/** One set of expectations to check: a workspace file, or the rule/events/expect options. */
interface Suite {
  readonly name: string;
  readonly rule: string;
  readonly events: string;
  readonly idField?: string;
  readonly settings: Partial<Settings>;
  readonly mapping?: string;
  readonly expectations: Expectations;
  /** Problems reading the inputs (workspace or expect file); errors make the suite unreadable. */
  readonly problems: readonly Diagnostic[];
  readonly problemText: string;
  /** How rule diagnostics name their text ("file.json rule": positions are in the rule, not the file). */
  readonly ruleLabel: string;
  /** A workspace file's own exceptions (`--exceptions` files, when given, apply instead). */
  readonly exceptions?: LoadedExceptions;
}

interface SuiteOutcome {
  readonly name: string;
  readonly report?: ExpectationReport;
  readonly diagnostics: readonly Record<string, unknown>[];
  /** Why the suite could not run (exit 2). */
  readonly unreadable?: string;
  readonly ruleErrors: boolean;
}

function workspaceSuite(file: string, options: Map<string, string>): Suite {
  const text = readText(file, 'workspace file');
  const parsed = parseWorkspace(text);
  const base = { name: file, problems: parsed.diagnostics, problemText: text, ruleLabel: `${file} rule` };
  if (!parsed.ok) return { ...base, rule: '', events: '', settings: {}, expectations: {} };
  const w = parsed.workspace;
  return {
    ...base,
    rule: w.rule,
    events: w.events,
    ...(w.idField ? { idField: w.idField } : {}),
    settings: settingsFromWorkspace(w.settings),
    ...(w.mapping ? { mapping: w.mapping } : {}),
    expectations: w.expectations ?? {},
    ...(w.exceptions ? { exceptions: workspaceExceptions(w.exceptions, file, options) } : {}),
  };
}

function optionSuite(options: Map<string, string>, io: Io): Suite {
  const eventsPath = options.get('events');
  const expectPath = options.get('expect');
  if (eventsPath === undefined || expectPath === undefined)
    throw new UsageError(
      'test needs workspace files, or --rule FILE (or --query TEXT), --events FILE and --expect FILE',
    );
  const rule = loadRule(options);
  if (rule.diagnostics.some((d) => d.severity === 'error'))
    throw new InputError(`cannot read rule file ${options.get('rule')}: ${rule.diagnostics[0]!.message}`);
  const expectText = readText(expectPath, 'expectations file');
  let value: unknown;
  try {
    value = JSON.parse(expectText);
  } catch (e) {
    throw new InputError(`cannot read expectations file ${expectPath}: ${(e as Error).message}`);
  }
  const parsed = parseExpectations(value);
  if (parsed.problems.some((p) => p.id === undefined))
    throw new InputError(`cannot read expectations file ${expectPath}: ${parsed.problems[0]!.message}`);
  for (const p of parsed.problems) io.err(`eql-playground: ${expectPath}: ${p.message}\n`);
  const mappingPath = options.get('mapping');
  const idField = options.get('id-field');
  return {
    name: options.get('rule') ?? '<query>',
    rule: rule.query,
    events: readText(eventsPath, 'events file'),
    ...(idField !== undefined ? { idField } : {}),
    settings: settingsFrom(options, rule.metadata),
    ...(mappingPath !== undefined ? { mapping: readText(mappingPath, 'mapping file') } : {}),
    expectations: parsed.expectations,
    problems: [],
    problemText: '',
    ruleLabel: options.get('rule') ?? '<query>',
  };
}

function runSuite(suite: Suite, given: LoadedExceptions, json: boolean, io: Io): SuiteOutcome {
  const own = given.input === undefined ? suite.exceptions : undefined;
  const exceptions = own ?? given;
  if (own && !json)
    printDiagnostics(own.diagnostics, { rule: '', events: '', mapping: '', files: own.files }, io.err, suite.name);
  const workspaceTexts: Texts = { rule: suite.problemText, events: '', mapping: '' };
  const readProblems = suite.problems.map((d) => diagnosticJson(d, workspaceTexts));
  if (!json) printDiagnostics(suite.problems, workspaceTexts, io.err, suite.name);
  if (hasErrors(suite.problems)) {
    return { name: suite.name, diagnostics: readProblems, unreadable: suite.problems[0]!.message, ruleErrors: false };
  }
  const loaded = parseEvents(suite.events, suite.idField !== undefined ? { idField: suite.idField } : {});
  const result = evaluate({
    rule: suite.rule,
    events: loaded.events,
    settings: suite.settings,
    ...(suite.mapping !== undefined ? { mapping: suite.mapping } : {}),
    ...(exceptions.input ? { exceptions: exceptions.input } : {}),
  });
  const texts: Texts = {
    rule: suite.rule,
    events: suite.events,
    mapping: suite.mapping ?? '',
    files: exceptions.files,
  };
  const diagnostics = [...loaded.diagnostics, ...result.diagnostics];
  if (!json) printDiagnostics(diagnostics, texts, io.err, suite.ruleLabel);
  const all = [...readProblems, ...[...exceptions.diagnostics, ...diagnostics].map((d) => diagnosticJson(d, texts))];
  if (loaded.events.length === 0 && loaded.diagnostics.some((d) => d.severity === 'error')) {
    return {
      name: suite.name,
      diagnostics: all,
      unreadable: 'the events file has no readable event',
      ruleErrors: false,
    };
  }
  const report = checkExpectations(result, loaded.events, suite.expectations);
  return { name: suite.name, report, diagnostics: all, ruleErrors: !result.ok };
}

function expectedText(r: ExpectationResult): string {
  return r.expected.clause !== undefined ? `${r.expected.verdict} by \`${r.expected.clause}\`` : r.expected.verdict;
}

function resultJson(r: ExpectationResult): Record<string, unknown> {
  return {
    id: r.id,
    ...(r.position !== undefined ? { position: r.position } : {}),
    expected: r.expected.verdict,
    ...(r.expected.clause !== undefined ? { clause: r.expected.clause } : {}),
    ...(r.got !== undefined ? { got: r.got } : {}),
    met: r.met,
    reason: r.reason,
  };
}

function summary(outcomes: readonly SuiteOutcome[]): { met: number; unmet: number; unknown: number; text: string } {
  let met = 0;
  let unmet = 0;
  let unknown = 0;
  for (const o of outcomes) {
    met += o.report?.met ?? 0;
    unmet += o.report?.unmet ?? 0;
    unknown += o.report?.unknown ?? 0;
  }
  const total = met + unmet;
  const unread = outcomes.filter((o) => o.unreadable).length;
  let text = `${total} expectation${total === 1 ? '' : 's'}: ${met} met, ${unmet} unmet`;
  if (unknown > 0) text += ` (${unknown} naming an event id that is not in the events)`;
  if (outcomes.length > 1) text += `, in ${outcomes.length} workspaces`;
  if (unread > 0) text += `; ${unread} input${unread === 1 ? '' : 's'} could not be read`;
  return { met, unmet, unknown, text };
}

export function testCommand(args: ParsedArgs, io: Io): number {
  const { options, flags, positionals } = args;
  const json = flags.has('json');
  const optionMode = ['rule', 'query', 'events', 'expect'].some((k) => options.has(k));
  if (optionMode === positionals.length > 0)
    throw new UsageError('give workspace files, or --rule FILE (or --query TEXT) with --events FILE and --expect FILE');
  const suites = optionMode ? [optionSuite(options, io)] : [];
  // The same exceptions apply to every suite; problems reading them are reported once.
  const exceptions = loadExceptions(args.lists, options);
  if (!json)
    printDiagnostics(exceptions.diagnostics, { rule: '', events: '', mapping: '', files: exceptions.files }, io.err);
  const outcomes: SuiteOutcome[] = [];
  for (const s of suites) outcomes.push(runSuite(s, exceptions, json, io));
  for (const file of positionals) {
    try {
      outcomes.push(runSuite(workspaceSuite(file, options), exceptions, json, io));
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
      if (!json) io.err(`eql-playground: ${e.message}\n`);
      outcomes.push({ name: file, diagnostics: [], unreadable: e.message, ruleErrors: false });
    }
  }
  const total = summary(outcomes);
  if (json) {
    const suitesJson = outcomes.map((o) => ({
      file: o.name,
      diagnostics: o.diagnostics,
      ...(o.unreadable ? { unreadable: o.unreadable } : {}),
      results: (o.report?.results ?? []).map(resultJson),
      met: o.report?.met ?? 0,
      unmet: o.report?.unmet ?? 0,
      unknown: o.report?.unknown ?? 0,
    }));
    io.out(`${JSON.stringify({ suites: suitesJson, met: total.met, unmet: total.unmet, unknown: total.unknown })}\n`);
  } else {
    for (const o of outcomes) {
      for (const r of o.report?.results ?? []) {
        if (!r.met) io.out(`${o.name}: ${r.id}: expected ${expectedText(r)}, got ${r.got ?? 'nothing'}: ${r.reason}\n`);
      }
    }
    io.out(`${total.text}\n`);
  }
  const junit = options.get('junit');
  if (junit !== undefined) {
    const junitSuites: JunitSuite[] = outcomes.map((o) => ({
      name: o.name,
      results: o.report?.results ?? [],
      ...(o.unreadable ? { error: o.unreadable } : {}),
    }));
    try {
      writeFileSync(junit, junitXml(junitSuites));
    } catch (e) {
      throw new InputError(`cannot write ${junit}: ${(e as Error).message}`);
    }
  }
  if (outcomes.some((o) => o.unreadable)) return 2;
  return total.unmet > 0 || outcomes.some((o) => o.ruleErrors) ? 1 : 0;
}
