"""A resident in a real browser (Debian's Chromium driven by Playwright)."""

from urllib.parse import urlparse

import pytest
from playwright.sync_api import expect

from browser import chromium, serve  # noqa: F401 (chromium: the `browser` fixture)
from helpers import DATA

ACTIONS = DATA["uitvoeringsagenda-2024.yaml"]["actions"]

# The search index loads in a worker; on a busy 2-core machine that can take a while.
expect.set_options(timeout=15_000)


@pytest.fixture(scope="module")
def base_url(site):
    with serve(site) as url:
        yield url


@pytest.fixture()
def page(browser, base_url):
    context = browser.new_context(locale="nl-NL")
    page = context.new_page()
    page.requests = []
    page.on("request", lambda request: page.requests.append(request.url))
    yield page
    hosts = {urlparse(url).hostname for url in page.requests if not url.startswith("data:")}
    assert hosts <= {"127.0.0.1"}, f"requests to other hosts: {hosts - {'127.0.0.1'}}"
    context.close()


def visible_rows(page):
    return page.locator("table.agenda-actions tbody tr:visible")


def test_filter_by_theme_partner_and_reset(page, base_url):
    page.goto(f"{base_url}/uitvoeringsagenda/")
    expect(page.locator("form.agenda-filter")).to_be_visible()
    expect(visible_rows(page)).to_have_count(len(ACTIONS))
    page.get_by_label("Thema", exact=True).select_option(label="Ondermijnende effecten van criminaliteit")
    ondermijning = [a for a in ACTIONS if a["serves"] in
                    ("bewustwording-weerbaarheid", "samenwerking-informatiedeling", "bestuurlijk-instrumentarium")]
    expect(visible_rows(page)).to_have_count(len(ondermijning))
    expect(page.locator(".agenda-filter-count")).to_have_text(
        f"{len(ondermijning)} van de {len(ACTIONS)} acties getoond")
    page.get_by_label("Partner", exact=True).select_option("riec")
    with_riec = [a for a in ondermijning if "riec" in a.get("partners", []) or a.get("led_by") == "riec"]
    expect(visible_rows(page)).to_have_count(len(with_riec))
    page.get_by_role("button", name="Filters wissen").click()
    expect(visible_rows(page)).to_have_count(len(ACTIONS))


def test_filter_works_with_the_keyboard_only(page, base_url):
    page.goto(f"{base_url}/uitvoeringsagenda/")
    select = page.get_by_label("Kerntaak", exact=True)
    select.focus()
    expect(select).to_be_focused()
    page.keyboard.press("ArrowDown")  # Chromium changes a focused closed select with the arrow keys
    chosen = select.input_value()
    assert chosen
    expected = [a for a in ACTIONS if a.get("core_task", "-") == chosen]
    expect(visible_rows(page)).to_have_count(len(expected))


def test_without_javascript_the_full_table_shows(browser, base_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{base_url}/uitvoeringsagenda/")
    expect(page.locator("form.agenda-filter")).to_be_hidden()
    expect(visible_rows(page)).to_have_count(len(ACTIONS))
    context.close()


def test_goal_to_action_to_partner_and_back(page, base_url):
    page.goto(f"{base_url}/")
    page.get_by_role("link", name="Naar het thema Ondermijnende effecten van criminaliteit").click()
    page.get_by_role("link", name="4.3.3 Het bestuurlijk instrumentarium").click()
    expect(page.locator("h1")).to_have_text("4.3.3 Het bestuurlijk instrumentarium")
    page.locator("article").get_by_role("link", name="Toepassing van de Wet Bibob", exact=False).first.click()
    expect(page.locator("h1")).to_contain_text("Bibob")
    page.get_by_role("link", name="Het bestuurlijk instrumentarium").first.click()
    expect(page.locator("h1")).to_have_text("4.3.3 Het bestuurlijk instrumentarium")


def search(page, query: str):
    """Type a query as a visitor does. Material's search index loads in a worker;
    a query typed before it is ready is not answered, so type it again until it is."""
    page.locator("label.md-search__icon, .md-search__input").first.click()
    box = page.locator("input.md-search__input")
    results = page.locator(".md-search-result__item")
    for _ in range(20):
        box.fill("")
        box.type(query, delay=20)
        try:
            results.first.wait_for(state="visible", timeout=3000)
            return
        except Exception:
            continue
    pytest.fail(f"no search results for {query!r}")


def test_search_in_dutch_finds_bibob(page, base_url):
    page.goto(f"{base_url}/")
    search(page, "Bibob")
    expect(page.locator(".md-search-result")).to_contain_text("Bibob")


@pytest.fixture(scope="module")
def published_url(published):
    with serve(published) as url:
        yield url


def test_switch_version_and_stay_on_the_same_item(page, published_url):
    page.goto(f"{published_url}/2024-2027-concept/thema/ondermijning/")
    selector = page.locator(".md-version__current")
    expect(selector).to_have_text("2024-2027 plan van aanpak (vastgesteld)")
    selector.focus()  # the list opens on focus, as for keyboard users
    page.locator(".md-version__link", has_text="2024-2027 (vastgesteld)").click()
    page.wait_for_url(f"{published_url}/2024-2027/thema/ondermijning/")
    expect(page.locator("h1")).to_have_text("4 Ondermijnende effecten van criminaliteit")


def test_root_forwards_to_the_version_in_force(page, published_url):
    page.goto(f"{published_url}/")
    page.wait_for_url(f"{published_url}/actueel/")
    expect(page.locator(".md-version__current")).to_have_text("2024-2027 (vastgesteld)")


def test_pick_two_versions_to_compare(page, published_url):
    page.goto(f"{published_url}/actueel/versies/")
    page.get_by_label("Van", exact=True).select_option(label="2020-2023 (vervallen)")
    page.get_by_label("Naar", exact=True).select_option(label="2024-2027 plan van aanpak (vastgesteld)")
    page.get_by_role("button", name="Vergelijk").click()
    page.wait_for_url(f"{published_url}/2024-2027-concept/vergelijk/2020-2023/")
    expect(page.locator("h1")).to_have_text("Van 2020-2023 (vervallen) naar 2024-2027 plan van aanpak (vastgesteld)")


def test_keyboard_only_skip_link_and_visible_focus(page, base_url):
    page.goto(f"{base_url}/thema/ondermijning/")
    page.keyboard.press("Tab")
    skip = page.locator(":focus")
    expect(skip).to_have_text("Ga naar inhoud")  # Material's skip link, to the page's first heading
    expect(skip).to_have_attribute("href", "#4-ondermijnende-effecten-van-criminaliteit")
    assert skip.is_visible()
    page.keyboard.press("Enter")
    # Tab onwards until a link in the article has focus; its focus must be visible.
    for _ in range(60):
        page.keyboard.press("Tab")
        if page.evaluate("!!document.activeElement.closest('article')"):
            break
    else:
        pytest.fail("the article cannot be reached with Tab")
    style = page.evaluate("""() => { const s = getComputedStyle(document.activeElement);
        return [s.outlineStyle, s.outlineWidth, s.boxShadow, s.textDecorationLine]; }""")
    assert style[0] != "none" or style[2] != "none", style
    href = page.evaluate("document.activeElement.href")
    page.keyboard.press("Enter")  # follows the link
    page.wait_for_url(href)


def test_phone_sized_viewport(browser, base_url):
    context = browser.new_context(viewport={"width": 375, "height": 740}, is_mobile=True, has_touch=True)
    page = context.new_page()
    for path in ("/", "/thema/ondermijning/", "/uitvoeringsagenda/", "/actie/actie-wet-bibob-uitbreiden/"):
        page.goto(base_url + path)
        overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 0, f"{path} scrolls sideways by {overflow}px"
    page.goto(base_url + "/")
    page.locator("label.md-header__button[for='__drawer']").click()
    page.locator(".md-nav--primary a.md-nav__link[href='fundament/']").click()
    expect(page.locator("h1")).to_have_text("6 Veiligheidsfundament")
    context.close()


@pytest.mark.parametrize("query, expected", [
    ("jongeren", "Jeugd, zorg en veiligheid"),
    ("sekswerk", "Sekswerkbeleid"),
])
def test_search_in_dutch(page, base_url, query, expected):
    page.goto(f"{base_url}/")
    search(page, query)
    expect(page.locator(".md-search-result")).to_contain_text(expected)


def test_print_hides_navigation_and_spells_out_links(page, base_url):
    page.goto(f"{base_url}/thema/ondermijning/")
    page.emulate_media(media="print")
    assert page.locator(".md-sidebar--primary").evaluate("e => getComputedStyle(e).display") == "none"
    assert page.locator(".md-header").evaluate("e => getComputedStyle(e).display") == "none"
    after = page.locator("article a[href^='../../pijler/']").first.evaluate(
        "e => getComputedStyle(e, '::after').content")
    assert "pijler" in after


def test_external_links_are_marked(page, base_url):
    page.goto(f"{base_url}/bronnen/")
    link = page.locator("article a[href^='https://']").first
    content = link.evaluate("e => getComputedStyle(e, '::after').content")
    assert "\u2197" in content and "externe website" in content
