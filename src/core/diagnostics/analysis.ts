/**
 * Verifier diagnostics (EQL2xxx) and notes about the query (EQL4xxx). Wording follows
 * Elasticsearch's verifier texts where it has one.
 */
import type { Range } from '../ast/nodes';
import { typeDisplayName, type ValueType } from '../runtime/values';
import { defineDiagnostics, entry } from './table';
import { didYouMean, englishOrdinal, esTypeName, ordinalPrefix, ordinalWord, qlTypeName } from './wording';

const WORDS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six'];

function countWord(n: number): string {
  return WORDS[n] ?? String(n);
}

function argumentsWord(n: number): string {
  return n === 1 ? 'argument' : 'arguments';
}

/** `exactly two arguments`, `at least one argument`, `one or two arguments`, ... */
function expects(min: number, max: number): string {
  if (max === Infinity) return `at least ${countWord(min)} ${argumentsWord(min)}`;
  if (min === max) return `exactly ${countWord(min)} ${argumentsWord(min)}`;
  if (max === min + 1) return `${countWord(min)} or ${countWord(max)} arguments`;
  return `between ${countWord(min)} and ${countWord(max)} arguments`;
}

export const Analysis = defineDiagnostics({
  Join: entry({
    code: 'EQL2001',
    severity: 'error',
    when: '`join`',
    messages: { join: () => 'JOIN command is not supported' },
    examples: { join: [] },
  }),
  UnknownColumn: entry({
    code: 'EQL2002',
    severity: 'error',
    when: 'unknown field, with a user mapping',
    messages: {
      column: (name: string, suggestions: readonly string[]) => `Unknown column [${name}]${didYouMean(suggestions)}`,
    },
    examples: { column: ['md4', ['md5']] },
  }),
  UnknownFunction: entry({
    code: 'EQL2003',
    severity: 'error',
    when: 'unknown function',
    messages: {
      function: (written: string, suggestions: readonly string[]) =>
        `Unknown function [${written}]${didYouMean(suggestions)}`,
    },
    examples: { function: ['arrayContains', ['stringcontains']] },
  }),
  FunctionArity: entry({
    code: 'EQL2004',
    severity: 'error',
    when: 'function arity',
    messages: {
      arity: (name: string, min: number, max: number) =>
        `error building [${name.toLowerCase()}]: expects ${expects(min, max)}`,
    },
    examples: { arity: ['startsWith', 2, 2] },
  }),
  ArgumentType: entry({
    code: 'EQL2005',
    severity: 'error',
    when: 'argument or operand type',
    messages: {
      /** A function argument: `first argument of [f(x)] must be [string], found value [x] type [long]`. */
      argument: (index: number, call: string, expected: string, value: string, type: ValueType) =>
        `${ordinalPrefix(index)}argument of [${call}] must be [${expected}], found value [${value}] type [${qlTypeName(type)}]`,
      notConstant: (index: number, call: string, value: string) =>
        `${ordinalPrefix(index)}argument of [${call}] must be a constant, received [${value}]`,
      /** An operand of a binary operator (comparison, arithmetic, pattern). */
      operand: (index: number, expr: string, expected: string, value: string, type: ValueType) =>
        `${ordinalWord(index)} argument of [${expr}] must be [${expected}], found value [${value}] type [${qlTypeName(type)}]`,
      /** A message a function's own `check` wrote (with `argument` or `notConstant`). */
      checked: (message: string) => message,
      /** The operand of a unary minus or plus. */
      unaryOperand: (expr: string, value: string, type: ValueType) =>
        `argument of [${expr}] must be [numeric], found value [${value}] type [${qlTypeName(type)}]`,
    },
    examples: { argument: [0, 'startsWith(pid, "x")', 'string', 'pid', 'long'] },
  }),
  ColonNonString: entry({
    code: 'EQL2006',
    severity: 'error',
    when: '`:` or a pattern operator (`like`, `regex`: no ordinal, as Elasticsearch) on a non-string',
    messages: {
      /** `op` is `:` or the whole predicate's text (`like`, `regex`). */
      notString: (op: string, value: string, type: ValueType, colon: boolean) =>
        `${colon ? 'first ' : ''}argument of [${op}] must be [string], found value [${value}] type [${qlTypeName(type)}]${colon ? '; consider using [==] instead' : ''}`,
    },
    examples: { notString: [':', 'pid', 'long', true] },
  }),
  InListType: entry({
    code: 'EQL2007',
    severity: 'error',
    when: '`in` list element type',
    messages: {
      element: (index: number, expr: string, expected: ValueType, value: string, type: ValueType) =>
        `${englishOrdinal(index)} argument of [${expr}] must be [${qlTypeName(expected)}], found value [${value}] type [${qlTypeName(type)}]`,
    },
    examples: { element: [1, 'long_field in (1, "string")', 'long', '"string"', 'keyword'] },
  }),
  NonBooleanCondition: entry({
    code: 'EQL2008',
    severity: 'error',
    when: 'a condition that is not boolean',
    messages: {
      condition: (type: ValueType) => `Condition expression needs to be boolean, found [${typeDisplayName(type)}]`,
    },
    examples: { condition: ['long'] },
  }),
  FieldComparison: entry({
    code: 'EQL2009',
    severity: 'error',
    when: 'field compared with field (a related location points at the other field)',
    messages: {
      fields: (offender: string, op: string, other: { readonly name: string; readonly range: Range }) => ({
        message: `Comparisons against fields are not (currently) supported; offender [${offender}] in [${op}]`,
        related: [{ message: `compared with the field [${other.name}]`, range: other.range }],
      }),
      /** A field inside an `in (...)` list. */
      inList: (offender: string, expr: string) =>
        `Comparisons against fields are not (currently) supported; offender [${offender}] in [${expr}]`,
    },
    examples: { fields: ['ppid', '==', { name: 'pid', range: { start: 0, end: 0 } }] },
  }),
  JoinKeyType: entry({
    code: 'EQL2010',
    severity: 'error',
    when: 'join key types differ (a related location points at the first term’s key)',
    messages: {
      types: (
        key: string,
        type: ValueType,
        first: { readonly name: string; readonly type: ValueType; readonly range: Range },
      ) => ({
        message: `Sequence key [${key}] type [${esTypeName(type)}] is incompatible with key [${first.name}] type [${esTypeName(first.type)}]`,
        related: [
          { message: `the first term's key [${first.name}] is [${esTypeName(first.type)}]`, range: first.range },
        ],
      }),
    },
    examples: { types: ['pid', 'long', { name: 'md5', type: 'keyword', range: { start: 0, end: 0 } }] },
  }),
  MissingMaxspan: entry({
    code: 'EQL2011',
    severity: 'error',
    when: 'missing events without maxspan',
    messages: { missingEvents: () => 'A sequence with missing events ![...] requires [maxspan]' },
    examples: { missingEvents: [] },
  }),
  TextField: entry({
    code: 'EQL2012',
    severity: 'error',
    when: 'a text field without a keyword sub-field, or a normalized keyword, where an exact value is needed (comparisons, `in`, string functions)',
    messages: {
      /** `field` is the field's own (last) name, as Elasticsearch prints it. */
      text: (expr: string, field: string) =>
        `[${expr}] cannot operate on first argument field of data type [text]: No keyword/multi-field defined exact matches for [${field}]; define one or use MATCH/QUERY instead`,
      /** A function argument; `index` undefined for one-parameter functions (no ordinal). */
      functionText: (call: string, index: number | undefined, field: string) =>
        `[${call}] cannot operate on ${index === undefined ? '' : `${ordinalPrefix(index)}argument `}field of data type [text]: No keyword/multi-field defined exact matches for [${field}]; define one or use MATCH/QUERY instead`,
      normalized: (expr: string, index: number | undefined) =>
        `[${expr}] cannot operate on ${index === undefined ? '' : `${ordinalPrefix(index)}argument `}field of data type [keyword]: Normalized keyword field cannot be used for exact match operations`,
    },
    examples: { text: ['body == "bar"', 'body'] },
  }),
  UnsupportedFieldType: entry({
    code: 'EQL2013',
    severity: 'error',
    when: 'unsupported field type; a `nested` field or a field under one',
    messages: {
      field: (name: string, type: string) => `Cannot use field [${name}] with unsupported type [${type}]`,
      nested: (name: string) => `Cannot use field [${name}] type [nested] due to nested fields not being supported yet`,
      underNested: (name: string, type: ValueType, parent: string) =>
        `Cannot use field [${name}] type [${qlTypeName(type)}] with unsupported nested type in hierarchy (field [${parent}])`,
    },
    examples: { field: ['location', 'geo_point'] },
  }),
  CaseInsensitiveNotSupported: entry({
    code: 'EQL2014',
    severity: 'error',
    when: '`~` on a function that is not case-aware',
    messages: {
      function: (name: string) => `Function [${name}] does not support case-insensitive matching; remove the [~]`,
    },
    examples: { function: ['length'] },
  }),
  SequenceShape: entry({
    code: 'EQL2016',
    severity: 'error',
    when: 'sequence or sample shape',
    messages: {
      noPositiveTerm: () => 'A sequence requires at least one positive event query (not only missing events)',
      sampleWithoutKeys: () => 'A sample requires at least one join key',
      sampleTooManyFilters: (count: number) => `A sample supports at most 5 filters; found [${count}]`,
    },
    examples: { sampleWithoutKeys: [] },
  }),
});

/** Notes about the query (EQL4xxx): warnings and information, never errors. */
export const QueryNotes = defineDiagnostics({
  UnknownFieldWarning: entry({
    code: 'EQL4001',
    severity: 'warning',
    when: 'a field unknown to ECS, Elastic Defend, the loaded events and the mapping (none pasted), with a note that Elasticsearch rejects the query with `Unknown column [x]` when the index does not map it; the hits and verdicts are computed with it absent (`assumedAbsent` in the result, a note on the reasons that read it)',
    messages: {
      column: (name: string, suggestions: readonly string[]) => ({
        message: `Unknown column [${name}]${didYouMean(suggestions)}`,
        notes: [
          'No ECS or Elastic Defend field has this name, no loaded event has a value for it and no mapping is pasted. ' +
            `Elasticsearch rejects the query with Unknown column [${name}] when the searched index does not map the field; ` +
            'here the hits and verdicts are computed with it absent. ' +
            `Paste the index mapping in the settings to check exactly, or write ?${name} to make it optional.`,
        ],
      }),
    },
    examples: { column: ['x', []] },
  }),
  OptionalUnmapped: entry({
    code: 'EQL4003',
    severity: 'info',
    when: '`?field` that is not mapped: it is the literal null',
    messages: {
      optional: (name: string) => `Optional field [${name}] is not mapped, so it is the literal null here`,
    },
    examples: { optional: ['x'] },
  }),
});
