/** The React binding of every store: the component re-renders when the store's value changes. */
import { useSyncExternalStore } from 'react';
import type { Store } from '../state/store';

export function useStore<S>(store: Pick<Store<S>, 'get' | 'subscribe'>): S {
  return useSyncExternalStore(store.subscribe, store.get);
}

/**
 * One part of a store's value: the component re-renders only when that part changes (compared
 * with Object.is, so `select` returns a part of the value or a primitive, never a new object).
 * The documents store changes on every keystroke; the panels that show other parts of it read
 * them this way, so typing re-renders only what shows the rule text.
 */
export function useSelect<S, T>(store: Pick<Store<S>, 'get' | 'subscribe'>, select: (s: S) => T): T {
  return useSyncExternalStore(store.subscribe, () => select(store.get()));
}
