#!/usr/bin/env bash
# The whole test suite, as CI runs it: toolchain, install, dependency rule, type check, lint, tests.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/toolchain.sh
export CI="${CI:-true}"
pnpm install --frozen-lockfile --reporter=append-only
# Debian programs the tests call (PDF, QR, scanner, OCR, browser tools): scripts/system-packages.txt.
bash scripts/system-packages.sh
pnpm run check:deps
pnpm run typecheck
pnpm run lint
# A real PostgreSQL server for the storage contract tests (scripts/postgres.sh), stopped however the run ends.
trap 'bash scripts/postgres.sh stop' EXIT
MOTCUA_TEST_PG_URL="$(bash scripts/postgres.sh start)"
export MOTCUA_TEST_PG_URL
pnpm run test:all
