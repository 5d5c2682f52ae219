/**
 * What the editors draw for the results: highlights of the selected event's reasons (or its
 * sequence's stage terms), the selected events' ranges in the events text, and the per-clause
 * badges. Pure: plain data for src/monaco/decorations.ts.
 */
import type { ClauseImpact, ClauseStat, Range } from '../../core';
import type { ClauseBadge, ElementMark, HighlightSpan } from '../../monaco/decorations';
import { ELEMENT_COMMAND } from '../../monaco/element-command';
import { eventStageHighlights, sequenceStageHighlights, stageLabel } from './join-view';
import type { ResultView } from './result-view';
import { collapse } from './reason-text';
import { impactBadge, type TuningFilter } from './tuning';

/** A result view, and whether the rule text its ranges point into is the one in the editor. */
type MarksOf<K extends keyof ResultView> = Pick<ResultView, K> & { readonly rulesCurrent: boolean };

export function reasonSpans(
  v: MarksOf<'selectedVerdict' | 'selectedJoinRow' | 'selectedCard' | 'joinView'>,
): HighlightSpan[] {
  const spans: HighlightSpan[] = [];
  if (!v.rulesCurrent) return spans;
  if (v.selectedVerdict) {
    for (const r of v.selectedVerdict.reasons) {
      spans.push({ range: r.clause.range, role: r.kind === 'exclusion' ? 'clause' : 'failed' });
      if (r.match) spans.push({ range: r.match.range, role: 'match' });
    }
  }
  if (v.joinView) {
    if (v.selectedJoinRow) spans.push(...eventStageHighlights(v.joinView.join, v.selectedJoinRow));
    else if (v.selectedCard) spans.push(...sequenceStageHighlights(v.joinView.join, v.selectedCard));
  }
  return spans;
}

/** The events-text ranges to highlight: one event, or every event of the selected sequence. */
export function eventRanges(v: Pick<ResultView, 'eventsForText' | 'selectedRow' | 'selectedCard'>): {
  readonly many: boolean;
  readonly ranges: readonly Range[];
} {
  const events = v.eventsForText;
  if (!v.selectedRow && v.selectedCard && events) {
    const ranges = v.selectedCard.positions.flatMap((pos) => {
      const r = events[pos]?.range;
      return r ? [r] : [];
    });
    return { many: true, ranges };
  }
  const ev = v.selectedRow && events ? events[v.selectedRow.position] : undefined;
  return { many: false, ranges: ev?.range && ev.id === v.selectedRow?.id ? [ev.range] : [] };
}

function stageBadges(v: Pick<ResultView, 'joinView'>): ClauseBadge[] {
  if (!v.joinView) return [];
  return v.joinView.stageCounts.map(({ stage, matched }): ClauseBadge => {
    const label = stageLabel(stage);
    return matched > 0
      ? {
          range: stage.text.range,
          tone: 'count',
          text: `⟵ ${label}: ${matched} event${matched === 1 ? '' : 's'}`,
          hover: `${matched} loaded event(s) satisfy the filter of ${label}.`,
        }
      : {
          range: stage.text.range,
          tone: 'dead',
          text: `⚠ ${label}: no event`,
          hover: `No loaded event satisfies the filter of ${label}, so no sequence can complete.`,
        };
  });
}

/** The key a clause badge hands back when clicked: this prefix and the part's clause id. */
export const CLAUSE_BADGE_KEY = 'clause:';

function clauseBadge(s: ClauseStat, impact: ReadonlyMap<number, ClauseImpact>): ClauseBadge | undefined {
  const part = impact.get(s.clauseId);
  if (s.kind === 'exclusion' && s.suppressed > 0 && part) {
    // With clause impact: how many only this part suppresses, and a click lists them.
    const b = impactBadge(s.suppressed, part.only.length);
    return {
      range: s.clause.range,
      tone: 'count',
      text: b.text,
      hover: b.hover,
      key: `${CLAUSE_BADGE_KEY}${s.clauseId}`,
    };
  }
  if (s.kind === 'exclusion') {
    return s.suppressed > 0
      ? {
          range: s.clause.range,
          tone: 'count',
          text: `⟵ suppresses ${s.suppressed}`,
          hover: `This exclusion suppresses ${s.suppressed} event(s).`,
        }
      : {
          range: s.clause.range,
          tone: 'dead',
          text: '⚠ suppresses none',
          hover:
            'No loaded event is suppressed by this exclusion: it may be dead, or your sample lacks the case it covers.',
        };
  }
  if (s.failed > 0) {
    return {
      range: s.clause.range,
      tone: 'muted',
      text: `✗ fails for ${s.failed}`,
      hover: `For ${s.failed} event(s) this is the first base condition that fails.`,
    };
  }
  return undefined;
}

/** Per stage term and per clause: how many events it decides (only for the current rule text). */
export function clauseBadges(
  v: MarksOf<'joinView'>,
  stats: readonly ClauseStat[],
  impact: readonly ClauseImpact[] = [],
): ClauseBadge[] {
  if (!v.rulesCurrent) return [];
  const byId = new Map(impact.map((p) => [p.clauseId, p]));
  return [...stageBadges(v), ...stats.flatMap((s) => clauseBadge(s, byId) ?? [])];
}

/** The key an element's hover link hands back: this prefix and the element's node id. */
export const ELEMENT_KEY = 'element:';

/** A markdown link that runs the element command with `key` (the hover's "list them"). */
function commandLink(label: string, key: string): string {
  return `[${label}](command:${ELEMENT_COMMAND}?${encodeURIComponent(JSON.stringify([key]))})`;
}

/** Markdown code for a piece of rule text (backticks in it would end the span). */
function code(text: string): string {
  const ticks = text.includes('`') ? '``' : '`';
  return `${ticks} ${text.replace(/\s+/g, ' ')} ${ticks}`;
}

function elementHover(text: string, count: number, only: number, key: string): string {
  if (count === 0) {
    return `${code(text)} suppresses none: no loaded event is suppressed by it (it matches none, or an earlier element of the list matches them first), so removing it changes no verdict.`;
  }
  const events = `${count} event${count === 1 ? '' : 's'}`;
  const alone =
    only === 0
      ? 'none only by this: another element or part also keeps each of them out'
      : only === count
        ? `${count === 1 ? 'only' : 'all only'} by this: remove it and ${count === 1 ? 'it alerts' : 'they alert'}`
        : `${only} only by this: remove it and ${only === 1 ? 'that one alerts' : 'those alert'}`;
  return `${code(text)} suppresses ${events} · ${alone}. ${commandLink(`List the ${events}`, key)}`;
}

/**
 * Per element of an exclusion list or pattern list that suppresses events (two elements or more):
 * a hover with its count and what only it suppresses, and a strikethrough on the dead ones. A
 * part that suppresses nothing has its own badge, so its elements get no marks.
 */
export function elementMarks(v: { readonly rulesCurrent: boolean }, stats: readonly ClauseStat[]): ElementMark[] {
  if (!v.rulesCurrent) return [];
  const out: ElementMark[] = [];
  for (const s of stats) {
    if (s.kind !== 'exclusion' || s.suppressed === 0 || s.parts.length < 2) continue;
    for (const p of s.parts) {
      out.push({
        range: p.span.range,
        dead: p.count === 0,
        hover: elementHover(p.span.text, p.count, p.only, `${ELEMENT_KEY}${p.id}`),
      });
    }
  }
  return out;
}

/** `process.executable in (…)`: a list part named by what comes before its list. */
function listHead(clause: string): string {
  const open = clause.indexOf('(');
  return open < 0 ? collapse(clause) : `${collapse(clause.slice(0, open))} (…)`;
}

/** The clause filter for one list element: the events it suppresses, labelled `"x" of field in (…)`. */
export function elementFilter(
  id: number,
  stats: readonly ClauseStat[],
  elements: readonly (readonly [number, readonly number[]])[],
): TuningFilter | undefined {
  for (const s of stats) {
    const p = s.parts.find((e) => e.id === id);
    if (!p) continue;
    const positions = elements.find(([e]) => e === id)?.[1] ?? [];
    const label = `${collapse(p.span.text)} of ${listHead(s.clause.text)}`;
    return { kind: 'clause', label, positions, element: { part: collapse(s.clause.text), text: p.span.text } };
  }
  return undefined;
}
