// Produces the build outputs every other script needs: the Peggy parser and the field schemas
// (ECS, Elastic Defend).
// Both are git-ignored; `npm run generate` (run first by build, test, start, bench) makes them.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outDir = join(root, 'src/core/parser/generated');
mkdirSync(outDir, { recursive: true });

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
    join(outDir, 'eql.js'),
    join(root, 'grammar/eql.peggy'),
  ],
  { stdio: 'inherit' },
);

for (const script of ['scripts/generate-schema.mjs', 'scripts/generate-defend.mjs']) {
  const path = join(root, script);
  if (existsSync(path)) execFileSync(process.execPath, [path], { stdio: 'inherit' });
}
