/**
 * The one store shape every UI concern uses: a value, replaced (never mutated) and announced to
 * subscribers synchronously. React reads stores through `useStore` (hooks/use-store.ts); the
 * concern stores (src/ui/stores/) read each other through `get` and `subscribe`. Pure.
 */
export interface Store<S> {
  get(): S;
  /** Replace the value; subscribers hear of it only when it is a different object. */
  set(next: S): void;
  update(change: (current: S) => S): void;
  /** Returns the unsubscribe function. */
  subscribe(listener: () => void): () => void;
}

export function createStore<S>(initial: S): Store<S> {
  let value = initial;
  const listeners = new Set<() => void>();
  const set = (next: S): void => {
    if (Object.is(next, value)) return;
    value = next;
    for (const l of [...listeners]) l();
  };
  return {
    get: () => value,
    set,
    update: (change) => set(change(value)),
    subscribe(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
  };
}

/** A store changed by actions through a pure reducer. */
export interface ReducerStore<S, A> extends Store<S> {
  dispatch(action: A): void;
}

export function createReducerStore<S, A>(reduce: (state: S, action: A) => S, initial: S): ReducerStore<S, A> {
  const store = createStore(initial);
  return { ...store, dispatch: (action) => store.update((s) => reduce(s, action)) };
}

/**
 * Call `listener` with the selected part of a store whenever it changes (compared with
 * Object.is, or each element of a tuple).
 */
export function watch<S, T>(
  store: Pick<Store<S>, 'get' | 'subscribe'>,
  select: (s: S) => T,
  listener: (next: T, prev: T) => void,
): () => void {
  let last = select(store.get());
  return store.subscribe(() => {
    const next = select(store.get());
    if (sameSelection(next, last)) return;
    const prev = last;
    last = next;
    listener(next, prev);
  });
}

function sameSelection(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) && Array.isArray(b))
    return a.length === b.length && a.every((x, i) => Object.is(x, (b as unknown[])[i]));
  return Object.is(a, b);
}
