/**
 * The module graph, resolved for real, checked against the layer table of docs/architecture.md.
 *
 * Every source file under src/ and tests/e2e/ is parsed with oxc (no TypeScript API needed),
 * every import is resolved with oxc-resolver the way the bundler resolves it: static imports and
 * re-exports (`export * as ns from`), type-only imports, dynamic `import()`, type-level
 * `import('x')`, and workers created with `new URL('./w.ts', import.meta.url)`. Then:
 *   - each layer imports only what its row of the table allows (layers, packages, node:*);
 *   - the shells (worker, ui, monaco, cli) use the core only through `src/core/index.ts`;
 *   - no import cycle, type-only imports included;
 *   - every relative import resolves to a file.
 * `npm run graph` prints the result and the time taken; tests/unit/architecture.test.ts runs it.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseSync } from 'oxc-parser';
import { ResolverFactory } from 'oxc-resolver';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

export type EdgeKind = 'static' | 'type' | 'dynamic' | 'worker';

export interface Edge {
  readonly from: string;
  readonly specifier: string;
  readonly kind: EdgeKind;
  /** Repository-relative path of the resolved file, for files of the project. */
  readonly to?: string;
  /** The npm package, for bare specifiers. */
  readonly pkg?: string;
  readonly node?: boolean;
  readonly unresolved?: string;
}

export interface Rule {
  /** Layers under src/ this layer may import (itself is always allowed). */
  readonly layers: readonly string[];
  /** npm packages it may import; '*' for any. */
  readonly packages: readonly string[] | '*';
  readonly node: boolean;
  /** Packages never allowed, even with `packages: '*'`. */
  readonly forbiddenPackages?: readonly string[];
  /** Only these files of another layer (repository-relative prefixes), when set for that layer. */
  readonly only?: Readonly<Record<string, readonly string[]>>;
}

/** The public entry of the core: the API every shell uses. */
export const CORE_ENTRY = 'src/core/index.ts';
const CORE_PUBLIC = [CORE_ENTRY];

/**
 * Building blocks of the core that src/formats (a pure layer over the core, not a shell) may
 * use besides the public entry, as docs/architecture.md says.
 */
const CORE_FOR_FORMATS = [
  CORE_ENTRY,
  'src/core/api-types.ts',
  'src/core/rule-metadata.ts',
  'src/core/diagnostics/',
  'src/core/ast/',
  'src/core/runtime/event.ts',
  'src/core/runtime/field-access.ts',
  'src/core/runtime/values.ts',
  'src/core/schema/',
];

const UI_LIBRARIES = ['react', 'react-dom', 'monaco-editor', '@monaco-editor/react'];

/** The layer table of docs/architecture.md, as code. */
export const RULES: Readonly<Record<string, Rule>> = {
  core: { layers: [], packages: [], node: false },
  formats: { layers: ['core'], packages: ['smol-toml'], node: false, only: { core: CORE_FOR_FORMATS } },
  share: { layers: [], packages: ['fflate'], node: false },
  worker: { layers: ['core', 'formats', 'share'], packages: [], node: false, only: { core: CORE_PUBLIC } },
  monaco: {
    layers: ['core'],
    packages: ['monaco-editor', '@monaco-editor/react'],
    node: false,
    only: { core: CORE_PUBLIC },
  },
  ui: {
    layers: ['share', 'worker', 'monaco', 'examples', 'core'],
    packages: UI_LIBRARIES,
    node: false,
    only: {
      core: CORE_PUBLIC,
      worker: ['src/worker/client.ts', 'src/worker/protocol.ts', 'src/worker/share-client.ts'],
    },
  },
  examples: { layers: [], packages: [], node: false },
  cli: {
    layers: ['core', 'formats', 'examples'],
    packages: '*',
    node: true,
    forbiddenPackages: UI_LIBRARIES,
    only: { core: CORE_PUBLIC },
  },
};

const SOURCE = /\.(ts|tsx|mts)$/;

function walk(dir: string, out: string[] = []): string[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return out;
  }
  for (const name of names) {
    const p = join(dir, name);
    if (name === 'node_modules' || name === 'generated') continue;
    if (statSync(p).isDirectory()) walk(p, out);
    else if (SOURCE.test(name) && !name.endsWith('.d.ts')) out.push(p);
  }
  return out;
}

function rel(root: string, abs: string): string {
  return relative(root, abs).split('\\').join('/');
}

interface Found {
  readonly specifier: string;
  readonly kind: EdgeKind;
}

type AstNode = { readonly type?: string; readonly [key: string]: unknown };

function isImportMetaUrl(n: AstNode | undefined): boolean {
  if (n?.type !== 'MemberExpression') return false;
  const object = n.object as AstNode;
  const property = n.property as AstNode;
  return object.type === 'MetaProperty' && property.type === 'Identifier' && property.name === 'url';
}

function stringValue(n: AstNode | undefined): string | undefined {
  if (n?.type === 'Literal' && typeof n.value === 'string') return n.value;
  if (n?.type === 'TemplateLiteral' && (n.expressions as unknown[]).length === 0) {
    const q = (n.quasis as { value: { cooked: string } }[])[0];
    return q?.value.cooked;
  }
  return undefined;
}

/** Imports the module record does not list: workers by URL, type-level `import('x')`. */
function scanAst(node: unknown, out: Found[]): void {
  const stack: unknown[] = [node];
  while (stack.length > 0) {
    const n = stack.pop();
    if (Array.isArray(n)) {
      for (const c of n) stack.push(c);
      continue;
    }
    if (!n || typeof n !== 'object') continue;
    const a = n as AstNode;
    if (a.type === 'NewExpression' && (a.callee as AstNode).type === 'Identifier') {
      const args = a.arguments as AstNode[];
      if ((a.callee as AstNode).name === 'URL' && isImportMetaUrl(args[1])) {
        const spec = stringValue(args[0]);
        if (spec !== undefined) out.push({ specifier: spec, kind: 'worker' });
      }
    }
    if (a.type === 'TSImportType') {
      const spec = stringValue((a.argument ?? a.source) as AstNode);
      if (spec !== undefined) out.push({ specifier: spec, kind: 'type' });
    }
    for (const key in a) if (key !== 'type' && typeof a[key] === 'object') stack.push(a[key]);
  }
}

/** Every import of one file: the module record plus the AST scan. */
export function importsOf(file: string, source: string): { found: Found[]; errors: string[] } {
  const r = parseSync(file, source, { sourceType: 'module' });
  const found: Found[] = [];
  for (const i of r.module.staticImports) {
    const typeOnly = i.entries.length > 0 && i.entries.every((e) => e.isType);
    found.push({ specifier: i.moduleRequest.value, kind: typeOnly ? 'type' : 'static' });
  }
  for (const e of r.module.staticExports) {
    for (const entry of e.entries) {
      if (entry.moduleRequest)
        found.push({ specifier: entry.moduleRequest.value, kind: entry.isType ? 'type' : 'static' });
    }
  }
  for (const d of r.module.dynamicImports) {
    const text = source.slice(d.moduleRequest.start, d.moduleRequest.end).trim();
    const m = /^(['"`])([^'"`$]*)\1$/.exec(text);
    if (m) found.push({ specifier: m[2]!, kind: 'dynamic' });
  }
  scanAst(r.program, found);
  // `import { x } from 'm'; export { x }` lists 'm' twice (an import and an indirect export).
  const unique = new Map(found.map((f) => [`${f.kind} ${f.specifier}`, f]));
  return { found: [...unique.values()], errors: r.errors.map((e) => e.message) };
}

function packageOf(spec: string): string {
  return spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]!;
}

const NODE_BUILTINS = new Set(['fs', 'path', 'os', 'url', 'child_process', 'util', 'stream', 'process', 'module']);

export interface Graph {
  readonly files: readonly string[];
  readonly edges: readonly Edge[];
  readonly parseErrors: readonly string[];
}

/** Parse and resolve every file under the given folders. */
export function buildGraph(root = ROOT, folders: readonly string[] = ['src', 'tests/e2e']): Graph {
  const resolver = new ResolverFactory({
    extensions: ['.ts', '.tsx', '.mts', '.js', '.mjs', '.json'],
    conditionNames: ['import', 'module', 'browser', 'default'],
    extensionAlias: { '.js': ['.ts', '.tsx', '.js'] },
  });
  const files = folders.flatMap((f) => walk(join(root, f)));
  const edges: Edge[] = [];
  const parseErrors: string[] = [];
  for (const abs of files) {
    const from = rel(root, abs);
    const { found, errors } = importsOf(abs, readFileSync(abs, 'utf8'));
    for (const e of errors) parseErrors.push(`${from}: ${e}`);
    for (const { specifier, kind } of found) {
      const spec = specifier.replace(/\?.*$/, '');
      if (spec.startsWith('node:') || NODE_BUILTINS.has(spec)) {
        edges.push({ from, specifier, kind, node: true });
        continue;
      }
      const r = resolver.sync(dirname(abs), spec);
      const bare = !spec.startsWith('.') && !spec.startsWith('/');
      if (!r.path) {
        edges.push({ from, specifier, kind, ...(bare ? { pkg: packageOf(spec) } : {}), unresolved: r.error ?? '?' });
        continue;
      }
      const to = rel(root, r.path);
      if (bare || to.startsWith('node_modules/')) edges.push({ from, specifier, kind, pkg: packageOf(spec), to });
      else edges.push({ from, specifier, kind, to });
    }
  }
  return { files: files.map((f) => rel(root, f)), edges, parseErrors };
}

function layerOf(path: string): string | undefined {
  return /^src\/([^/.]+)\//.exec(path)?.[1];
}

function layerViolation(e: Edge): string | undefined {
  const layer = layerOf(e.from);
  if (!layer) return undefined; // src/main.tsx: the app entry wires everything
  const rule = RULES[layer];
  if (!rule) return `${e.from}: layer "${layer}" is not in the architecture table`;
  if (e.node) return rule.node ? undefined : `${e.from}: imports ${e.specifier} (no node:* in ${layer})`;
  if (e.pkg) {
    if (rule.forbiddenPackages?.includes(e.pkg)) return `${e.from}: imports ${e.specifier} (not in ${layer})`;
    if (rule.packages !== '*' && !rule.packages.includes(e.pkg))
      return `${e.from}: imports package ${e.specifier} (not allowed in ${layer})`;
    return undefined;
  }
  if (!e.to) return undefined;
  const target = layerOf(e.to);
  if (!target) return `${e.from}: imports ${e.specifier} outside src/ (${e.to})`;
  if (target === layer) return undefined;
  if (!rule.layers.includes(target)) return `${e.from}: imports ${e.specifier} (${layer} may not import ${target})`;
  const only = rule.only?.[target];
  if (only && !only.some((p) => e.to === p || (p.endsWith('/') && e.to!.startsWith(p))))
    return `${e.from}: imports ${e.to} (${layer} uses ${target} only through ${only.join(', ')})`;
  return undefined;
}

/** Import cycles among project files (Tarjan's strongly connected components), each as a path. */
export function cycles(edges: readonly Edge[]): string[][] {
  const next = new Map<string, string[]>();
  for (const e of edges) {
    if (!e.to || e.pkg) continue;
    const list = next.get(e.from);
    if (list) list.push(e.to);
    else next.set(e.from, [e.to]);
  }
  let index = 0;
  const idx = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const out: string[][] = [];
  const connect = (v: string): void => {
    idx.set(v, index);
    low.set(v, index++);
    stack.push(v);
    onStack.add(v);
    for (const w of next.get(v) ?? []) {
      if (!idx.has(w)) {
        connect(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, idx.get(w)!));
    }
    if (low.get(v) === idx.get(v)) {
      const scc: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        scc.push(w);
      } while (w !== v);
      const selfLoop = (next.get(v) ?? []).includes(v);
      if (scc.length > 1 || selfLoop) out.push(scc.sort());
    }
  };
  for (const v of [...next.keys()].sort()) if (!idx.has(v)) connect(v);
  return out;
}

export interface Report {
  readonly graph: Graph;
  readonly violations: readonly string[];
  readonly cycles: readonly string[][];
  readonly ms: number;
}

export function checkModuleGraph(root = ROOT): Report {
  const t0 = performance.now();
  const graph = buildGraph(root);
  const violations: string[] = [...graph.parseErrors];
  for (const e of graph.edges) {
    if (e.unresolved) violations.push(`${e.from}: cannot resolve ${e.specifier} (${e.unresolved})`);
    const v = e.from.startsWith('tests/e2e/')
      ? e.to?.startsWith('src/')
        ? `${e.from}: end-to-end tests must not import src/ (${e.specifier})`
        : undefined
      : layerViolation(e);
    if (v) violations.push(v);
  }
  return { graph, violations: [...new Set(violations)], cycles: cycles(graph.edges), ms: performance.now() - t0 };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === resolve(process.argv[1])) {
  const r = checkModuleGraph();
  const internal = r.graph.edges.filter((e) => e.to && !e.pkg).length;
  console.log(
    `module graph: ${r.graph.files.length} files, ${r.graph.edges.length} imports (${internal} between project files), checked in ${Math.round(r.ms)} ms`,
  );
  for (const v of r.violations) console.log(`  violation: ${v}`);
  for (const c of r.cycles) console.log(`  cycle: ${c.join(' <-> ')}`);
  if (r.violations.length > 0 || r.cycles.length > 0) process.exit(1);
  console.log('  no violations, no cycles');
}
