"""The home page summary, a theme's pillars and the related lists, and section boxes."""

from tiny import MUNICIPALITY, PARTNERS, SRC, agenda, data, plan, theme, version

from macros.policy.model import build_agenda
from macros.site import view_agenda
from macros.site.view_sections import section_view


def test_home_describes_the_version_and_links_each_theme():
    v = view_agenda.home(data(agenda(status="concept")), "index.md")
    assert (v.title, v.status, v.period) == ("Veiligheidsagenda Stad 2024-2027", "concept-", "2024-2027")
    assert [(t.title, t.has_goal, t.link.href) for t in v.themes] == [("Ondermijning", False, "thema/ondermijning.md")]
    assert not v.has_strategy and v.fundament_title == "" and v.core_tasks == ()


def test_a_theme_lists_its_pillars_with_their_speerpunten_and_what_serves_it():
    v = view_agenda.theme(data(), "thema/ondermijning.md", "ondermijning")
    (pillar,) = v.pillars
    assert (pillar.link.title, pillar.link.href) == ("4.1 Weerbaarheid", "../pijler/weerbaar.md")
    assert [(l.title, l.href) for l in pillar.speerpunten] == [("Voorlichting", "../pijler/weerbaar.md#sp-1")]
    # the actions serve the pillar, and so the theme; their partners count for it too
    assert v.related.has_actions and [a.title for a in v.related.actions] == ["Actie a1", "Actie a2", "Actie a3"]
    assert [p.title for p in v.related.partners] == ["Politie", "Aanpak", "Openbaar Ministerie (OM)"]
    p = view_agenda.pillar(data(), "pijler/weerbaar.md", "weerbaar")
    assert [a.title for a in p.related.actions] == ["Actie a1", "Actie a2", "Actie a3"]


def test_a_case_section_is_a_box_titled_with_the_word_for_a_case():
    case = dict(theme(), sections=[{"title": "Een winkelstraat", "style": "case", "text": "Wat er gebeurde.", "source": SRC}])
    this = build_agenda(MUNICIPALITY, [version(), case, PARTNERS, plan(2024, {"a1": ""})])
    (v,) = [section_view(data(this), s) for s in this.themes[0].sections]
    assert v.box_label == "Casus uit de praktijk" and v.section.title == "Een winkelstraat"
