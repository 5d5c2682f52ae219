/**
 * The import rules of docs/architecture.md, checked on every source file: each layer may only
 * import what its row of the table allows.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, test } from 'vitest';

const root = resolve(__dirname, '../..');

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

/** Import specifiers of a file: static imports, re-exports, dynamic import() and import.meta.glob. */
function importSpecifiers(source: string): string[] {
  const text = source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
  const specs: string[] = [];
  const patterns = [
    /\bimport\s+(?:type\s+)?(?:[\w*{}\s,]+\s+from\s+)?['"]([^'"]+)['"]/g,
    /\bexport\s+(?:type\s+)?(?:\*|\{[^}]*\})\s+from\s+['"]([^'"]+)['"]/g,
    /\bimport\(\s*['"]([^'"]+)['"]\s*\)/g,
    /import\.meta\.glob(?:<[^>]*>)?\(\s*['"]([^'"]+)['"]/g,
    /new URL\(\s*['"]([^'"]+)['"]\s*,\s*import\.meta\.url/g,
  ];
  for (const re of patterns) {
    for (const m of text.matchAll(re)) specs.push(m[1]!);
  }
  return specs;
}

type Target =
  | { kind: 'src'; layer: string; path: string }
  | { kind: 'package'; name: string }
  | { kind: 'node' }
  | { kind: 'other'; path: string };

function classify(file: string, spec: string): Target {
  if (spec.startsWith('node:')) return { kind: 'node' };
  if (spec.startsWith('.')) {
    const abs = resolve(dirname(file), spec.replace(/\?.*$/, ''));
    const rel = relative(root, abs).split('\\').join('/');
    const m = /^src\/([^/.]+)/.exec(rel);
    if (m) return { kind: 'src', layer: m[1]!, path: rel };
    return { kind: 'other', path: rel };
  }
  const name = spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]!;
  const builtins = [
    'fs',
    'path',
    'os',
    'url',
    'child_process',
    'net',
    'crypto',
    'util',
    'stream',
    'process',
    'module',
    'events',
    'assert',
  ];
  if (builtins.includes(name)) return { kind: 'node' };
  return { kind: 'package', name };
}

interface Rule {
  /** Layers under src/ this layer may import (itself is always allowed). */
  readonly layers: readonly string[];
  /** npm packages it may import; '*' for any. */
  readonly packages: readonly string[] | '*';
  readonly node: boolean;
  /** Extra check on src imports (e.g. only the public API of core). */
  readonly srcCheck?: (t: { layer: string; path: string }) => string | undefined;
}

const coreTypesOrPure = (t: { layer: string; path: string }) =>
  t.layer === 'worker' && !/^src\/worker\/(client|protocol)(\.ts)?$/.test(t.path)
    ? 'worker internals (only client and protocol)'
    : undefined;

const RULES: Record<string, Rule> = {
  core: { layers: [], packages: [], node: false },
  formats: {
    layers: ['core'],
    packages: ['smol-toml'],
    node: false,
    srcCheck: (t) =>
      t.layer === 'core' &&
      !/^src\/core\/(index|api-types|diagnostics\/|ast\/|runtime\/(event|field-access|values)|schema\/)/.test(t.path)
        ? `core internals (${t.path})`
        : undefined,
  },
  share: { layers: [], packages: ['fflate'], node: false },
  worker: { layers: ['core', 'formats'], packages: [], node: false },
  monaco: { layers: ['core'], packages: ['monaco-editor', '@monaco-editor/react'], node: false },
  ui: {
    layers: ['share', 'worker', 'monaco', 'examples', 'core'],
    packages: ['react', 'react-dom', '@monaco-editor/react', 'monaco-editor'],
    node: false,
    srcCheck: coreTypesOrPure,
  },
  examples: { layers: [], packages: [], node: false },
  cli: { layers: ['core', 'formats', 'examples'], packages: '*', node: true },
};

const FORBIDDEN_PACKAGES_FOR_CLI = ['react', 'react-dom', 'monaco-editor', '@monaco-editor/react'];

function violations(): string[] {
  const out: string[] = [];
  for (const file of walk(join(root, 'src'))) {
    const rel = relative(root, file).split('\\').join('/');
    const layer = /^src\/([^/.]+)\//.exec(rel)?.[1];
    if (!layer) continue; // src/main.tsx: the app entry wires everything
    const rule = RULES[layer];
    if (!rule) {
      out.push(`${rel}: layer "${layer}" is not in the architecture table`);
      continue;
    }
    for (const spec of importSpecifiers(readFileSync(file, 'utf8'))) {
      const t = classify(file, spec);
      if (t.kind === 'node' && !rule.node) out.push(`${rel}: imports ${spec} (no node:* in ${layer})`);
      if (t.kind === 'package') {
        if (layer === 'cli' && FORBIDDEN_PACKAGES_FOR_CLI.includes(t.name))
          out.push(`${rel}: imports ${spec} (cli must not use ui libraries)`);
        else if (rule.packages !== '*' && !rule.packages.includes(t.name))
          out.push(`${rel}: imports package ${spec} (not allowed in ${layer})`);
      }
      if (t.kind === 'other') out.push(`${rel}: imports ${spec} outside src/`);
      if (t.kind === 'src' && t.layer !== layer) {
        if (!rule.layers.includes(t.layer)) out.push(`${rel}: imports ${spec} (${layer} may not import ${t.layer})`);
        else {
          const why = rule.srcCheck?.(t);
          if (why) out.push(`${rel}: imports ${spec}: ${why}`);
        }
      }
    }
  }
  for (const file of walk(join(root, 'tests/e2e'))) {
    const rel = relative(root, file).split('\\').join('/');
    for (const spec of importSpecifiers(readFileSync(file, 'utf8'))) {
      const t = classify(file, spec);
      if (t.kind === 'src' || (t.kind === 'other' && t.path.startsWith('src')))
        out.push(`${rel}: end-to-end tests must not import src/ (${spec})`);
    }
  }
  return out;
}

describe('architecture', () => {
  test('no layer imports what the architecture table forbids', () => {
    expect(violations()).toEqual([]);
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

  test('the scanner sees every kind of import', () => {
    const specs = importSpecifiers(`
      import a from './a';
      import type { B } from "../b";
      import './side-effect';
      export * from './c';
      export { d } from './d';
      const e = await import('./e');
      const f = import.meta.glob('./f/*.ts');
      new Worker(new URL('./g.ts', import.meta.url));
      // import x from './commented-out';
    `);
    expect(specs.sort()).toEqual(['../b', './a', './c', './d', './e', './f/*.ts', './g.ts', './side-effect']);
  });
});
