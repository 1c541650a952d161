#!/usr/bin/env bash
# Quick start: from a fresh clone to a running API in one command. Fetches the toolchain when the machine lacks it
# (scripts/toolchain.sh), installs the dependencies when they are missing or older than the lockfile, migrates and
# seeds an embedded SQLite database in ./data (git-ignored: the sample catalogue and the demo accounts; a second start
# duplicates nothing), then serves the API at http://localhost:8080 until Ctrl+C.
# Environment: PORT (8080; 0 picks a free one), MOTCUA_DATA (./data), DATABASE_URL (postgres://… to use PostgreSQL),
# MOTCUA_HOST (127.0.0.1; 0.0.0.0 to serve the network — the demo passwords are public, mind who can reach it).
# The demo's citizen tokens (printed by the seed) are public too: this script turns them on (MOTCUA_DEMO_CITIZENS=1);
# a real deployment leaves them off.
# Unless MOTCUA_SIGNER_P12_DIR or MOTCUA_SIGNER_REMOTE_URL names the province's own, results are signed with X.509
# certificates of the development CA (`motcua keys dev-ca` into $MOTCUA_DATA/dev-ca, made once and kept), through the
# same adapter and verification as production; MOTCUA_PUBLIC_URL (the address printed in the results' QR codes)
# defaults to http://localhost:$PORT. docs/integrations/signatures.md.
# Unless MOTCUA_PORTAL_URL names a real portal, the stand-in national portal (apps/portal-sim) starts beside the API on
# MOTCUA_PORTAL_SIM_PORT (8090; a free one when PORT=0; "off" for none) and the API syncs to it for real.
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

# The command line bundled ahead (build/server; rebuilt when missing or older than its sources): `motcua serve` runs it,
# smaller and quicker to start than the sources (docs/deployment.md; MOTCUA_BUNDLE=off runs the sources).
if [ "${MOTCUA_BUNDLE:-}" != "off" ]; then
  say "dựng sẵn máy chủ (bundling the server ahead): pnpm run build:server"
  node apps/cli/src/build-server.ts --if-stale >&2
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

# Results signed like production: the development CA's PKCS#12 file per demo leader, its root as the trusted root
if [ -z "${MOTCUA_SIGNER_P12_DIR:-}" ] && [ -z "${MOTCUA_SIGNER_REMOTE_URL:-}" ]; then
  dev_ca="$(motcua keys dev-ca --out "$data/dev-ca")"
  export MOTCUA_SIGNER_P12_DIR="$dev_ca/signers" MOTCUA_SIGNER_P12_PASSWORD=motcua-dev
  export MOTCUA_SIGNER_TRUST_ROOTS="$dev_ca/root.pem" MOTCUA_SIGNER_LOCATION="${MOTCUA_SIGNER_LOCATION:-Quảng Ninh}"
  say "ký số kết quả bằng CA phát triển (results signed with the development CA): $dev_ca — kiểm tra (check) motcua verify <tệp.pdf> --roots $dev_ca/root.pem"
fi
if [ -z "${MOTCUA_PUBLIC_URL:-}" ] && [ "${PORT:-8080}" != "0" ]; then
  export MOTCUA_PUBLIC_URL="http://localhost:${PORT:-8080}"
fi

sim=""
sim_port="${MOTCUA_PORTAL_SIM_PORT:-$([ "${PORT:-8080}" = "0" ] && echo 0 || echo 8090)}"
if [ -z "${MOTCUA_PORTAL_URL:-}" ] && [ "$sim_port" != "off" ]; then
  sim_log="$(mktemp)"
  node apps/portal-sim/src/main.ts --port "$sim_port" >"$sim_log" 2>&1 &
  sim=$!
  sim_url=""
  for _ in $(seq 1 100); do
    sim_url="$(grep -o 'http://127\.0\.0\.1:[0-9]*' "$sim_log" | head -n 1 || true)"
    [ -n "$sim_url" ] && break
    kill -0 "$sim" 2>/dev/null || break
    sleep 0.1
  done
  if [ -z "$sim_url" ]; then
    say "không khởi động được Cổng DVCQG giả lập (the portal simulator did not start): $(cat "$sim_log")"
    exit 1
  fi
  say "Cổng DVCQG giả lập (portal simulator): $sim_url — xem (inspect) $sim_url/sim/stats, $sim_url/sim/dossiers/<mã hồ sơ>"
  export MOTCUA_PORTAL_URL="$sim_url" MOTCUA_PORTAL_USERNAME=motcua MOTCUA_PORTAL_PASSWORD=motcua
  export MOTCUA_PORTAL_UNIT_CODE=000.00.00.H49 MOTCUA_PORTAL_DSTCODE=H49 MOTCUA_PORTAL_INBOUND_INTERVAL_MS=10000
fi

node apps/cli/src/main.ts serve --data "$data" --port "${PORT:-8080}" --host "${MOTCUA_HOST:-127.0.0.1}" &
server=$!
stop() {
  kill -TERM "$server" 2>/dev/null || true
  wait "$server" || status=$?
  [ -n "$sim" ] && kill -TERM "$sim" 2>/dev/null && wait "$sim" 2>/dev/null
  exit "${status:-0}"
}
trap stop TERM INT
status=0
wait "$server" || status=$?
[ -n "$sim" ] && kill -TERM "$sim" 2>/dev/null
exit "$status"
