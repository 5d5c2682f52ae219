/** The global keyboard shortcuts (platform/keyboard.ts), acting on the rows on screen. */
import { useEffect, useEffectEvent } from 'react';
import type { Verdict } from '../../core';
import type { Playground } from '../playground';
import { onShortcut, type Shortcut } from '../platform/keyboard';
import { shortcutEffect } from '../state/selection';

export function useShortcuts(pg: Playground, listedRows: () => readonly Verdict[]): void {
  const onKey = useEffectEvent((s: Shortcut) => {
    const visible = listedRows();
    const effect = shortcutEffect(s, visible, pg.documents.doc().selected);
    if (effect.kind === 'select') pg.selection.selectEvent(effect.id);
    else if (effect.kind === 'share') void pg.share.shareLink();
    else if (effect.kind === 'run') pg.evaluation.runNow();
    else pg.selection.toggleHelp();
  });
  useEffect(() => onShortcut(onKey), []);
}
