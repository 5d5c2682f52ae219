/**
 * Structural comparison of ASTs that ignores where things were written: `id`, `range`,
 * `nameRange` and the as-written `raw` spellings. Used by the printer round-trip tests.
 */

const POSITIONAL = new Set(['id', 'range', 'nameRange', 'raw']);

/** A deep copy of `node` without positions and raw spellings (arrays and plain objects only). */
export function stripPositions<T>(node: T): unknown {
  if (Array.isArray(node)) return node.map((n) => stripPositions(n));
  if (node !== null && typeof node === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(node as Record<string, unknown>)) {
      if (!POSITIONAL.has(k)) out[k] = stripPositions(v);
    }
    return out;
  }
  return node;
}

/** True when two nodes are the same tree up to positions and raw spellings. */
export function sameTree(a: unknown, b: unknown): boolean {
  return JSON.stringify(stripPositions(a)) === JSON.stringify(stripPositions(b));
}
