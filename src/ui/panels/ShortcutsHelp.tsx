import { useEffect, useRef } from 'react';
const KEYS: readonly [string, string][] = [
  ['Ctrl/Cmd + S', 'Copy a share link with the whole state'],
  ['Ctrl/Cmd + Enter', 'Evaluate now'],
  ['Alt + N / Alt + P', 'Next / previous event'],
  ['Alt + S', 'Next suppressed event'],
  ['Alt + A', 'Next alert'],
  ['Alt + M', 'Next event the base condition missed'],
  ['↑ ↓ (in the list)', 'Previous / next event'],
  ['C (in the list)', 'Next event whose verdict changed since the baseline'],
  ['U (in the list)', 'Next event whose expected verdict is not met'],
  ['E (in the list)', "Expect the selected event's current verdict (again: drop it)"],
  ['Ctrl + Z (in the rule)', 'Undo an applied exclusion or a revert to the baseline'],
  ['Ctrl + Space (in the rule)', 'Complete fields and functions; inside a string, the values the field has'],
  ['Alt + /', 'Show or hide this help'],
];

/** The shortcuts, over the page: Escape, the close button or a click beside it closes it. */
export function ShortcutsHelp({ onClose }: { onClose: () => void }) {
  const close = useRef<HTMLButtonElement>(null);
  // Focus moves into the dialog, so Escape reaches it from the keyboard.
  useEffect(() => close.current?.focus(), []);
  return (
    <div
      className="overlay"
      role="dialog"
      aria-modal="true"
      aria-label="Keyboard shortcuts"
      onClick={(e) => {
        if (e.target === e.currentTarget) onClose();
      }}
      onKeyDown={(e) => {
        if (e.key === 'Escape') onClose();
      }}
    >
      <div className="dialog">
        <div className="pane-title">
          <span>Keyboard shortcuts</span>
          <button ref={close} type="button" className="icon" onClick={onClose} aria-label="Close">
            ×
          </button>
        </div>
        <table>
          <tbody>
            {KEYS.map(([k, what]) => (
              <tr key={k}>
                <td>
                  <kbd>{k}</kbd>
                </td>
                <td>{what}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
