#!/usr/bin/env node
/**
 * `npm run measure:first-load`: how long a cold load of the built site (dist/) takes in Chromium
 * to put the first results on screen, served from 127.0.0.1. Each run opens a fresh browser
 * context (empty cache, no draft) and records, from navigation start:
 *
 *   results  the first result row is in the page (the default example's verdicts)
 *   editors  both editors are mounted
 *   ready    window.eqlPlayground.ready() resolved (results current, editors mounted)
 *
 *   npm run build && npm run measure:first-load
 *   RUNS=7 npm run measure:first-load      (default 5; the median is reported)
 *   CHROMIUM_PATH=/path/to/chromium        (default /usr/bin/chromium)
 */
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { chromium } from 'playwright-core';

const dist = new URL('../dist/', import.meta.url).pathname;
const runs = Number(process.env.RUNS ?? 5);
const budgetMs = 1500;

if (!existsSync(join(dist, 'index.html'))) {
  console.error('dist/index.html is missing: run `npm run build` first.');
  process.exit(2);
}

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.ttf': 'font/ttf',
  '.json': 'application/json',
};

/** A plain static server for dist/ (what any static host does; no compression). */
function serve() {
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    let file = normalize(join(dist, path));
    if (!file.startsWith(dist)) {
      res.writeHead(403).end();
      return;
    }
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!existsSync(file)) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(res);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

/** Installed before any page script: timestamps of the first row and of the editors. */
function marks() {
  const w = window;
  w.__firstLoad = {};
  const check = () => {
    const m = w.__firstLoad;
    if (m.results === undefined && document.querySelector('[data-testid="event-row"]')) m.results = performance.now();
    if (m.editors === undefined && document.querySelectorAll('.monaco-editor').length >= 2)
      m.editors = performance.now();
    if (m.results !== undefined && m.editors !== undefined) observer.disconnect();
  };
  const observer = new MutationObserver(check);
  observer.observe(document, { childList: true, subtree: true });
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const server = await serve();
const url = `http://127.0.0.1:${server.address().port}/`;
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--headless',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--disable-quic',
    '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1',
  ],
});
const results = [];
try {
  for (let i = 0; i < runs; i++) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
    const page = await context.newPage();
    await page.addInitScript(marks);
    await page.goto(url);
    await page.waitForFunction(() => typeof window.eqlPlayground?.ready === 'function', undefined, { timeout: 30_000 });
    const ready = await page.evaluate(() => window.eqlPlayground.ready().then(() => performance.now()));
    await page.waitForFunction(() => window.__firstLoad.editors !== undefined, undefined, { timeout: 30_000 });
    const m = await page.evaluate(() => window.__firstLoad);
    const rowsShown = await page.locator('[data-testid="event-row"]').count();
    results.push({ results: m.results, editors: m.editors, ready, rows: rowsShown });
    console.log(
      `run ${i + 1}: results ${m.results.toFixed(0)} ms · editors ${m.editors.toFixed(0)} ms · ready ${ready.toFixed(0)} ms (${rowsShown} rows)`,
    );
    await context.close();
  }
} finally {
  await browser.close();
  server.close();
}
const med = (k) => median(results.map((r) => r[k])).toFixed(0);
console.log(
  `median of ${runs} cold loads: first results ${med('results')} ms · editors ${med('editors')} ms · ready ${med('ready')} ms (budget ${budgetMs} ms for first results)`,
);
process.exit(Number(med('results')) > budgetMs ? 1 : 0);
