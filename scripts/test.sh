#!/usr/bin/env bash
# The whole test suite, as CI runs it: toolchain, install, dependency rule, type check, lint, tests.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/toolchain.sh
export CI="${CI:-true}"
pnpm install --frozen-lockfile --reporter=append-only
pnpm run check:deps
pnpm run typecheck
pnpm run lint
pnpm run test:all
