"""Every version on its own stable URLs; the one in force as the default alias."""

import json

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
