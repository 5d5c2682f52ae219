/**
 * Value list values as Kibana's list import accepts them: a `.txt` file holds one value per
 * line. An `ip` list takes IP addresses; an `ip_range` list takes CIDR blocks (`10.0.0.0/8`)
 * or two addresses joined by a dash (`10.0.0.1-10.0.0.9`); keyword lists take any text.
 */
import type { Diagnostic } from '../diagnostics/diagnostic';
import { Exceptions } from '../diagnostics/exceptions';
import { diagnosticAt } from '../diagnostics/table';
import { parseCidr, parseIp } from '../runtime/cidr';
import type { ValueList } from './types';

/** Why Kibana's import would not accept `value` in a list of `type`, or undefined when it would. */
export function listValueProblem(type: string, value: string): string | undefined {
  if (type === 'ip') return parseIp(value) ? undefined : `${JSON.stringify(value)} is not an IP address`;
  if (type === 'ip_range') {
    const dash = value.indexOf('-');
    if (dash >= 0) {
      const lo = value.slice(0, dash);
      const hi = value.slice(dash + 1);
      return parseIp(lo) && parseIp(hi)
        ? undefined
        : `${JSON.stringify(value)} is not a range of two IP addresses (a-b)`;
    }
    return typeof parseCidr(value) === 'string'
      ? `${JSON.stringify(value)} is not an IP range (CIDR or a-b)`
      : undefined;
  }
  return undefined;
}

/** The usable values of a list read as `type`; problems go to `diagnostics`. */
export function validListValues(list: ValueList, type: string, diagnostics: Diagnostic[]): string[] {
  const out: string[] = [];
  for (const v of list.values) {
    const problem = listValueProblem(type, v.value);
    if (problem === undefined) {
      out.push(v.value);
      continue;
    }
    diagnostics.push(
      diagnosticAt(
        Exceptions.BadListValue.value(list.id, type, problem),
        v.range ?? { start: 0, end: 0 },
        'value-list',
        list.file ?? list.id,
      ),
    );
  }
  return out;
}
