/**
 * An event's fields as the detail panel lists them for "Exclude this value": dotted names, the
 * scalar values each holds (an array's elements, objects inside arrays merged by path), in
 * document order. Pure.
 */

export type Scalar = string | number | boolean | null;

export interface EventField {
  /** Dotted field name (`process.executable`). */
  readonly field: string;
  /** The scalar values, at most a few dozen; `[null]` for an explicit null. */
  readonly values: readonly Scalar[];
}

const MAX_FIELDS = 400;
const MAX_VALUES = 32;

export function eventFields(source: unknown): readonly EventField[] {
  const byField = new Map<string, Scalar[]>();
  const add = (field: string, v: Scalar) => {
    let list = byField.get(field);
    if (!list) {
      if (byField.size >= MAX_FIELDS) return;
      list = [];
      byField.set(field, list);
    }
    if (list.length < MAX_VALUES && !list.includes(v)) list.push(v);
  };
  const walk = (v: unknown, path: string, depth: number) => {
    if (depth > 12) return;
    if (Array.isArray(v)) {
      for (const x of v) walk(x, path, depth + 1);
    } else if (v !== null && typeof v === 'object') {
      for (const [k, x] of Object.entries(v)) walk(x, path ? `${path}.${k}` : k, depth + 1);
    } else if (path && (v === null || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean')) {
      add(path, v);
    }
  };
  walk(source, '', 0);
  return [...byField].map(([field, values]) => ({ field, values }));
}

/** A value as a list shows it: strings bare, everything else as JSON. */
export function showScalar(v: Scalar): string {
  return typeof v === 'string' ? v : JSON.stringify(v);
}
