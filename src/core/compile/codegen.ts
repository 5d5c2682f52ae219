/**
 * Code generation for the fast path: a condition tree built from `and`/`or`/`not` over the
 * common leaves (`field == "c"`, `field in (...)`, `field : "p*"`) becomes one JavaScript
 * function, with field walks inlined, so the engine can optimise it like hand-written code.
 * Any other node is called through its compiled closure. Semantics are those of the closures
 * (conditions.ts); a tree that may be null (literal nulls) is not generated.
 */
import { compileWildcard, lowerCached } from '../runtime/wildcard';
import type { CompiledCondition } from './conditions';
import type { CondFn, Doc } from './context';

/**
 * Inline JavaScript for one wildcard pattern over the variable `s` (already lower-cased when
 * case is ignored): exact, prefix, suffix, prefix+suffix and contains become string methods;
 * anything else calls a compiled matcher.
 */
function wildcardCode(em: Emitter, pattern: string, caseInsensitive: boolean): string {
  const p = caseInsensitive ? pattern.toLowerCase() : pattern;
  if (!p.includes('?')) {
    const parts = p.split('*');
    const q = JSON.stringify;
    if (parts.length === 1) return `s === ${q(p)}`;
    const first = parts[0]!;
    const last = parts[parts.length - 1]!;
    const middle = parts.slice(1, -1).filter((x) => x !== '');
    if (middle.length === 0) {
      if (first === '' && last === '') return 'true';
      if (last === '') return `s.startsWith(${q(first)})`;
      if (first === '') return `s.endsWith(${q(last)})`;
      return `(s.length >= ${first.length + last.length} && s.startsWith(${q(first)}) && s.endsWith(${q(last)}))`;
    }
    if (middle.length === 1 && first === '' && last === '') return `s.includes(${q(middle[0])})`;
    // General `a*b*c*d`: prefix, each middle leftmost in turn, then the suffix after them.
    const name = `m${em.decls.length}`;
    const lines = [`function ${name}(s) {`];
    lines.push(first ? `  if (!s.startsWith(${q(first)})) return false;` : '', `  let i = ${first.length};`);
    for (const m of middle)
      lines.push(`  i = s.indexOf(${q(m)}, i);`, `  if (i < 0) return false;`, `  i += ${m.length};`);
    lines.push(last ? `  return s.length - ${last.length} >= i && s.endsWith(${q(last)});` : '  return true;', '}');
    em.decls.push(lines.filter((l) => l !== '').join('\n'));
    return `${name}(s)`;
  }
  return `${ref(em, compileWildcard([pattern], caseInsensitive))}(${caseInsensitive ? 'o' : 's'})`;
}

interface Emitter {
  readonly refs: unknown[];
  readonly fields: Map<string, string>;
  readonly decls: string[];
  /** Per-call caches of field reads, declared at the top of the predicate. */
  readonly caches: string[];
}

/** A value the generated code uses, bound to a constant `$N` (so the engine can inline calls). */
function ref(em: Emitter, value: unknown): string {
  em.refs.push(value);
  return `$${em.refs.length - 1}`;
}

const IDENT = /^[A-Za-z_$][\w$]*$/;
const prop = (k: string) => (IDENT.test(k) && k !== '__proto__' ? `.${k}` : `[${JSON.stringify(k)}]`);

/**
 * A reader for one field: walks plain objects inline and returns a string or undefined; anything
 * else (arrays, numbers, nulls, a crossed array) goes through the full accessor `slow`.
 */
function fieldReader(em: Emitter, path: readonly string[], slow: (doc: Doc) => unknown): string {
  const key = path.join('\u0000');
  const existing = em.fields.get(key);
  if (existing) return existing;
  const index = em.fields.size;
  const name = `f${index}`;
  const slowRef = ref(em, slow);
  const lines = [`function ${name}(d) {`, `  let x = d;`];
  path.forEach((k, i) => {
    lines.push(`  x = x${prop(k)};`);
    if (i < path.length - 1) {
      lines.push(`  if (x === undefined) return undefined;`);
      lines.push(`  if (x === null || typeof x !== 'object' || Array.isArray(x)) return ${slowRef}(d);`);
    }
  });
  lines.push(
    `  if (typeof x === 'string' || x === undefined) return x;`,
    // A one-element array of a string (e.g. Elastic Defend's event.category) is that string.
    `  if (Array.isArray(x) && x.length === 1 && typeof x[0] === 'string') return x[0];`,
    `  return ${slowRef}(d);`,
    `}`,
  );
  em.decls.push(lines.join('\n'));
  // A field read by several leaves is walked once per event: `(c0 !== U ? c0 : (c0 = f0(d)))`.
  em.caches.push(`c${index}`);
  const read = `(c${index} !== U ? c${index} : (c${index} = ${name}(d)))`;
  em.fields.set(key, read);
  return read;
}

/** Whether any element of a multi-valued (array) value passes. */
function anyOf(v: unknown, test: (x: unknown) => boolean): boolean {
  if (!Array.isArray(v)) return false;
  for (let i = 0; i < v.length; i++) if (test(v[i])) return true;
  return false;
}

function emit(em: Emitter, c: CompiledCondition): string {
  const s = c.shape;
  if (c.constant) return c.value === true ? 'true' : 'false';
  if (!s) return `(${ref(em, c.fn)}(d) === true)`;
  switch (s.kind) {
    case 'and':
      return `(${s.parts.map((p) => emit(em, p)).join(' && ')})`;
    case 'or':
      return `(${s.parts.map((p) => emit(em, p)).join(' || ')})`;
    case 'not':
      return `!${emit(em, s.operand)}`;
    case 'absent': {
      const v = s.value;
      if (!v.raw || !v.path) return `(${ref(em, c.fn)}(d) === true)`;
      const read = fieldReader(em, v.path, v.fn);
      return `((v = ${read}) === undefined || v === null)`;
    }
    case 'eq':
    case 'set':
    case 'test': {
      const v = s.value;
      if (!v.raw || !v.path) return `(${ref(em, c.fn)}(d) === true)`;
      const read = fieldReader(em, v.path, v.fn);
      let single: (x: unknown) => boolean;
      let fast: string;
      if (s.kind === 'eq') {
        const k = s.constant;
        single = (x) => x === k;
        fast = `v === ${typeof k === 'string' || typeof k === 'number' || typeof k === 'boolean' ? JSON.stringify(k) : ref(em, k)}`;
      } else if (s.kind === 'set') {
        const set = s.set;
        single = (x) => set.has(x);
        fast = `(typeof v === 'string' && ${ref(em, set)}.has(v))`;
      } else {
        const test = s.test;
        single = (x) => typeof x === 'string' && test(x);
        if (s.wildcard && s.wildcard.patterns.length > 0) {
          // Inline the patterns: one lower-casing, then plain string tests.
          const ci = s.wildcard.caseInsensitive;
          const tests = s.wildcard.patterns.map((p) => wildcardCode(em, p, ci)).join(' || ');
          const lower = ref(em, lowerCached);
          const fn = `w${em.decls.length}`;
          em.decls.push(`function ${fn}(o) { const s = ${ci ? `${lower}(o)` : 'o'}; return ${tests}; }`);
          fast = `(typeof v === 'string' && ${fn}(v))`;
        } else {
          fast = `(typeof v === 'string' && ${ref(em, test)}(v))`;
        }
      }
      const test1 = single;
      const slow = ref(em, (w: unknown) => anyOf(w, test1));
      return `((v = ${read}), ${fast} || (v !== undefined && typeof v === 'object' && ${slow}(v)))`;
    }
  }
}

/** Build the function from the emitted parts; undefined when `new Function` is unavailable. */
function assemble<T>(em: Emitter, statements: string): T | undefined {
  const caches = em.caches.map((n) => `, ${n} = U`).join('');
  const consts = em.refs.map((_, i) => `const $${i} = $[${i}];`).join('\n');
  const source = `const U = {};\n${consts}\n${em.decls.join('\n')}\nreturn function generated(d) { let v${caches}; ${statements} };`;
  try {
    return new Function('$', source)(em.refs) as T;
  } catch {
    // A page that forbids `new Function` (content security policy) keeps the closures.
    return undefined;
  }
}

const newEmitter = (): Emitter => ({ refs: [], fields: new Map(), decls: [], caches: [] });

/** Generate the predicate, or undefined when the tree may be null or code generation is unavailable. */
export function generatePredicate(c: CompiledCondition): ((doc: Doc) => boolean) | undefined {
  if (c.nullable || c.constant) return undefined;
  const em = newEmitter();
  return assemble(em, `return ${emit(em, c)};`);
}

/**
 * Several conditions evaluated in one call, sharing field reads (the explanation path tests
 * every conjunct and exclusion part of an event):
 * - `first-false`: the index of the first condition that does not hold, or -1;
 * - `mask`: bit i set when condition i holds (at most 30 conditions).
 * Undefined when a condition may be null or there are too many for a mask.
 */
export function generateBatch(
  conds: readonly CompiledCondition[],
  mode: 'first-false' | 'mask',
): ((doc: Doc) => number) | undefined {
  if (conds.length === 0 || conds.some((c) => c.nullable) || (mode === 'mask' && conds.length > 30)) return undefined;
  const em = newEmitter();
  const bodies = conds.map((c) => emit(em, c));
  const statements =
    mode === 'first-false'
      ? `${bodies.map((b, i) => `if (!${b}) return ${i};`).join('\n')}\nreturn -1;`
      : `let m = 0;\n${bodies.map((b, i) => `if (${b}) m |= ${2 ** i};`).join('\n')}\nreturn m;`;
  return assemble(em, statements);
}

export type { CondFn };
