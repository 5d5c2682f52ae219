/** The URL fragment, read and written without reloading or adding history entries. */
export function readHash(): string {
  return window.location.hash;
}

export function writeHash(hash: string): void {
  const url = `${window.location.pathname}${window.location.search}${hash}`;
  window.history.replaceState(null, '', url);
}

export function clearHash(): void {
  window.history.replaceState(null, '', `${window.location.pathname}${window.location.search}`);
}

export function currentUrl(): string {
  return window.location.href;
}

/** Called when the user pastes a different link into this tab's address bar. */
export function onHashChange(listener: (hash: string) => void): () => void {
  const h = () => listener(window.location.hash);
  window.addEventListener('hashchange', h);
  return () => window.removeEventListener('hashchange', h);
}
