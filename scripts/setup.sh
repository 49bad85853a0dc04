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
if [ ! -x .venv/bin/python ]; then
  "$PYTHON" -m venv .venv
fi
stamp=.venv/.installed
if [ ! -f "$stamp" ] || [ pyproject.toml -nt "$stamp" ]; then
  .venv/bin/python -m pip install --quiet --disable-pip-version-check --upgrade pip==25.3
  .venv/bin/python -m pip install --quiet --disable-pip-version-check -e ".[test]"
  touch "$stamp"
fi
