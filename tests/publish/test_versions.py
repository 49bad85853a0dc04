"""Every version on its own stable URLs; the one in force as the default alias."""

import json
import posixpath
import re

import pytest

from conftest import read
from helpers import Page


def test_layout_and_versions_json(published):
    assert sorted(p.name for p in published.iterdir()) == [
        "2020-2023", "2024-2027", "2024-2027-concept", "actueel", "beheer", "index.html", "versions.json"]
    versions = json.loads((published / "versions.json").read_text(encoding="utf-8"))
    assert versions == [
        {"version": "2024-2027", "title": "2024-2027 (vastgesteld)", "aliases": ["actueel"]},
        {"version": "2024-2027-concept", "title": "2024-2027 plan van aanpak (vastgesteld)", "aliases": []},
        {"version": "2020-2023", "title": "2020-2023 (vervallen)", "aliases": []},
    ]
    assert 'url=actueel/' in (published / "index.html").read_text(encoding="utf-8")
    # the alias is the version in force, byte for byte
    assert read(published, "actueel/thema/ondermijning/") == read(published, "2024-2027/thema/ondermijning/")


def test_same_item_keeps_its_url_across_versions(published):
    for version in ("2024-2027", "2024-2027-concept"):
        page = Page(read(published, f"{version}/thema/ondermijning/"))
        assert page.h1[0].endswith("Ondermijnende effecten van criminaliteit")
        assert Page(read(published, f"{version}/pijler/bewustwording-weerbaarheid/")).h1


def test_banner_on_older_and_draft_versions_only(published):
    concept = Page(read(published, "2024-2027-concept/thema/ondermijning/"))
    assert ("U bekijkt een andere versie: Plan van aanpak Meerjarenbeleidsplan Veiligheid 2024-2027 (vastgesteld)."
            in concept.plain)
    assert "De versie die nu geldt is Strategische Veiligheidsagenda Deventer 2024-2027 (vastgesteld)." in concept.plain
    assert "../../../2024-2027/thema/ondermijning/" in concept.links  # the same item, in force
    old = Page(read(published, "2020-2023/"))
    assert "U bekijkt een vervallen versie" in old.plain and "../2024-2027/" in old.links
    assert "U bekijkt" not in Page(read(published, "2024-2027/thema/ondermijning/")).plain
    # a page that the version in force does not have points to its home page
    nota = Page(read(published, "2024-2027-concept/nota-bw/"))
    assert "Ga naar de startpagina in de geldende versie" in nota.plain and "../../2024-2027/" in nota.links


def test_version_overview_lists_status_dates_and_decisions(published):
    page = Page(read(published, "actueel/versies/")).plain
    assert "B&W 12-06-2023, nota 2023-572" in page
    assert "vervallen" in page and "vastgesteld" in page
    assert "onvolledig" in page  # 2020-2023 is described only in part


def test_comparison_page_marks_changes_for_screen_readers(published):
    html = read(published, "actueel/vergelijk/2024-2027-concept/")
    page = Page(html)
    assert page.h1 == ["Van 2024-2027 plan van aanpak (vastgesteld) naar 2024-2027 (vastgesteld)"]
    assert '<del><span class="agenda-sr">[verwijderd: </span>' in html
    assert '<ins><span class="agenda-sr">[toegevoegd: </span>' in html
    for state in ("Toegevoegd (", "Verwijderd (", "Hernoemd (", "Verplaatst (", "Tekst gewijzigd (", "Ongewijzigd ("):
        assert state in page.plain
    # old and new text each have an anchor; the vision changed word by word
    assert {"visie-tekst-was", "visie-tekst-wordt"} <= page.ids
    assert ('Samen <del><span class="agenda-sr">[verwijderd: </span>met onze (veiligheids)partners '
            '<span class="agenda-sr">]</span></del>zetten we') in html
    assert "<details><summary>Toon de " in html  # unchanged items are collapsed, not hidden
    old = Page(read(published, "actueel/vergelijk/2020-2023/")).plain
    assert "Drugs is opgegaan in Ondermijnende effecten van criminaliteit" in old  # lineage from section 1.1


@pytest.mark.parametrize("municipality", ["deventer", "doetinchem"])
def test_no_page_repeats_a_period_in_a_title(request, municipality):
    """"Meerjarenbeleidsplan Veiligheid 2024-2027" carries its period already: no "2024-2027 2024-2027"."""
    site = request.getfixturevalue("published" if municipality == "deventer" else "published_doetinchem")
    repeated = {}
    for path in site.rglob("index.html"):
        found = re.findall(r"\b(\d{4}-\d{4}) \1\b", Page(path.read_text(encoding="utf-8")).plain)
        if found:
            repeated[path.parent.relative_to(site).as_posix()] = found
    assert len(list(site.rglob("index.html"))) > 30 and repeated == {}


def test_the_version_overview_names_each_version_with_its_period_once(published):
    rows = [re.sub(r"<[^>]+>", "", name)  # the text, without the span that keeps a period whole
            for name in re.findall(r'<th scope="row"><a href="[^"]+">(.*?)</a>', read(published, "actueel/versies/"))]
    assert rows == ["Strategische Veiligheidsagenda Deventer 2024-2027",
                    "Plan van aanpak Meerjarenbeleidsplan Veiligheid 2024-2027",
                    "Meerjarenbeleidsplan Veiligheid 2020-2023"]



def test_every_item_listed_in_a_comparison_opens_where_it_is(published):
    """A council member opens an added, changed or unchanged item in the newer version and a
    removed one in the older version, straight from the lists of a comparison."""
    versions = json.loads((published / "versions.json").read_text(encoding="utf-8"))
    newest_first = [v["version"] for v in versions]
    alias = {a: v["version"] for v in versions for a in v["aliases"]}
    checked = 0
    for page in sorted(published.glob("*/vergelijk/*/index.html")):
        folder, other = page.parent.parent.parent.name, page.parent.name
        this = alias.get(folder, folder)
        newer, older = sorted((this, other), key=newest_first.index)
        here = page.parent.relative_to(published).as_posix() + "/"
        html = page.read_text(encoding="utf-8")
        for block in re.findall(r'<div class="agenda-(?:change-list|unchanged)">(.*?)</div>', html, re.S):
            removed = block.startswith('\n<h3 id="verwijderd"') or block.startswith('<h3 id="verwijderd"')
            expected = older if removed else newer
            for item in re.findall(r"<li>(.*?)</li>", block):
                if item == "<em>Geen.</em>":
                    continue
                link = re.match(r'[^:<]+: <a href="([^"]+)"><strong>', item)
                assert link, (here, item)  # the title is a link
                target, _, anchor = posixpath.normpath(posixpath.join(here, link.group(1))).partition("#")
                assert target.split("/")[0] == (folder if expected == this else expected), (here, item)
                assert not anchor or anchor in Page(read(published, target + "/")).ids, (here, item)
                checked += 1
    assert checked > 500
