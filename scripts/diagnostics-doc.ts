/**
 * docs/diagnostics.md from the diagnostics tables: everything after the marker line is
 * generated. `npm run docs` rewrites the file; tests/unit/diagnostics-doc.test.ts fails when it
 * is out of date.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { coreDiagnosticTables } from '../src/core/diagnostics/codes';
import type { CodeEntry, MessageText } from '../src/core/diagnostics/table';
import { Events, ExceptionFiles, Responses, Rules, Workspace } from '../src/formats/diagnostics';
import { ShareMessages } from '../src/share/messages';

export const DOC_PATH = join(dirname(fileURLToPath(import.meta.url)), '../docs/diagnostics.md');
export const MARKER = '<!-- Everything below is generated from the diagnostics tables by `npm run docs`. -->';

interface Section {
  readonly prefix: string;
  readonly title: string;
  readonly table: string;
}

const SECTIONS: readonly Section[] = [
  { prefix: 'EQL1', title: 'Syntax (parser): EQL1xxx', table: '`Syntax` in `src/core/diagnostics/syntax.ts`' },
  { prefix: 'EQL2', title: 'Analysis (verifier): EQL2xxx', table: '`Analysis` in `src/core/diagnostics/analysis.ts`' },
  { prefix: 'EQL3', title: 'Runtime: EQL3xxx', table: '`Runtime` in `src/core/diagnostics/runtime.ts`' },
  { prefix: 'EQL4', title: 'Query notes: EQL4xxx', table: '`QueryNotes` in `src/core/diagnostics/analysis.ts`' },
  {
    prefix: 'EVT5',
    title: 'Events: EVT5xxx',
    table:
      '`Events` and `Responses` (a cluster response to compare with) in `src/formats/diagnostics.ts`; field types: `Input` in `src/core/diagnostics/input.ts`',
  },
  { prefix: 'MAP6', title: 'Mapping: MAP6xxx', table: '`Input` in `src/core/diagnostics/input.ts`' },
  { prefix: 'RULE7', title: 'Rule files: RULE7xxx', table: '`Rules` in `src/formats/diagnostics.ts`' },
  { prefix: 'SHR8', title: 'Share links: SHR8xxx', table: '`ShareMessages` in `src/share/messages.ts`' },
  {
    prefix: 'EXC9',
    title: 'Rule exceptions and value lists: EXC9xxx',
    table:
      '`ExceptionFiles` in `src/formats/diagnostics.ts` (reading), `Exceptions` in `src/core/diagnostics/exceptions.ts` (applying); sources `exceptions` and `value-list`, `file` names the file',
  },
  {
    prefix: 'WSP9',
    title: 'Workspace files: WSP9xxx',
    table: '`Workspace` in `src/formats/diagnostics.ts`; the format: docs/workspace-format.md',
  },
];

/** The code families, in the order the document shows them. */
export const SECTION_PREFIXES: readonly string[] = SECTIONS.map((s) => s.prefix);

/** Every code entry of every layer's table. */
export function allEntries(): CodeEntry[] {
  const tables = [...coreDiagnosticTables, Events, Responses, Rules, ExceptionFiles, Workspace];
  const entries: CodeEntry[] = tables.flatMap((t) => Object.values(t.entries));
  for (const e of Object.values(ShareMessages)) entries.push(e as unknown as CodeEntry);
  return entries;
}

function textOf(m: MessageText): string {
  return typeof m === 'string' ? m : m.message;
}

/** The example messages of an entry, produced by its own factories. */
export function examplesOf(e: CodeEntry): string[] {
  const out: string[] = [];
  for (const [name, args] of Object.entries(e.examples ?? {})) {
    const factory = e.messages[name];
    if (!factory || !args) throw new Error(`${e.code}: example for unknown message [${name}]`);
    out.push(textOf(factory(...(args as unknown[]))));
  }
  return out;
}

function codeSpan(text: string): string {
  const fence = text.includes('`') ? '``' : '`';
  const pad = text.startsWith('`') || text.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${text}${pad}${fence}`;
}

function cell(text: string): string {
  return text.replace(/\|/g, '\\|');
}

function codeNumber(code: string): number {
  return Number(code.replace(/^[A-Z]+/, ''));
}

export function renderGenerated(): string {
  const entries = allEntries().sort((a, b) => codeNumber(a.code) - codeNumber(b.code));
  const lines: string[] = [];
  for (const s of SECTIONS) {
    const rows = entries.filter((e) => e.code.startsWith(s.prefix));
    if (rows.length === 0) continue;
    lines.push(`## ${s.title}`, '', `Table: ${s.table}.`, '');
    lines.push('| code | severity | when | example message |', '| --- | --- | --- | --- |');
    for (const e of rows) {
      const examples = examplesOf(e).map(codeSpan).join('; ');
      lines.push(`| ${e.code} | ${e.severity} | ${cell(e.when)} | ${cell(examples)} |`);
    }
    lines.push('');
  }
  return lines.join('\n');
}

/** The whole document: the hand-written head up to the marker, then the generated tables. */
export function renderDoc(current: string): string {
  const at = current.indexOf(MARKER);
  const head = at >= 0 ? current.slice(0, at) : `${current.trimEnd()}\n\n`;
  return `${head}${MARKER}\n\n${renderGenerated()}`;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const current = readFileSync(DOC_PATH, 'utf8');
  const next = renderDoc(current);
  if (next !== current) {
    writeFileSync(DOC_PATH, next);
    console.log('docs/diagnostics.md updated');
  } else console.log('docs/diagnostics.md is up to date');
}
