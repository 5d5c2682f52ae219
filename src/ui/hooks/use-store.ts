/** The React binding of every store: the component re-renders when the store's value changes. */
import { useSyncExternalStore } from 'react';
import type { Store } from '../state/store';

export function useStore<S>(store: Pick<Store<S>, 'get' | 'subscribe'>): S {
  return useSyncExternalStore(store.subscribe, store.get);
}
