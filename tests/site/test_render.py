"""The built site, read as a resident's browser gets it."""

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml

from conftest import POLICY, VERSION, mkdocs, read
from helpers import DATA, Page, broken_links, foreign_resources, plain



def pages(site: Path):
    return sorted(site.rglob("*.html"))


def test_every_page_is_dutch_and_has_one_h1(site):
    for path in pages(site):
        if path.name == "404.html":
            continue
        page = Page(path.read_text(encoding="utf-8"))
        assert page.lang == "nl", path
        assert len(page.h1) == 1, f"{path}: {page.h1}"


def test_navigation_holds_both_themes_and_the_fundament(site):
    page = Page(read(site, "/"))
    for href in ("thema/ondermijning/", "thema/jeugd-zorg-veiligheid/", "fundament/", "uitvoeringsagenda/"):
        assert href in page.links
    assert "Ondermijnende effecten van criminaliteit" in page.plain
    assert "Jeugd, zorg en veiligheid" in page.plain


def test_home_tells_mission_vision_themes_and_figures(site):
    page = Page(read(site, "/")).plain
    strategy = DATA["strategie.yaml"]
    assert plain(strategy["mission"]["text"]) in page
    assert plain(strategy["vision"]["text"]) in page
    assert "92%" in page
    assert "Doel: De samenleving zo goed als mogelijk beschermen" in page


def test_home_of_a_labelled_version_names_the_document_not_the_agenda(published):
    """The plan van aanpak is a version of its own, not the veiligheidsagenda: its home page says which document it is."""
    plan = Page(read(published, "2024-2027-concept/")).plain
    assert "Dit is het document Plan van aanpak Meerjarenbeleidsplan Veiligheid 2024-2027 (plan van aanpak, vastgesteld) " \
           "van de gemeente Deventer." in plan
    assert "veiligheidsagenda van de gemeente" not in plan
    agenda = Page(read(published, "2024-2027/")).plain
    assert "Dit is de vastgestelde veiligheidsagenda van de gemeente Deventer voor 2024-2027" in agenda


def test_every_fundament_goal_is_on_its_page_and_the_overview(site):
    overview = Page(read(site, "fundament/")).plain
    for group in DATA["fundament.yaml"]["groups"]:
        for item in group.get("topics", []) + [group]:
            if "goal" not in item:
                continue
            page = Page(read(site, f"fundament/{item['id']}/"))
            assert page.h1 == [f"{item['number']} {item['title']}"]
            assert f"Doel: {plain(item['goal'])}" in page.plain
            assert plain(item["goal"]) in overview


def test_every_speerpunt_is_listed_under_its_pillar(site):
    for name in ("thema-ondermijning.yaml", "thema-jeugd-zorg-veiligheid.yaml"):
        theme = DATA[name]
        theme_page = Page(read(site, f"thema/{theme['id']}/"))
        for pillar in theme["pillars"]:
            page = Page(read(site, f"pijler/{pillar['id']}/"))
            assert f"../../thema/{theme['id']}/" in page.links  # up to its theme
            for sp in pillar["speerpunten"]:
                assert sp["id"] in page.ids
                assert sp["title"] in page.plain
                assert f"../../pijler/{pillar['id']}/#{sp['id']}" in theme_page.links
        for sp in theme.get("speerpunten", []):
            assert sp["id"] in theme_page.ids


def test_every_item_shows_its_source(site):
    page = Page(read(site, "pijler/bestuurlijk-instrumentarium/")).plain
    assert "Bron: Strategische Veiligheidsagenda Deventer (Meerjarenbeleidsplan Veiligheid 2024-2027), § 4.3.3" in page


def test_every_chapter_of_the_agenda_has_a_page(site):
    for path in ("voorwoord/", "inleiding/", "trends/", "strategie/", "kerntaken/", "thema/ondermijning/",
                 "thema/jeugd-zorg-veiligheid/", "fundament/", "verantwoording/", "kerncijfers/", "bronnen/"):
        assert Page(read(site, path)).h1, path
    trends = Page(read(site, "trends/")).plain
    for item in DATA["trends.yaml"]["sections"][-1]["items"]:
        assert item["title"] in trends  # the risks of 2.4
    assert "13.466" in Page(read(site, "kerncijfers/")).plain  # M-meldingen, Dutch notation


def test_all_internal_links_and_anchors_resolve(published):
    """Across the whole published site: every version, the alias, the comparisons."""
    assert broken_links(published) == []


def test_a_broken_link_and_a_missing_anchor_are_found(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "index.html").write_text('<h1 id="top">A</h1><a href="../b/">b</a> <a href="#nope">x</a>'
                                                ' <a href="#top">ok</a> <a href="https://example.org/">out</a>')
    assert broken_links(tmp_path) == ["/a/index.html -> ../b/", "/a/index.html -> #nope (anchor)"]


def test_no_resource_from_another_host(site):
    """Nothing the browser loads comes from elsewhere (a canonical link is not loaded)."""
    assert foreign_resources(site) == []
    page = site / "index.html"
    assert foreign_resources(site, extra={page: '<img src="https://example.org/x.png">'}) == [
        f'{page}: <img src="https://example.org/x.png">']  # the check sees one


def test_a_hand_written_page_can_embed_agenda_content(project):
    """Generated pages bypass Jinja; a page an editor writes by hand still gets
    the agenda through the macro, with the same escaping."""
    (project / "docs" / "thema-kort.md").write_text(
        '# Ondermijning in het kort\n\n{{ agenda_page("theme", "ondermijning") }}\n', encoding="utf-8")
    result = mkdocs("build", "--strict", "--site-dir", "out", cwd=project)
    assert result.returncode == 0, result.stderr
    page = (project / "out" / "thema-kort" / "index.html").read_text(encoding="utf-8")
    generated = (project / "out" / "thema" / "ondermijning" / "index.html").read_text(encoding="utf-8")
    assert "agenda_page" not in page
    # the pillars of the theme appear on both, linked the same way
    pillar = re.search(r'href="\.\./\.\./pijler/([a-z0-9-]+)/"', generated)
    assert pillar and f'href="../pijler/{pillar.group(1)}/"' in page


def test_many_themes_are_reached_through_their_overview(site):
    """Material repeats the navigation on every page, so the nav lists themes
    only while there are few; beyond that one entry leads to the overview."""
    import dataclasses

    from macros.site.pages import MAX_NAV_THEMES, build_nav
    from macros.site.site import load_site

    agenda = load_site(POLICY.resolve(), *VERSION.split("/")).agenda
    label = agenda.themes_label
    few = next(e[label] for e in build_nav(agenda) if label in e)
    assert [list(t.values())[0] for t in few] == [f"thema/{t.id}.md" for t in agenda.themes]
    crowded = dataclasses.replace(agenda, themes=agenda.themes * (MAX_NAV_THEMES // 2 + 1))
    assert next(e[label] for e in build_nav(crowded) if label in e) == "thema/index.md"
    overview = Page(read(site, "thema/"))
    assert {"../pijler/bewustwording-weerbaarheid/", "ondermijning/"} <= set(overview.links)


def test_every_kind_of_page_has_a_view_and_a_template():
    from macros.site import templating
    from macros.site.render import PAGES
    from macros.site.site import load_site

    kinds = {p.kind for p in load_site(POLICY, "deventer", "2024-2027").pages}
    assert {"theme", "action", "comparison", "version_overview", "progress"} <= kinds
    assert kinds <= set(PAGES), kinds - set(PAGES)
    for kind in PAGES:
        assert (templating.TEMPLATES / "pages" / f"{kind}.md").is_file(), kind


def test_the_renderer_lays_out_a_tiny_agenda_with_its_text_escaped():
    """Straight from a model built in the test: every page of it, no build."""
    from tiny import agenda, plan

    from macros.policy.index import build_index
    from macros.site.pages import build_pages
    from macros.site.render import Renderer

    this = agenda(theme_title="Wonen <18 & {{ 6*7 }}", plans=(plan(2024, {"a1": "gepland", "a2": ""}),))
    renderer = Renderer(this, build_index(this))
    bodies = {p.path: renderer.page(p.kind, p.item_id, p.path) for p in build_pages(this)}
    theme = bodies["thema/ondermijning.md"]
    assert theme.startswith("# 4 Wonen &lt;18 & &#123;&#123; 6\\*7 &#125;&#125;\n")  # Markdown heading, escaped once
    assert "42" not in theme and "{{" not in "".join(bodies.values())
    assert "## Geschiedenis {#geschiedenis}\n" in theme  # an item page ends with its history
    table = bodies["uitvoeringsagenda.md"]
    assert '<span class="agenda-meta">Wonen &lt;18 &amp; &#123;&#123; 6*7 &#125;&#125;</span>' in table  # in HTML: HTML-escaped
    assert '<option value="ondermijning">Wonen &lt;18 &amp; &#123;&#123; 6*7 &#125;&#125;</option>' in table
    assert "<p class=\"agenda-filter-count\" role=\"status\" aria-live=\"polite\">2 acties</p>" in table
    rows = re.findall(r'<tr role="row" data-[^>]*>(<t[hd][^>]*>)', table)
    assert rows == ['<th scope="row" role="rowheader">'] * 2  # each action names its row
    progress = bodies["voortgang/2024.md"]
    headers = re.findall(r'<th scope="col">([^<]+)</th>', progress)
    assert "Niet vermeld in de bronnen" in headers and all(h[0].isupper() for h in headers)
    assert renderer.banner("index.md", frozenset()) == ""  # no other version: no banner
