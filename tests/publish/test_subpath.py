"""A municipality publishes the site under a path of its own (gemeente.nl/veiligheid/):
every link of every page must resolve inside that path, and every page must be
reachable by following links from the home page."""

from pathlib import Path

import pytest

from browser import crawl, serve

PREFIX = "/veiligheid/"


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
    assert broken == set()


def test_every_page_is_reachable_from_the_home_page(crawled):
    name, url, pages, result = crawled
    reached = {page[len(url) + 1:] for page in result.pages}
    assert len(reached) > 30
    assert set(pages) - reached == set()
