"""PDF downloads: made by `agenda build`, read like the document they replace,
linked from the site, and made without any network access."""

import html
import posixpath
import re
import socket
from pathlib import Path

import pytest
from pypdf import PdfReader

from conftest import POLICY, VERSION, read
from helpers import HOSTILE

VERSIONS = {"2024-2027": "vastgesteld, oktober 2023", "2024-2027-concept": "vastgesteld, 12 juni 2023",
            "2020-2023": "vervallen (datum niet bekend)"}


def pages(path: Path) -> list[str]:
    """The text of each page, whitespace normalised (lines wrap where the layout wants)."""
    return [" ".join(page.extract_text().split()) for page in PdfReader(path).pages]


def plain(markdown_text: str) -> str:
    """What a reader sees of a Markdown text from the YAML."""
    from macros.policy.text import render_text
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", render_text(markdown_text))).split())


def agendas():
    from macros.site.site import load_site
    return {v.id: v for v in load_site(POLICY, "deventer", "2024-2027").versions}


def contents(texts: list[str]) -> list[tuple[str, int]]:
    """(label, page number) of each entry of the table of contents (from page 2 on)."""
    entries = []
    for text in texts[1:]:
        found = re.findall(r"(.+?) \.{3,} ?(\d+)(?= |$)", text.split("Inhoud", 1)[-1])
        if not found:
            break
        entries += [(label.strip(), int(n)) for label, n in found]
    return entries


@pytest.mark.parametrize("version", list(VERSIONS))
def test_each_version_has_a_pdf_with_cover_contents_and_page_numbers(published, data_project, version):
    path = published / version / "downloads" / f"veiligheidsagenda-{version}.pdf"
    texts = pages(path)
    cover = texts[0]
    assert "Gemeente Deventer" in cover and f"Versie {version}" in cover
    assert f"Status {VERSIONS[version]}" in cover
    assert "Inhoud" in texts[1]
    assert f"{agendas()[version].title}" in texts[2] and f"versie {version}" in texts[2]  # running header
    for number, text in enumerate(texts[1:], 2):
        assert f"pagina {number} van {len(texts)}" in text
    meta = PdfReader(path).metadata
    assert meta.title.startswith(agendas()[version].title) and version in meta.title
    # the date of the last commit, not of the build: two builds give the same bytes
    from macros.print.pdf import created
    from macros.publish.build import source_date_epoch
    assert meta["/CreationDate"] == meta["/ModDate"] == "D:" + re.sub(r"\D", "", created(source_date_epoch(data_project))) + "Z"
    assert PdfReader(path).trailer["/Root"]["/Lang"] == "nl"


def test_contents_list_every_theme_on_the_page_it_starts(published):
    path = published / VERSION.split("/")[1] / "downloads" / "veiligheidsagenda-2024-2027.pdf"
    texts = pages(path)
    entries = contents(texts)
    agenda = agendas()["2024-2027"]
    labels = dict(entries)
    for theme in agenda.themes:
        assert f"{theme.number} {theme.title}" in labels, entries
    assert len(entries) > 30
    # WeasyPrint's bookmarks come from where each heading was laid out, not from the contents
    reader = PdfReader(path)
    bookmarks = []  # (title, page) in document order, every heading level

    def walk(items):
        for item in items:
            if isinstance(item, list):
                walk(item)
            else:
                bookmarks.append((" ".join(item.title.split()), reader.get_destination_page_number(item) + 1))
    walk(reader.outline)
    remaining = iter(bookmarks)
    for label, number in entries:
        assert label in texts[number - 1], f"{label!r} is not on page {number}"
        assert next(page for title, page in remaining if title == label) == number, label


def test_pdf_holds_the_policy_text_and_says_what_is_not_decided(published):
    agenda = agendas()["2024-2027"]
    text = " ".join(pages(published / "2024-2027" / "downloads" / "veiligheidsagenda-2024-2027.pdf"))
    goal = agenda.themes[0].goal.statement
    assert plain(goal) in text
    assert plain(agenda.strategy.mission.text) in text
    # no action has a trekker in the sources: the table says so, as the site does
    assert not any(a.led_by for a in agenda.actions)
    table = text.split("Acties afgeleid uit de Strategische Veiligheidsagenda", 2)[-1]
    assert table.count("niet vermeld in de bronnen") >= len(agenda.actions)
    assert agenda.actions[0].title in table


def test_comparison_pdf_names_the_changes_in_words(published):
    from macros.compare.diff import diff
    versions = agendas()
    changes = diff(versions["2024-2027-concept"], versions["2024-2027"])
    reworded = next(ch for ch in changes if ch.kind == "changed" and ch.fields)
    added = sum(1 for ch in changes if ch.kind == "added")
    path = published / "2024-2027" / "downloads" / "vergelijking-2024-2027-concept-2024-2027.pdf"
    text = " ".join(pages(path))
    assert text.startswith("Gemeente Deventer Vergelijking")
    assert f"Toegevoegd {added}" in text  # the summary table
    assert f"{reworded.entry.title}" in text.split("Wijzigingen per onderdeel", 2)[-1]
    assert "[verwijderd:" in text and "[toegevoegd:" in text  # readable without colour
    assert (published / "2024-2027-concept" / "downloads" / path.name).read_bytes() == path.read_bytes()


def _links(page_html: str) -> list[str]:
    return re.findall(r'href="([^"]+\.pdf)"', page_html)


@pytest.mark.parametrize("page", ["2024-2027/open-data/", "actueel/open-data/", "2024-2027/versies/",
                                  "2024-2027/vergelijk/2024-2027-concept/", "2020-2023/open-data/"])
def test_pdf_links_on_the_site_point_at_the_files_with_their_size(published, page):
    from macros.site.downloads import human_size
    page_html = read(published, page)
    links = _links(page_html)
    assert links
    for href in links:
        target = (published / posixpath.normpath(posixpath.join(page, href))).resolve()
        assert target.is_file(), f"{href} on {page}"
        assert f"(PDF, {human_size(target.stat().st_size)})" in page_html.split(f'href="{href}"', 1)[1][:300]


def test_plain_mkdocs_build_makes_no_pdf_but_says_when_it_is_made(site):
    assert not (site / "downloads").exists()
    page = read(site, "open-data/")
    assert _links(page) and "(PDF, wordt gemaakt bij het publiceren van de site)" in page


def test_fetcher_refuses_every_url_but_data():
    from weasyprint.urls import FatalURLFetchingError

    from macros.print.pdf import offline_fetcher, render_pdf
    cases = [('<img src="https://example.org/pixel.png">', "https://example.org/pixel.png"),
             ('<link rel="stylesheet" href="http://example.org/a.css">', "http://example.org/a.css"),
             ("<style>@font-face { font-family: x; src: url(https://example.org/f.woff2) }</style>"
              '<p style="font-family: x">a</p>', "https://example.org/f.woff2"),
             ('<img src="file:///etc/passwd">', "file:///etc/passwd")]
    for markup, url in cases:
        fetcher = offline_fetcher()
        with pytest.raises(FatalURLFetchingError):
            render_pdf(f"<!doctype html><html><head></head><body>{markup}</body></html>", fetcher)
        assert fetcher.refused == [url]
    pixel = "data:image/gif;base64,R0lGODlhAQABAAAAACw="
    assert render_pdf(f'<img src="{pixel}">').startswith(b"%PDF")


def test_hostile_yaml_stays_inert_and_nothing_is_fetched(project, monkeypatch):
    from macros.print import pdf
    from macros.site.site import load_site
    concept = project / "policy" / "deventer" / "2024-2027-concept" / "aanleiding.yaml"
    source = concept.read_text(encoding="utf-8")
    hostile = HOSTILE + '\n<img src="https://example.org/tracker.png">\n\n![foto](https://example.org/foto.png)\n'
    first = source.index("text: |\n") + len("text: |\n")
    indent = " " * (len(source[first:]) - len(source[first:].lstrip(" ")))
    start = source.rindex("\n", 0, first - len("text: |\n")) + 1
    # marked as the editors' text, so that the quote check lets it through to the PDF
    concept.write_text(source[:start] + f"{indent[:-2]}editorial:\n{indent}text: Tekst van de test.\n" + source[start:first]
                       + "".join(f"{indent}{line}\n" if line else "\n" for line in hostile.splitlines())
                       + source[first:], encoding="utf-8")
    agenda = next(v for v in load_site(project / "policy", "deventer", "2024-2027").versions if v.id == "2024-2027-concept")
    fetchers = []
    monkeypatch.setattr(pdf, "offline_fetcher", lambda real=pdf.offline_fetcher: fetchers.append(real()) or fetchers[-1])

    def no_network(*args, **kwargs):
        raise AssertionError("the PDF tried to reach the network")
    monkeypatch.setattr(socket.socket, "connect", no_network)
    out = project / "concept.pdf"
    out.write_bytes(pdf.version_pdf(agenda))
    assert fetchers and all(f.refused == [] for f in fetchers)  # nothing asked for, not even refused
    text = " ".join(pages(out))
    assert "Som: {{ 6*7 }} en {% if true %}ja{% endif %}" in text and "Som: 42" not in text
    assert "alert(" not in text and "onerror" not in text and "tracker.png" not in text
    assert "goed" in text


def test_dates_and_sizes_in_dutch():
    from macros.print.pdf import created
    from macros.site.downloads import human_size
    from macros.words import dutch_date
    assert dutch_date("2023-06-12") == "12 juni 2023" and dutch_date("2023-10") == "oktober 2023"
    assert dutch_date("Voorjaar 2022") == "Voorjaar 2022"
    assert human_size(442_749) == "443 kB" and human_size(1_234_567) == "1,2 MB"
    assert created("1700000000") == "2023-11-14T22:13:20Z"
