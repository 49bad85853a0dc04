#!/usr/bin/env bash
# Create .venv with the pinned dependencies (idempotent). Sourced by the other scripts.
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON=${PYTHON:-python3}
# WeasyPrint (the PDF downloads of `agenda build`) draws text with pango from the system.
# (grep without -q: with pipefail, -q's early exit would fail the pipeline.)
if ! ldconfig -p 2>/dev/null | grep 'libpango-1.0.so' >/dev/null || ! fc-list 2>/dev/null | grep 'DejaVu Sans' >/dev/null; then
  SUDO=""
  [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -q
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q libpango-1.0-0 libpangoft2-1.0-0 fonts-dejavu-core
fi
# The form editor published at /beheer/ (decap-cms) and the browser tests' axe-core come from npm,
# pinned in package-lock.json; Node.js and npm from Debian when missing.
if ! command -v npm >/dev/null; then
  SUDO=""
  [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -q
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q nodejs npm
fi
if [ ! -f node_modules/decap-cms/dist/decap-cms.js ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund --loglevel=error
fi
if [ ! -x .venv/bin/python ]; then
  "$PYTHON" -m venv .venv
fi
stamp=.venv/.installed
if [ ! -f "$stamp" ] || [ pyproject.toml -nt "$stamp" ]; then
  .venv/bin/python -m pip install --quiet --disable-pip-version-check --upgrade pip==25.3
  .venv/bin/python -m pip install --quiet --disable-pip-version-check -e ".[test]"
  touch "$stamp"
fi
