#!/usr/bin/env bash
# The whole test suite: unit tests, built-site tests and real-browser tests, in parallel
# (pytest-xdist: one worker per CPU, AGENDA_TEST_WORKERS to choose; each test file stays on one
# worker, so the fixtures a file shares are made once). Arguments go to pytest: `-m live_policy`
# runs only the checks on the live policy, `-m "not slow"` leaves out the browser tier.
# Installs what it needs: the Python dependencies in .venv, Debian's chromium, and axe-core
# for the accessibility tests (pinned in package-lock.json; with Debian's npm if there is none).
# Writes nothing into the repository (reports and screenshots go to $AGENDA_TEST_REPORTS,
# by default /tmp/agenda-test-reports).
set -euo pipefail
cd "$(dirname "$0")/.."
missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
command -v npm >/dev/null || missing+=(nodejs npm)
if [ "${#missing[@]}" -gt 0 ]; then
  SUDO=""
  [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -q
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q "${missing[@]}"
fi
if [ ! -f node_modules/axe-core/axe.min.js ] || [ ! -f node_modules/decap-cms/dist/decap-cms.js ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund --loglevel=error
fi
[ "${AGENDA_SKIP_SETUP:-0}" = "1" ] || bash scripts/setup.sh
export NO_MKDOCS_2_WARNING=1
exec .venv/bin/python -m pytest -n "${AGENDA_TEST_WORKERS:-auto}" --dist loadfile "$@"
