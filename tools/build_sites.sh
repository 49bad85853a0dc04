#!/usr/bin/env bash
# Build every site into OUT/site and OUT/site-<name>, with a fixed date, so two
# builds of different commits can be compared page by page:
#   bash tools/build_sites.sh /tmp/before && ... && bash tools/build_sites.sh /tmp/after
#   .venv/bin/python -m tools.compare_sites /tmp/before /tmp/after
set -euo pipefail
out=$(realpath -m "${1:?usage: tools/build_sites.sh OUT}")
cd "$(dirname "$0")/.."
export NO_MKDOCS_2_WARNING=1 SOURCE_DATE_EPOCH=${SOURCE_DATE_EPOCH:-1700000000}
.venv/bin/agenda build --preview -f mkdocs.yml -d "$out/site"
for config in sites/*/mkdocs.yml; do
  name=$(basename "$(dirname "$config")")
  .venv/bin/agenda build --preview -f "$config" -d "$out/site-$name"
done
