"""One version prepared for print: parts in reading order, contents, cover, action table."""

from dataclasses import replace

from macros.policy.index import build_index
from macros.print.version_view import cover, version_document
from tiny_agenda import tiny


def document(agenda=None, site_url=""):
    agenda = agenda or tiny()
    return version_document(agenda, build_index(agenda), site_url)


def test_parts_follow_their_numbers_then_the_appendices():
    kinds = [part.kind for part in document().parts]
    assert kinds == ["chapter", "chapter", "strategy", "core_tasks", "theme", "fundament", "action_plan",
                     "indicators", "key_figures", "partners", "glossary", "regional", "programme", "sources"]
    numbered = [p.heading.label for p in document().parts[:6]]
    assert numbered == ["Voorwoord", "1 Inleiding", "2 Strategie", "3 Kerntaken", "4 Jeugd", "5 Fundament"]
    # "10" after "9", not after "1"
    agenda = tiny()
    late = replace(agenda.chapters[1], id="later", title="Later", number="10", sections=())
    early = replace(agenda.chapters[1], id="eerder", title="Eerder", number="9", sections=())
    labels = [p.heading.label for p in document(replace(agenda, chapters=(late, early))).parts if p.kind == "chapter"]
    assert labels == ["9 Eerder", "10 Later"]


def test_parts_an_agenda_lacks_are_left_out_but_the_sources_stay():
    bare = replace(tiny(), chapters=(), strategy=None, core_tasks=None, themes=(), fundament=None, figures=(), series=(),
                   partners=(), action_plans=(), glossary=(), indicators=(), regionals=(), programmes=(), references=())
    parts = document(bare).parts
    assert [p.kind for p in parts] == ["sources"] and parts[0].references_heading is None


def test_contents_list_levels_one_and_two_in_reading_order():
    doc = document()
    labels = [h.label for h in doc.contents]
    assert labels[:6] == ["Voorwoord", "1 Inleiding", "1.1 Aanpak", "2 Strategie", "Missie", "Visie"]
    assert "Casus Anna" not in labels and "1.1.1 Dieper" not in labels  # boxes and level 3 are not listed
    assert labels[-2:] == ["Bronnen", "Verwijzingen"]
    assert len({h.anchor for h in doc.contents}) == len(doc.contents)


def test_cover_says_which_version_and_how_far_it_is_decided():
    c = cover(tiny(), "https://example.org/v2/")
    assert (c.title, c.period, c.dated_status, c.status) == (
        "Veiligheidsagenda 2024-2027", "2024-2027", "vastgesteld, 5 oktober 2023", "vastgesteld")
    assert c.running == "Veiligheidsagenda 2024-2027 · versie v2 (vastgesteld)"
    assert c.incomplete == "Hoofdstuk 4 ontbreekt."
    assert [(d.title, d.details) for d in c.documents] == [("Het plan", ("Gemeente Stad", "2023-10")), ("De bijlage", ())]
    undated = cover(tiny("c", "concept", date="", title="Agenda 2024-2027"))
    assert undated.dated_status == "concept (datum niet bekend)" and undated.title == "Agenda 2024-2027"
    assert document().title == "Veiligheidsagenda – versie v2 (vastgesteld)"


def test_action_rows_name_what_they_serve_and_leave_unknown_fields_empty():
    plan = next(p for p in document().parts if p.kind == "action_plan")
    first, second = plan.rows
    assert (first.number, first.serves, first.theme, first.core_task, first.led_by) == (
        1, "Vroeg erbij", "Jeugd", "Regie", "Politie Oost (PO)")
    assert (first.partners, first.period, first.status, first.budget) == (
        ("GGD", "Team Veiligheid"), "2024 tot en met 2025", "Lopend", "€ 10.000")
    assert (second.serves, second.theme) == ("Zorg", "Veiligheidsfundament")  # a fundament group has no theme
    assert (second.core_task, second.led_by, second.partners, second.period, second.status, second.budget) == (
        "", "", (), "", "", "")
    assert plan.heading.label == "Uitvoeringsagenda 2024"


def test_fundament_groups_without_topics_say_when_goal_or_partners_are_missing():
    fundament = next(p for p in document().parts if p.kind == "fundament")
    with_topics, without = fundament.groups
    assert (with_topics.show_goal, with_topics.show_partners, with_topics.partners) == (True, True, ("GGD",))
    assert (without.show_goal, without.show_partners) == (True, True)
    assert [t.heading.label for t in with_topics.topics] == ["5.1.1 Huiselijk geweld"]
    quiet = replace(with_topics.group, goal="", partners=())
    agenda = tiny()
    agenda = replace(agenda, fundament=replace(agenda.fundament, groups=(quiet,)))
    group = next(p for p in document(agenda).parts if p.kind == "fundament").groups[0]
    assert (group.show_goal, group.show_partners) == (False, False)  # its topics say it


def test_lookups_for_indicators_regional_themes_and_partners():
    parts = {p.kind: p for p in document().parts}
    assert [i.informs for i in parts["indicators"].indicators] == [("Jeugd",), ()]  # unknown ids are left out
    assert [t.answered_by for t in parts["regional"].themes] == [("Jeugd",), ()]
    assert parts["regional"].meta == "De regio, maart 2022"
    assert [(g.heading.label, [label for label, _, _ in g.partners]) for g in parts["partners"].groups] == [
        ("Externe partner", ["Politie Oost (PO)", "GGD"]), ("Gemeentelijk team", ["Team Veiligheid"])]
    assert parts["programme"].date == "2019" and [g.heading.label for g in parts["programme"].groups] == [
        "Wat we zagen", "Sporen"]
    theme = parts["theme"]
    assert [sp.heading.level for sp in theme.speerpunten] == [3]
    assert [(p.speerpunten_heading.level, [sp.heading.level for sp in p.speerpunten]) for p in theme.pillars] == [(3, [4])]
