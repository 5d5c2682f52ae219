/**
 * Every sequence and sample rule of the detection-rules corpus (../shared/corpus) evaluates
 * without errors over generated events: per rule, events shaped after its own terms (each
 * term's category, the join-key fields set to shared values, the fields its conditions compare
 * set to the compared constants), interleaved with Elastic Defend-like noise. A rule that the
 * verifier rejects is left to the verifier tests; this test only checks evaluation.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { checkQuery, evaluate, hasErrors } from '../../../../src/core/index';
import type { Expr, Node, SequenceNode, SampleNode } from '../../../../src/core/ast/nodes';
import { children } from '../../../../src/core/ast/visit';
import { parseQuery } from '../../../../src/core/parser/parse';
import { expandDottedKeys } from '../../../../src/core/runtime/field-access';
import type { EventDoc } from '../../../../src/core/runtime/event';
import { generateEvents } from '../../../bench/events';

const CORPUS_DIR = resolve(__dirname, '../../../../../shared/corpus');
const FILES = ['detection-rules-eql.jsonl', 'detection-rules-hunting-eql.jsonl'].map((f) => resolve(CORPUS_DIR, f));
const available = FILES.every((f) => existsSync(f));
const SKIP = `corpus not found at ${CORPUS_DIR} (the shared folder is not checked out next to the project)`;

interface Rule {
  readonly name: string;
  readonly query: string;
}

function loadRules(): Rule[] {
  return FILES.flatMap((f) =>
    readFileSync(f, 'utf8')
      .split('\n')
      .filter((l) => l.trim())
      .map((l) => JSON.parse(l) as Rule),
  ).filter((r) => /^\s*(sequence|sample)\b/.test(r.query));
}

function setPath(obj: Record<string, unknown>, name: string, value: unknown): void {
  const parts = name.split('.');
  let cur = obj;
  for (const p of parts.slice(0, -1)) {
    const next = cur[p];
    if (typeof next !== 'object' || next === null || Array.isArray(next)) cur[p] = {};
    cur = cur[p] as Record<string, unknown>;
  }
  cur[parts[parts.length - 1]!] = value;
}

/** Assignments that make the positive comparisons of a condition hold (negations skipped). */
function assignments(e: Node, out: Map<string, unknown>): void {
  if (e.kind === 'not') return;
  const lit = (x: Expr) => (x.kind === 'literal' ? x.value : undefined);
  if (
    e.kind === 'compare' &&
    e.left.kind === 'field' &&
    e.op === '==' &&
    lit(e.right) !== undefined &&
    lit(e.right) !== null
  )
    out.set(e.left.name, lit(e.right));
  if (e.kind === 'in' && !e.negated && e.value.kind === 'field' && e.list[0]) out.set(e.value.name, lit(e.list[0]));
  if (e.kind === 'match' && e.value.kind === 'field' && typeof e.patterns[0]?.value === 'string')
    out.set(e.value.name, e.patterns[0].value.replace(/[*?]/g, 'x'));
  if (e.kind === 'or') {
    assignments(e.left, out);
    return;
  }
  for (const c of children(e)) assignments(c, out);
}

function eventsFor(q: SequenceNode | SampleNode, noise: Record<string, unknown>[]): EventDoc[] {
  const sources: Record<string, unknown>[] = [];
  const base = Date.UTC(2026, 0, 1);
  let t = 0;
  for (let round = 0; round < 3; round++) {
    for (const term of q.terms) {
      const src: Record<string, unknown> = structuredClone(noise[(round * 7 + sources.length) % noise.length]!);
      src['@timestamp'] = new Date(base + t++ * 1000).toISOString();
      if (!term.query.category.any) setPath(src, 'event.category', [term.query.category.name]);
      const values = new Map<string, unknown>();
      assignments(term.query.condition, values);
      for (const [k, v] of values) setPath(src, k, v);
      for (const k of [...q.by, ...term.by]) setPath(src, k.name, `key-${round % 2}`);
      sources.push(src);
      sources.push(noise[sources.length % noise.length]!);
    }
  }
  return sources.map((s, i) => ({ id: String(i), source: s, doc: expandDottedKeys(s), position: i }));
}

describe.skipIf(!available)(
  `corpus sequence and sample rules evaluate${available ? '' : ` (skipped: ${SKIP})`}`,
  () => {
    const rules = available ? loadRules() : [];
    const noise = generateEvents(200, 7);
    test('there are sequence and sample rules', () => {
      expect(rules.length).toBeGreaterThan(150);
    });
    test('each evaluates without errors, with explanations', () => {
      const failures: string[] = [];
      let withResults = 0;
      let rejected = 0;
      for (const rule of rules) {
        if (hasErrors(checkQuery({ rule: rule.query }))) {
          rejected++;
          continue;
        }
        const parsed = parseQuery(rule.query);
        const q = parsed.ast!.query as SequenceNode | SampleNode;
        try {
          const r = evaluate({ rule: rule.query, events: eventsFor(q, noise), explain: true });
          const errors = r.diagnostics.filter(
            (d) => d.severity === 'error' || (d.severity === 'warning' && /runtime error/.test(d.message)),
          );
          if (!r.ok || errors.length > 0) failures.push(`${rule.name}: ${errors.map((d) => d.message).join('; ')}`);
          if ((r.hits?.sequences?.length ?? 0) > 0) withResults++;
          if (r.join?.events.length !== undefined && r.join.events.length === 0)
            failures.push(`${rule.name}: no event explanations`);
        } catch (e) {
          failures.push(`${rule.name}: threw ${(e as Error).stack ?? e}`);
        }
      }
      expect(failures).toEqual([]);
      // The generated events are shaped after the rules, so many of them should match.
      console.log(
        `corpus: ${rules.length - rejected} of ${rules.length} sequence/sample rules evaluated (${rejected} rejected by the verifier), ${withResults} returned at least one sequence`,
      );
    });
  },
);
