#!/usr/bin/env node
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const built = fileURLToPath(new URL('../build/cli/main.js', import.meta.url));
if (!existsSync(built)) {
  process.stderr.write('eql-playground: the CLI is not built yet; run `npm run build` first.\n');
  process.exit(2);
}
const { main } = await import(built);
process.exitCode = await main(process.argv.slice(2));
