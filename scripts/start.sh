#!/usr/bin/env bash
# npm start: install if needed, generate and build when an input changed, and serve the
# playground on 127.0.0.1 (PORT=5174 npm start picks another port).
set -euo pipefail
cd "$(dirname "$0")/.."

if [ ! -d node_modules ]; then
  npm ci --no-audit --no-fund
fi

# Everything the generated sources and the built site are made from. The build records this
# hash in dist/.inputs; when it still matches, there is nothing to generate or build.
inputs_hash() {
  { find src index.html public grammar scripts/generate.mjs scripts/generate-schema.mjs scripts/generate-defend.mjs \
    scripts/generated ../shared/data/defend-fields.tsv vite.config.ts \
    package-lock.json tsconfig.json tsconfig.base.json tsconfig.app.json tsconfig.worker.json \
    -type f -not -path 'src/*/generated/*' -print0 2>/dev/null || true; } | sort -z | xargs -0 sha1sum | sha1sum | cut -d' ' -f1
}

hash="$(inputs_hash)"
if [ -f dist/index.html ] && [ -f src/core/parser/generated/eql.js ] && [ -f src/core/schema/generated/ecs-fields.json ] \
  && [ -f src/core/schema/generated/defend-fields.json ] \
  && [ "$(cat dist/.inputs 2>/dev/null)" = "$hash" ]; then
  echo "Nothing changed since the last build: serving dist/ as it is."
else
  npm run generate
  npx vite build
  echo "$hash" > dist/.inputs
fi

PORT="${PORT:-5173}"
if ! node -e '
  const s = require("node:net").createServer();
  s.once("error", () => process.exit(1));
  s.listen(Number(process.argv[1]), "127.0.0.1", () => s.close(() => process.exit(0)));
' "$PORT"; then
  echo "Port ${PORT} on 127.0.0.1 is in use: stop what holds it, or choose another port, e.g. PORT=$((PORT + 1)) npm start" >&2
  exit 1
fi
echo ""
echo "EQL Playground: http://127.0.0.1:${PORT}/"
echo ""
exec npx vite preview --host 127.0.0.1 --port "$PORT" --strictPort
