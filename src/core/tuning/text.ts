/** Short forms of rule text for one-line messages. */
import type { Reason } from '../api-types';

const squeeze = (s: string) => s.replace(/\s+/g, ' ').trim();

/** Whitespace squeezed; a long list abbreviated to `field in (...)`. */
export function shortClause(text: string): string {
  const s = squeeze(text);
  if (s.length <= 48) return s;
  const m = /^(.*?(?:\bin~?|:|\blike~?|\bregex~?)\s*)\(/.exec(s);
  if (m && m[1]!.length <= 44 && !m[1]!.includes('(')) return `${m[1]}(...)`;
  return `${s.slice(0, 45)}…`;
}

const described = new WeakMap<Reason, string>();

/** "`process.executable in (...)` ("/usr/bin/dpkg")": the clause and, when narrowed, its element. */
export function describeReason(r: Reason): string {
  let text = described.get(r);
  if (text === undefined) {
    text = describeUncached(r);
    described.set(r, text);
  }
  return text;
}

/** The clause and match texts of a reason, whitespace squeezed (cached: reasons are shared). */
export function squeezedTexts(r: Reason): readonly string[] {
  let t = squeezedCache.get(r);
  if (!t) {
    t = r.match ? [squeeze(r.clause.text), squeeze(r.match.text)] : [squeeze(r.clause.text)];
    squeezedCache.set(r, t);
  }
  return t;
}

const squeezedCache = new WeakMap<Reason, readonly string[]>();

function describeUncached(r: Reason): string {
  const clause = `\`${shortClause(r.clause.text)}\``;
  if (r.kind === 'error') return `error: ${r.message ?? 'runtime error'}`;
  // The element is worth naming inside a list, not when the clause ends with it (`f == "v"`).
  const [c, m] = squeezedTexts(r);
  const inList = m !== undefined && !c!.endsWith(m);
  return inList ? `${clause} (${shortClause(r.match!.text)})` : clause;
}

export function describeReasons(reasons: readonly Reason[]): string {
  return reasons.length === 1 ? describeReason(reasons[0]!) : reasons.map(describeReason).join(' and ');
}
