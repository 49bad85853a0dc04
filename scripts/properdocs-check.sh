#!/usr/bin/env bash
# Build every site configuration with MkDocs and with ProperDocs (the maintained
# MkDocs 1.x fork), both --strict, and compare the sets of built pages.
# ProperDocs lives in its own venv, .venv-properdocs, with the same pinned theme
# and plugins as .venv but without the mkdocs package: its build cannot fall back
# on MkDocs code. Exit code: 0 same pages, 1 different, 2 a build failed.
set -euo pipefail
cd "$(dirname "$0")/.."
[ "${AGENDA_SKIP_SETUP:-0}" = "1" ] || bash scripts/setup.sh
PYTHON=${PYTHON:-python3}
venv=.venv-properdocs
if [ ! -x "$venv/bin/python" ]; then
  "$PYTHON" -m venv "$venv"
fi
stamp=$venv/.installed
if [ ! -f "$stamp" ] || [ pyproject.toml -nt "$stamp" ]; then
  "$venv/bin/python" -m pip install --quiet --disable-pip-version-check --upgrade pip==25.3
  # The extra pins ProperDocs; the project's own pins bring mkdocs-material and
  # mkdocs-macros-plugin, which declare a dependency on mkdocs ...
  "$venv/bin/python" -m pip install --quiet --disable-pip-version-check -e ".[properdocs]"
  # ... which ProperDocs does not need: its command maps every `mkdocs.*` import
  # to `properdocs.*`. Removing it proves that nothing of MkDocs is used.
  "$venv/bin/python" -m pip uninstall --quiet --disable-pip-version-check --yes mkdocs
  touch "$stamp"
fi
export NO_MKDOCS_2_WARNING=1
configs=(mkdocs.yml sites/*/mkdocs.yml)
exec .venv/bin/python -m tools.compare_builds --mkdocs .venv/bin/mkdocs --properdocs "$venv/bin/properdocs" "${configs[@]}"
