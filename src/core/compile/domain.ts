/**
 * Index-time conversion: Elasticsearch stores a field's values in the form its mapping type
 * dictates (a keyword stores "5" for the JSON number 5, a date stores epoch milliseconds, an ip
 * its 128-bit address, read by the one strict parser in runtime/cidr.ts). Comparisons see those stored forms, so the compiler converts both the
 * event's values and the query's constants into the field's domain.
 */
import { ipKey } from '../runtime/cidr';
import { dateNanosKey, parseDateWithFormat } from '../runtime/dates';
import type { ValueType } from '../runtime/values';

/** The comparison domain of a field. */
export type Domain = 'string' | 'number' | 'date' | 'date_nanos' | 'ip' | 'boolean' | 'version' | 'raw';

export function domainOfMappingType(type: string | undefined): Domain {
  switch (type) {
    case 'keyword':
    case 'constant_keyword':
    case 'wildcard':
    case 'text':
    case 'match_only_text':
      return 'string';
    case 'long':
    case 'integer':
    case 'short':
    case 'byte':
    case 'unsigned_long':
    case 'double':
    case 'float':
    case 'half_float':
    case 'scaled_float':
      return 'number';
    case 'date':
      return 'date';
    case 'date_nanos':
      return 'date_nanos';
    case 'ip':
      return 'ip';
    case 'boolean':
      return 'boolean';
    case 'version':
      return 'version';
    default:
      return 'raw';
  }
}

/** The EQL data type of a mapped field, as the verifier names it. */
export function valueTypeOfMappingType(type: string | undefined): ValueType {
  switch (type) {
    case 'keyword':
    case 'constant_keyword':
    case 'wildcard':
      return 'keyword';
    case 'text':
    case 'match_only_text':
      return 'text';
    case 'long':
    case 'unsigned_long':
      return 'long';
    case 'integer':
    case 'short':
    case 'byte':
      return 'integer';
    case 'double':
    case 'float':
    case 'half_float':
    case 'scaled_float':
      return 'double';
    case 'date':
    case 'date_nanos':
      return 'date';
    case 'ip':
      return 'ip';
    case 'boolean':
      return 'boolean';
    case 'version':
      return 'version';
    case 'object':
    case 'nested':
    case 'flattened':
      return 'object';
    case undefined:
    // Elasticsearch's verifier accepts a binary field compared with any literal.
    case 'binary':
      return 'unknown';
    default:
      return 'unsupported';
  }
}

/** Java's Double.toString / Long.toString for a JSON number stored into a keyword. */
function numberToKeyword(n: number): string {
  return String(n);
}

const DECIMAL = /^\s*[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?\s*$/;

/** Integral mapping types: a fractional value is truncated when indexed (`coerce`, on by default). */
export function isIntegralMappingType(type: string | undefined): boolean {
  return type === 'long' || type === 'integer' || type === 'short' || type === 'byte' || type === 'unsigned_long';
}

const LEGAL_MAIN = /^(?:0|[1-9]\d*)(?:\.(?:0|[1-9]\d*))*$/;
const LEGAL_PRE = /^-(?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\.(?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*))*$/;
const LEGAL_BUILD = /^\+[0-9a-zA-Z-]+(?:\.[0-9a-zA-Z-]+)*$/;

/** A run of digits as marker, length and digits, so longer numbers sort after shorter ones. */
function numericGroups(text: string): string {
  return text.replace(/\d+/g, (d) => `\u0001${String.fromCharCode(0x80 | Math.min(d.length, 127))}${d}`);
}

/**
 * The stored form of a `version` field value, a string whose code-unit order is Elasticsearch's
 * version order: main parts numerically, a pre-release before its release, pre-release
 * identifiers left to right (numeric ones numerically and before alphanumeric ones, which
 * compare as ASCII), a build suffix as an ASCII suffix. Text that is not a valid (relaxed)
 * semantic version sorts after every valid one, as text; the empty string after those.
 */
export function versionKey(v: unknown): string | undefined {
  if (typeof v === 'number') v = String(v);
  if (typeof v !== 'string') return undefined;
  let main = v;
  let build = '';
  let pre: string | undefined;
  const plus = main.indexOf('+');
  if (plus > 0) {
    build = main.slice(plus);
    main = main.slice(0, plus);
  }
  const dash = main.indexOf('-');
  if (dash > 0) {
    pre = main.slice(dash);
    main = main.slice(0, dash);
  }
  const legal =
    LEGAL_MAIN.test(main) && (pre === undefined || LEGAL_PRE.test(pre)) && (build === '' || LEGAL_BUILD.test(build));
  if (!legal) return v === '' ? '\u0003' : v;
  let key = numericGroups(main);
  if (pre === undefined) key += '\u0003';
  else {
    const ids = pre.slice(1).split('.');
    key += `\u0002-${ids.map((id) => (/^\d+$/.test(id) ? numericGroups(id) : id)).join('.')}`;
  }
  return key + build;
}

/**
 * Convert one stored value into the domain (dates under the field's mapping `format`). Returns undefined when the value cannot be stored
 * in that domain (Elasticsearch would reject or ignore it; EQL then sees it as missing).
 */
export function toDomain(domain: Domain, v: unknown, format?: string): string | number | boolean | undefined {
  switch (domain) {
    case 'string':
      if (typeof v === 'string') return v;
      if (typeof v === 'number') return numberToKeyword(v);
      if (typeof v === 'boolean') return v ? 'true' : 'false';
      return undefined;
    case 'number':
      if (typeof v === 'number') return v;
      // Decimal text only: Elasticsearch does not read "0x10" or "0b11" as numbers.
      if (typeof v === 'string' && DECIMAL.test(v)) return Number(v);
      return undefined;
    case 'date': {
      const t = parseDateWithFormat(v, format);
      return Number.isNaN(t) ? undefined : t;
    }
    case 'date_nanos':
      return dateNanosKey(v, format);
    case 'ip':
      return typeof v === 'string' ? ipKey(v) : undefined;
    case 'boolean':
      if (typeof v === 'boolean') return v;
      if (v === 'true') return true;
      if (v === 'false' || v === '') return false;
      return undefined;
    case 'version':
      return versionKey(v);
    case 'raw':
      if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
      return undefined;
  }
}
