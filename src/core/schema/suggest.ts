/**
 * "Did you mean ...?" suggestions for unknown field names, in the style of Elasticsearch's
 * verifier messages: candidates whose Levenshtein similarity (1 - distance / longer length)
 * is at least 0.5 (as in Elasticsearch), best first; only names within one edit of the best one,
 * at most five, so a near miss is not buried under distant look-alikes.
 */

const MIN_SIMILARITY = 0.5;
const MAX_SUGGESTIONS = 5;

let rowA = new Int32Array(64);
let rowB = new Int32Array(64);

/** Levenshtein distance, or `limit + 1` as soon as it is known to exceed `limit`. */
export function boundedLevenshtein(a: string, b: string, limit: number): number {
  const la = a.length;
  const lb = b.length;
  if (Math.abs(la - lb) > limit) return limit + 1;
  if (la === 0) return lb;
  if (lb === 0) return la;
  if (rowA.length <= lb) {
    rowA = new Int32Array(lb + 1);
    rowB = new Int32Array(lb + 1);
  }
  let prev = rowA;
  let cur = rowB;
  for (let j = 0; j <= lb; j++) prev[j] = j;
  for (let i = 1; i <= la; i++) {
    cur[0] = i;
    let rowMin = i;
    const ca = a.charCodeAt(i - 1);
    for (let j = 1; j <= lb; j++) {
      const cost = ca === b.charCodeAt(j - 1) ? 0 : 1;
      const del = prev[j]! + 1;
      const ins = cur[j - 1]! + 1;
      const sub = prev[j - 1]! + cost;
      const v = Math.min(del, ins, sub);
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > limit) return limit + 1;
    const t = prev;
    prev = cur;
    cur = t;
  }
  return prev[lb]!;
}

const BUCKETS = 32;

/** Character histogram (code point modulo 32): half the L1 distance of two bounds Levenshtein from below. */
function histogram(s: string, out: Uint8Array, offset: number): void {
  for (let i = 0; i < s.length; i++) {
    const b = offset + (s.charCodeAt(i) & (BUCKETS - 1));
    if (out[b]! < 255) out[b]!++;
  }
}

const histograms = new WeakMap<readonly string[], Uint8Array>();

function histogramsOf(candidates: readonly string[]): Uint8Array {
  let h = histograms.get(candidates);
  if (!h) {
    h = new Uint8Array(candidates.length * BUCKETS);
    for (let k = 0; k < candidates.length; k++) histogram(candidates[k]!, h, k * BUCKETS);
    histograms.set(candidates, h);
  }
  return h;
}

/** Names from `candidates` similar to `name`, most similar first (ties in alphabetical order). */
export function suggest(name: string, candidates: readonly string[]): string[] {
  const scored: { name: string; score: number; distance: number }[] = [];
  const ln = name.length;
  const hs = histogramsOf(candidates);
  const own = new Uint8Array(BUCKETS);
  histogram(name, own, 0);
  for (let k = 0; k < candidates.length; k++) {
    const c = candidates[k]!;
    if (c === name) continue;
    const maxLen = Math.max(ln, c.length);
    if (maxLen === 0) continue;
    const limit = Math.floor(maxLen * (1 - MIN_SIMILARITY));
    if (Math.abs(ln - c.length) > limit) continue;
    let l1 = 0;
    const base = k * BUCKETS;
    for (let b = 0; b < BUCKETS; b++) {
      const d = own[b]! - hs[base + b]!;
      l1 += d < 0 ? -d : d;
    }
    if (l1 > 2 * limit) continue;
    const d = boundedLevenshtein(name, c, limit);
    if (d > limit) continue;
    const score = 1 - d / maxLen;
    if (score >= MIN_SIMILARITY) scored.push({ name: c, score, distance: d });
  }
  scored.sort((x, y) => y.score - x.score || (x.name < y.name ? -1 : x.name > y.name ? 1 : 0));
  // Keep the close ones: a name one edit away hides names five edits away.
  const best = scored.reduce((m, s) => Math.min(m, s.distance), Infinity);
  return scored
    .filter((s) => s.distance <= best + 1)
    .slice(0, MAX_SUGGESTIONS)
    .map((s) => s.name);
}

/** `, did you mean [x]?`, `, did you mean any of [a, b]?`, or '' when there is nothing to suggest. */
export { didYouMean as didYouMeanSuffix } from '../diagnostics/wording';
