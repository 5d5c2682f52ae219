/**
 * React keys for lists whose items have no id of their own (reasons, trace entries, MITRE
 * references): each item's key is what tells it apart (`keyOf`), and a repeat of the same key
 * gets `#2`, `#3`, ... in order. Equal items in equal order keep their keys from one render to
 * the next; an item's key does not depend on how many different items come before it.
 */
export interface Keyed<T> {
  readonly key: string;
  readonly item: T;
}

export function withKeys<T>(items: readonly T[], keyOf: (item: T) => string): Keyed<T>[] {
  const repeats = new Map<string, number>();
  const used = new Set<string>();
  return items.map((item) => {
    const base = keyOf(item);
    let n = repeats.get(base) ?? 0;
    let key: string;
    do {
      n++;
      key = n === 1 ? base : `${base}#${n}`;
    } while (used.has(key));
    repeats.set(base, n);
    used.add(key);
    return { key, item };
  });
}
