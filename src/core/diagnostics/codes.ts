/**
 * The core's diagnostic codes, by name, gathered from its tables. Codes are stable: tests and
 * users rely on them. docs/diagnostics.md is generated from the tables.
 *
 *   EQL1xxx  syntax (parser)           EQL2xxx  analysis (verifier)
 *   EQL3xxx  runtime (evaluation)      EQL4xxx  warnings and notes about the query
 *   EVT5xxx  events input              MAP6xxx  index mapping input
 *   RULE7xxx rule formats (src/formats) SHR8xxx share links (src/share)
 *   EXC9xxx  rule exceptions (EXC9001-9003 in src/formats)
 */
import { Analysis, QueryNotes } from './analysis';
import { Exceptions } from './exceptions';
import { Input } from './input';
import { Runtime } from './runtime';
import { Syntax } from './syntax';
import { codesOf, type TableData } from './table';

export const Codes = {
  ...codesOf(Syntax),
  ...codesOf(Analysis),
  ...codesOf(Runtime),
  ...codesOf(QueryNotes),
  ...codesOf(Input),
  ...codesOf(Exceptions),
};

/** The core's tables, for the documentation and the consistency tests. */
export const coreDiagnosticTables: readonly TableData[] = [Syntax, Analysis, Runtime, QueryNotes, Input, Exceptions];
