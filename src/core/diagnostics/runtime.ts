/**
 * Runtime diagnostics (EQL3xxx): evaluation failures. Thrown as EqlRuntimeError while an event
 * is evaluated (the event gets an `error` verdict), reported as diagnostics when a constant
 * fails to fold or when some events failed.
 */
import type { Scalar } from '../runtime/values';
import { defineDiagnostics, entry } from './table';
import { plural } from './wording';

export const Runtime = defineDiagnostics({
  RuntimeError: entry({
    code: 'EQL3001',
    severity: 'error',
    when: 'a runtime error in some events (warning on the query; the events get an `error` verdict), events without a usable timestamp in a sequence (info), or a failed constant conversion (error)',
    messages: {
      eventsFailed: (count: number, first: string | undefined) => ({
        message: `${plural(count, 'event')} raised a runtime error (${first}); Elasticsearch would fail the whole search`,
        severity: 'warning',
      }),
      filtersFailed: (count: number, first: string | undefined) => ({
        message: `${plural(count, 'filter evaluation')} raised a runtime error (${first}); Elasticsearch would fail the whole search`,
        severity: 'warning',
      }),
      noTimestamp: (count: number, field: string) => ({
        message:
          count === 1
            ? `1 event satisfies a stage but has no usable ${field}; they cannot take part in sequences`
            : `${count} events satisfy a stage but have no usable ${field}; they cannot take part in sequences`,
        severity: 'info',
      }),
      conversion: (value: unknown, field: string, domain: string) =>
        domain === 'ip' && typeof value === 'string'
          ? `failed to create query: '${value}' is not an IP string literal.`
          : `failed to create query: cannot convert [${String(value)}] to the type of field [${field}] (${domain})`,
      invalidRegex: (pattern: string, detail: string) => `Invalid regular expression [${pattern}]: ${detail}`,
      /** Lucene's own sentence for a pattern too complex to determinize (no prefix, as Elasticsearch). */
      regexTooComplex: (detail: string) => detail,
      notConstant: () => 'The expression is not constant',
      stringRequired: (value: Scalar) => `A string/char is required; received [${String(value)}]`,
      numberRequired: (value: Scalar) => `A number is required; received [${String(value)}]`,
      /** Java's `substring` failure, e.g. a greedy `between` whose right part starts inside the left. */
      substringRange: (begin: number, end: number, length: number) => `begin ${begin}, end ${end}, length ${length}`,
    },
    examples: { eventsFailed: [2, 'Unable to convert [twelve] to number of base [10]'] },
  }),
  ArithmeticOverflow: entry({
    code: 'EQL3002',
    severity: 'error',
    when: 'integer overflow',
    messages: { overflow: (kind: 'int' | 'long') => (kind === 'int' ? 'integer overflow' : 'long overflow') },
    examples: { overflow: ['int'] },
  }),
  DivisionByZero: entry({
    code: 'EQL3003',
    severity: 'error',
    when: 'integer division by zero',
    messages: { divide: () => '/ by zero' },
    examples: { divide: [] },
  }),
  NumberConversion: entry({
    code: 'EQL3004',
    severity: 'error',
    when: '`number()` conversion',
    messages: {
      convert: (source: string, base: number) => `Unable to convert [${source}] to number of base [${base}]`,
    },
    examples: { convert: ['x', 10] },
  }),
  InvalidCidr: entry({
    code: 'EQL3005',
    severity: 'error',
    when: 'invalid CIDR block',
    /** `detail` is the CIDR parser's own sentence. */
    messages: { invalid: (detail: string) => detail },
    examples: { invalid: ["illegal prefixLength '33'. Must be 0-32 for IPv4 ranges, 0-128 for IPv6 ranges"] },
  }),
});
