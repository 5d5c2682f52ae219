#!/usr/bin/env bash
# npm start: install if needed, generate, build if needed, and serve the playground on 127.0.0.1.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ ! -d node_modules ]; then
  npm ci --no-audit --no-fund
fi

npm run generate

# Rebuild when dist/ is missing or older than any source file.
if [ ! -f dist/index.html ] || [ -n "$(find src index.html public grammar vite.config.ts -newer dist/index.html -print -quit 2>/dev/null)" ]; then
  npx vite build
fi

PORT="${PORT:-5173}"
echo ""
echo "EQL Playground: http://127.0.0.1:${PORT}/"
echo ""
exec npx vite preview --host 127.0.0.1 --port "$PORT" --strictPort
