// Writes src/core/schema/generated/ecs-fields.json: a trimmed copy of the ECS flat field list
// from the @elastic/ecs package (a dev dependency; only this build step reads it).
//
// Output shape (kept small because the browser bundle imports it):
//   { "version": "9.4.0",
//     "fields": { "<flat name>": [type, arrayFlag, short, ignoreAbove?, keywordSubfield?] } }
// arrayFlag is 1 when ECS normalizes the field to an array, else 0. ignoreAbove is 0 when the
// field has none; trailing empty entries are dropped.
import { createRequire } from 'node:module';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(join(root, 'package.json'));
const { EcsFlat, EcsVersion } = require('@elastic/ecs');

const KEYWORD_FAMILY = new Set(['keyword', 'constant_keyword', 'wildcard']);

function oneLine(text) {
  if (typeof text !== 'string') return '';
  return text.replace(/\s+/g, ' ').trim();
}

const fields = {};
for (const name of Object.keys(EcsFlat).sort()) {
  const f = EcsFlat[name];
  const array = Array.isArray(f.normalize) && f.normalize.includes('array') ? 1 : 0;
  const row = [f.type, array, oneLine(f.short ?? f.description)];
  const ignoreAbove = typeof f.ignore_above === 'number' ? f.ignore_above : 0;
  let keywordSub;
  if (!KEYWORD_FAMILY.has(f.type)) {
    for (const m of f.multi_fields ?? []) {
      if (KEYWORD_FAMILY.has(m.type)) {
        keywordSub = m.name;
        break;
      }
    }
  }
  if (ignoreAbove || keywordSub) row.push(ignoreAbove);
  if (keywordSub) row.push(keywordSub);
  fields[name] = row;
}

const outDir = join(root, 'src/core/schema/generated');
mkdirSync(outDir, { recursive: true });
const out = join(outDir, 'ecs-fields.json');
const text = `${JSON.stringify({ version: EcsVersion, fields })}\n`;
// Unchanged content is not rewritten, so the file's timestamp says when it last changed.
const changed = !existsSync(out) || readFileSync(out, 'utf8') !== text;
if (changed) writeFileSync(out, text);
console.log(`ecs-fields.json: ${Object.keys(fields).length} ECS ${EcsVersion} fields${changed ? '' : ' (unchanged)'}`);
