#!/usr/bin/env node
/**
 * `npm run size`: the size of every file the built site (dist/) ships, minified and gzip, and
 * which of them the first page load fetches (the entry chunk index.html loads, and what it
 * imports statically). Fails when the entry chunk is over its gzip budget.
 *
 *   npm run build && npm run size
 *   SIZE_BUDGET_KB=600 npm run size     the entry chunk's gzip budget in kB (default 600)
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';

const dist = new URL('../dist/', import.meta.url).pathname;
const budgetKb = Number(process.env.SIZE_BUDGET_KB ?? 600);

if (!existsSync(join(dist, 'index.html'))) {
  console.error('dist/index.html is missing: run `npm run build` first.');
  process.exit(2);
}

function files(dir) {
  const out = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...files(p));
    else out.push(p);
  }
  return out;
}

const kb = (n) => (n / 1000).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const html = readFileSync(join(dist, 'index.html'), 'utf8');
const entry = /<script[^>]+type="module"[^>]+src="\.?\/?([^"]+)"/.exec(html)?.[1];
const preloaded = new Set(
  [...html.matchAll(/<link[^>]+rel="(?:modulepreload|stylesheet)"[^>]+href="\.?\/?([^"]+)"/g)].map((m) => m[1]),
);

/** Files the entry chunk imports statically (import ... from "./x.js"), transitively. */
function staticClosure(start) {
  const seen = new Set();
  const todo = [start];
  while (todo.length > 0) {
    const f = todo.pop();
    if (seen.has(f) || !existsSync(join(dist, f))) continue;
    seen.add(f);
    if (!f.endsWith('.js')) continue;
    const text = readFileSync(join(dist, f), 'utf8');
    // Static imports only (`import"./a.js"`, `from"./a.js"`); dynamic import() chunks load later.
    for (const m of text.matchAll(/(?:^|[;\s}])(?:import|from)\s*["'](\.\/[^"']+\.js)["']/g)) {
      todo.push(join(f, '..', m[1]).replace(/^\.\//, ''));
    }
  }
  return seen;
}

const initial = entry ? staticClosure(entry) : new Set();
for (const p of preloaded) initial.add(p);

const rows = files(dist)
  .map((p) => {
    const rel = relative(dist, p).split('\\').join('/');
    const bytes = readFileSync(p);
    const compressible = /\.(js|css|html|svg|json|ttf)$/.test(rel);
    return {
      rel,
      size: bytes.length,
      gzip: compressible ? gzipSync(bytes).length : undefined,
      initial: initial.has(rel) || rel === 'index.html',
    };
  })
  .sort((a, b) => Number(b.initial) - Number(a.initial) || b.size - a.size);

const width = Math.max(...rows.map((r) => r.rel.length));
console.log(`${'file'.padEnd(width)}  ${'minified kB'.padStart(12)}  ${'gzip kB'.padStart(10)}  loaded`);
for (const r of rows) {
  const role = r.rel === entry ? 'first load (entry)' : r.initial ? 'first load' : 'on demand';
  console.log(
    `${r.rel.padEnd(width)}  ${kb(r.size).padStart(12)}  ${(r.gzip === undefined ? '-' : kb(r.gzip)).padStart(10)}  ${role}`,
  );
}
const sum = (xs, k) => xs.reduce((s, r) => s + (r[k] ?? 0), 0);
const first = rows.filter((r) => r.initial);
console.log(
  `first load: ${first.length} files, ${kb(sum(first, 'size'))} kB minified, ${kb(sum(first, 'gzip'))} kB gzip`,
);
console.log(`everything: ${rows.length} files, ${kb(sum(rows, 'size'))} kB`);

const main = rows.find((r) => r.rel === entry);
if (!main) {
  console.error('could not find the entry chunk in dist/index.html');
  process.exit(2);
}
const over = main.gzip > budgetKb * 1000;
console.log(
  `entry chunk ${main.rel}: ${kb(main.size)} kB minified, ${kb(main.gzip)} kB gzip (budget ${budgetKb} kB gzip${over ? ': OVER' : ''})`,
);
process.exit(over ? 1 : 0);
