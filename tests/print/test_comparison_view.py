"""The comparison of two versions prepared for print."""

from dataclasses import replace

from macros.print.comparison_view import Run, comparison_document, runs
from tiny_agenda import older, tiny


def test_summary_groups_count_the_changes_and_name_them_in_the_contents():
    old, new = older(), tiny()
    doc = comparison_document(old, new, (old, new))
    counts = {g.title: len(g.changes) for g in doc.groups}
    assert counts == {"Toegevoegd": 1, "Verwijderd": 1, "Hernoemd": 1, "Verplaatst": 1, "Tekst gewijzigd": 1}
    assert [h.label for h in doc.contents] == [
        "Samenvatting", "Toegevoegd (1)", "Verwijderd (1)", "Hernoemd (1)", "Verplaatst (1)", "Tekst gewijzigd (1)",
        "Samengevoegd, gesplitst, voortgezet of vervallen", "Wijzigingen per onderdeel (was / wordt)",
        f"Ongewijzigd ({doc.unchanged_count})"]
    assert doc.unchanged_count == len(doc.unchanged) > 0
    assert (doc.old, doc.new) == ("Veiligheidsagenda 2024-2027 (vervallen)", "Veiligheidsagenda 2024-2027 (vastgesteld)")
    moved = next(g for g in doc.groups if g.title == "Verplaatst").changes[0]
    assert (moved.kind, moved.title, moved.old_parent, moved.parent) == ("Speerpunt", "Scholen", "Jeugd en jongeren", "Preventie")
    renamed = next(g for g in doc.groups if g.title == "Hernoemd").changes[0]
    assert (renamed.title, renamed.old_title) == ("Jeugd", "Jeugd en jongeren")


def test_each_changed_item_shows_its_fields_word_by_word():
    old, new = older(), tiny()
    doc = comparison_document(old, new, (old, new))
    theme = next(item for item in doc.changed if item.heading.label == "Thema: Jeugd")
    assert theme.heading.level == 3 and theme.heading not in doc.contents
    assert [f.label for f in theme.fields] == ["Titel", "Inleiding"]
    lead = theme.fields[1]
    assert lead.old == "Jonge mensen.\nIn de  wijk."
    # rewritten altogether: the new text only, as on the web page (the old one stands above it as "Was")
    assert lead.runs == (Run("=", "Jongeren."),)


def test_runs_make_line_breaks_spaces_and_trim_what_changed():
    assert runs("een oude\ntekst", "een nieuwe\ntekst") == (Run("=", "een "), Run("-", "oude"), Run("+", "nieuwe"),
                                                             Run("=", "tekst"))


def test_runs_are_the_web_pages_runs():
    """One helper for both: a last word replaced keeps a space between the two words."""
    assert runs("Het plan Doel", "Het plan Waar") == (Run("=", "Het plan "), Run("-", "Doel"), Run("=", " "),
                                                     Run("+", "Waar"))


def test_lineage_and_cover():
    old, new = older(), tiny()
    doc = comparison_document(old, new, (old, new))
    assert [(n.old_title, n.change, n.item_title, n.text) for n in doc.lineage] == [
        ("vroeger", "samengevoegd in", "Preventie", "Met *school*.")]  # an id unknown in the old version stays an id
    assert doc.cover.subtitle == "Van 2024-2027 (vervallen) naar 2024-2027 (vastgesteld)"
    assert doc.title == doc.cover.running == "Vergelijking van 2024-2027 (vervallen) naar 2024-2027 (vastgesteld)"
    assert [(v.label, v.id, v.status, v.date) for v in doc.cover.versions] == [
        ("Van", "v1", "vervallen", ""), ("Naar", "v2", "vastgesteld", "5 oktober 2023")]
    assert doc.cover.incomplete == (("2024-2027 (vastgesteld)", "Hoofdstuk 4 ontbreekt."),)


def test_a_version_compared_with_itself_has_no_changes_and_no_lineage_part():
    new = replace(tiny(), incomplete="")
    doc = comparison_document(new, new, (new,))
    assert all(not g.changes for g in doc.groups) and doc.changed == () and doc.lineage_heading is None
    assert doc.cover.incomplete == ()
