#!/usr/bin/env bash
# Build every municipality's site: site/ for mkdocs.yml, site-<name>/ for sites/<name>/mkdocs.yml
# (the folder is listed: a new site is built, and published by CI, without a change here or in CI).
# With --into DIR (what CI publishes): mkdocs.yml into DIR, each sites/<name>/ into DIR/<name>/.
# Publishing needs each site's public address: SITE_URL, and SITE_URL_<NAME> for sites/<name>/
# (NAME in capitals, '-' as '_'); with --into, SITE_URL_<NAME> defaults to <SITE_URL><name>/,
# where the site then is. On GitHub the workflow passes the repository variables as JSON in
# AGENDA_CI_VARIABLES (only the SITE_URL_* names are read); GitLab exports CI/CD variables itself.
# For a look on this computer: bash scripts/build-all.sh --preview (other arguments go to every
# `agenda build`).
set -euo pipefail
cd "$(dirname "$0")/.."
into=""
if [ "${1:-}" = "--into" ]; then
  into=${2:?give the folder after --into}
  shift 2
fi
[ "${AGENDA_SKIP_SETUP:-0}" = "1" ] || bash scripts/setup.sh
export NO_MKDOCS_2_WARNING=1
if [ -n "${AGENDA_CI_VARIABLES:-}" ]; then
  while IFS='=' read -r key value; do
    [ -n "${!key:-}" ] || export "$key=$value"
  done < <(.venv/bin/python -c 'import json, os, re
for key, value in json.loads(os.environ["AGENDA_CI_VARIABLES"]).items():
    if re.fullmatch(r"SITE_URL_[A-Z0-9_]+", key) and isinstance(value, str) and "\n" not in value:
        print(f"{key}={value}")')
fi
.venv/bin/agenda build "$@" -f mkdocs.yml -d "${into:-site}"
for config in sites/*/mkdocs.yml; do
  [ -f "$config" ] || continue
  name=$(basename "$(dirname "$config")")
  if [ -n "$into" ]; then
    var="SITE_URL_$(printf '%s' "$name" | tr '[:lower:]-' '[:upper:]_')"
    if [ -z "${!var:-}" ] && [ -n "${SITE_URL:-}" ]; then
      export "$var=${SITE_URL%/}/$name/"
    fi
    .venv/bin/agenda build "$@" -f "$config" -d "$into/$name"
  else
    .venv/bin/agenda build "$@" -f "$config" -d "site-$name"
  fi
done
