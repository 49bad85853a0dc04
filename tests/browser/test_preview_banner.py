"""The preview shows a rejected save in the page: `mkdocs serve --strict --dirty` (as
scripts/serve.sh runs it) on a scratch copy of the project, a browser on one action's
page; a bad save brings the banner (file and line), a good save takes it away and shows
the new text. A published site has no trace of the banner.

The action and its line are read from the scratch copy's own file, so no wording of the
live policy is assumed.
"""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from playwright.sync_api import expect

from browser import chromium  # noqa: F401 (the `browser` fixture)
from conftest import REPORTS, VERSION
from test_accessibility import AXE, TAGS

SCREENSHOTS = REPORTS / "screenshots" / "preview-problems"
TITLE = "Deze wijziging is niet verwerkt"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _served(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.status == 200
    except OSError:
        return False


def first_action(path: Path) -> tuple[str, int, str]:
    """(id, line number of its title, the title line) of the first action in `path`."""
    lines = path.read_text(encoding="utf-8").split("\n")
    start = next(i for i, line in enumerate(lines) if re.match(r"^  - id: ", line))
    title = next(i for i in range(start + 1, len(lines)) if re.match(r"^    title: ", lines[i]))
    return lines[start].split(":", 1)[1].strip(), title + 1, lines[title]


@pytest.fixture()
def server(project, tmp_path):
    port = _free_port()
    log = open(tmp_path / "serve.log", "w")
    proc = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "--strict", "--dirty", "--dev-addr",
                             f"127.0.0.1:{port}"], cwd=project, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
                            stdout=log, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}/"
    deadline = time.monotonic() + 180
    while not _served(base):
        assert proc.poll() is None, (tmp_path / "serve.log").read_text()
        assert time.monotonic() < deadline, "mkdocs serve did not come up"
        time.sleep(0.2)
    try:
        yield base
    finally:
        proc.terminate()
        proc.wait(timeout=30)
        log.close()


def test_a_rejected_save_shows_in_the_page_and_a_good_save_takes_it_away(project, server, browser):
    path = sorted((project / "policy" / VERSION).glob("uitvoeringsagenda-*.yaml"))[0]
    good = path.read_text(encoding="utf-8")
    action, line, title_line = first_action(path)
    context = browser.new_context(locale="nl-NL", viewport={"width": 1280, "height": 720})
    requests: list[str] = []
    context.on("request", lambda r: requests.append(r.url))
    page = context.new_page()
    page.goto(f"{server}actie/{action}/")
    alert = page.locator(".agenda-preview-problems")
    expect(page.locator("h1")).to_be_visible()
    expect(alert).to_have_count(0)

    # A bad save: an unknown key where the title was. mkdocs reloads the page by itself.
    path.write_text(good.replace(title_line, title_line.replace("title:", "titel:", 1), 1), encoding="utf-8")
    expect(alert).to_be_visible(timeout=60_000)
    expect(alert).to_have_attribute("role", "alert")
    expect(alert).to_contain_text(TITLE)
    relative = path.relative_to(project).as_posix()
    expect(alert.locator("li")).to_have_count(1)
    expect(alert.locator("li")).to_contain_text(f"{relative}, regel {line}, kolom 5")
    expect(alert.locator("li")).to_contain_text("titel")
    expect(alert).to_contain_text("laatste versie van het beleid")
    # At the top of the page, above Material's header.
    assert alert.evaluate("e => e.getBoundingClientRect().top === 0 && "
                          "e.getBoundingClientRect().bottom <= document.querySelector('.md-header').getBoundingClientRect().top")
    for scheme in ("light", "dark"):  # readable in both colour schemes, on a laptop and a phone
        for width, height in ((1280, 720), (390, 844)):
            look = browser.new_context(locale="nl-NL", color_scheme=scheme, viewport={"width": width, "height": height})
            other = look.new_page()
            other.goto(f"{server}actie/{action}/")
            expect(other.locator(".agenda-preview-problems")).to_contain_text(TITLE)
            assert other.evaluate("document.body.getAttribute('data-md-color-scheme')") == \
                ("slate" if scheme == "dark" else "default")
            SCREENSHOTS.mkdir(parents=True, exist_ok=True)
            other.screenshot(path=str(SCREENSHOTS / f"{width}-{scheme}.png"))
            other.add_script_tag(path=str(AXE))
            axe = other.evaluate("tags => axe.run('.agenda-preview-problems', {runOnly: {type: 'tag', values: tags}, "
                                 "resultTypes: ['violations']})", TAGS)
            assert [v["id"] for v in axe["violations"]] == [], (scheme, width)
            assert other.evaluate("document.documentElement.scrollWidth") <= width  # nothing wider than the window
            look.close()
    # Another page shows it too.
    page.goto(server)
    expect(alert).to_contain_text(TITLE)

    # A good save: the banner goes, the new text is there.
    page.goto(f"{server}actie/{action}/")
    new_title = title_line + " (bijgewerkt in de preview)" if not title_line.rstrip().endswith(("'", '"')) else None
    assert new_title, "the fixture's title is not a plain scalar"
    path.write_text(good.replace(title_line, new_title, 1), encoding="utf-8")
    expect(page.locator("h1")).to_contain_text("(bijgewerkt in de preview)", timeout=60_000)
    expect(alert).to_have_count(0)
    context.close()
    assert all(r.startswith(server) for r in requests), [r for r in requests if not r.startswith(server)]


def test_a_published_site_has_no_trace_of_the_banner(published):
    found = [p for p in published.rglob("*") if p.is_file() and p.suffix in (".html", ".css", ".js", ".json")
             and ("agenda-preview-problems" in (text := p.read_text(encoding="utf-8", errors="replace"))
                  or TITLE in text)]
    assert found == []
    assert (published / "actueel" / "index.html").is_file()  # the check did look at a site
