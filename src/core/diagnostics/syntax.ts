/**
 * Syntax diagnostics (EQL1xxx): what the parser and its builder report. Wording follows
 * Elasticsearch's parser messages where it has one.
 */
import type { Range } from '../ast/nodes';
import { defineDiagnostics, entry } from './table';
import { didYouMean, joinOr } from './wording';

/** Hints attached as notes to the generic "Expected ... but found ..." message. */
export const SyntaxHints = {
  tildeSpace: '[~] is written without a space: [in~], [like~], [regex~] or [startsWith~(...)].',
  notBeforePredicate: (op: string) => `There is no [not ${op}]; negate the whole predicate instead: [not x ${op} ...].`,
  emptyIn: 'An [in] list cannot be empty.',
  keywordAsField: (word: string) =>
    `[${word}] is a keyword; a field with that name is written in backquotes: [\`${word}\`].`,
} as const;

function tooLarge(text: string): string {
  const shown = text.length > 200 ? `${text.slice(0, 200)}...` : text;
  return `EQL statement is too large, causing stack overflow when generating the parsing tree: [${shown}]`;
}

/** The note that names Elastic Endpoint behavior-rule syntax. */
function ENDPOINT_NOTE(what: string): string {
  return `${what} Elastic Endpoint behavior-rule syntax; Elasticsearch EQL, and so Kibana detection rules, does not run it.`;
}

export const Syntax = defineDiagnostics({
  SyntaxError: entry({
    code: 'EQL1001',
    severity: 'error',
    when: 'any other syntax error, with a hint where a common mistake is recognised',
    messages: {
      expected: (expected: readonly string[], found: string, hint?: string) => ({
        message: `Expected ${joinOr(expected)} but found ${found}`,
        notes: hint === undefined ? undefined : [hint],
      }),
      replaceWith: (use: string, written: string, hint?: string) => ({
        message: `Use [${use}] instead of [${written}]`,
        notes: hint === undefined ? undefined : [hint],
      }),
      bang: () => ({
        message: 'Use [not] instead of [!]',
        notes: ['[!] only appears in [!=] and in a missing-event term [![ ... ]], written without a space.'],
      }),
      invisibleCharacter: (codePoint: number) => ({
        message: `token recognition error at: '\\u{${codePoint.toString(16)}}'`,
        notes: ['Only space, tab, CR and LF are whitespace in EQL.'],
      }),
      unterminated: (kind: string, hint?: string) => ({
        message: `Unterminated ${kind}`,
        notes: hint === undefined ? undefined : [hint],
      }),
      unterminatedBackquote: () => ({
        message: 'Unterminated backquoted name',
        notes: ['A backquote inside a backquoted name is written twice: ``'],
      }),
      unterminatedComment: () => ({
        message: 'Unterminated block comment',
        notes: ['Block comments nest: every /* needs its own */.'],
      }),
      keywordSegment: (word: string) =>
        `Field name segment [${word}] is a keyword and must be backquoted: [\`${word}\`]`,
      sequenceTooShort: (stages: number) => `A sequence requires a minimum of 2 queries, found [${stages}]`,
      internal: (detail: string) => `Internal parser error: ${detail}`,
    },
    examples: { expected: [['expression'], "')'"], replaceWith: ['and', '&&'] },
  }),
  SingleQuotes: entry({
    code: 'EQL1002',
    severity: 'error',
    when: 'single-quoted string',
    messages: { single: () => `Use double quotes ["] to define string literals, not single quotes [']` },
    examples: { single: [] },
  }),
  QuestionQuotes: entry({
    code: 'EQL1003',
    severity: 'error',
    when: '`?"..."` raw string',
    messages: {
      question: (quote: string) =>
        `Use triple double quotes ["""] to define unescaped string literals, not [?${quote}]`,
    },
    examples: { question: ['"'] },
  }),
  BadUnicodeEscape: entry({
    code: 'EQL1004',
    severity: 'error',
    when: 'bad `\\u{...}` escape',
    messages: {
      digits: (hex: string) => `Unicode sequence should use [2-8] hex digits, [\\u{${hex}}] has [${hex.length}]`,
      surrogate: (hex: string) => `Invalid unicode character code, [${hex}] is a surrogate code`,
      outOfRange: (hex: string) => `Invalid unicode character code [${hex}]`,
      bare: () => 'Invalid unicode escape [\\u]; write a code point as [\\u{XX}] with 2 to 8 hex digits',
    },
    examples: { digits: ['D'] },
  }),
  BadEscape: entry({
    code: 'EQL1005',
    severity: 'error',
    when: 'unknown escape such as `"\\d"` (note: write `"\\\\d"` or `"""\\d"""`)',
    messages: {
      unknown: (c: string) => ({
        message: `Unknown escape sequence [\\${c}] in string literal`,
        notes: [
          'Escapes are \\n \\r \\t \\b \\f \\" \\\' \\\\ and \\u{XX}. For a regex class such as \\d write "\\\\d", or use a raw string: """\\d""".',
        ],
      }),
    },
    examples: { unknown: ['d'] },
  }),
  ArrayIndex: entry({
    code: 'EQL1006',
    severity: 'error',
    when: 'array index `f[0]`',
    messages: { index: () => 'Array indexes are not supported' },
    examples: { index: [] },
  }),
  ProcessRelationship: entry({
    code: 'EQL1007',
    severity: 'error',
    when: '`descendant of`, `child of`, `event of`',
    messages: {
      relationship: () => ({
        message: 'Process relationships are not supported',
        notes: [ENDPOINT_NOTE('`descendant of`, `child of` and `event of` are')],
      }),
    },
    examples: { relationship: [] },
  }),
  ByAfterWith: entry({
    code: 'EQL1008',
    severity: 'error',
    when: '`sequence with ... by ...`, or a term `with runs=N by ...`',
    messages: {
      sequence: () => 'Please specify sequence [by] before [with] not after',
      term: () => 'Please specify the term [by] before [with runs] not after',
    },
    examples: { sequence: [] },
  }),
  JoinKeyCount: entry({
    code: 'EQL1009',
    severity: 'error',
    when: 'join key counts differ between terms (a related location points at the first term’s keys)',
    messages: {
      count: (expected: number, found: number, firstKeys: Range) => ({
        message: `Inconsistent number of join keys specified; expected [${expected}] but found [${found}]`,
        related: [
          {
            message:
              expected === 0
                ? 'The first term has no join keys'
                : `The first term has [${expected}] join key${expected === 1 ? '' : 's'}`,
            range: firstKeys,
          },
        ],
      }),
    },
    examples: { count: [1, 2, { start: 0, end: 0 }] },
  }),
  UnsupportedJoinKey: entry({
    code: 'EQL1010',
    severity: 'error',
    when: 'a join key that is not a field',
    messages: { key: (text: string) => `Unsupported join key [${text}]` },
    examples: { key: ['length(x)'] },
  }),
  Maxspan: entry({
    code: 'EQL1011',
    severity: 'error',
    when: 'maxspan value or unit',
    messages: {
      decimal: (raw: string) => `Decimal time interval [${raw}] not supported; please use an positive integer`,
      notPositive: (value: number) => `A positive maxspan value is required; found [${value}]`,
      noUnit: (raw: string) => `No time unit specified, did you mean [s] as in [${raw}s]?`,
      unknownUnit: (unit: string, written: string) =>
        `Unrecognized time unit [${unit}] in [${written}], please specify one of [ms, s, m, h, d]`,
    },
    examples: { notPositive: [0], noUnit: ['5'] },
  }),
  Runs: entry({
    code: 'EQL1012',
    severity: 'error',
    when: '`with runs=N` outside 1..100, or another term parameter',
    messages: {
      unknownParameter: (name: string) => `Unrecognized sequence term parameter [${name}], only [runs] is supported`,
      outOfRange: (raw: string, min: number, max: number) =>
        `A positive runs value between [${min}] and [${max}] is required; found [${raw}]`,
    },
    examples: { outOfRange: ['0', 1, 100] },
  }),
  UnsupportedPipe: entry({
    code: 'EQL1013',
    severity: 'error',
    when: 'a known but unsupported pipe',
    messages: {
      pipe: (name: string, supported: readonly string[]) => ({
        message: `Pipe [${name}] is not supported`,
        notes: [`Only ${supported.map((p) => `[${p}]`).join(' and ')} are supported.`],
      }),
    },
    examples: { pipe: ['count', ['head', 'tail']] },
  }),
  UnknownPipe: entry({
    code: 'EQL1014',
    severity: 'error',
    when: 'an unknown pipe',
    messages: {
      pipe: (name: string, similar: readonly string[], lowercaseIsKnown: boolean) => ({
        message: `Unrecognized pipe [${name}]${didYouMean(similar)}`,
        notes: lowercaseIsKnown ? ['Pipe names are lowercase.'] : undefined,
      }),
    },
    examples: { pipe: ['hed', ['head'], false] },
  }),
  PipeArgument: entry({
    code: 'EQL1015',
    severity: 'error',
    when: 'pipe arguments',
    messages: {
      count: (name: string, found: number) => `Pipe [${name}] expects exactly one argument but found [${found}]`,
      notPositiveInteger: (name: string, text: string) =>
        `Pipe [${name}] expects a positive integer but found [${text}]`,
    },
    examples: { count: ['head', 2] },
  }),
  AssignmentNotEquality: entry({
    code: 'EQL1016',
    severity: 'error',
    when: '`=` used as `==`',
    messages: {
      assign: () => ({
        message: 'Use [==] to compare values, not [=]',
        notes: ['A single [=] is only valid in [with maxspan=...] and [with runs=...].'],
      }),
    },
    examples: { assign: [] },
  }),
  UppercaseKeyword: entry({
    code: 'EQL1017',
    severity: 'error',
    when: 'an upper-case keyword',
    messages: {
      keyword: (written: string) => ({
        message: `Keyword [${written}] must be lowercase`,
        notes: [
          `EQL keywords are lowercase: write [${written.toLowerCase()}]. Written otherwise, [${written}] is read as a field or category name.`,
        ],
      }),
    },
    examples: { keyword: ['AND'] },
  }),
  ChainedComparison: entry({
    code: 'EQL1018',
    severity: 'error',
    when: 'chained comparison `a < b < c`',
    messages: {
      chained: (op: string) => ({
        message: `Comparison operators cannot be chained: found [${op}] after a comparison`,
        notes: ['Combine the comparisons with [and], e.g. [a < b and b < c].'],
      }),
    },
    examples: { chained: ['<'] },
  }),
  TooDeep: entry({
    code: 'EQL1019',
    severity: 'error',
    when: 'input too large or too deeply nested',
    messages: {
      tooLong: (length: number, max: number) =>
        `EQL statement is too long: [${length}] characters, at most [${max}] are accepted`,
      tooLarge: (text: string) => tooLarge(text),
      bracketsTooDeep: (text: string, max: number) => ({
        message: tooLarge(text),
        notes: [`Brackets nest more than ${max} levels deep.`],
      }),
      /** `what` names the construct, e.g. `a chain of [or]`; the range is where the depth passes `max`. */
      treeTooDeep: (text: string, max: number, what = 'nested expressions') => ({
        message: tooLarge(text),
        notes: [`The expression tree is more than ${max} levels deep here: ${what}.`],
      }),
      tooDeepToEvaluate: () => ({
        message: 'The input is nested too deeply to evaluate: simplify the query or the events',
        notes: [
          'Elasticsearch rejects such statements too: EQL statement is too large, causing stack overflow when generating the parsing tree',
        ],
      }),
    },
    examples: { tooLarge: ['...'] },
  }),
  SampleNotSupported: entry({
    code: 'EQL1020',
    severity: 'error',
    when: 'pipes after a sample',
    messages: {
      pipes: () => 'Pipes are not supported with [sample] queries',
      pipesOffender: (text: string) => `Pipes are not supported with samples; offender [${text}]`,
    },
    examples: { pipes: [] },
  }),
  EndpointSyntax: entry({
    code: 'EQL1021',
    severity: 'error',
    when: 'Elastic Endpoint behavior-rule syntax: `_arraysearch(array, $entry, ...)`, `$` variables, stage aliases `[...] as event0`',
    messages: {
      arraySearch: () => ({
        message:
          '`_arraysearch` is Elastic Endpoint behavior-rule syntax, which Elasticsearch EQL (and so Kibana detection rules) does not run',
        notes: [
          'Elasticsearch stops at the `$` of the entry variable with a syntax error. A condition on the array field itself matches when any of its values does, but two conditions are not tied to the same entry.',
        ],
      }),
      variable: (name: string) => ({
        message: `[$${name}] is an Elastic Endpoint behavior-rule variable, which Elasticsearch EQL (and so Kibana detection rules) does not have`,
        notes: ['Elasticsearch rejects the `$` with a syntax error.'],
      }),
      alias: (name: string) => ({
        message: `Stage aliases ([...] as ${name}, read as ${name}.field) are Elastic Endpoint behavior-rule syntax, which Elasticsearch EQL (and so Kibana detection rules) does not run`,
        notes: ['Tie the stages together with join keys (`by field`) instead.'],
      }),
    },
    examples: { arraySearch: [], variable: ['entry'], alias: ['event0'] },
  }),
});
