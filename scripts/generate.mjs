// Produces the build outputs every other script needs: the Peggy parser and the field schemas
// (ECS, Elastic Defend).
// Both are git-ignored; `npm run generate` (run first by build, test, start, bench) makes them.
// An output whose content did not change is left untouched, so its timestamp keeps saying when
// it last changed.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outDir = join(root, 'src/core/parser/generated');
mkdirSync(outDir, { recursive: true });

/** Write `text` to `file` unless it already holds exactly that. Returns true when written. */
function writeIfChanged(file, text) {
  if (existsSync(file) && readFileSync(file, 'utf8') === text) return false;
  writeFileSync(file, text);
  return true;
}

const scratch = mkdtempSync(join(tmpdir(), 'eql-peggy-'));
try {
  const peggy = join(root, 'node_modules/peggy/bin/peggy.js');
  execFileSync(
    process.execPath,
    [
      peggy,
      '--format',
      'es',
      '--dts',
      '--allowed-start-rules',
      'Start',
      '--return-types',
      JSON.stringify({ Start: 'import("../../ast/nodes").StatementNode' }),
      '-o',
      join(scratch, 'eql.js'),
      join(root, 'grammar/eql.peggy'),
    ],
    { stdio: 'inherit' },
  );
  const changed = readdirSync(scratch).filter((name) =>
    writeIfChanged(join(outDir, name), readFileSync(join(scratch, name), 'utf8')),
  );
  console.log(`parser: ${changed.length > 0 ? `wrote ${changed.join(', ')}` : 'unchanged'}`);
} finally {
  rmSync(scratch, { recursive: true, force: true });
}

for (const script of ['scripts/generate-schema.mjs', 'scripts/generate-defend.mjs']) {
  const path = join(root, script);
  if (existsSync(path)) execFileSync(process.execPath, [path], { stdio: 'inherit' });
}
