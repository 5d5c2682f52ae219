/** The global keyboard shortcuts (platform/keyboard.ts), acting on the rows on screen. */
import { useEffect, useEffectEvent } from 'react';
import type { Verdict } from '../../core';
import type { Playground } from '../playground';
import { onShortcut, type Shortcut } from '../platform/keyboard';
import { filterVerdicts } from '../state/results';
import { shortcutEffect } from '../state/selection';
import { useStore } from './use-store';

export function useShortcuts(pg: Playground, allRows: readonly Verdict[]): void {
  const { filter } = useStore(pg.selection.state);
  const onKey = useEffectEvent((s: Shortcut) => {
    const visible = filterVerdicts(allRows, filter);
    const effect = shortcutEffect(s, visible, pg.documents.doc().selected);
    if (effect.kind === 'select') pg.selection.selectEvent(effect.id);
    else if (effect.kind === 'share') void pg.share.shareLink();
    else if (effect.kind === 'run') pg.evaluation.runNow();
    else pg.selection.toggleHelp();
  });
  useEffect(() => onShortcut(onKey), []);
}
