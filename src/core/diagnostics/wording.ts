/**
 * Pieces of wording the message tables share: ordinals, type names and "did you mean"
 * suffixes, spelled the way Elasticsearch spells them.
 */
import type { ValueType } from '../runtime/values';

const ORDINALS = ['first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth'];

/** `first`, `second`, ... `tenth`, then `11th`, `12th`, ... (operator operands). */
export function ordinalWord(index: number): string {
  return ORDINALS[index] ?? `${index + 1}th`;
}

/** `first `, `second `, ... as QL prints before "argument of"; empty past the tenth. */
export function ordinalPrefix(index: number): string {
  const o = ORDINALS[index];
  return o === undefined ? '' : `${o} `;
}

/** `1st`, `2nd`, `3rd`, `4th`, `11th`, `21st`, ... (elements of an `in` list). */
export function englishOrdinal(index: number): string {
  const n = index + 1;
  const tens = n % 100;
  const suffix =
    n % 10 === 1 && tens !== 11 ? 'st' : n % 10 === 2 && tens !== 12 ? 'nd' : n % 10 === 3 && tens !== 13 ? 'rd' : 'th';
  return `${n}${suffix}`;
}

/** The lower-case type name QL prints in `found value [x] type [long]`. */
export function qlTypeName(t: ValueType): string {
  switch (t) {
    case 'date':
      return 'datetime';
    case 'unknown':
      return 'keyword';
    default:
      return t;
  }
}

/** The Elasticsearch mapping type name (`date`, not QL's `datetime`), as sequence key messages print it. */
export function esTypeName(t: ValueType): string {
  return t === 'unknown' ? 'keyword' : t;
}

/** `, did you mean [x]?`, `, did you mean any of [x, y]?`, or nothing. */
export function didYouMean(suggestions: readonly string[]): string {
  if (suggestions.length === 0) return '';
  if (suggestions.length === 1) return `, did you mean [${suggestions[0]}]?`;
  return `, did you mean any of [${suggestions.join(', ')}]?`;
}

/** `a`, `a or b`, `a, b or c`. */
export function joinOr(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? 'nothing';
  return `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]}`;
}

/** `1 event` / `2 events`. */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}
