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
}

export type ProblemRow =
  | { readonly kind: 'problem'; readonly problem: ProblemView; readonly inGroup: boolean }
  | { readonly kind: 'group'; readonly group: ProblemGroup; readonly expanded: boolean }
  | { readonly kind: 'more'; readonly group: ProblemGroup | undefined; readonly hidden: number };

const SEVERITY_ORDER: Record<ProblemView['severity'], number> = { error: 0, warning: 1, info: 2 };

/** Groups by code, severity, source and message template, in order of first appearance, errors first. */
export function groupProblems(problems: readonly ProblemView[]): ProblemGroup[] {
  const groups = new Map<string, { group: ProblemGroup; list: ProblemView[] }>();
  for (const p of problems) {
    const template = p.message.replace(/\d+(\.\d+)?/g, 'N');
    const key = `${p.severity}\u0000${p.source}\u0000${p.code}\u0000${template}`;
    let g = groups.get(key);
    if (!g) {
      const list: ProblemView[] = [];
      g = { group: { key, code: p.code, severity: p.severity, source: p.source, template, problems: list }, list };
      groups.set(key, g);
    }
    g.list.push(p);
  }
  return [...groups.values()]
    .map((g) => g.group)
    .sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);
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
      hiddenTotal += g.problems.length;
      continue;
    }
    if (g.problems.length < GROUP_FROM) {
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
    if (shown < g.problems.length) rows.push({ kind: 'more', group: g, hidden: g.problems.length - shown });
  }
  if (hiddenTotal > 0) rows.push({ kind: 'more', group: undefined, hidden: hiddenTotal });
  return rows;
}
