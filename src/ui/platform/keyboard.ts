/** Global shortcuts, caught before the editors see them. */
export type Shortcut =
  | 'share'
  | 'run'
  | 'next'
  | 'previous'
  | 'next-suppressed'
  | 'next-alert'
  | 'next-no-match'
  | 'help';

export function shortcutFor(e: KeyboardEvent): Shortcut | undefined {
  const mod = e.ctrlKey || e.metaKey;
  if (mod && !e.altKey && !e.shiftKey && e.code === 'KeyS') return 'share';
  if (mod && !e.altKey && e.code === 'Enter') return 'run';
  if (e.altKey && !mod) {
    switch (e.code) {
      case 'KeyN':
        return 'next';
      case 'KeyP':
        return 'previous';
      case 'KeyS':
        return 'next-suppressed';
      case 'KeyA':
        return 'next-alert';
      case 'KeyM':
        return 'next-no-match';
      case 'Slash':
        return 'help';
      default:
        return undefined;
    }
  }
  return undefined;
}

export function onShortcut(handler: (s: Shortcut) => void): () => void {
  const listener = (e: KeyboardEvent) => {
    const s = shortcutFor(e);
    if (!s) return;
    e.preventDefault();
    e.stopPropagation();
    handler(s);
  };
  window.addEventListener('keydown', listener, true);
  return () => window.removeEventListener('keydown', listener, true);
}
