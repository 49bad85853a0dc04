"""axe-core (WCAG 2.2 AA) on one page of every type of every site of the live policy: the
content a civil servant writes (tables, links, headings) must keep the pages accessible.
The full audit at several widths and both colour schemes, with screenshots, runs on the frozen
policy (tests/browser/test_accessibility.py)."""

from pathlib import Path

import pytest
from playwright.sync_api import sync_playwright

from browser import CHROMIUM, CHROMIUM_ARGS, serve
from conftest import live_configs
from test_accessibility import AXE, JUSTIFIED_MODERATE, TAGS

pytestmark = pytest.mark.slow


def page_types(site: Path) -> list[str]:
    """The version in force's home page, each page directly under it, and the first page inside
    each of its folders: one page of every type, whatever the policy holds."""
    home = site / "actueel"
    found = ["actueel/"]
    for folder in sorted(p for p in home.iterdir() if p.is_dir()):
        if (folder / "index.html").is_file():
            found.append(f"actueel/{folder.name}/")
        first = next((p for p in sorted(folder.iterdir()) if (p / "index.html").is_file()), None)
        if first is not None:
            found.append(f"actueel/{folder.name}/{first.name}/")
    return found


@pytest.mark.parametrize("config", live_configs())
def test_axe_core_finds_nothing_on_one_page_of_every_type(live_sites, config):
    assert AXE.is_file(), "axe-core is missing: run `npm ci` (scripts/test.sh does)"
    paths = page_types(live_sites[config])
    found = []
    with serve(live_sites[config]) as base, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_context(locale="nl-NL", viewport={"width": 1280, "height": 900}).new_page()
        for path in paths:
            page.goto(f"{base}/{path}")
            page.locator(".md-version__current").wait_for()  # drawn after versions.json has loaded
            page.add_script_tag(path=str(AXE))
            axe = page.evaluate("tags => axe.run(document, {runOnly: {type: 'tag', values: tags}, "
                                "resultTypes: ['violations']})", TAGS)
            for v in axe["violations"]:
                if v["impact"] in ("serious", "critical") or (v["impact"] == "moderate" and v["id"] not in JUSTIFIED_MODERATE):
                    found.append(f"{path}: {v['id']} ({v['impact']}): {v['help']} {[n['target'] for n in v['nodes'][:3]]}")
        browser.close()
    assert len(paths) > 1 and found == []
