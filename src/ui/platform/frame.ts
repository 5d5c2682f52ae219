/** Run `fn` after the next paint (a text area shown by the click that asks for it exists then). */
export function afterPaint(fn: () => void): void {
  window.requestAnimationFrame(() => fn());
}
