/**
 * Every EQL query of the elastic/detection-rules corpus parses without errors, and printing
 * then re-parsing gives the same AST (up to positions and raw spellings).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { parseQuery } from '../../src/core/parser/parse';
import { printStatement } from '../../src/core/ast/printer';
import { stripPositions } from '../../src/core/ast/equal';
import { scanComments } from '../../src/core/ast/comments';
import { formatQuery } from '../../src/core/index';

const CORPUS_DIR = join(process.cwd(), '..', 'shared', 'corpus');
const FILES = ['detection-rules-eql.jsonl', 'detection-rules-hunting-eql.jsonl'];

interface Rule {
  readonly name: string;
  readonly query: string;
}

function load(): Rule[] {
  const rules: Rule[] = [];
  for (const file of FILES) {
    const path = join(CORPUS_DIR, file);
    if (!existsSync(path)) continue;
    for (const line of readFileSync(path, 'utf8').split('\n')) {
      if (!line.trim()) continue;
      const rec = JSON.parse(line) as { name?: string; rule_id?: string; query: string };
      rules.push({ name: `${file}: ${rec.name ?? rec.rule_id ?? rules.length}`, query: rec.query });
    }
  }
  return rules;
}

const present = FILES.every((f) => existsSync(join(CORPUS_DIR, f)));
const rules = present ? load() : [];

const suite = present ? describe : describe.skip;
const title = present
  ? 'detection-rules corpus parses and round-trips through the printer'
  : `detection-rules corpus: skipped because ${CORPUS_DIR}/*.jsonl is absent (the shared corpus is not checked out next to the project)`;

suite(title, () => {
  test('the corpus is the expected size', () => {
    expect(rules.length).toBeGreaterThan(1000);
  });

  test.each(rules.map((r) => [r.name, r.query] as const))('%s', (_name, query) => {
    const first = parseQuery(query);
    expect(first.diagnostics).toEqual([]);
    expect(first.ast).toBeDefined();
    const printed = printStatement(first.ast!);
    const second = parseQuery(printed);
    expect(second.diagnostics, printed).toEqual([]);
    expect(stripPositions(second.ast)).toEqual(stripPositions(first.ast));
  });

  test('format keeps every comment of every rule, and the result parses to the same tree', () => {
    let rulesWithComments = 0;
    let comments = 0;
    for (const r of rules) {
      const before = scanComments(r.query).map((c) => c.text);
      if (before.length === 0) continue;
      rulesWithComments++;
      comments += before.length;
      const formatted = formatQuery(r.query);
      expect(formatted.text, r.name).toBeDefined();
      expect(
        scanComments(formatted.text!).map((c) => c.text),
        r.name,
      ).toEqual(before);
      const again = parseQuery(formatted.text!);
      expect(again.diagnostics, r.name).toEqual([]);
      expect(stripPositions(again.ast), r.name).toEqual(stripPositions(parseQuery(r.query).ast));
      expect(formatQuery(formatted.text!).text, `${r.name} (idempotent)`).toBe(formatted.text);
    }
    expect(rulesWithComments).toBeGreaterThan(200);
    expect(comments).toBeGreaterThan(700);
  });
});
