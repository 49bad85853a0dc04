"""Tables a resident can read on a phone: cards for actions and versions, a scroll box
with a name, keyboard focus and a hint for wider tables; and the version selector
working when the site is served from a sub-path."""

import pytest
from playwright.sync_api import expect

from browser import chromium, serve  # noqa: F401 (chromium: the `browser` fixture)
from helpers import DATA

ACTIONS = DATA["uitvoeringsagenda-2024.yaml"]["actions"]
PHONE = {"width": 390, "height": 844}


@pytest.fixture(scope="module")
def url(published):
    with serve(published) as url:
        yield url


def test_actions_are_cards_with_labels_on_a_phone_and_the_filter_still_works(browser, url):
    page = browser.new_page(viewport=PHONE, locale="nl-NL")
    page.goto(f"{url}/actueel/uitvoeringsagenda/")
    table = page.locator("table.agenda-actions")
    expect(table).to_have_class("agenda-actions agenda-cards")
    assert table.evaluate("t => t.scrollWidth <= t.parentElement.clientWidth")  # no sideways scrolling
    row = page.locator("table.agenda-actions tbody tr").first
    expect(row.get_by_role("rowheader")).to_have_count(1)  # the action names its row
    cell = row.locator("td").nth(1)
    assert cell.evaluate("c => getComputedStyle(c, '::before').content").startswith('"Kerntaak: "')
    assert cell.evaluate("c => getComputedStyle(c).display") == "block"
    # Screen readers keep the table: the cell is still a cell of the column "Kerntaak".
    expect(page.get_by_role("cell", name="Signaleren en adviseren").first).to_be_visible()
    page.get_by_label("Partner", exact=True).select_option("riec")
    with_riec = [a for a in ACTIONS if "riec" in a.get("partners", []) or a.get("led_by") == "riec"]
    expect(page.locator("table.agenda-actions tbody tr:visible")).to_have_count(len(with_riec))
    page.close()



def test_actions_are_cards_on_a_phone_without_javascript_too(browser, url):
    context = browser.new_context(viewport=PHONE, locale="nl-NL", java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{url}/actueel/uitvoeringsagenda/")
    table = page.locator("table.agenda-actions")
    assert table.evaluate("t => t.scrollWidth <= t.parentElement.clientWidth")  # no sideways scrolling
    cell = table.locator("tbody tr").first.locator("td").nth(1)
    assert cell.evaluate("c => getComputedStyle(c, '::before').content").startswith('"Kerntaak: "')
    assert cell.evaluate("c => getComputedStyle(c).display") == "block"
    expect(page.get_by_role("cell", name="Signaleren en adviseren").first).to_be_visible()
    expect(page.get_by_role("rowheader").first).to_be_visible()
    context.close()

def test_on_a_wide_screen_the_actions_stay_a_table(browser, url):
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(f"{url}/actueel/uitvoeringsagenda/")
    cell = page.locator("table.agenda-actions tbody tr").first.locator("td").nth(1)
    assert cell.evaluate("c => getComputedStyle(c).display") == "table-cell"
    assert cell.evaluate("c => getComputedStyle(c, '::before').content") == "none"
    hint = page.locator(".agenda-scroll-hint").first
    expect(hint).to_be_hidden()  # the table fits: no hint, no scroll box
    page.close()



@pytest.mark.parametrize("viewport, shown", [(PHONE, "narrow"), ({"width": 1280, "height": 900}, "wide")])
def test_the_progress_chart_has_readable_labels_at_both_widths(browser, url, viewport, shown):
    page = browser.new_page(viewport=viewport, locale="nl-NL")
    page.goto(f"{url}/actueel/voortgang/2024/")
    charts = page.get_by_role("img", name="Acties per status per thema, 2024")
    expect(charts).to_have_count(1)  # one layout at a time
    expect(page.locator(f"svg.agenda-chart-{shown}")).to_be_visible()
    sizes = page.locator(f"svg.agenda-chart-{shown} .agenda-chart-axis").evaluate_all(
        "ts => ts.map(t => t.getBoundingClientRect().height)")
    page.close()
    assert sizes and min(sizes) >= 12  # px on the screen: readable

def test_a_wide_table_scrolls_in_a_named_box_that_the_keyboard_reaches(browser, url):
    page = browser.new_page(viewport=PHONE, locale="nl-NL")
    page.goto(f"{url}/actueel/voortgang/2024/")
    box = page.get_by_role("region", name="Acties per status per thema, 2024. Schuif de tabel opzij om alles te zien.")
    expect(box).to_have_attribute("tabindex", "0")
    expect(page.locator(".agenda-scroll-hint").first).to_have_text("\u2194 Schuif de tabel opzij om alles te zien.")
    box.focus()
    before = box.evaluate("b => b.scrollLeft")
    page.keyboard.press("ArrowRight")
    page.wait_for_function("b => b.scrollLeft > 0", arg=box.element_handle())
    assert box.evaluate("b => b.scrollLeft") > before
    page.close()


def test_version_selector_is_named_after_what_it_shows(browser, url):
    page = browser.new_page()
    page.goto(f"{url}/actueel/")
    button = page.get_by_role("button", name="2024-2027 (vastgesteld): andere versie kiezen", exact=True)
    expect(button).to_have_text("2024-2027 (vastgesteld)")
    page.close()


def test_switch_version_under_a_sub_path(browser, published):
    with serve(published, "/veiligheid/") as url:
        page = browser.new_page()
        page.goto(f"{url}/2024-2027-concept/thema/ondermijning/")
        page.locator(".md-version__current").focus()
        page.locator(".md-version__link", has_text="2024-2027 (vastgesteld)").click()
        page.wait_for_url(f"{url}/2024-2027/thema/ondermijning/")
        expect(page.locator("h1")).to_have_text("4 Ondermijnende effecten van criminaliteit")
        page.close()


# Every token of letters and digits joined by hyphens (a date, a period, a document number,
# "up-to-date") in the cells of a table: how many there are and which span two lines (DOM ranges).
WHOLE_TOKENS = """table => {
  const found = {tokens: 0, split: []};
  for (const cell of table.querySelectorAll("th, td")) {
    if (!cell.getClientRects().length) continue;
    const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      for (const m of node.data.matchAll(/[\\p{L}\\p{N}]+(?:-[\\p{L}\\p{N}]+)+/gu)) {
        if (m[0].length > 32) continue;
        found.tokens += 1;
        const range = document.createRange();
        range.setStart(node, m.index);
        range.setEnd(node, m.index + m[0].length);
        const lines = new Set([...range.getClientRects()].filter(r => r.width > 0).map(r => Math.round(r.bottom)));
        if (lines.size > 1) found.split.push(m[0]);
      }
    }
  }
  found.wider = document.documentElement.scrollWidth > innerWidth;
  return found;
}"""
WIDTHS = {1280: {"width": 1280, "height": 720}, 390: PHONE}


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("path, table", [("actueel/versies/", "table.agenda-versions"),
                                         ("actueel/uitvoeringsagenda/", "table.agenda-actions")])
def test_dates_periods_and_ids_stay_whole_in_table_cells(browser, url, width, path, table):
    page = browser.new_page(viewport=WIDTHS[width], locale="nl-NL")
    page.goto(f"{url}/{path}")
    page.wait_for_load_state("load")
    found = page.locator(table).evaluate(WHOLE_TOKENS)
    cards = page.locator(table).evaluate("t => getComputedStyle(t).display")
    page.close()
    if path == "actueel/versies/":
        assert found["tokens"] > 0  # every version is named by its period (YYYY-YYYY)
    assert found["split"] == []
    assert not found["wider"]  # and no page got wider than the window for it
    assert (cards == "block") == (width == 390)  # a phone keeps the cards


def test_a_split_token_is_reported(browser, url):
    """The measurement itself: with the spans allowed to wrap again and squeezed cells, it sees splits."""
    page = browser.new_page(viewport=PHONE, locale="nl-NL")
    page.goto(f"{url}/actueel/versies/")
    page.add_style_tag(content=".agenda-whole { white-space: normal !important; }"
                               ".agenda-versions th, .agenda-versions td { width: 3ch !important; display: table-cell !important; "
                               "word-break: normal !important; }")
    found = page.locator("table.agenda-versions").evaluate(WHOLE_TOKENS)
    page.close()
    assert found["split"], found
