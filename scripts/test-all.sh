#!/usr/bin/env bash
# The whole test suite: unit, conformance and corpus tests (Vitest) and browser tests
# (Playwright with Debian's Chromium against the built site). Ends with exactly one line
# "N passed, N failed" counting every test; exits non-zero on any failure or if nothing passed.
set -uo pipefail
cd "$(dirname "$0")/.."

if [ ! -x /usr/bin/chromium ] && [ -z "${CHROMIUM_PATH:-}" ]; then
  echo "== installing Debian chromium"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq && apt-get install -y -qq --no-install-recommends chromium >/dev/null || {
    echo "could not install chromium"; echo "0 passed, 1 failed"; exit 1; }
fi
chromium --version 2>/dev/null || true

if [ ! -d node_modules ]; then
  echo "== npm ci"
  npm ci --no-audit --no-fund || { echo "0 passed, 1 failed"; exit 1; }
fi

mkdir -p reports
rm -f reports/unit.json reports/e2e.json

echo "== format check (biome)"
format_ok=1
npm run --silent format:check >reports/format.log 2>&1 || { format_ok=0; tail -40 reports/format.log; }

echo "== lint (biome)"
lint_ok=1
npm run --silent lint >reports/lint.log 2>&1 || { lint_ok=0; tail -60 reports/lint.log; }
grep -E "^Found [0-9]+ (errors?|warnings?)" reports/lint.log || true

echo "== build"
build_ok=1
npm run build || build_ok=0

echo "== unit, conformance and corpus tests (vitest)"
npx vitest run --reporter=default --reporter=json --outputFile=reports/unit.json
unit_rc=$?

e2e_rc=0
if [ "$build_ok" = 1 ]; then
  echo "== browser tests (playwright)"
  npx playwright test
  e2e_rc=$?
else
  echo "== browser tests skipped: the build failed"
fi

node - "$build_ok" "$unit_rc" "$e2e_rc" "$format_ok" "$lint_ok" <<'NODE'
const fs = require('node:fs');
const [buildOk, unitRc, e2eRc, formatOk, lintOk] = process.argv.slice(2).map(Number);
function read(file) {
  try { return JSON.parse(fs.readFileSync(file, 'utf8')); } catch { return undefined; }
}
let passed = 0, failed = 0, skipped = 0;
const lines = [];
const unit = read('reports/unit.json');
if (unit) {
  const files = new Map();
  for (const f of unit.testResults ?? []) {
    const suite = (f.name.match(/tests\/([^/]+)(?:\/([^/]+))?/) ?? [])[1] === 'unit'
      ? 'unit' : ((f.name.match(/tests\/([^/]+)/) ?? [])[1] ?? 'other');
    const s = files.get(suite) ?? { passed: 0, failed: 0, skipped: 0 };
    for (const a of f.assertionResults ?? []) {
      if (a.status === 'passed') s.passed++;
      else if (a.status === 'failed') s.failed++;
      else s.skipped++;
    }
    if ((f.assertionResults ?? []).length === 0 && f.status === 'failed') s.failed++; // a file that failed to load
    files.set(suite, s);
  }
  for (const [suite, s] of files) {
    lines.push(`${suite}: ${s.passed} passed, ${s.failed} failed, ${s.skipped} skipped`);
    passed += s.passed; failed += s.failed; skipped += s.skipped;
  }
} else if (unitRc !== 0) {
  lines.push('vitest: no report (the run failed before reporting)');
  failed++;
}
const e2e = read('reports/e2e.json');
if (e2e) {
  const st = e2e.stats ?? {};
  const p = st.expected ?? 0, f = (st.unexpected ?? 0) + (st.flaky ?? 0), s = st.skipped ?? 0;
  lines.push(`browser: ${p} passed, ${f} failed, ${s} skipped`);
  passed += p; failed += f; skipped += s;
  if ((e2e.errors ?? []).length > 0 && p + f === 0) { failed++; lines.push('browser: the run failed to start'); }
} else if (buildOk) {
  lines.push('browser: no report (the run failed before reporting)');
  failed++;
}
if (!buildOk) { lines.push('build: failed'); failed++; }
lines.push(`format: ${formatOk ? '1 passed, 0 failed' : '0 passed, 1 failed'}`);
if (formatOk) passed++; else failed++;
lines.push(`lint: ${lintOk ? '1 passed, 0 failed' : '0 passed, 1 failed'}`);
if (lintOk) passed++; else failed++;
for (const l of lines) console.log(l);
console.log(`skipped: ${skipped}`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);
NODE
