"""WCAG 2.2 AA in a real browser, light and dark, at 1280 and 390 px.

- axe-core, the current release from npm (package.json / package-lock.json, installed by
  scripts/test.sh), with the WCAG 2.0, 2.1 and 2.2 A and AA rules, on one page of every type;
  at 1280x720 and 1366x768 (laptop windows, where the sidebar scrolls) on one page of each layout;
- what axe cannot check: words split across lines in table cells (measured with DOM ranges),
  targets of at least 24 by 24 px (2.5.8), focus not hidden behind the sticky header (2.4.11);
- screenshots of every page type at both widths in both colour schemes, in
  the test reports folder ($AGENDA_TEST_REPORTS, default /tmp/agenda-test-reports/screenshots/), for a person to look at.
"""

import json
import re
from pathlib import Path

import pytest
from playwright.sync_api import sync_playwright

from browser import CHROMIUM, CHROMIUM_ARGS, serve
from conftest import REPORTS, ROOT

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
AXE_PINNED = json.loads((ROOT / "package.json").read_text(encoding="utf-8"))["devDependencies"]["axe-core"]
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]
AUDIT = (Path(__file__).parent / "audit.js").read_text(encoding="utf-8")
SCREENSHOTS = REPORTS / "screenshots"
WIDTHS = {"1280": {"width": 1280, "height": 900}, "390": {"width": 390, "height": 844},
          # WCAG 2.2's target size (2.5.8) depends on the window's height too (the sidebar scrolls):
          # the windows of many municipal laptops, on a representative set of pages (REPRESENTATIVE).
          "1280x720": {"width": 1280, "height": 720}, "1366x768": {"width": 1366, "height": 768}}
SCHEMES = ["light", "dark"]
# One page of every type, in the version in force, a draft (which carries the banner) and an
# older version; and the pages of the second municipality whose structure differs.
PAGES = {
    "deventer": [
        "actueel/", "actueel/voorwoord/", "actueel/inleiding/", "actueel/trends/", "actueel/strategie/",
        "actueel/kerntaken/", "actueel/thema/", "actueel/thema/ondermijning/",
        "actueel/pijler/bestuurlijk-instrumentarium/", "actueel/fundament/", "actueel/fundament/voetbal/",
        "actueel/fundament/crisisbeheersing/", "actueel/verantwoording/", "actueel/uitvoeringsagenda/",
        "actueel/actie/actie-wet-bibob-uitbreiden/", "actueel/partners/", "actueel/partner/riec/",
        "actueel/kerncijfers/", "actueel/indicatoren/", "actueel/voortgang/2024/", "actueel/begrippen/",
        "actueel/bronnen/", "actueel/versies/", "actueel/regio/regio-ijsselland-2022/",
        "actueel/programma/programma-ondermijning-2018/", "actueel/vergelijk/2024-2027-concept/",
        "actueel/toegankelijkheid/", "actueel/privacy/", "actueel/wijzigingen/", "actueel/open-data/",
        "actueel/bron/sva-2024-2027/", "actueel/bron/ova-2018/",
        "2024-2027-concept/thema/ondermijning/", "2020-2023/", "2020-2023/thema/",
    ],
    "doetinchem": [
        "actueel/", "actueel/twee-prioriteiten/", "actueel/thema/ondermijnende-criminaliteit/",
        "actueel/veiligheidsbudget/", "actueel/partners/", "actueel/partner/politie/",
    ],
}
# One page of each layout (home, overview with a table, theme, item, versions, comparison, draft
# with its banner, the second municipality), for the window sizes that only add heights.
REPRESENTATIVE = {
    "deventer": ["actueel/", "actueel/thema/ondermijning/", "actueel/uitvoeringsagenda/",
                 "actueel/actie/actie-wet-bibob-uitbreiden/", "actueel/versies/", "actueel/vergelijk/2024-2027-concept/",
                 "2024-2027-concept/thema/ondermijning/"],
    "doetinchem": ["actueel/", "actueel/partners/"],
}
PAGES_AT = {"1280x720": REPRESENTATIVE, "1366x768": REPRESENTATIVE}


def pages_for(width: str) -> dict[str, list[str]]:
    return PAGES_AT.get(width, PAGES)


# Targets whose size WCAG 2.5.8 asks for: links and buttons in tables, the filters, the version selector.
TARGETS = ("article table a, article table button, .agenda-filter select, .agenda-filter button, "
           ".agenda-compare select, .agenda-compare button, .md-version__current, .md-version__link")
# Moderate findings we accept, with the reason (none serious or critical are accepted).
JUSTIFIED_MODERATE = {}


@pytest.fixture(scope="module")
def browser():
    assert AXE.is_file(), "axe-core is missing: run `npm ci` (scripts/test.sh does)"
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture(scope="module")
def urls(published, published_doetinchem):
    with serve(published) as deventer, serve(published_doetinchem) as doetinchem:
        yield {"deventer": deventer, "doetinchem": doetinchem}


_AUDITS = {}


def audit(browser, urls, width: str, scheme: str) -> dict:
    """Visit every page type once at this width and colour scheme: run axe-core and the
    measurements of audit.js, save a screenshot. Cached: the tests below read the results."""
    key = (width, scheme)
    if key in _AUDITS:
        return _AUDITS[key]
    context = browser.new_context(color_scheme=scheme, locale="nl-NL", viewport=WIDTHS[width])
    page = context.new_page()
    results = {}
    for site, paths in pages_for(width).items():
        for path in paths:
            page.goto(f"{urls[site]}/{path}")
            page.locator(".md-version__current").wait_for()  # drawn after versions.json has loaded
            assert page.evaluate("document.body.getAttribute('data-md-color-scheme')") == \
                ("slate" if scheme == "dark" else "default")
            name = f"{site}-{path.strip('/').replace('/', '-')}"
            shot = SCREENSHOTS / f"{width}-{scheme}" / f"{name}.png"
            shot.parent.mkdir(parents=True, exist_ok=True)
            page.screenshot(path=str(shot), full_page=True)
            page.add_script_tag(path=str(AXE))
            axe = page.evaluate("tags => axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})",
                                TAGS)
            page.locator(".md-version__current").focus()  # opens the list of versions, to measure its links
            measured = page.evaluate(AUDIT, TARGETS)
            results[f"{site} {path}"] = {"axe": axe, **measured}
    context.close()
    _AUDITS[key] = results
    return results


COMBINATIONS = [(w, s) for w in WIDTHS for s in SCHEMES]


@pytest.mark.parametrize("width, scheme", COMBINATIONS)
def test_axe_core_finds_nothing_against_wcag_22_aa(browser, urls, width, scheme):
    results = audit(browser, urls, width, scheme)
    found = []
    for page, result in results.items():
        assert result["axe"]["testEngine"]["version"] == AXE_PINNED
        for v in result["axe"]["violations"]:
            if v["impact"] in ("serious", "critical") or (v["impact"] == "moderate" and v["id"] not in JUSTIFIED_MODERATE):
                found.append(f"{page}: {v['id']} ({v['impact']}): {v['help']} {[n['target'] for n in v['nodes'][:3]]}")
    assert found == []


@pytest.mark.parametrize("width", WIDTHS)
def test_no_word_in_a_table_is_split_across_lines(browser, urls, width):
    results = audit(browser, urls, width, "light")
    assert sum(1 for r in results.values()) == sum(len(p) for p in pages_for(width).values())
    assert {page: r["splits"] for page, r in results.items() if r["splits"]} == {}


@pytest.mark.parametrize("width", WIDTHS)
def test_targets_are_at_least_24_px_or_spaced(browser, urls, width):
    results = audit(browser, urls, width, "light")
    assert {page: r["targets"] for page, r in results.items() if r["targets"]} == {}


def test_word_split_measurement_sees_a_split(browser, urls):
    """The measurement itself: a cell squeezed so that a word must break is reported."""
    context = browser.new_context(viewport=WIDTHS["1280"])
    page = context.new_page()
    page.goto(f"{urls['deventer']}/actueel/uitvoeringsagenda/")
    page.add_style_tag(content=".agenda-actions td:nth-child(3) a { word-break: break-all; }"
                               ".agenda-actions td:nth-child(3) { width: 3em; }")
    splits = page.evaluate(AUDIT, TARGETS)["splits"]
    context.close()
    assert any("'Signaleren' in 'Signaleren en adviseren'" in s for s in splits), splits


def test_a_small_crowded_target_is_reported(browser, urls):
    context = browser.new_context(viewport=WIDTHS["1280"])
    page = context.new_page()
    page.goto(f"{urls['deventer']}/actueel/uitvoeringsagenda/")
    page.add_style_tag(content=".agenda-actions { font-size: 8px; line-height: 1; }")
    targets = page.evaluate(AUDIT, TARGETS)["targets"]
    context.close()
    assert any("is within its 24 px circle" in t for t in targets), targets


FOCUSED = """() => {
  const e = document.activeElement;
  if (!e || e === document.body) return null;
  const rect = [...e.getClientRects()].find(r => r.width > 0 && r.height > 0);
  if (!rect) return null;
  const header = document.querySelector(".md-header").getBoundingClientRect();
  const x = Math.min(Math.max(rect.left + rect.width / 2, 0), innerWidth - 1);
  const y = rect.top + Math.min(rect.height / 2, 8);
  const hit = y >= 0 && y < innerHeight ? document.elementFromPoint(x, y) : null;
  // Covered: something else is painted on that spot. An element with opacity 0 (Material's
  // search overlay after the search box lost focus) hides nothing.
  let opacity = 1;
  for (let n = hit; n && n.nodeType === 1; n = n.parentElement) opacity *= Number(getComputedStyle(n).opacity);
  const covered = !hit || (!(hit === e || e.contains(hit)) && opacity > 0.05 && getComputedStyle(hit).visibility !== "hidden");
  const inHeader = !!e.closest(".md-header");
  return {what: `${e.tagName.toLowerCase()} '${(e.textContent || "").trim().replace(/\\s+/g, " ").slice(0, 40)}'`,
          top: rect.top, headerBottom: header.bottom, covered, inHeader,
          coveredBy: covered && hit ? (hit.closest(".md-header") ? "the header" : hit.className || hit.tagName) : "",
          offscreen: rect.right <= 0 || rect.left >= innerWidth};
}"""


@pytest.mark.parametrize("width", WIDTHS)
def test_keyboard_focus_is_never_hidden_behind_the_sticky_header(browser, urls, width):
    """WCAG 2.4.11: tab forward through a long page, then back (where the browser scrolls
    the focused element to the top edge, under the sticky header)."""
    context = browser.new_context(locale="nl-NL", viewport=WIDTHS[width])
    page = context.new_page()
    page.goto(f"{urls['deventer']}/actueel/uitvoeringsagenda/")
    page.locator(".md-version__current").wait_for()
    hidden, seen = [], 0
    for key, times in (("Tab", 110), ("Shift+Tab", 50)):
        for _ in range(times):
            page.keyboard.press(key)
            # Judge the page once it has settled: a menu that closes as focus leaves it (the
            # version selector's list) fades out for a moment over what is focused next.
            page.evaluate("() => Promise.all(document.getAnimations().map(a => a.finished.catch(() => null)))")
            state = page.evaluate(FOCUSED)
            if not state or state["inHeader"] or state["offscreen"]:
                continue
            seen += 1
            if state["covered"]:
                hidden.append(f"{key}: {state['what']} at y={state['top']:.0f} "
                              f"(header ends at {state['headerBottom']:.0f}; covered by {state['coveredBy']})")
        page.wait_for_timeout(200)
    scrolled = page.evaluate("window.scrollY")
    context.close()
    assert seen > 90 and scrolled > 500  # the walk did go down a long page
    assert hidden == [], "\n".join(hidden)
