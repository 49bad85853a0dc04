"""The outline of every published page, as a resident meets it: the table of contents
("Inhoudsopgave") lists each part once and each entry goes to its own heading; headings
never skip a level; no id occurs twice on a page. On every site of the live policy
(tests/conftest.py: LIVE), since this holds for any valid policy."""

from collections import Counter
from html.parser import HTMLParser
from pathlib import Path

import pytest

from conftest import live_configs


class Outline(HTMLParser):
    """The ids, the table-of-contents entries and the headings of the article of one page."""

    def __init__(self, html: str):
        super().__init__()
        self.ids = Counter()
        self.tocs = []  # one list of (text, href) per table of contents (Material draws it twice)
        self.headings = []  # (level, text) inside the article
        self._navs = []  # for every open <nav>: is it a table of contents?
        self._link = None  # the (text, href) being read
        self._heading = None
        self._article = 0
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        classes = (attrs.get("class") or "").split()
        if attrs.get("id"):
            self.ids[attrs["id"]] += 1
        if tag == "nav":
            self._navs.append("md-nav--secondary" in classes)
            if self._navs[-1]:
                self.tocs.append([])
        elif tag == "a" and "md-nav__link" in classes and self._in_toc:
            self._link = ["", attrs.get("href", "")]
        elif tag == "article":
            self._article += 1
        elif self._article and len(tag) == 2 and tag[0] == "h" and tag[1] in "123456":
            self._heading = [int(tag[1]), ""]

    def handle_endtag(self, tag):
        if tag == "nav" and self._navs:
            self._navs.pop()
        elif tag == "a" and self._link:
            self.tocs[-1].append((" ".join(self._link[0].split()), self._link[1]))
            self._link = None
        elif tag == "article":
            self._article -= 1
        elif self._heading and tag == f"h{self._heading[0]}":
            self.headings.append((self._heading[0], " ".join(self._heading[1].split())))
            self._heading = None

    def handle_data(self, data):
        if self._link:
            self._link[0] += data
        if self._heading:
            self._heading[1] += data

    @property
    def _in_toc(self) -> bool:
        return any(self._navs)


def outlines(site: Path) -> dict[str, Outline]:
    return {p.parent.relative_to(site).as_posix() + "/": Outline(p.read_text(encoding="utf-8"))
            for p in sorted(site.rglob("index.html"))}


@pytest.fixture(scope="module", params=live_configs())
def pages(request, live_sites) -> dict[str, Outline]:
    found = outlines(live_sites[request.param])
    assert found
    return found


def test_the_table_of_contents_lists_every_part_once(pages):
    repeated = {}
    for url, page in pages.items():
        for toc in page.tocs:
            texts = Counter(text for text, _ in toc)
            hrefs = Counter(href for _, href in toc)
            twice = [t for t, n in texts.items() if n > 1] + [h for h, n in hrefs.items() if n > 1]
            if twice:
                repeated[url] = twice
    assert sum(len(toc) for page in pages.values() for toc in page.tocs) > 100  # the tables were read
    assert repeated == {}


def test_every_table_of_contents_entry_goes_to_one_heading(pages):
    wrong = {}
    for url, page in pages.items():
        targets = {href[1:] for toc in page.tocs for _, href in toc}
        bad = sorted(t for t in targets if page.ids[t] != 1)
        if bad:
            wrong[url] = [(t, page.ids[t]) for t in bad]
    assert wrong == {}


def test_no_id_occurs_twice_on_a_page(pages):
    assert {url: sorted(i for i, n in page.ids.items() if n > 1)
            for url, page in pages.items() if any(n > 1 for n in page.ids.values())} == {}


def test_headings_never_skip_a_level(pages):
    skips = {}
    for url, page in pages.items():
        levels = [level for level, _ in page.headings]
        if not levels:
            continue
        wrong = [f"h1 missing, starts with h{levels[0]}"] if levels[0] != 1 else []
        wrong += [f"h{a} -> h{b} ({page.headings[i + 1][1][:50]})"
                  for i, (a, b) in enumerate(zip(levels, levels[1:])) if b > a + 1]
        if wrong:
            skips[url] = wrong
    assert sum(len(page.headings) for page in pages.values()) > 200
    assert skips == {}
