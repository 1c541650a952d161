#!/usr/bin/env bash
# Makes the pinned toolchain available: Node 24 LTS and pnpm, fetched from the npm registry into the git-ignored
# .tools/ folder when the machine's own are missing or too old. Source it: it puts them first on PATH.
# Why from the npm registry: it is the one place these machines (and CI) can download from; it serves Node as the
# platform packages `node-<os>-<arch>` (a real binary) and pnpm as a self-contained bundle.
# Strict while it runs, then the caller's shell options as they were: sourced into an interactive shell it must not
# leave `set -e` behind (a later failing command, even a grep that finds nothing, would end that shell).
_motcua_caller_flags="$-"
if shopt -qo pipefail; then _motcua_caller_pipefail=1; else _motcua_caller_pipefail=0; fi
set -euo pipefail

MOTCUA_NODE_VERSION="24.9.0"    # Node 24 LTS; engines asks for >= 22.12
MOTCUA_PNPM_VERSION="10.34.9"   # must equal "packageManager" in package.json
MOTCUA_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
MOTCUA_TOOLS="$MOTCUA_ROOT/.tools"

say() { printf '[motcua] %s\n' "$*" >&2; }

node_is_recent_enough() {
  command -v node >/dev/null 2>&1 || return 1
  node -e 'const [a,b]=process.versions.node.split(".").map(Number); process.exit(a>22||(a===22&&b>=12)?0:1)'
}

fetch_from_npm() { # package@version destination-folder
  local spec="$1" dest="$2" work
  command -v npm >/dev/null 2>&1 || { say "npm is needed to fetch $spec and was not found"; exit 1; }
  work="$(mktemp -d)"
  (cd "$work" && npm pack --silent "$spec" >/dev/null 2>&1) || { say "could not fetch $spec from the npm registry"; rm -rf "$work"; exit 1; }
  rm -rf "$dest" && mkdir -p "$dest"
  tar xzf "$work"/*.tgz -C "$dest" --strip-components=1
  rm -rf "$work"
}

mkdir -p "$MOTCUA_TOOLS/bin"
if [ -x "$MOTCUA_TOOLS/node/bin/node" ] && [ "$("$MOTCUA_TOOLS/node/bin/node" --version)" = "v$MOTCUA_NODE_VERSION" ]; then
  export PATH="$MOTCUA_TOOLS/node/bin:$PATH"
elif ! node_is_recent_enough; then
  case "$(uname -m)" in x86_64) arch=x64 ;; aarch64|arm64) arch=arm64 ;; *) say "unsupported CPU $(uname -m)"; exit 1 ;; esac
  os="$(uname -s | tr '[:upper:]' '[:lower:]')"
  say "Node $(node --version 2>/dev/null || echo 'not found') is too old (need >= 22.12): fetching Node $MOTCUA_NODE_VERSION into .tools/node"
  fetch_from_npm "node-$os-$arch@$MOTCUA_NODE_VERSION" "$MOTCUA_TOOLS/node"
  export PATH="$MOTCUA_TOOLS/node/bin:$PATH"
fi

if ! { command -v pnpm >/dev/null 2>&1 && [ "$(pnpm --version 2>/dev/null)" = "$MOTCUA_PNPM_VERSION" ]; }; then
  if [ ! -f "$MOTCUA_TOOLS/pnpm/package.json" ] || ! grep -q "\"version\": \"$MOTCUA_PNPM_VERSION\"" "$MOTCUA_TOOLS/pnpm/package.json"; then
    say "pnpm $MOTCUA_PNPM_VERSION not found: fetching it into .tools/pnpm"
    fetch_from_npm "pnpm@$MOTCUA_PNPM_VERSION" "$MOTCUA_TOOLS/pnpm"
  fi
  printf '#!/bin/sh\nexec node "%s/pnpm/bin/pnpm.cjs" "$@"\n' "$MOTCUA_TOOLS" >"$MOTCUA_TOOLS/bin/pnpm"
  chmod +x "$MOTCUA_TOOLS/bin/pnpm"
  export PATH="$MOTCUA_TOOLS/bin:$PATH"
fi
say "using node $(node --version), pnpm $(pnpm --version)"
case "$_motcua_caller_flags" in *e*) ;; *) set +e ;; esac
case "$_motcua_caller_flags" in *u*) ;; *) set +u ;; esac
[ "$_motcua_caller_pipefail" = 1 ] || set +o pipefail
unset _motcua_caller_flags _motcua_caller_pipefail
