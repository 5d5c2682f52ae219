/**
 * The EQL vocabulary as Elasticsearch lexes it: reserved words, operators, pipes and time
 * units. The parser, the printer and the Monaco highlighter all read these lists, so there is
 * one place to change when the language grows.
 */

/** Reserved words. Case-sensitive: `AND` or `Where` are plain identifiers, not keywords. */
export const KEYWORDS = [
  'and',
  'any',
  'by',
  'false',
  'in',
  'in~',
  'join',
  'like',
  'like~',
  'maxspan',
  'not',
  'null',
  'of',
  'or',
  'regex',
  'regex~',
  'sample',
  'sequence',
  'true',
  'until',
  'where',
  'with',
] as const;

export type Keyword = (typeof KEYWORDS)[number];

/** Keywords that look like identifiers (no `~`): a field segment spelled like one needs backquotes. */
export const RESERVED_WORDS: ReadonlySet<string> = new Set(KEYWORDS.filter((k) => !k.endsWith('~')));

/** True when `word` is a reserved word (exact, lowercase) and so cannot be a bare identifier. */
export function isKeyword(word: string): boolean {
  return RESERVED_WORDS.has(word);
}

/** Keywords that are literal values. */
export const LITERAL_KEYWORDS = ['true', 'false', 'null'] as const;

/** Comparison operators (non-associative). */
export const COMPARISON_OPERATORS = ['==', '!=', '<', '<=', '>', '>='] as const;

/** Arithmetic operators. */
export const ARITHMETIC_OPERATORS = ['+', '-', '*', '/', '%'] as const;

/** Suffix predicates: they attach to a primary (literal, field, call or parenthesised expression). */
export const PREDICATE_OPERATORS = [':', 'in', 'in~', 'not in', 'not in~', 'like', 'like~', 'regex', 'regex~'] as const;

/** Boolean operators. */
export const LOGICAL_OPERATORS = ['and', 'or', 'not'] as const;

/** Every operator, longest first within a shared prefix (what a tokenizer wants). */
export const OPERATORS = [
  '==',
  '!=',
  '<=',
  '>=',
  '<',
  '>',
  ':',
  '+',
  '-',
  '*',
  '/',
  '%',
  'in~',
  'in',
  'not in~',
  'not in',
  'like~',
  'like',
  'regex~',
  'regex',
  'and',
  'or',
  'not',
] as const;

/** Punctuation tokens. `![` opens a missing-event term; `=` is only valid in `with maxspan=`/`with runs=`. */
export const PUNCTUATION = ['![', '(', ')', '[', ']', ',', '.', '|', '?', '=', '~'] as const;

/** Pipes the playground (and Elasticsearch) runs. */
export const SUPPORTED_PIPES = ['head', 'tail'] as const;

/** Pipes Elasticsearch recognises and then rejects with `Pipe [x] is not supported`. */
export const UNSUPPORTED_PIPES = ['count', 'filter', 'sort', 'unique', 'unique_count'] as const;

/** Every pipe name Elasticsearch knows (the candidates for "did you mean"). */
export const PIPE_NAMES = [...SUPPORTED_PIPES, ...UNSUPPORTED_PIPES] as const;

/** Time units of `with maxspan=N<unit>`, in milliseconds. */
export const TIME_UNITS = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 } as const;

/** Bounds of `with runs=N`. */
export const MIN_RUNS = 1;
export const MAX_RUNS = 100;
