"""The preview's incremental rebuild (`mkdocs serve --dirty`, macros/site/preview.py)
gives the same site, byte for byte, as a full build of the same policy.

The rebuilds run in this process through mkdocs' own `build`, the way
`mkdocs serve --dirty` calls it (a new configuration per rebuild, the serve
start-up event once); the reference is `mkdocs build` run as a user would.
"""

from __future__ import annotations

import json
import os
import re
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config

from conftest import ROOT, VERSION
from macros.site.preview import PREVIEW

SERVE_URL = "http://127.0.0.1:8000/"  # also mkdocs.yml's default site_url, so both builds agree
EPOCH = "1700000000"  # the sitemap's lastmod: the same day for both builds


class Preview:
    """`mkdocs serve --dirty` without the web server: the first build, then one rebuild per call."""

    def __init__(self, project: Path, out: Path):
        self.project, self.out = project, out
        config = self.config()
        config.plugins.on_startup(command="serve", dirty=True)
        self.rebuild(config)

    def config(self):
        config = load_config(config_file=str(self.project / "mkdocs.yml"), site_dir=str(self.out))
        config.site_url = SERVE_URL
        return config

    def rebuild(self, config=None):
        build(config or self.config(), serve_url=SERVE_URL, dirty=True)
        return PREVIEW.last_plan


def full_build(project: Path, out: Path) -> None:
    """`mkdocs build --strict` as a user runs it (with this test's SOURCE_DATE_EPOCH)."""
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(out)], cwd=project,
                            env={**os.environ}, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr


def files(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


def assert_same_site(incremental: Path, full: Path) -> None:
    a, b = files(incremental), files(full)
    assert sorted(a) == sorted(b), f"files only in one build: {sorted(set(a) ^ set(b))[:10]}"
    differ = [name for name in a if a[name] != b[name]]
    assert not differ, f"{len(differ)} files differ from a full build, e.g. {differ[:10]}"
    for name in ("search/search_index.json", "sitemap.xml", "index.html", "uitvoeringsagenda/index.html"):
        assert name in a  # the comparison covered the search index, the sitemap and the pages


def edit(project: Path, name: str, pattern: str, replacement: str) -> None:
    path = project / "policy" / VERSION / name
    text = path.read_text(encoding="utf-8")
    new, count = re.subn(pattern, replacement, text, count=1, flags=re.M)
    assert count == 1, f"{pattern!r} not in {name}"
    path.write_text(new, encoding="utf-8")


@pytest.fixture()
def preview(project, tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    monkeypatch.setenv("NO_MKDOCS_2_WARNING", "1")
    monkeypatch.chdir(project)
    PREVIEW.forget()
    yield Preview(project, tmp_path / "preview")
    PREVIEW.forget()
    PREVIEW.on = False


# Each edit: file, what to change, and a page that must show it afterwards.
EDITS = {
    "title of an action": (
        "uitvoeringsagenda-2024.yaml", r"^(    title: Scherpe aanpak van voetbalgerelateerde ordeverstoringen)",
        r"\1 (aangescherpt)", "actie/actie-aanpak-voetbal/index.html", "ordeverstoringen (aangescherpt)"),
    "goal of a fundament topic": (
        "fundament.yaml", r"^(          Het nastreven van de landelijke doelstellingen voor veilig en gastvrij voetbal)\.",
        # another sentence of the cited § 6.1.1, so the quote check still passes
        r"\1. Om het aantal incidenten beperkt te houden blijft een scherpe aanpak nodig.", "fundament/voetbal/index.html",
        "gastvrij voetbal. Om het aantal incidenten"),
    "partner list of a speerpunt": (
        "thema-jeugd-zorg-veiligheid.yaml", r"^(    partners: \[signaleringsoverleg, jeugdnetwerken), netwerk-bondgenoten\]",
        r"\1]", "partner/netwerk-bondgenoten/index.html", None),
}


@pytest.mark.parametrize("name", list(EDITS))
def test_an_edit_rebuilds_few_pages_and_the_site_equals_a_full_build(preview, project, tmp_path, name):
    file, pattern, replacement, page, shown = EDITS[name]
    before = (preview.out / page).read_text(encoding="utf-8")
    edit(project, file, pattern, replacement)
    plan = preview.rebuild()
    assert not plan.full, plan.reason
    total = sum(1 for _ in preview.out.rglob("index.html"))
    assert 0 < len(plan.pages) < total / 4, sorted(plan.pages)
    after = (preview.out / page).read_text(encoding="utf-8")
    assert after != before
    if shown:
        assert shown in after
    full_build(project, tmp_path / "full")
    assert_same_site(preview.out, tmp_path / "full")


def test_edits_in_turn_then_an_id_falls_back_to_a_full_rebuild(preview, project, tmp_path):
    for name, (file, pattern, replacement, _, _) in EDITS.items():
        edit(project, file, pattern, replacement)
        assert not preview.rebuild().full, name
    edit(project, "uitvoeringsagenda-2024.yaml", r"^(  - id: actie-aanpak-voetbal)$", r"\1-en-supporters")
    plan = preview.rebuild()
    assert plan.full and "page was added or removed" in plan.reason
    assert (preview.out / "actie/actie-aanpak-voetbal-en-supporters/index.html").exists()
    assert not (preview.out / "actie/actie-aanpak-voetbal").exists()  # the old page is gone, as in a clean build
    full_build(project, tmp_path / "full")
    assert_same_site(preview.out, tmp_path / "full")


@pytest.mark.parametrize("change", ["docs", "config", "renamed policy file", "nav title"])
def test_a_change_that_cannot_be_bounded_rebuilds_everything(preview, project, tmp_path, change):
    if change == "docs":
        path = project / "docs" / "privacy.md"
        path.write_text(path.read_text(encoding="utf-8") + "\nEen extra zin.\n", encoding="utf-8")
        reason = "privacy.md changed"
    elif change == "config":
        path = project / "mkdocs.yml"
        path.write_text(path.read_text(encoding="utf-8").replace("Veiligheidsagenda Deventer", "Veiligheidsagenda"),
                        encoding="utf-8")
        reason = "mkdocs.yml changed"
    elif change == "renamed policy file":  # the same policy, but a file removed and another added
        folder = project / "policy" / VERSION
        (folder / "verwijzingen.yaml").rename(folder / "verwijzingen-2024.yaml")
        reason = "policy file was added or removed"
    else:  # a chapter title is in the navigation, which every page shows
        edit(project, "inleiding.yaml", r"^(title: .*)$", r"\1 (herzien)")
        reason = "navigation changed"
    plan = preview.rebuild()
    assert plan.full and reason in plan.reason, plan.reason
    full_build(project, tmp_path / "full")
    assert_same_site(preview.out, tmp_path / "full")


def test_an_unchanged_rebuild_renders_only_the_pages_that_call_macros(preview, project, tmp_path):
    plan = preview.rebuild()
    assert not plan.full and plan.pages == frozenset()
    full_build(project, tmp_path / "full")
    assert_same_site(preview.out, tmp_path / "full")



def _get(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8")
    except OSError:
        return ""


def _wait_for(url: str, text: str, server, seconds: float = 120) -> None:
    deadline = time.monotonic() + seconds
    while text not in _get(url):
        assert server.poll() is None, "mkdocs serve stopped"
        assert time.monotonic() < deadline, f"{text!r} not served at {url} after {seconds} s"
        time.sleep(0.05)


def test_the_preview_server_shows_an_edit_and_keeps_the_last_good_site_on_a_broken_file(project, tmp_path):
    assert "--dirty" in (ROOT / "scripts" / "serve.sh").read_text(encoding="utf-8")
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    log = open(tmp_path / "serve.log", "w")
    server = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "--strict", "--dirty", "--dev-addr",
                               f"127.0.0.1:{port}"], cwd=project, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
                              stdout=log, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}/"
    try:
        _wait_for(base + "actie/actie-aanpak-voetbal/", "Scherpe aanpak", server)
        partner = _get(base + "partner/politie/")
        edit(project, "uitvoeringsagenda-2024.yaml", r"^(    title: Scherpe aanpak van voetbalgerelateerde ordeverstoringen)",
             r"\1 (aangescherpt)")
        _wait_for(base + "actie/actie-aanpak-voetbal/", "ordeverstoringen (aangescherpt)", server)
        _wait_for(base + "partner/politie/", "ordeverstoringen (aangescherpt)", server, 10)  # it lists the action
        _wait_for(base + "search/search_index.json", "ordeverstoringen (aangescherpt)", server, 10)
        assert _get(base + "partner/politie/") != partner
        search = json.loads(_get(base + "search/search_index.json"))
        assert any(d["location"] == "privacy/" for d in search["docs"])  # skipped pages stay searchable
        # A broken file: the server keeps the last good site and rebuilds once the file is fixed.
        path = project / "policy" / VERSION / "uitvoeringsagenda-2024.yaml"
        good = path.read_text(encoding="utf-8")
        path.write_text(good.replace("  - id: actie-aanpak-voetbal", "  - id: actie-aanpak-voetbal\n  titel: x", 1),
                        encoding="utf-8")
        deadline = time.monotonic() + 60
        while "last version of the policy that passed validation" not in (tmp_path / "serve.log").read_text():
            assert time.monotonic() < deadline and server.poll() is None
            time.sleep(0.1)
        assert "ordeverstoringen (aangescherpt)" in _get(base + "actie/actie-aanpak-voetbal/")
        path.write_text(good.replace("(aangescherpt)", "(hersteld)"), encoding="utf-8")
        _wait_for(base + "actie/actie-aanpak-voetbal/", "ordeverstoringen (hersteld)", server)
        assert "Preview: rebuilt" in (tmp_path / "serve.log").read_text()
    finally:
        server.terminate()
        server.wait(timeout=30)
        log.close()
