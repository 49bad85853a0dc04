#!/usr/bin/env bash
# Build the site and serve it on http://127.0.0.1:8000. After an edit of policy/ only the pages
# the edit touches are rendered again (--dirty; see macros/site/preview.py); any other change
# (mkdocs.yml, docs/, overrides/, macros/) rebuilds the whole site.
set -euo pipefail
cd "$(dirname "$0")/.."
[ "${AGENDA_SKIP_SETUP:-0}" = "1" ] || bash scripts/setup.sh
export NO_MKDOCS_2_WARNING=1
.venv/bin/agenda validate policy
exec .venv/bin/mkdocs serve --strict --dirty --dev-addr "${ADDR:-127.0.0.1:8000}" "$@"
