"""The page of each source document (macros/site/source_pages.py): its text, an anchor
for every section the policy cites, and the link helper that points at them."""

import posixpath

import pytest
from conftest import POLICY, read
from helpers import Page

from macros.policy.model import Source, build_agenda
from macros.policy.sources import version_texts
from macros.policy.validate import load_versions
from macros.site.source_pages import section_anchor, source_document_view, source_url

VERSIONS, _ = load_versions(POLICY)


def cited(version) -> set[tuple[str, str]]:
    """Every (document, section) the files of a version cite."""
    found = set()

    def walk(node):
        if isinstance(node, dict):
            if isinstance(node.get("source"), dict):
                found.add((node["source"]["document"], str(node["source"]["section"])))
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)
    for f in version.files:
        walk(f.data)
    return found


def test_source_url_points_at_the_section_anchor_of_the_document_page():
    source = Source("sva-2024-2027", "4.3.1")
    assert source_url("index.md", source) == "bron/sva-2024-2027/#sectie-4-3-1"
    assert source_url("pijler/bewustwording-weerbaarheid.md", source) == "../../bron/sva-2024-2027/#sectie-4-3-1"
    assert source_url("thema/index.md", source) == "../bron/sva-2024-2027/#sectie-4-3-1"
    assert source_url("bron/sva-2024-2027.md", source) == "#sectie-4-3-1"
    assert source_url("bron/ova-2018.md", source) == "../sva-2024-2027/#sectie-4-3-1"
    assert section_anchor("5.3, voetnoot 2") == "sectie-5-3-voetnoot-2"
    assert section_anchor("Nota voor burgemeester en wethouders, Toelichting: Financiële consequenties") == \
        "sectie-nota-voor-burgemeester-en-wethouders-toelichting-financiele-consequenties"
    assert section_anchor("A / B") == section_anchor("A")  # two sections: the first


@pytest.mark.parametrize("version", VERSIONS, ids=[f"{v.folder.parent.name}/{v.folder.name}" for v in VERSIONS])
def test_every_cited_section_has_an_anchor_on_its_document_page(version):
    agenda = build_agenda(version.municipality.data, [f.data for f in version.files])
    texts = version_texts(version.folder, agenda.documents)
    anchors = {doc: {s["anchor"] for s in source_document_view(agenda, text)["sections"]} for doc, text in texts.items()}
    missing = [(doc, section) for doc, section in cited(version) if section_anchor(section) not in anchors[doc]]
    assert missing == []


def test_the_built_pages_hold_the_text_and_resolve_every_source_link(site):
    version = next(v for v in VERSIONS if v.folder.name == "2024-2027" and v.folder.parent.name == "deventer")
    page = Page(read(site, "bron/sva-2024-2027/"))
    assert page.h1 == ["Strategische Veiligheidsagenda Deventer (Meerjarenbeleidsplan Veiligheid 2024-2027)"]
    assert "Dit is de tekst zoals die uit de PDF van dit document is gehaald." in page.plain
    assert "Het Meerjarenbeleidsplan Veiligheid 2020-2023 kenmerkt zich door vier ontwikkelthema's" in page.plain
    # the recorded fixes are applied and listed
    assert "Zicht op Ondermijning" in page.plain and "Ondernijning" in page.plain.split("Correcties op de tekstextractie")[-1]
    # from an item page, every cited section is one link away: the URL resolves to a page with that anchor
    here = "pijler/bewustwording-weerbaarheid.md"
    for document, section in sorted(cited(version)):
        url = source_url(here, Source(document, section))
        path, anchor = url.split("#")
        target = posixpath.normpath(posixpath.join("pijler/bewustwording-weerbaarheid/", path))
        assert anchor in Page(read(site, target + "/")).ids, (document, section)


def test_the_sources_page_links_every_document_with_a_page_of_its_own(site):
    documents = {p.parent.name for p in (site / "bron").glob("*/index.html")}
    links = Page(read(site, "bronnen/")).links
    assert len(documents) >= 3
    assert {link.split("/")[-2] for link in links if link.startswith("../bron/")} == documents
