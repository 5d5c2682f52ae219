/**
 * Editor decorations the app draws from core results: the deciding clause and list element of
 * the selected event, per-clause suppression counts, and the selected event in the events text.
 */
import type { Range } from '../core';
import { ELEMENT_COMMAND } from './element-command';
import { toMonacoRange } from './ranges';
import type { IStandaloneCodeEditor, Monaco } from './types';

type Collection = import('monaco-editor/editor').editor.IEditorDecorationsCollection;
type Delta = import('monaco-editor/editor').editor.IModelDeltaDecoration;

export interface HighlightSpan {
  readonly range: Range;
  /** `clause`: the whole deciding clause; `match`: the exact element or pattern. */
  readonly role: 'clause' | 'match' | 'failed';
}

export interface ClauseBadge {
  readonly range: Range;
  readonly text: string;
  /** `dead`: an exclusion that suppresses nothing. */
  readonly tone: 'count' | 'dead' | 'muted';
  readonly hover?: string;
  /** Handed back when the badge is clicked (edits.ts onBadgeClick). */
  readonly key?: string;
}

/** A list element or pattern of an exclusion that suppresses events: its count in a hover; dead ones struck through. */
export interface ElementMark {
  readonly range: Range;
  /** Suppresses no event: removing it changes no verdict. */
  readonly dead: boolean;
  /** Markdown; may link the element command (ELEMENT_COMMAND) with the mark's key. */
  readonly hover: string;
}

const collections = new WeakMap<IStandaloneCodeEditor, Map<string, Collection>>();

function collection(editor: IStandaloneCodeEditor, layer: string): Collection {
  let byLayer = collections.get(editor);
  if (!byLayer) {
    byLayer = new Map();
    collections.set(editor, byLayer);
  }
  let c = byLayer.get(layer);
  if (!c) {
    c = editor.createDecorationsCollection();
    byLayer.set(layer, c);
  }
  return c;
}

/** Highlight the reasons of the selected event; scrolls the first match into view. */
export function showReasonHighlights(
  monaco: Monaco,
  editor: IStandaloneCodeEditor,
  spans: readonly HighlightSpan[],
  reveal = true,
): void {
  const model = editor.getModel();
  if (!model) return;
  const length = model.getValueLength();
  const decorations: Delta[] = [];
  for (const s of spans) {
    if (s.range.end > length) continue;
    const range = toMonacoRange(model, s.range);
    decorations.push({
      range,
      options: {
        className: s.role === 'match' ? 'eql-hl-match' : s.role === 'failed' ? 'eql-hl-failed' : 'eql-hl-clause',
        stickiness: monaco.editor.TrackedRangeStickiness.NeverGrowsWhenTypingAtEdges,
        overviewRuler: {
          color: s.role === 'match' ? '#e0a800' : s.role === 'failed' ? '#d9534f' : '#6c8ebf',
          position: monaco.editor.OverviewRulerLane.Center,
        },
        ...(s.role === 'match' ? { inlineClassName: 'eql-hl-match-text' } : {}),
      },
    });
  }
  collection(editor, 'reasons').set(decorations);
  const focus = spans.find((s) => s.role === 'match') ?? spans[0];
  if (reveal && focus && focus.range.end <= length) {
    editor.revealRangeInCenterIfOutsideViewport(toMonacoRange(model, focus.range), monaco.editor.ScrollType.Smooth);
  }
}

/** Per-clause counts after each clause ("suppresses 3", "suppresses none"). */
export function showClauseBadges(monaco: Monaco, editor: IStandaloneCodeEditor, badges: readonly ClauseBadge[]): void {
  const model = editor.getModel();
  if (!model) return;
  const length = model.getValueLength();
  const decorations: Delta[] = [];
  for (const b of badges) {
    if (b.range.end > length) continue;
    const r = toMonacoRange(model, b.range);
    decorations.push({
      // The whole clause (a collapsed range would hide injected text), text injected after it.
      range: r,
      options: {
        showIfCollapsed: true,
        after: {
          content: ` ${b.text}`,
          inlineClassName: `${
            b.tone === 'dead' ? 'eql-badge-dead' : b.tone === 'muted' ? 'eql-badge-muted' : 'eql-badge-count'
          }${b.key !== undefined ? ' clickable' : ''}`,
          cursorStops: monaco.editor.InjectedTextCursorStops.None,
          ...(b.key !== undefined ? { attachedData: b.key } : {}),
        },
        ...(b.hover ? { hoverMessage: { value: b.hover } } : {}),
        stickiness: monaco.editor.TrackedRangeStickiness.NeverGrowsWhenTypingAtEdges,
      },
    });
    if (b.tone === 'dead') {
      decorations.push({
        range: r,
        options: {
          className: 'eql-clause-dead',
          ...(b.hover ? { hoverMessage: { value: b.hover } } : {}),
          overviewRuler: { color: '#c98a00', position: monaco.editor.OverviewRulerLane.Right },
        },
      });
    }
  }
  collection(editor, 'badges').set(decorations);
}

/** The element marks of the exclusion lists (see ElementMark); their hovers may run the element command. */
export function showElementMarks(monaco: Monaco, editor: IStandaloneCodeEditor, marks: readonly ElementMark[]): void {
  const model = editor.getModel();
  if (!model) return;
  const length = model.getValueLength();
  const decorations: Delta[] = [];
  for (const m of marks) {
    if (m.range.end > length) continue;
    decorations.push({
      range: toMonacoRange(model, m.range),
      options: {
        ...(m.dead ? { inlineClassName: 'eql-element-dead' } : {}),
        hoverMessage: { value: m.hover, isTrusted: { enabledCommands: [ELEMENT_COMMAND] } },
        stickiness: monaco.editor.TrackedRangeStickiness.NeverGrowsWhenTypingAtEdges,
      },
    });
  }
  collection(editor, 'elements').set(decorations);
}

/** Mark the selected event in the events editor and scroll to it. */
export function showEventHighlight(
  monaco: Monaco,
  editor: IStandaloneCodeEditor,
  range: Range | undefined,
  reveal = true,
): void {
  const model = editor.getModel();
  if (!model) return;
  if (!range || range.end > model.getValueLength()) {
    collection(editor, 'event').clear();
    return;
  }
  const r = toMonacoRange(model, range);
  collection(editor, 'event').set([
    {
      range: r,
      options: {
        isWholeLine: true,
        className: 'eql-hl-event',
        linesDecorationsClassName: 'eql-hl-event-gutter',
        overviewRuler: { color: '#6c8ebf', position: monaco.editor.OverviewRulerLane.Full },
      },
    },
  ]);
  if (reveal) editor.revealLineInCenterIfOutsideViewport(r.startLineNumber, monaco.editor.ScrollType.Smooth);
}

/** Mark several events (a selected sequence) in the events editor; scrolls to the first. */
export function showEventHighlights(
  monaco: Monaco,
  editor: IStandaloneCodeEditor,
  ranges: readonly Range[],
  reveal = true,
): void {
  const model = editor.getModel();
  if (!model) return;
  const length = model.getValueLength();
  const valid = ranges.filter((r) => r.end <= length);
  if (valid.length === 0) {
    collection(editor, 'event').clear();
    return;
  }
  const rs = valid.map((r) => toMonacoRange(model, r));
  collection(editor, 'event').set(
    rs.map((r) => ({
      range: r,
      options: {
        isWholeLine: true,
        className: 'eql-hl-event',
        linesDecorationsClassName: 'eql-hl-event-gutter',
        overviewRuler: { color: '#6c8ebf', position: monaco.editor.OverviewRulerLane.Full },
      },
    })),
  );
  if (reveal) editor.revealLineInCenterIfOutsideViewport(rs[0]!.startLineNumber, monaco.editor.ScrollType.Smooth);
}

/** Move the cursor to an offset (from the problems list). */
export function goToOffset(editor: IStandaloneCodeEditor, offset: number): void {
  const model = editor.getModel();
  if (!model) return;
  const p = model.getPositionAt(offset);
  editor.setPosition(p);
  editor.revealPositionInCenterIfOutsideViewport(p);
  editor.focus();
}
