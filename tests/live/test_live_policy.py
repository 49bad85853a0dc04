"""The checks that hold for ANY valid policy, run on the live policy/ and sources/ (or on the
project AGENDA_LIVE_ROOT names): what a policy pull request must pass. Nothing here names an id,
a title, a sentence or a count of the live policy; tests that do read tests/fixtures/project.

Run alone: `bash scripts/test.sh -m live_policy` (CI's fast check for policy pull requests)."""

import json

from conftest import LIVE, agenda, live_configs
from helpers import broken_links, foreign_resources


def test_agenda_validate_passes_schema_references_and_quotes():
    """The schema, the cross-references and the quote check against the cited sources."""
    result = agenda("validate", "policy", cwd=LIVE)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.startswith("OK:")


def test_the_policy_is_in_the_canonical_layout():
    """What the form editor writes: a saved form then changes only the lines it changed."""
    result = agenda("fmt", "--check", "policy", cwd=LIVE)
    assert result.returncode == 0, result.stderr


def test_every_site_builds_strict_with_every_version(live_sites):
    """`agenda build` (mkdocs --strict for each version) of mkdocs.yml and every sites/*/mkdocs.yml."""
    assert sorted(live_sites) == live_configs() and "mkdocs.yml" in live_sites
    for config, site in live_sites.items():
        versions = json.loads((site / "versions.json").read_text(encoding="utf-8"))
        assert versions, config
        for version in versions:
            assert (site / version["version"] / "index.html").is_file(), (config, version)


def test_no_link_or_anchor_is_broken(live_sites):
    assert {config: broken_links(site) for config, site in live_sites.items()} == {c: [] for c in live_sites}


def test_nothing_is_loaded_from_another_host(live_sites):
    """Privacy: no request to a third party for any page of any site."""
    assert {config: foreign_resources(site) for config, site in live_sites.items()} == {c: [] for c in live_sites}
