"""A municipality publishes the site under a path of its own (gemeente.nl/veiligheid/):
every link of every page must resolve inside that path, and every page must be
reachable by following links from the home page."""

from pathlib import Path

import pytest

from browser import crawl, serve

PREFIX = "/veiligheid/"

# Known defects that need the page renderers changed (phase 2 of issue 19, after the move of
# the page bodies into Jinja templates). Listed exactly, so that a new defect fails the test
# and so does a fix (then remove it here).
# The banner of an older version's theme overview links one level too high
# ("../../../2024-2027/thema/" from <version>/thema/): it leaves the sub-path.
LEAVES_THE_SITE_PHASE_2 = {
    "deventer": {("2020-2023/thema/", "../../../2024-2027/thema/"),
                 ("2024-2027-concept/thema/", "../../../2024-2027/thema/")},
    "doetinchem": set(),
}
# No page links to the themes overview, nor to these comparisons.
UNREACHABLE_PHASE_2 = {
    "deventer": {"2020-2023/thema/", "2024-2027-concept/thema/", "2024-2027/thema/", "actueel/thema/",
                 "2020-2023/vergelijk/2024-2027-concept/", "2020-2023/vergelijk/2024-2027/",
                 "2024-2027-concept/vergelijk/2024-2027/",
                 "actueel/vergelijk/2020-2023/", "actueel/vergelijk/2024-2027-concept/"},
    "doetinchem": {"2020-2023/thema/", "actueel/thema/"},
}


@pytest.fixture(scope="module", params=["deventer", "doetinchem"])
def crawled(request):
    site: Path = request.getfixturevalue("published" if request.param == "deventer" else "published_doetinchem")
    pages = sorted(p.parent.relative_to(site).as_posix() + "/" for p in site.rglob("index.html"))
    # /beheer/ is the editors' form editor: deliberately linked from nowhere (see test_editor_config.py)
    pages = [p for p in pages if p != "./" and not p.startswith("beheer/")]
    with serve(site, PREFIX) as url:
        result = crawl(url + "/", also=tuple(f"{url}/{p}" for p in pages))
    return request.param, url, pages, result


def test_every_link_of_every_page_resolves_inside_the_sub_path(crawled):
    name, url, pages, result = crawled
    assert len(result.checked) > len(pages)  # the crawl did look at the pages and what they link to
    broken = {(page[len(url) + 1:], ref, why) for page, ref, why in result.broken}
    leaving = {(page, ref) for page, ref, why in broken if why == "leaves the site"}
    assert leaving == LEAVES_THE_SITE_PHASE_2[name]
    assert {b for b in broken if b[2] != "leaves the site"} == set()


def test_every_page_is_reachable_from_the_home_page(crawled):
    name, url, pages, result = crawled
    reached = {page[len(url) + 1:] for page in result.pages}
    assert len(reached) > 30
    assert set(pages) - reached == UNREACHABLE_PHASE_2[name]
