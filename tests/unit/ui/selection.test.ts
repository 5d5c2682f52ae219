import { describe, expect, test } from 'vitest';
import { initialSelection, selectionReducer, shortcutEffect } from '../../../src/ui/state/selection';
import { verdict } from './stores/fakes';

describe('selection reducer', () => {
  test('view state changes, and no-op actions keep the same state', () => {
    const s = selectionReducer(initialSelection, { type: 'filter', filter: 'suppressed' });
    expect(s.filter).toBe('suppressed');
    expect(selectionReducer(s, { type: 'filter', filter: 'suppressed' })).toBe(s);
    expect(selectionReducer(s, { type: 'event-selected' })).toBe(s);
    const seq = selectionReducer(s, { type: 'sequence', index: 2 });
    expect(selectionReducer(seq, { type: 'event-selected' }).sequence).toBeUndefined();
    expect(selectionReducer(s, { type: 'tab', tab: 'es' }).tab).toBe('es');
    const open = selectionReducer(s, { type: 'help' });
    expect([open.help, selectionReducer(open, { type: 'help' }).help]).toEqual([true, false]);
    expect(selectionReducer(open, { type: 'help', open: false }).help).toBe(false);
  });

  test('the sequence view falls back to all for a filter it does not have', () => {
    const suppressed = selectionReducer(initialSelection, { type: 'filter', filter: 'suppressed' });
    expect(selectionReducer(suppressed, { type: 'join-view' }).filter).toBe('all');
    const alert = selectionReducer(initialSelection, { type: 'filter', filter: 'alert' });
    expect(selectionReducer(alert, { type: 'join-view' })).toBe(alert);
  });
});

describe('shortcuts', () => {
  const rows = [verdict('0', 'alert'), verdict('1', 'suppressed'), verdict('2', 'no-match'), verdict('3', 'alert')];
  test('navigation shortcuts select a row; the others name their action', () => {
    expect(shortcutEffect('next', rows, undefined)).toEqual({ kind: 'select', id: '0' });
    expect(shortcutEffect('previous', rows, '0')).toEqual({ kind: 'select', id: '3' });
    expect(shortcutEffect('next-suppressed', rows, '3')).toEqual({ kind: 'select', id: '1' });
    expect(shortcutEffect('next-alert', rows, '0')).toEqual({ kind: 'select', id: '3' });
    expect(shortcutEffect('next-no-match', rows, '0')).toEqual({ kind: 'select', id: '2' });
    expect(shortcutEffect('share', rows, '0')).toEqual({ kind: 'share' });
    expect(shortcutEffect('run', rows, '0')).toEqual({ kind: 'run' });
    expect(shortcutEffect('help', rows, '0')).toEqual({ kind: 'help' });
  });
});
