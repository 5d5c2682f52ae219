// Writes src/core/schema/generated/defend-fields.json: the fields of the Elastic Defend event
// data streams (logs-endpoint.events.*), with their mapping types, the streams that map them,
// the array flag and ignore_above. Read from ../shared/data/defend-fields.tsv when it is there
// (and the committed summary scripts/generated/defend-fields.json is refreshed from it); otherwise
// the committed summary is used, with a warning.
//
// Output shape: { "source": "...", "streams": ["api", "file", ...],
//                 "fields": { "<name>": [type, streamMask, arrayFlag, ignoreAbove?] } }
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const tsvPath = join(root, '../shared/data/defend-fields.tsv');
const summaryPath = join(root, 'scripts/generated/defend-fields.json');
const outDir = join(root, 'src/core/schema/generated');
const outPath = join(outDir, 'defend-fields.json');
const PREFIX = 'logs-endpoint.events.';

function fromTsv(text) {
  const lines = text.split(/\r?\n/);
  const source = lines[0].replace(/^#\s*/, '').replace(/.*Source:\s*/, '');
  const header = lines[1].split('\t');
  const col = (name) => header.indexOf(name);
  const [cStream, cField, cType, cIgnore, cNorm] = ['data_stream', 'field', 'type', 'ignore_above', 'normalize'].map(
    col,
  );
  if ([cStream, cField, cType].some((c) => c < 0)) throw new Error('defend-fields.tsv: unexpected header');
  const byName = new Map();
  const streams = new Set();
  for (const line of lines.slice(2)) {
    if (!line.trim()) continue;
    const cells = line.split('\t');
    const stream = cells[cStream];
    if (!stream.startsWith(PREFIX)) continue;
    const short = stream.slice(PREFIX.length);
    streams.add(short);
    const name = cells[cField];
    const prev = byName.get(name);
    const entry = prev ?? { type: cells[cType], streams: new Set(), array: false, ignoreAbove: 0 };
    if (prev && prev.type !== cells[cType])
      console.warn(`defend-fields: ${name} is ${prev.type} and ${cells[cType]}; keeping ${prev.type}`);
    entry.streams.add(short);
    if (cNorm >= 0 && (cells[cNorm] ?? '').split(',').includes('array')) entry.array = true;
    const ia = Number(cells[cIgnore]);
    if (cIgnore >= 0 && Number.isInteger(ia) && ia > 0) entry.ignoreAbove = ia;
    byName.set(name, entry);
  }
  const streamList = [...streams].sort();
  const fields = {};
  for (const name of [...byName.keys()].sort()) {
    const e = byName.get(name);
    const mask = streamList.reduce((m, s, i) => (e.streams.has(s) ? m | (1 << i) : m), 0);
    const row = [e.type, mask, e.array ? 1 : 0];
    if (e.ignoreAbove) row.push(e.ignoreAbove);
    fields[name] = row;
  }
  return {
    source: `elastic/endpoint-package ${source.replace(/^elastic\/endpoint-package\s*/, '')}`,
    streams: streamList,
    fields,
  };
}

let summary;
if (existsSync(tsvPath)) {
  summary = fromTsv(readFileSync(tsvPath, 'utf8'));
  const text = `${JSON.stringify(summary)}\n`;
  if (!existsSync(summaryPath) || readFileSync(summaryPath, 'utf8') !== text) {
    try {
      mkdirSync(dirname(summaryPath), { recursive: true });
      writeFileSync(summaryPath, text);
      console.log('defend-fields: refreshed the committed summary scripts/generated/defend-fields.json');
    } catch (e) {
      console.warn(`defend-fields: could not refresh the committed summary (${e.message})`);
    }
  }
} else {
  console.warn(`defend-fields: ${tsvPath} not found; using the committed summary scripts/generated/defend-fields.json`);
  summary = JSON.parse(readFileSync(summaryPath, 'utf8'));
}
mkdirSync(outDir, { recursive: true });
const outText = `${JSON.stringify(summary)}\n`;
// Unchanged content is not rewritten, so the file's timestamp says when it last changed.
const outChanged = !existsSync(outPath) || readFileSync(outPath, 'utf8') !== outText;
if (outChanged) writeFileSync(outPath, outText);
console.log(
  `defend-fields.json: ${Object.keys(summary.fields).length} Elastic Defend event fields (${summary.streams.length} data streams)${outChanged ? '' : ' (unchanged)'}`,
);
