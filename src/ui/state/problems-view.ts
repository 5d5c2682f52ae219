/**
 * What the problems panel shows: problems of the same kind (same code, same message but for its
 * numbers: "Line 17 is not valid JSON: …") folded into one group once there are several, each
 * group showing its first few, and never more rows than the panel can render at once, so 20,000
 * broken lines cost a few dozen elements, not 20,000. Pure; positions come computed (the worker).
 */
import type { ProblemView } from '../../worker/protocol';

/** A group folds once it has this many problems. */
export const GROUP_FROM = 3;
/** Problems shown per group before "and N more". */
export const GROUP_PREVIEW = 5;
/** Rows shown at most, groups and problems together, before "and N more". */
export const MAX_ROWS = 200;

export interface ProblemGroup {
  readonly key: string;
  readonly code: string;
  readonly severity: ProblemView['severity'];
  readonly source: ProblemView['source'];
  /** The message with its numbers as "N" ("Line N is not valid JSON: …"). */
  readonly template: string;
  readonly problems: readonly ProblemView[];
  /** How many problems the group has: more than `problems` when the worker sent only the first ones. */
  readonly count: number;
}

export type ProblemRow =
  | { readonly kind: 'problem'; readonly problem: ProblemView; readonly inGroup: boolean }
  | { readonly kind: 'group'; readonly group: ProblemGroup; readonly expanded: boolean }
  | { readonly kind: 'more'; readonly group: ProblemGroup | undefined; readonly hidden: number };

const SEVERITY_ORDER: Record<ProblemView['severity'], number> = { error: 0, warning: 1, info: 2 };

/**
 * Groups by code, severity, source and message template, in order of first appearance, errors
 * first. `eventsTotals` (per code, every problem of the events) adds the events problems the
 * worker did not send to the first group of their code.
 */
export function groupProblems(
  problems: readonly ProblemView[],
  eventsTotals: Readonly<Record<string, number>> = {},
): ProblemGroup[] {
  const groups = new Map<string, { group: ProblemGroup; list: ProblemView[] }>();
  for (const p of problems) {
    const template = p.message.replace(/\d+(\.\d+)?/g, 'N');
    const key = `${p.severity}\u0000${p.source}\u0000${p.code}\u0000${template}`;
    let g = groups.get(key);
    if (!g) {
      const list: ProblemView[] = [];
      g = {
        group: { key, code: p.code, severity: p.severity, source: p.source, template, problems: list, count: 0 },
        list,
      };
      groups.set(key, g);
    }
    g.list.push(p);
  }
  const unsent = unsentByCode(problems, eventsTotals);
  return [...groups.values()]
    .map(({ group, list }) => {
      const extra = group.source === 'events' ? (unsent.get(group.code) ?? 0) : 0;
      unsent.delete(group.code);
      return { ...group, count: list.length + extra };
    })
    .sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);
}

function unsentByCode(problems: readonly ProblemView[], totals: Readonly<Record<string, number>>): Map<string, number> {
  const sent = new Map<string, number>();
  for (const p of problems) if (p.source === 'events') sent.set(p.code, (sent.get(p.code) ?? 0) + 1);
  const out = new Map<string, number>();
  for (const [code, total] of Object.entries(totals)) {
    const extra = total - (sent.get(code) ?? 0);
    if (extra > 0) out.set(code, extra);
  }
  return out;
}

/** Every problem, the unsent ones included. */
export function problemTotal(groups: readonly ProblemGroup[]): number {
  let n = 0;
  for (const g of groups) n += g.count;
  return n;
}

/**
 * The rows to render: small groups as their problems, larger ones as a header with a preview
 * (all of it when expanded, up to the row cap), and "and N more" rows for what is left out.
 */
export function problemRows(groups: readonly ProblemGroup[], expanded: ReadonlySet<string>): ProblemRow[] {
  const rows: ProblemRow[] = [];
  let hiddenTotal = 0;
  for (const g of groups) {
    if (rows.length >= MAX_ROWS) {
      hiddenTotal += g.count;
      continue;
    }
    if (g.count < GROUP_FROM) {
      for (const p of g.problems) {
        if (rows.length < MAX_ROWS) rows.push({ kind: 'problem', problem: p, inGroup: false });
        else hiddenTotal++;
      }
      continue;
    }
    const open = expanded.has(g.key);
    rows.push({ kind: 'group', group: g, expanded: open });
    const room = Math.max(0, MAX_ROWS - rows.length - 1);
    const shown = Math.min(g.problems.length, open ? room : Math.min(GROUP_PREVIEW, room));
    for (let i = 0; i < shown; i++) rows.push({ kind: 'problem', problem: g.problems[i]!, inGroup: true });
    if (shown < g.count) rows.push({ kind: 'more', group: g, hidden: g.count - shown });
  }
  if (hiddenTotal > 0) rows.push({ kind: 'more', group: undefined, hidden: hiddenTotal });
  return rows;
}
