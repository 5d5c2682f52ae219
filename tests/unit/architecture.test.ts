/**
 * The import rules of docs/architecture.md, checked on the real module graph
 * (scripts/module-graph.ts: every import parsed with oxc and resolved with oxc-resolver).
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { buildGraph, CORE_ENTRY, checkModuleGraph, cycles, RULES } from '../../scripts/module-graph';

const root = resolve(__dirname, '../..');

let cached: ReturnType<typeof checkModuleGraph> | undefined;
const report = () => {
  cached ??= checkModuleGraph();
  return cached;
};

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
    else if (/\.(ts|tsx|mts)$/.test(name) && !name.endsWith('.d.ts')) out.push(p);
  }
  return out;
}

function fixture(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'eql-graph-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

describe('architecture', () => {
  test('the module graph follows the layer table and has no cycles', () => {
    const r = report();
    expect(r.violations).toEqual([]);
    expect(r.cycles).toEqual([]);
    expect(r.graph.files.length).toBeGreaterThan(100);
    // The worker is part of the graph, reached from its client through `new URL(..., import.meta.url)`.
    expect(r.graph.edges).toContainEqual(
      expect.objectContaining({ from: 'src/worker/client.ts', kind: 'worker', to: 'src/worker/eval.worker.ts' }),
    );
  });

  test('the shells reach the core through its public entries only', () => {
    const shells = ['worker', 'ui', 'monaco', 'cli'];
    const { graph } = report();
    const used = new Set<string>();
    for (const e of graph.edges) {
      const layer = /^src\/([^/]+)\//.exec(e.from)?.[1];
      if (layer && shells.includes(layer) && e.to?.startsWith('src/core/')) used.add(e.to);
    }
    expect([...used]).toEqual([CORE_ENTRY]);
  });

  test('docs/architecture.md names every layer and what it may import', () => {
    const doc = readFileSync(join(root, 'docs/architecture.md'), 'utf8');
    for (const [layer, rule] of Object.entries(RULES)) {
      const row = doc.split('\n').find((l) => l.startsWith(`| src/${layer} |`));
      if (layer === 'examples') continue; // data only: not a row of the table
      expect(row, `no row for src/${layer}`).toBeDefined();
      const mayImport = row!.split('|')[2]!;
      for (const l of rule.layers) if (l !== 'examples') expect(mayImport, `${layer} -> ${l}`).toContain(l);
      if (rule.packages !== '*') for (const p of rule.packages) expect(row, `${layer} -> ${p}`).toContain(p);
    }
    expect(doc).toContain(CORE_ENTRY);
  });

  test('the first page load carries no Monaco: the editors bring it in with a dynamic import', () => {
    const { graph } = report();
    // What src/main.tsx loads before anything runs: its static imports, transitively.
    const firstLoad = new Set<string>(['src/main.tsx']);
    const monacoPackages: string[] = [];
    const todo = ['src/main.tsx'];
    while (todo.length > 0) {
      const from = todo.pop()!;
      for (const e of graph.edges) {
        if (e.from !== from || e.kind !== 'static') continue;
        if (e.pkg === 'monaco-editor' || e.pkg === '@monaco-editor/react')
          monacoPackages.push(`${from} -> ${e.specifier}`);
        if (e.to && !e.pkg && !firstLoad.has(e.to)) {
          firstLoad.add(e.to);
          todo.push(e.to);
        }
      }
    }
    expect(firstLoad.size).toBeGreaterThan(50);
    expect(monacoPackages).toEqual([]);
    expect(firstLoad.has('src/monaco/setup.ts')).toBe(false);
    // ...and the lazy module that does load it is reached, dynamically, from the page.
    expect(graph.edges).toContainEqual(
      expect.objectContaining({ kind: 'dynamic', to: 'src/ui/components/MonacoEditors.tsx' }),
    );
    expect(graph.edges).toContainEqual(
      expect.objectContaining({
        from: 'src/ui/components/MonacoEditors.tsx',
        kind: 'static',
        to: 'src/monaco/setup.ts',
      }),
    );
  });

  test('only src/ui/platform touches location, history, clipboard, storage or window', () => {
    const out: string[] = [];
    const globals =
      /\b(window|document|location|history|localStorage|sessionStorage|navigator|matchMedia|ResizeObserver)\s*[.(]/;
    for (const file of walk(join(root, 'src/ui'))) {
      const rel = relative(root, file).split('\\').join('/');
      if (rel.startsWith('src/ui/platform/')) continue;
      const text = readFileSync(file, 'utf8')
        .replace(/\/\*[\s\S]*?\*\//g, '')
        .replace(/\/\/.*$/gm, '');
      const m = globals.exec(text);
      if (m) out.push(`${rel}: uses ${m[1]}`);
    }
    expect(out).toEqual([]);
  });

  test('the checker sees every kind of import, resolves it, and finds cycles', () => {
    const dir = fixture({
      'src/core/a.ts': `import type { B } from './b';\nexport * as c from './c';\nexport const a = 1;\nexport type X = B;`,
      'src/core/b.ts': `import { a } from './a';\nexport type B = typeof a;`,
      'src/core/c.ts': `export const c = () => import('./d');\ntype T = import('./e').E;\nexport type { T };`,
      'src/core/d.ts': `export const d = new URL('./w.ts', import.meta.url);`,
      'src/core/e.ts': `export interface E { readonly e: number }\n// import x from './commented-out';`,
      'src/core/w.ts': `import './side-effect';`,
      'src/core/side-effect.ts': `import { missing } from './nowhere';\nexport { missing };`,
    });
    const g = buildGraph(dir, ['src']);
    const seen = g.edges
      .map((e) => `${e.from} ${e.kind} ${(e.to ?? e.unresolved) ? (e.to ?? 'unresolved') : ''}`)
      .sort();
    expect(seen).toEqual([
      'src/core/a.ts static src/core/c.ts',
      'src/core/a.ts type src/core/b.ts',
      'src/core/b.ts static src/core/a.ts',
      'src/core/c.ts dynamic src/core/d.ts',
      'src/core/c.ts type src/core/e.ts',
      'src/core/d.ts worker src/core/w.ts',
      'src/core/side-effect.ts static unresolved',
      'src/core/w.ts static src/core/side-effect.ts',
    ]);
    expect(cycles(g.edges)).toEqual([['src/core/a.ts', 'src/core/b.ts']]);
  });

  test('a forbidden import and a shell reaching into the core are violations', () => {
    const dir = fixture({
      'src/core/index.ts': `export * from './inner';`,
      'src/core/inner.ts': `import { readFileSync } from 'node:fs';\nexport const inner = readFileSync;`,
      'src/ui/app.ts': `import { inner } from '../core/inner';\nimport { x } from '../formats/x';\nexport const app = [inner, x];`,
      'src/formats/x.ts': `export const x = 1;`,
    });
    const r = checkModuleGraph(dir);
    expect(r.violations).toEqual([
      'src/core/inner.ts: imports node:fs (no node:* in core)',
      'src/ui/app.ts: imports src/core/inner.ts (ui uses core only through src/core/index.ts)',
      'src/ui/app.ts: imports ../formats/x (ui may not import formats)',
    ]);
  });
});
