/**
 * docs/diagnostics.md is generated from the diagnostics tables; the tables are the only place
 * that names a code.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { allEntries, DOC_PATH, examplesOf, renderDoc, SECTION_PREFIXES } from '../../scripts/diagnostics-doc';
import { Codes, coreDiagnosticTables } from '../../src/core/diagnostics/codes';

const root = resolve(__dirname, '../..');

function sources(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (name === 'generated' || name === 'node_modules') continue;
    if (statSync(p).isDirectory()) sources(p, out);
    else if (/\.(ts|tsx)$/.test(name)) out.push(p);
  }
  return out;
}

const TABLE_FILES = new Set([
  'src/core/diagnostics/syntax.ts',
  'src/core/diagnostics/analysis.ts',
  'src/core/diagnostics/runtime.ts',
  'src/core/diagnostics/input.ts',
  'src/core/diagnostics/exceptions.ts',
  'src/formats/diagnostics.ts',
  'src/share/messages.ts',
]);

describe('the diagnostics tables', () => {
  test('docs/diagnostics.md is what `npm run docs` generates from them', () => {
    const current = readFileSync(DOC_PATH, 'utf8');
    expect(current, 'docs/diagnostics.md is out of date: run `npm run docs`').toBe(renderDoc(current));
  });

  test('every code is declared once, in a documented family, with an example', () => {
    const entries = allEntries();
    const codes = entries.map((e) => e.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const e of entries) {
      expect(
        SECTION_PREFIXES.some((p) => e.code.startsWith(p)),
        e.code,
      ).toBe(true);
      expect(/^[A-Z]+\d{4}$/.test(e.code), e.code).toBe(true);
      expect(examplesOf(e).length, `${e.code} has no example`).toBeGreaterThan(0);
      expect(e.when.length).toBeGreaterThan(0);
    }
  });

  test('the core Codes are exactly the core tables’ codes', () => {
    const tableCodes = coreDiagnosticTables.flatMap((t) => Object.values(t.entries).map((e) => e.code));
    expect(Object.values(Codes).sort()).toEqual([...tableCodes].sort());
    expect(Codes.SingleQuotes).toBe('EQL1002');
  });

  test('no source file outside the tables spells a code', () => {
    const offenders: string[] = [];
    for (const file of sources(join(root, 'src'))) {
      const rel = relative(root, file).split('\\').join('/');
      if (TABLE_FILES.has(rel)) continue;
      const code = readFileSync(file, 'utf8')
        .split('\n')
        .filter((line) => !/^\s*(\/\/|\/\*|\*)/.test(line))
        .join('\n');
      const m = /['"`](EQL|EVT|MAP|RULE|SHR|EXC)\d{4}['"`]/.exec(code);
      if (m) offenders.push(`${rel}: ${m[0]}`);
    }
    expect(offenders).toEqual([]);
  });
});
