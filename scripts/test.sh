#!/usr/bin/env bash
# The whole test suite: unit tests, built-site tests and real-browser tests.
# Installs what it needs: the Python dependencies in .venv and Debian's chromium.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -x /usr/bin/chromium ]; then
  SUDO=""
  [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -q
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q chromium
fi
[ "${AGENDA_SKIP_SETUP:-0}" = "1" ] || bash scripts/setup.sh
export NO_MKDOCS_2_WARNING=1
exec .venv/bin/python -m pytest "$@"
