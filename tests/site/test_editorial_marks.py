"""What the sources say and what the editors added, as a reader of the built site sees it:
every "Bron: § x" is a link to the cited section on the source document's page, and
every editorial link, label or text carries a mark in words with its reason."""

import posixpath
import re
from dataclasses import replace
from pathlib import Path

import pytest
from conftest import read
from helpers import DATA, Marked, Page

from macros.policy.model import Editorial, Source
from macros.site.source_pages import section_anchor
from macros.site.view_parts import editorial_note, source_view
from macros.words import EDITORIAL_KINDS

SCHEMA_REASONS = {  # the schema's standing reasons (schema/policy.schema.json, x-reason)
    "core_task": "De agenda noemt geen kerntaak bij deze actie; de redactie koppelt haar aan een kerntaak.",
    "type": "Indeling in soorten door de redactie; de bronnen delen de partners niet zo in.",
    "action_title": "Titel door de redactie afgeleid uit de tekst van de bron.",
}


def pages(root: Path):
    for path in sorted(root.rglob("index.html")):
        yield path.relative_to(root).parent.as_posix(), path.read_text(encoding="utf-8")


def version_roots(site: Path) -> list[Path]:
    return [p for p in sorted(site.iterdir()) if p.is_dir() and p.name != "actueel" and (p / "index.html").is_file()]


@pytest.fixture(scope="module")
def roots(published, published_doetinchem) -> list[Path]:
    return version_roots(published) + version_roots(published_doetinchem)


def test_every_source_line_links_to_the_cited_section_on_the_source_page(roots):
    checked = 0
    for root in roots:
        for page_dir, html in pages(root):
            for text, links in Marked(html).sources:
                if page_dir == "begrippen" and links and links[0][0].startswith("http"):
                    continue  # a glossary meaning from outside the documents names its own source
                assert text.startswith("Bron: "), (root.name, page_dir, text)
                assert len(links) == 1, (root.name, page_dir, text)  # every document has its page on the site
                href, where = links[0]
                path, anchor = href.split("#")
                # the link text is the section; the anchor is that section's, on the cited document's page
                assert anchor == section_anchor(where.removeprefix("§ ")), (page_dir, href, where)
                target = posixpath.normpath(posixpath.join(page_dir, path))
                assert target.startswith("bron/"), (page_dir, href)
                assert anchor in Page((root / target / "index.html").read_text(encoding="utf-8")).ids, (page_dir, href)
                checked += 1
    assert checked > 300  # the item pages of four versions (338 when written), not a handful


def test_every_action_page_shows_its_marks_and_links_the_speerpunt_it_derives_from(published):
    plan = DATA["uitvoeringsagenda-2024.yaml"]
    speerpunten = {}
    for name, data in DATA.items():
        if name.startswith("thema-"):
            for sp in data.get("speerpunten", []) + [sp for p in data.get("pillars", []) for sp in p.get("speerpunten", [])]:
                speerpunten[sp["id"]] = sp
    for action in plan["actions"]:
        html = read(published, f"2024-2027/actie/{action['id']}/")
        page, marked = Page(html), Marked(html)
        assert "uitvoeringsagenda 2024" not in page.plain.lower(), action["id"]
        first = marked.marks[0]  # the line under the title
        assert first[0] == "p" and first[2].startswith("Afgeleid door de redactie "), (action["id"], first[2])
        section = action["source"]["section"]
        if action.get("speerpunt"):
            sp = speerpunten[action["speerpunt"]]
            href, title = first[3][0]
            assert href.endswith("#" + sp["id"]) and " ".join(title.split()) == " ".join(sp["title"].split()), action["id"]
            assert f"uit het speerpunt {' '.join(title.split())} (§ {section})" in first[2]
        else:
            assert f"uit § {section}, in de lijst {plan['title']}." == first[2].removeprefix("Afgeleid door de redactie "), \
                action["id"]
        assert first[3][-1][1] == plan["title"]
        texts = [m[2] for m in marked.marks]
        if action.get("core_task"):
            assert f"(koppeling door de redactie: {SCHEMA_REASONS['core_task']})" in texts, action["id"]
            assert f"Kerntaak: " in page.plain and SCHEMA_REASONS["core_task"] in page.plain
        else:
            assert SCHEMA_REASONS["core_task"] not in page.plain
        if "serves" in action.get("editorial", {}):
            assert f"(koppeling door de redactie: {action['editorial']['serves']})" in texts, action["id"]
        assert f"Tekst van de redactie (titel): {SCHEMA_REASONS['action_title']}" in texts
        for field, reason in action.get("editorial", {}).items():
            assert reason in page.plain, (action["id"], field)


def test_partner_kind_and_indicator_links_are_marked_and_the_indicators_name_their_source(published):
    partner = Marked(read(published, "2024-2027/partner/procesregisseurs/"))
    assert [m[2] for m in partner.marks] == [f"(keuze van de redactie: {SCHEMA_REASONS['type']})"]
    overview = Marked(read(published, "2024-2027/partners/"))
    assert [m[2] for m in overview.marks] == [f"Keuze van de redactie (soort partner): {SCHEMA_REASONS['type']}"]

    html = read(published, "2024-2027/indicatoren/")
    page, marked = Page(html), Marked(html)
    assert marked.sources[0][0] == "Bron: Plan van aanpak Meerjarenbeleidsplan Veiligheid 2024-2027 " \
                                   "(nota B&W en raadsmededeling), § 1.4"
    assert marked.marks[0][2].startswith("Keuze van de redactie (indicatoren): De vastgestelde agenda noemt geen indicatoren")
    informs = [m for m in marked.marks if m[2].startswith("(koppeling door de redactie: De bron noemt bij de indicatoren")]
    assert len(informs) == len(DATA["indicatoren.yaml"]["indicators"])
    theme = Page(read(published, "2024-2027/thema/jeugd-zorg-veiligheid/")).plain
    assert "Hiermee meet de gemeente" not in theme
    assert "Keuze van de redactie (indicatoren): De vastgestelde agenda noemt geen indicatoren" in theme


def test_regional_links_lineage_and_version_status_are_marked(published, published_doetinchem):
    regional = Page(read(published, "2024-2027/regio/regio-ijsselland-2022/")).plain
    assert "(koppeling door de redactie: De brief noemt geen thema's van de agenda.)" in regional
    theme = Page(read(published, "2024-2027/thema/ondermijning/")).plain
    assert "is voortgezet in dit thema (koppeling door de redactie: § 1.1 zegt alleen dat de ontwikkelthema's " \
           "'in meer of mindere mate' terugkomen" in theme
    home = Page(read(published_doetinchem, "2020-2023/")).plain
    assert "Keuze van de redactie (status): De kadernota spreekt van 'twee vastgestelde prioriteiten'" in home
    concept = read(published, "2024-2027-concept/")
    banner = concept[concept.index('class="agenda-banner"'):]
    banner = Page(banner[:banner.index("</p>")]).plain
    assert "Keuze van de redactie (status): Vastgesteld is het plan van aanpak, door B&W op 12 juni 2023" in banner
    versions = Page(read(published, "2024-2027/versies/")).plain
    assert "Keuze van de redactie (status, Plan van aanpak Meerjarenbeleidsplan Veiligheid 2024-2027" in versions


def test_the_marks_are_words_that_screen_readers_read(roots):
    kinds = tuple(v for k, v in EDITORIAL_KINDS.items() if k in ("link", "text", "choice"))
    seen = 0
    for root in roots:
        for page_dir, html in pages(root):
            for tag, attrs, text, _ in Marked(html).marks:
                seen += 1
                assert "hidden" not in attrs and attrs.get("aria-hidden") != "true", (page_dir, tag)
                assert tag in ("p", "span"), (page_dir, tag)
                assert text.lower().lstrip("(").startswith(tuple(k.lower() for k in kinds) + ("afgeleid door de redactie",)), \
                    (page_dir, text)
                assert len(text) > 30, (page_dir, text)  # the kind and a reason, not a bare symbol
    assert seen > 200
    css = (Path(__file__).resolve().parents[2] / "docs/assets/agenda.css").read_text(encoding="utf-8")
    rules = re.findall(r"[^{}]*agenda-editorial[^{}]*\{([^}]*)\}", css)
    assert rules and not any("display: none" in r or "visibility: hidden" in r for r in rules)


def test_glossary_meanings_from_outside_the_documents_name_their_own_source(published):
    page = Page(read(published, "2024-2027/begrippen/"))
    assert "Uitleg: http" not in page.plain
    external = [t for t in DATA["begrippen.yaml"]["terms"] if t.get("url")]
    assert external
    for term in external:
        assert f"Bron: {term['url']}" in page.plain


def test_the_open_data_page_documents_the_redactie_column(published):
    page = Page(read(published, "2024-2027/open-data/")).plain
    assert "`bron_paragraaf`, `redactie`" not in page  # rendered as code, not backticks
    assert "bron_document, bron_paragraaf, redactie." in page


def test_a_note_says_its_kind_once_and_a_source_line_without_a_page_has_no_link():
    note = editorial_note("informs", "Koppeling door de redactie: de bron noemt geen onderdelen.")
    assert (note.kind, note.field, note.reason) == ("Koppeling door de redactie", "koppeling met de agenda",
                                                    "De bron noemt geen onderdelen.")
    assert editorial_note("description", "Samenvatting.").kind == "Tekst van de redactie"
    assert editorial_note("type", "Indeling.").kind == "Keuze van de redactie"

    from tiny import data
    agenda = data().agenda
    with_text = replace(agenda, documents=(replace(agenda.documents[0], file="doc.txt"),))
    source = Source("doc", "1.1", (Editorial("core_task", "Reden."), Editorial("title", "Titel.")))
    view = source_view(with_text, source, "actie/a1.md", ("core_task",))
    assert [(n.field, n.reason) for n in view.editorial] == [("titel", "Titel.")]
    assert view.href == "../../bron/doc/#sectie-1-1"
    assert source_view(with_text, source).href == ""  # no page to link from (print)
    assert source_view(agenda, source, "actie/a1.md").href == ""  # the document has no text, so no page


def test_which_paragraph_is_the_mission_or_the_vision_is_marked_where_they_stand(published_doetinchem):
    """Doetinchem's source gives two paragraphs under "Missie/visie"; the editors call them mission and vision
    (on the strategy page, with the sources; the home page only sums up, as it does without source lines)."""
    mission = "De bron geeft onder de kop \"Missie/visie\" twee alinea's zonder ze te benoemen"
    vision = "De redactie noemt de tweede alinea onder \"Missie/visie\""
    for url in ("2020-2023/strategie/",):
        html = read(published_doetinchem, url)
        page = Page(html).plain
        assert f"Keuze van de redactie (missie): {mission}" in page and f"Keuze van de redactie (visie): {vision}" in page, url
        # each under its own heading
        assert html.index('id="missie"') < html.index("zonder ze te benoemen") < html.index('id="visie"') \
            < html.index("noemt de tweede alinea"), url
