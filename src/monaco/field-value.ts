/**
 * Read a field's value from an event for hover docs, accepting both nested objects and dotted
 * keys (`{"process":{"name":…}}` and `{"process.name":…}`). Arrays of objects are flattened.
 */
export function fieldValue(source: unknown, name: string): unknown {
  const parts = name.split('.');
  const found: unknown[] = [];
  collect(source, parts, 0, found);
  if (found.length === 0) return undefined;
  return found.length === 1 ? found[0] : found;
}

function collect(node: unknown, parts: readonly string[], from: number, out: unknown[]): void {
  if (Array.isArray(node)) {
    for (const item of node) collect(item, parts, from, out);
    return;
  }
  if (from === parts.length) {
    out.push(node);
    return;
  }
  if (typeof node !== 'object' || node === null) return;
  const obj = node as Record<string, unknown>;
  let key = '';
  for (let i = from; i < parts.length; i++) {
    key = i === from ? parts[i]! : `${key}.${parts[i]!}`;
    if (Object.hasOwn(obj, key)) collect(obj[key], parts, i + 1, out);
  }
}
