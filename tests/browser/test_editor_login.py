"""The form editor's login screen (/beheer/ as `agenda build` publishes it, before anyone
logs in): axe-core with the WCAG 2.2 A and AA rules finds nothing serious or critical, in
light and dark, on a laptop and a phone, and the page has a heading of level 1."""

import pytest
from playwright.sync_api import expect

from browser import chromium, serve  # noqa: F401 (chromium: the `browser` fixture)
from test_accessibility import AXE, TAGS

SIZES = {"1280x720": {"width": 1280, "height": 720}, "390x844": {"width": 390, "height": 844}}


@pytest.fixture(scope="module")
def url(published):
    with serve(published) as url:
        yield url


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_login_screen_passes_axe_core_and_has_a_heading(browser, url, size, scheme):
    context = browser.new_context(viewport=SIZES[size], color_scheme=scheme, locale="nl-NL")
    requests: list[str] = []
    context.on("request", lambda r: requests.append(r.url))
    page = context.new_page()
    page.goto(f"{url}/beheer/")
    login = page.get_by_role("button", name="Inloggen")
    expect(login).to_be_visible(timeout=30_000)  # Decap's login screen, drawn by its script
    heading = page.get_by_role("heading", level=1)
    expect(heading).to_have_count(1)
    expect(heading).to_be_visible()
    expect(heading).not_to_have_text("")
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("tags => axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})",
                           TAGS)
    context.close()
    found = [f"{v['id']} ({v['impact']}): {[n['target'] for n in v['nodes'][:3]]}" for v in result["violations"]
             if v["impact"] in ("serious", "critical")]
    assert found == []
    # Nothing from another host: this machine only (Decap also asks 127.0.0.1:8081 whether a local
    # decap-server runs), and the blob: and data: addresses Decap makes itself.
    assert [r for r in requests if not r.startswith(("http://127.0.0.1:", "data:", "blob:"))] == []
