#!/usr/bin/env bash
# What CI runs first on a pull/merge request (GitHub Actions and GitLab CI call this):
# 1. validate the YAML, with annotations on the right file and line, and check its layout (agenda fmt);
# 2. build every site with --strict (all versions; mkdocs.yml and each sites/*/mkdocs.yml: scripts/build-all.sh);
# 3. write the policy change (agenda diff) as Markdown for the request comment.
# The live-policy tests (`scripts/test.sh -m live_policy`) and, when more than policy/ and sources/
# changed, the whole test suite are separate CI jobs in parallel, so this feedback does not wait for them.
# It only reads and writes inside the repository; it posts nothing: the
# comment is posted by a separate job that never runs the request's code.
# Usage: scripts/pr-check.sh BASE_REVISION [github|gitlab|text]
set -uo pipefail
cd "$(dirname "$0")/.."
base=${1:?give the base revision, e.g. origin/main}
format=${2:-text}
[ "${AGENDA_SKIP_SETUP:-0}" = "1" ] || bash scripts/setup.sh
export NO_MKDOCS_2_WARNING=1
mkdir -p reports
status=0
if [ "$format" = "gitlab" ]; then
  .venv/bin/agenda validate --format gitlab policy > reports/gl-code-quality-report.json || status=1
  .venv/bin/agenda validate policy || true
else
  .venv/bin/agenda validate --format "$format" policy || status=1
fi
[ "$status" -eq 0 ] || { echo "The policy has problems; see above."; exit 1; }
# The canonical layout (what the form editor at /beheer/ writes): `agenda fmt` fixes it.
.venv/bin/agenda fmt --check policy || { echo "Run 'agenda fmt policy' and commit the result."; exit 1; }
# In CI the built sites are what gets published: they need their public addresses (SITE_URL, set by
# the workflow, and SITE_URL_<NAME> or its default, see scripts/build-all.sh) and `agenda build`
# refuses without them. Elsewhere they are a local preview.
preview="--preview"
[ "${CI:-}" = "true" ] && preview=""
AGENDA_SKIP_SETUP=1 bash scripts/build-all.sh --into site $preview || exit 1
.venv/bin/agenda diff --git "$base" HEAD > reports/policy-diff.md
code=$?
[ "$code" -le 1 ] || exit 1   # 0: no policy change, 1: changes (both fine), 2: error
echo "Policy change summary written to reports/policy-diff.md"
