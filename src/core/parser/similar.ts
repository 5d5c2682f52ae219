/**
 * "Did you mean" candidates, scored like Elasticsearch's suggestions: similarity is
 * 1 - editDistance / max(length), candidates scoring at least 0.5 are kept, best first
 * (ties keep the candidates' order).
 */
export function similarity(a: string, b: string): number {
  const max = Math.max(a.length, b.length);
  if (max === 0) return 1;
  return 1 - editDistance(a, b) / max;
}

export function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      cur.push(Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost));
    }
    prev = cur;
  }
  return prev[b.length]!;
}

export function findSimilar(match: string, candidates: Iterable<string>): string[] {
  const scored: { score: number; name: string; order: number }[] = [];
  let order = 0;
  for (const name of candidates) {
    const score = similarity(match, name);
    if (score >= 0.5) scored.push({ score, name, order });
    order++;
  }
  scored.sort((x, y) => y.score - x.score || x.order - y.order);
  return scored.map((s) => s.name);
}
