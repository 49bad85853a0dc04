"""Progress counts and series tables, worked out in Python before any template."""

from tiny import agenda, data, plan

from macros.site import view_figures


def test_progress_counts_actions_per_theme_and_status_and_lists_changed_statuses():
    this = agenda(plans=(plan(2024, {"a1": "gepland", "a2": ""}), plan(2025, {"a1": "lopend", "a2": "", "a3": "lopend"})))
    v = view_figures.progress(data(this), "voortgang/2025.md", "2025")
    assert v.statuses == ("niet vermeld in de bronnen", "Gepland", "Lopend", "Afgerond", "Vervallen")
    assert v.rows == (("Ondermijning", (1, 0, 2, 0, 0), 3),)
    assert (v.actions, v.undecided, v.has_previous) == (3, 1, True)
    assert [(c.action.title, c.action.href, c.before, c.after) for c in v.changed] == \
        [("Actie a1", "../actie/a1.md", "Gepland", "Lopend")]
    first = view_figures.progress(data(this), "voortgang/2024.md", "2024")
    assert not first.has_previous and first.changed == ()


def test_series_cells_are_in_dutch_notation_with_a_dash_for_no_value():
    v = view_figures.series_view(data(), data().agenda.series[0])
    assert [(r.label, r.cells) for r in v.rows] == [("Stad", ("67", "—")), ("Land", ("13.466", "1,5"))]
    assert v.categories == ("2021", "2022") and v.source.where == "§ 2.1"
