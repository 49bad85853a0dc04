"""WCAG 2.1 AA in a real browser: axe-core on every page type, light and dark."""

from pathlib import Path

import axe_playwright_python
import pytest
from playwright.sync_api import sync_playwright

from browser import CHROMIUM, CHROMIUM_ARGS, serve

AXE = Path(axe_playwright_python.__file__).parent / "axe.min.js"
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
# One page of every type, in the version in force and in a draft (which carries the banner).
PAGES = [
    "actueel/", "actueel/voorwoord/", "actueel/trends/", "actueel/strategie/", "actueel/kerntaken/",
    "actueel/thema/ondermijning/", "actueel/pijler/bestuurlijk-instrumentarium/", "actueel/fundament/",
    "actueel/fundament/voetbal/", "actueel/fundament/crisisbeheersing/", "actueel/uitvoeringsagenda/",
    "actueel/actie/actie-wet-bibob-uitbreiden/", "actueel/partners/", "actueel/partner/riec/",
    "actueel/kerncijfers/", "actueel/indicatoren/", "actueel/voortgang/2024/", "actueel/begrippen/",
    "actueel/bronnen/", "actueel/versies/", "actueel/regio/regio-ijsselland-2022/",
    "actueel/programma/programma-ondermijning-2018/",
    "actueel/vergelijk/2024-2027-concept/", "actueel/toegankelijkheid/", "actueel/privacy/",
    "actueel/wijzigingen/", "actueel/open-data/", "actueel/bron/sva-2024-2027/", "actueel/bron/ova-2018/",
    "2024-2027-concept/thema/ondermijning/", "2020-2023/",
]
# Moderate findings we accept, with the reason (none serious or critical are accepted).
JUSTIFIED_MODERATE = {}


@pytest.fixture(scope="module")
def browser_and_url(published):
    with serve(published) as url, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser, url
        browser.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_no_serious_or_critical_violations(browser_and_url, scheme):
    browser, url = browser_and_url
    context = browser.new_context(color_scheme=scheme, locale="nl-NL")
    page = context.new_page()
    found = []
    for path in PAGES:
        page.goto(f"{url}/{path}")
        assert page.evaluate("document.body.getAttribute('data-md-color-scheme')") == \
            ("slate" if scheme == "dark" else "default")
        page.add_script_tag(path=str(AXE))
        result = page.evaluate("tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", TAGS)
        for v in result["violations"]:
            if v["impact"] in ("serious", "critical") or (v["impact"] == "moderate" and v["id"] not in JUSTIFIED_MODERATE):
                targets = [n["target"] for n in v["nodes"][:3]]
                found.append(f"{scheme} {path}: {v['id']} ({v['impact']}): {v['help']} {targets}")
    context.close()
    assert found == []
