/** Offering a file the page made (an exported rule, a workspace) for download. */
export function downloadText(name: string, text: string, mime: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: `${mime};charset=utf-8` }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.style.display = 'none';
  document.body.append(a);
  a.click();
  a.remove();
  // The download has started from the URL by now; free it a little later.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
