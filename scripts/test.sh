#!/usr/bin/env bash
# The whole test suite, as CI runs it: typecheck, lint, npm audit, unit tests (with a throwaway local
# PostgreSQL for the history store), production build, e2e.
set -euo pipefail
export NEXT_TELEMETRY_DISABLED=1
cd "$(dirname "$0")/.."
bash scripts/ensure-chromium.sh
echo "== typecheck" && npx tsc --noEmit
echo "== lint" && npx eslint . --max-warnings=0
echo "== npm audit (production dependencies)" && bash scripts/audit.sh
echo "== unit tests (SQLite, and PostgreSQL on a throwaway local server)" && bash scripts/with-postgres.sh npx vitest run
echo "== build" && npx next build
echo "== e2e" && npx playwright test
