/**
 * The fields a rule mentions, in order of first appearance (for the key-field columns).
 * A light scan of the text: identifiers outside strings and comments that are not keywords and
 * not function names.
 */
export function fieldsInRule(rule: string, keywords: ReadonlySet<string>, max = 6): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  const re =
    /\d[\w.]*|"""[\s\S]*?"""|\?"(?:[^"])*"|"(?:\\.|[^"\\])*"|\/\/[^\n]*|\/\*[\s\S]*?\*\/|`[^`]*`(?:\.`[^`]*`|\.[\w@]+)*|[A-Za-z_@][\w@]*(?:\.[\w@]+)*/g;
  for (const m of rule.matchAll(re)) {
    const tok = m[0];
    const c = tok[0]!;
    if (c === '"' || c === '?' || c === '/' || (c >= '0' && c <= '9')) continue; // strings, comments, numbers and durations (10s)
    const name = tok.replace(/`/g, '');
    if (keywords.has(name.toLowerCase())) continue;
    const rest = rule.slice(m.index + tok.length);
    if (/^~?\s*\(/.test(rest)) continue; // a function call
    if (seen.has(name)) continue;
    seen.add(name);
    out.push(name);
    if (out.length >= max) break;
  }
  return out;
}

export const RULE_KEYWORDS: ReadonlySet<string> = new Set([
  'and',
  'or',
  'not',
  'in',
  'where',
  'sequence',
  'sample',
  'by',
  'with',
  'maxspan',
  'until',
  'any',
  'true',
  'false',
  'null',
  'like',
  'regex',
  'of',
  'join',
  'runs',
  'head',
  'tail',
  'filter',
  'file',
  'process',
  'network',
  'registry',
  'library',
  'dns',
  'driver',
  'authentication',
  'iam',
  'configuration',
]);

/** Short column labels: the last name segment, or the last two where that is ambiguous (host.os.type vs event.type). */
export function fieldLabels(fields: readonly string[]): string[] {
  const last = (f: string, n: number) => f.split('.').slice(-n).join('.');
  const one = fields.map((f) => last(f, 1));
  return fields.map((f, i) => (one.filter((x) => x === one[i]).length > 1 ? last(f, 2) : one[i]!));
}
