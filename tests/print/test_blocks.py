"""The recurring pieces of a printed version, prepared for the templates."""

from dataclasses import replace

from macros.policy.index import build_index
from macros.policy.model import Item, Section, Source
from macros.print.blocks import Blocks, Box, Items, SourceRef, Table
from macros.print.headings import Headings
from tiny_agenda import tiny


def blocks(agenda=None):
    agenda = agenda or tiny()
    return Blocks(agenda, build_index(agenda), Headings())


def test_a_source_names_its_document_and_marks_paragraph_numbers():
    b = blocks()
    assert b.source(Source("plan", "2.1")) == SourceRef("Het plan", "2.1", True)
    assert b.source(Source("plan", "Bijlage")) == SourceRef("Het plan", "Bijlage", False)
    assert b.source(Source("elders", "3")) == SourceRef("elders", "3", True)  # unknown document: its id
    assert b.source(None) is None


def test_partners_are_named_with_their_abbreviation_once():
    b = blocks()
    assert b.partners(("politie", "ggd", "team", "onbekend")) == ("Politie Oost (PO)", "GGD", "Team Veiligheid", "onbekend")


def test_actions_of_an_item_link_to_their_row():
    assert [(a.id, a.title) for a in blocks().actions("sp1")] == [("a1", "Buurtpreventie")]
    assert blocks().actions("t1") == ()  # a topic no action serves


def test_items_without_text_are_listed_and_items_with_text_get_a_heading():
    b = blocks()
    found = b.items((Item("a", "Los"), Item("b", "Met tekst", "Uitleg."), Item("c", "Ook los")), 7)
    assert found.plain == ("Los", "Ook los")
    assert [(t.heading.level, t.heading.label, t.text) for t in found.texted] == [(6, "Met tekst", "Uitleg.")]
    assert b.headings.contents == []  # items never enter the table of contents


def test_tables_write_numbers_the_dutch_way_and_a_dash_where_none_is_given():
    series = tiny().series[0]
    assert blocks().table(series) == Table("Aangiften. Per jaar", ("2022", "2023"),
                                           (("Deventer", ("13.466", "—")), ("NL", ("1,5", "2"))))
    assert blocks().table(replace(series, caption="")).caption == "Aangiften"


def test_a_section_lists_the_figures_it_names_and_skips_unknown_ones():
    view = blocks().section(tiny().chapters[1].sections[0], 2)
    assert [f.id for f in view.figures] == ["f1"]
    assert [t.caption for t in view.tables] == ["Aangiften. Per jaar"]


def test_subsections_and_items_are_numbered_before_their_section():
    """The anchors keep the order they always had (the PDF's named destinations stay the same)."""
    b = blocks()
    view = b.section(tiny().chapters[1].sections[0], 2)
    assert view.heading.label == "1.1 Aanpak" and view.heading.level == 2
    assert [t.heading.anchor for t in view.items.texted] == ["k1"]
    assert view.children[0].heading.anchor == "k2" and view.children[0].heading.level == 3
    assert view.heading.anchor == "k3"
    assert view.source == SourceRef("Het plan", "2.1", True)
    assert b.headings.contents == [view.heading]


def test_cases_news_and_quotes_are_boxes_without_a_heading():
    b = blocks()
    named = b.section(Section("Casus Anna", style="case", attribution="Anna"), 2)
    assert named.heading is None and named.box == Box("case", "Casus uit de praktijk", "Casus Anna", "Anna")
    plain = b.section(Section("Casus uit de praktijk", style="case"), 2)
    assert plain.box == Box("case", "Casus uit de praktijk", "", "")
    quote = b.section(Section("Citaat", style="quote", sections=(Section("Binnen"),)), 2)
    assert quote.box == Box("quote", "Citaat", "", "") and quote.children == ()
    assert b.headings.contents == []
    assert named.items == Items((), ())
