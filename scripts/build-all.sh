#!/usr/bin/env bash
# Build every municipality's site: site/ for mkdocs.yml, site-<name>/ for sites/<name>/mkdocs.yml.
# Publishing needs each site's public address (SITE_URL, SITE_URL_<NAME>); for a look on this
# computer: bash scripts/build-all.sh --preview (arguments go to every `agenda build`).
set -euo pipefail
cd "$(dirname "$0")/.."
[ "${AGENDA_SKIP_SETUP:-0}" = "1" ] || bash scripts/setup.sh
export NO_MKDOCS_2_WARNING=1
.venv/bin/agenda build "$@" -f mkdocs.yml -d site
for config in sites/*/mkdocs.yml; do
  name=$(basename "$(dirname "$config")")
  .venv/bin/agenda build "$@" -f "$config" -d "site-$name"
done
