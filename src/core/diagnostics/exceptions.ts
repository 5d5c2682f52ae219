/**
 * Diagnostics about rule exceptions while they are applied (EXC9xxx; the exceptions files
 * themselves are read by src/formats, whose table holds EXC9001-EXC9003). Source:
 * `exceptions` (the item's range) or `value-list` (the line); `file` names the file.
 */
import { defineDiagnostics, entry } from './table';

/** "Name" (item-id): the way messages name an item. */
const itemName = (name: string, itemId: string) => `${JSON.stringify(name)} (${itemId})`;

export const Exceptions = defineDiagnostics({
  NotApplied: entry({
    code: 'EXC9004',
    severity: 'warning',
    when: 'Kibana would not apply the item: its value list is missing, of another type than keyword/ip/ip_range, or too large',
    messages: {
      item: (name: string, itemId: string, reason: string) => ({
        message: `${itemName(name, itemId)}: Kibana would not apply this item: ${reason}`,
        notes: [`Kibana warns: The following exceptions won't be applied to rule execution: ${name}`],
      }),
    },
    examples: { item: ['VPN', 'vpn', 'value list vpn.txt is not loaded'] },
  }),
  SearchFails: entry({
    code: 'EXC9005',
    severity: 'warning',
    when: 'Elasticsearch would reject the rule’s search because of the item: a value the field type cannot take, wildcard on a number, nested on a path not mapped as nested',
    messages: {
      item: (name: string, itemId: string, detail: string) =>
        `${itemName(name, itemId)}: Elasticsearch would reject the rule search because of this item: ${detail}`,
    },
    examples: { item: ['pid', 'pid-1', 'process.pid: For input string: "eleven"'] },
  }),
  BadListValue: entry({
    code: 'EXC9006',
    severity: 'warning',
    when: 'a value list line that Kibana’s import would not accept for the list type (the line is left out)',
    messages: {
      value: (list: string, type: string, problem: string) =>
        `Value list ${list} (${type}): ${problem}; the line is left out`,
    },
    examples: { value: ['ips.txt', 'ip', '"not-an-ip" is not an IP address'] },
  }),
  UnknownField: entry({
    code: 'EXC9007',
    severity: 'info',
    when: 'an entry names a field that is not mapped and that no loaded event has (a typo?)',
    messages: {
      field: (name: string, itemId: string, field: string) =>
        `${itemName(name, itemId)}: ${field} is not mapped and no loaded event has it`,
    },
    examples: { field: ['cron', 'cron-1', 'proces.name'] },
  }),
  Expired: entry({
    code: 'EXC9008',
    severity: 'info',
    when: 'the item expired before the evaluation time, so it does not apply',
    messages: {
      item: (name: string, itemId: string, when: string) =>
        `${itemName(name, itemId)}: expired ${when}, before the evaluation time, so it does not apply`,
    },
    examples: { item: ['temp', 'temp-1', '2024-06-01T00:00:00.000Z'] },
  }),
  WildcardBackslash: entry({
    code: 'EXC9009',
    severity: 'warning',
    when: 'a wildcard value whose backslash escapes an ordinary character (a Windows path written with single backslashes)',
    messages: {
      value: (name: string, itemId: string, field: string, value: string, meaning: string) =>
        `${itemName(name, itemId)}: ${field}: in a wildcard entry a backslash escapes the next character, so ${JSON.stringify(value)} looks for ${JSON.stringify(meaning)}; write \\\\ for each backslash of a Windows path`,
    },
    examples: { value: ['win', 'win-1', 'process.executable', 'C:\\Windows\\*', 'C:Windows*'] },
  }),
});
