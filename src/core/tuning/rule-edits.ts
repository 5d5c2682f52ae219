/**
 * Where an exclusion can go in a rule, as minimal text edits that keep the user's formatting:
 * a value appended to an existing list, a part appended to the `not (...)` block (with the
 * block's own separator), or a new `and not (...)` when the rule has none.
 */
import type { Expr, InNode, MatchNode } from '../ast/nodes';
import { flattenAnd, flattenOr, unwrapParens } from '../explain/plan';
import type { TextEdit } from './types';

export interface ListSite {
  readonly node: InNode | MatchNode;
  readonly field: string;
  /** `in` / `in~` lists take exact values; `:` lists take wildcard patterns. */
  readonly kind: 'in' | 'match';
}

export interface ExclusionSites {
  readonly lists: readonly ListSite[];
  /** The edit that adds `part` as a new exclusion part. */
  addPart(part: string): TextEdit;
  /** The edit that adds `literal` to a list. */
  addToList(site: ListSite, literal: string): TextEdit;
}

function fieldOf(e: Expr): string | undefined {
  const u = unwrapParens(e);
  return u.kind === 'field' ? u.name : undefined;
}

function listSite(e: Expr): ListSite | undefined {
  const u = unwrapParens(e);
  if (u.kind === 'in' && u.list.length > 0) {
    const field = fieldOf(u.value);
    return field ? { node: u, field, kind: 'in' } : undefined;
  }
  if (u.kind === 'match' && u.op === ':' && u.patterns.length > 0) {
    const field = fieldOf(u.value);
    return field ? { node: u, field, kind: 'match' } : undefined;
  }
  return undefined;
}

/** The separator between the last two parts when it is only `or` and whitespace, else " or ". */
function separator(rule: string, parts: readonly Expr[]): string {
  if (parts.length < 2) return ' or ';
  const sep = rule.slice(parts[parts.length - 2]!.range.end, parts[parts.length - 1]!.range.start);
  return /^\s*or\s*$/.test(sep) ? sep : ' or ';
}

export function exclusionSites(rule: string, condition: Expr): ExclusionSites {
  const conjuncts = flattenAnd(condition);
  const blocks = conjuncts.map(unwrapParens).filter((c) => c.kind === 'not');
  const lists: ListSite[] = [];
  for (const b of blocks) {
    for (const p of flattenOr(unwrapParens(b.operand))) {
      const site = listSite(p);
      if (site && !(site.node.kind === 'in' && site.node.negated)) lists.push(site);
    }
  }
  for (const c of conjuncts) {
    const u = unwrapParens(c);
    if (u.kind === 'in' && u.negated) {
      const site = listSite(u);
      if (site) lists.push(site);
    }
  }
  const addPart = (part: string): TextEdit => {
    const block = blocks[blocks.length - 1];
    if (block) {
      const operand = block.operand;
      if (operand.kind !== 'paren') {
        const text = rule.slice(operand.range.start, operand.range.end);
        return { start: operand.range.start, end: operand.range.end, text: `(${text} or ${part})` };
      }
      const parts = flattenOr(unwrapParens(operand));
      const last = parts[parts.length - 1]!;
      return { start: last.range.end, end: last.range.end, text: `${separator(rule, parts)}${part}` };
    }
    if (condition.kind === 'or') {
      const text = rule.slice(condition.range.start, condition.range.end);
      return { start: condition.range.start, end: condition.range.end, text: `(${text}) and not (${part})` };
    }
    return { start: condition.range.end, end: condition.range.end, text: ` and not (${part})` };
  };
  const addToList = (site: ListSite, literal: string): TextEdit => {
    const n = site.node;
    if (n.kind === 'match' && !n.list) {
      const p = n.patterns[0]!;
      return {
        start: p.range.start,
        end: p.range.end,
        text: `(${rule.slice(p.range.start, p.range.end)}, ${literal})`,
      };
    }
    const items: readonly Expr[] = n.kind === 'in' ? n.list : n.patterns;
    const last = items[items.length - 1]!;
    return { start: last.range.end, end: last.range.end, text: `, ${literal}` };
  };
  return { lists, addPart, addToList };
}

export function applyEdit(text: string, edit: TextEdit): string {
  return text.slice(0, edit.start) + edit.text + text.slice(edit.end);
}
