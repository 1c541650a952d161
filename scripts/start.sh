#!/usr/bin/env bash
# Quick start: from a fresh clone to a running API in one command. Fetches the toolchain when the machine lacks it
# (scripts/toolchain.sh), installs the dependencies when they are missing or older than the lockfile, migrates and
# seeds an embedded SQLite database in ./data (git-ignored: the sample catalogue and the demo accounts; a second start
# duplicates nothing), then serves the API at http://localhost:8080 until Ctrl+C.
# Environment: PORT (8080; 0 picks a free one), MOTCUA_DATA (./data), DATABASE_URL (postgres://… to use PostgreSQL),
# MOTCUA_HOST (127.0.0.1; 0.0.0.0 to serve the network — the demo passwords are public, mind who can reach it).
# The demo's citizen tokens (printed by the seed) are public too: this script turns them on (MOTCUA_DEMO_CITIZENS=1);
# a real deployment leaves them off.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/toolchain.sh

if [ ! -f node_modules/.modules.yaml ] || [ pnpm-lock.yaml -nt node_modules/.modules.yaml ]; then
  say "cài đặt thư viện (installing dependencies): pnpm install --frozen-lockfile"
  pnpm install --frozen-lockfile --reporter=append-only
fi

# The web pages (apps/web): built into apps/web/dist when missing or older than their sources; the API serves them.
if [ ! -f apps/web/dist/index.html ] || [ -n "$(find apps/web/src apps/web/index.html -newer apps/web/dist/index.html -print -quit)" ]; then
  say "dựng trang web (building the web pages): pnpm --filter @motcua/web build"
  pnpm --filter @motcua/web build >&2
fi

data="${MOTCUA_DATA:-data}"
motcua() { node apps/cli/src/main.ts "$@"; }

motcua migrate --data "$data"
motcua seed --data "$data"
cat >&2 <<TEXT

Trang web (web pages): http://localhost:${PORT:-8080}/ — công dân, cán bộ, tra cứu (citizens, officers, lookup).
Xem thêm (where to look): API /api/v1/…, tài liệu (reference) /docs, OpenAPI /openapi.json, /healthz, /readyz.
Thử (try): motcua simulate --count 200 && motcua report   (pnpm motcua …, trong cửa sổ khác / in another terminal)
TEXT
export MOTCUA_DEMO_CITIZENS=1
exec node apps/cli/src/main.ts serve --data "$data" --port "${PORT:-8080}" --host "${MOTCUA_HOST:-127.0.0.1}"
