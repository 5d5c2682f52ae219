/**
 * "Exclude this value": the flow from a field value in an event's detail to an applied edit.
 * The worker proposes (each proposal verified by evaluating the edited rule); the page shows
 * the proposals, the chosen one's impact and its text diff, and applies it as one editor edit
 * or cancels without changing anything. Pure reducer and view helpers.
 */
import type { ExclusionProposal, ProposalResult } from '../../worker/protocol';
import type { Scalar } from './event-fields';

export type { ExclusionProposal, ProposalResult } from '../../worker/protocol';

export interface TextEditView {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

export interface ExclusionRequest {
  readonly position: number;
  readonly eventId: string;
  /** One field, or two for a combination. */
  readonly fields: readonly string[];
  /** The value clicked (one element of an array field); absent for combinations. */
  readonly value?: Scalar;
}

export type ExclusionState =
  | { readonly phase: 'idle' }
  | { readonly phase: 'loading'; readonly request: ExclusionRequest; readonly rule: string }
  | {
      readonly phase: 'ready';
      readonly request: ExclusionRequest;
      /** The rule text the proposals' edits apply to. */
      readonly rule: string;
      readonly result: ProposalResult;
      readonly chosen: number;
    }
  | { readonly phase: 'failed'; readonly request: ExclusionRequest; readonly message: string };

export type ExclusionAction =
  | { readonly type: 'propose'; readonly request: ExclusionRequest; readonly rule: string }
  | { readonly type: 'answer'; readonly request: ExclusionRequest; readonly result: ProposalResult }
  | { readonly type: 'fail'; readonly request: ExclusionRequest; readonly message: string }
  | { readonly type: 'choose'; readonly index: number }
  | { readonly type: 'close' };

export const idleExclusion: ExclusionState = { phase: 'idle' };

export function exclusionReducer(s: ExclusionState, a: ExclusionAction): ExclusionState {
  switch (a.type) {
    case 'propose':
      return { phase: 'loading', request: a.request, rule: a.rule };
    case 'answer':
      // An answer for a request that is no longer shown is dropped.
      if (s.phase !== 'loading' || s.request !== a.request) return s;
      return { phase: 'ready', request: a.request, rule: s.rule, result: a.result, chosen: 0 };
    case 'fail':
      if (s.phase !== 'loading' || s.request !== a.request) return s;
      return { phase: 'failed', request: a.request, message: a.message };
    case 'choose':
      if (s.phase !== 'ready' || a.index < 0 || a.index >= s.result.proposals.length) return s;
      return { ...s, chosen: a.index };
    case 'close':
      return idleExclusion;
  }
}

export function chosenProposal(s: ExclusionState): ExclusionProposal | undefined {
  return s.phase === 'ready' ? s.result.proposals[s.chosen] : undefined;
}

/** The lines an edit touches, split so the page can show what is removed and what is inserted. */
export interface EditPreview {
  readonly before: string;
  readonly removed: string;
  readonly inserted: string;
  readonly after: string;
  /** 1-based line of the first line shown. */
  readonly line: number;
}

export function editPreview(rule: string, edit: TextEditView): EditPreview {
  const lineStart = rule.lastIndexOf('\n', edit.start - 1) + 1;
  const nl = rule.indexOf('\n', edit.end);
  const lineEnd = nl < 0 ? rule.length : nl;
  return {
    before: rule.slice(lineStart, edit.start),
    removed: rule.slice(edit.start, edit.end),
    inserted: edit.text,
    after: rule.slice(edit.end, lineEnd),
    line: rule.slice(0, lineStart).split('\n').length,
  };
}

/** "Suppresses 3 events that alert now"; the warning when one of them must alert. */
export function impactText(
  p: ExclusionProposal,
  nameOf: (id: string) => string = (id) => id,
): { readonly summary: string; readonly warning?: string } {
  const n = p.impact.newlySuppressed.length;
  const others = n - 1;
  const plural = others === 1 ? '' : 's';
  const summary =
    p.stage !== undefined
      ? others <= 0
        ? 'Takes this event out of every returned sequence or sample.'
        : `Takes this event and ${others} other${plural} out of every returned sequence or sample.`
      : others <= 0
        ? 'Suppresses this event only.'
        : `Suppresses this event and ${others} other${plural} that alert now.`;
  const broken = p.impact.breaksExpectations;
  if (broken.length === 0) return { summary };
  const ids = broken
    .slice(0, 5)
    .map((b) => nameOf(b.id))
    .join(', ');
  const more = broken.length > 5 ? ` and ${broken.length - 5} more` : '';
  return {
    summary,
    warning: `Silences ${broken.length} event${broken.length === 1 ? '' : 's'} that must alert: ${ids}${more}.`,
  };
}
