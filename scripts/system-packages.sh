#!/usr/bin/env bash
# Installs the Debian packages the tests and the apps call as programs (poppler's pdftotext/pdfsig, zbarimg, SANE's
# scanimage, tesseract, chromium, …), listed one per line in scripts/system-packages.txt as `command package`: a
# package is installed only when its command is missing, so a machine that has everything runs no apt at all.
#   bash scripts/system-packages.sh          # install what is missing (needs root, as CI is)
#   bash scripts/system-packages.sh --check  # list what is missing, exit 1 if anything is
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
LIST="$ROOT/scripts/system-packages.txt"
say() { printf '[system-packages] %s\n' "$*" >&2; }

missing=()
while read -r command package _; do
  case "$command" in '' | '#'*) continue ;; esac
  command -v "$command" >/dev/null 2>&1 || [ -e "$command" ] || missing+=("$package")
done <"$LIST"
# One package may provide several commands: install each once.
mapfile -t missing < <(printf '%s\n' "${missing[@]}" | sort -u | sed '/^$/d')

if [ "${#missing[@]}" -eq 0 ]; then
  exit 0
fi
if [ "${1:-}" = "--check" ]; then
  say "missing: ${missing[*]}"
  exit 1
fi
if [ "$(id -u)" -ne 0 ]; then
  say "missing Debian packages (${missing[*]}) and only root can install them: apt-get install ${missing[*]}"
  exit 1
fi
say "installing Debian packages: ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq >&2
apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
