"""The print templates on a tiny agenda: the HTML WeasyPrint lays out."""

import re
from dataclasses import replace
from pathlib import Path

from helpers import Page
from macros.print.document import comparison_html, version_html
from tiny_agenda import older, tiny

CREATED = "2023-11-14T22:13:20Z"
CSS = Path(__file__).resolve().parents[2] / "macros" / "templates" / "print" / "print.css"


def visible(html: str) -> str:
    """The words of the body, white space collapsed."""
    return Page(html.split("<body>", 1)[1]).plain


def compact(html: str) -> str:
    """The HTML without the line breaks and indentation between tags (a layout detail of the templates)."""
    return re.sub(r">\s+<", "><", html)


def body_headings(html: str) -> dict[str, str]:
    body = html.split("</nav>", 1)[1]
    return {anchor: label for anchor, label in re.findall(r'<h[1-6] id="(k\d+)">([^<]*)</h[1-6]>', body)}


def test_frame_carries_title_language_dates_and_the_print_style():
    html = version_html(tiny(), CREATED)
    page = Page(html)
    assert page.lang == "nl"
    assert "<title>Veiligheidsagenda – versie v2 (vastgesteld)</title>" in html
    assert html.count(f'content="{CREATED}"') == 2
    assert CSS.read_text(encoding="utf-8") in html.split("<style>", 1)[1].split("</style>", 1)[0]


def test_contents_link_to_headings_of_the_document():
    html = version_html(tiny(), CREATED)
    toc = re.findall(r'<li class="toc-(\d)"><a href="#(k\d+)">([^<]*)</a></li>', html)
    headings = body_headings(html)
    assert len(toc) > 10
    for level, anchor, label in toc:
        assert headings[anchor] == label
        assert f'<h{level} id="{anchor}">' in html
    assert len(headings) > len(toc)  # level 3 and boxed headings are not in the contents


def test_cover_and_running_header():
    html = version_html(tiny(), CREATED, "https://example.org/v2/")
    cover = compact(html.split('<nav class="toc">')[0])
    assert '<p class="cover-municipality">Gemeente Stad</p>' in cover
    for label, value in (("Versie", "v2"), ("Periode", "2024-2027"), ("Status", "vastgesteld, 5 oktober 2023"),
                         ("Besluit", "Raad, 5 oktober 2023"),
                         ("Bronnen", "<ul><li><cite>Het plan</cite>, Gemeente Stad, 2023-10</li>"
                                     "<li><cite>De bijlage</cite></li></ul>")):
        assert f'<tr><th scope="row">{label}</th><td>{value}</td></tr>' in cover
    assert "Let op: deze versie is onvolledig.</strong> Hoofdstuk 4 ontbreekt." in cover
    assert 'Gemaakt uit dezelfde gegevens als de website <a href="https://example.org/v2/">' in html
    assert '<p class="running">Veiligheidsagenda 2024-2027 · versie v2 (vastgesteld)</p>' in html
    # the status is an inline-block: white space around it would add an empty box to the tagged PDF
    assert re.search(r'</p><p class="cover-status">vastgesteld</p><table', html)
    one = version_html(tiny(documents=tiny().documents[:1], subtitle="", decision=""), CREATED)
    assert "<th scope=\"row\">Bron</th>" in one and "cover-subtitle" not in one.split("<style>")[0] + one.split("</style>")[1]
    assert "Besluit" not in one and "Gemaakt uit dezelfde gegevens als de website.</p>" in one


def test_policy_markdown_is_sanitised_html_and_plain_text_is_escaped():
    hostile = "<script>alert(1)</script> {{ 6*7 }} **vet**"
    agenda = tiny()
    chapter = replace(agenda.chapters[0], title=hostile, text=hostile, lead="")
    html = version_html(replace(agenda, chapters=(chapter,) + agenda.chapters[1:]), CREATED)
    assert "<script>" not in html and "alert(1)" not in html.split("&lt;script&gt;")[0].split("<body>")[1]
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &#123;&#123; 6*7 &#125;&#125; **vet**</h1>" in html  # the title, as written (braces encoded, as everywhere)
    assert "<strong>vet</strong>" in html  # the text, as Markdown
    assert "42" not in visible(html)


def test_sections_boxes_figures_and_tables():
    html = compact(version_html(tiny(), CREATED))
    page = visible(html)
    assert '<p class="statement">Samen <strong>veilig</strong></p>' in html
    assert "<ul><li>Los punt</li></ul>" in html and ">Punt met tekst</h3>" in html
    assert '<div class="box box-case"><p class="box-title">Casus uit de praktijk</p>' in html
    assert "<p><strong>Casus Anna</strong></p>" in html and '<p class="attribution">Anna, bewoner</p>' in html
    assert '<span class="figure-value">1.234</span><span class="figure-label">woninginbraken</span>' in html
    assert "<td>13.466</td><td>—</td>" in html and "<caption>Aangiften. Per jaar</caption>" in html
    assert "Bron: Het plan, § 2.1" in page and "Bron: Het plan, Bijlage" in page
    assert '<li value="1">Zie <em>bijlage</em>.</li>' in html


def test_what_the_sources_leave_open_is_said_in_words():
    html = version_html(tiny(), CREATED)
    row = html.split('<tr id="actie-a2">', 1)[1].split("</tr>", 1)[0]
    assert row.count("<em>niet vermeld in de bronnen</em>") == 5 and "<em>geen genoemd</em>" in row
    first = html.split('<tr id="actie-a1">', 1)[1].split("</tr>", 1)[0]
    assert "niet vermeld in de bronnen" not in first and "Politie Oost (PO)" in first and "GGD, Team Veiligheid" in first
    assert "Waarde: nog geen waarde" in visible(html) and "Waarde: 2022: 10, 2023: 12" in visible(html)
    assert "Doel: De bron noemt voor dit onderdeel geen apart doel." in visible(html)
    assert "De bron noemt bij dit onderdeel geen partners." in visible(html)  # the group without topics
    assert '<a href="#actie-a1">Buurtpreventie</a>' in html


def test_comparison_marks_each_change_in_words_too():
    old, new = older(), tiny()
    html = comparison_html(old, new, (old, new), CREATED)
    page = visible(html)
    assert "<title>Vergelijking van 2024-2027 (vervallen) naar 2024-2027 (vastgesteld)</title>" in html
    assert "Gemeente Stad Vergelijking van twee versies van de veiligheidsagenda" in page
    assert '<tr><th scope="row">Toegevoegd</th><td>1</td></tr>' in compact(html)
    # a lead rewritten altogether is the new text only, as on the web page (the old one stands above it)
    assert compact(visible(html)).count("Wordt: Jongeren.") == 1 and "<ins>Jongeren.</ins>" not in html
    reworded = replace(new, themes=(replace(new.themes[0], lead="Jonge mensen.\nIn de stad."), *new.themes[1:]))
    marked = comparison_html(old, reworded, (old, reworded), CREATED)
    assert ('<span class="diff-label">[verwijderd:</span> <del>de wijk.</del><span class="diff-label">]</span>'
            in marked and '<span class="diff-label">[toegevoegd:</span> <ins>de stad.</ins>' in marked)
    assert "Speerpunt: Scholen – van Jeugd en jongeren naar Preventie" in page
    assert "Thema: Jeugd (was: Jeugd en jongeren)" in page
    assert "vroeger is samengevoegd in Preventie: Met <em>school</em>." in html.replace("<strong>", "").replace("</strong>", "")
    same = comparison_html(new, new, (new,), CREATED)
    assert "Samengevoegd, gesplitst" not in same and visible(same).count("Geen.") == 6


def test_a_site_template_folder_replaces_one_print_template(tmp_path):
    (tmp_path / "print" / "parts").mkdir(parents=True)
    (tmp_path / "print" / "parts" / "glossary.html").write_text(
        '{% import "print/blocks.html" as b %}{{ b.heading(part.heading) }}<p>Eigen begrippenlijst</p>\n',
        encoding="utf-8")
    own = version_html(tiny(), CREATED, templates=str(tmp_path))
    shared = version_html(tiny(), CREATED)
    assert "Eigen begrippenlijst" in own and "Gemeentelijke gezondheidsdienst" not in own
    assert "Eigen begrippenlijst" not in shared and "Gemeentelijke gezondheidsdienst" in shared
    assert body_headings(own) == body_headings(shared)
