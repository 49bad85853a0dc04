"""The banner, the version overview and a comparison, on two tiny versions."""

from tiny import agenda, data

from macros.site import view_versions


def two_versions():
    old = agenda("2020-2023", "vervallen", theme_title="Ondermijning", text="De oude tekst.")
    new = agenda("2024-2027", "vastgesteld", theme_title="Ondermijnende criminaliteit", text="De nieuwe tekst.")
    return old, new


def test_the_banner_shows_only_on_a_version_not_in_force_and_links_the_same_page_when_it_exists():
    old, new = two_versions()
    assert view_versions.banner(data(new, (old, new), new), "index.md", frozenset({"index.md"})) is None
    on_old = view_versions.banner(data(old, (old, new), new), "thema/ondermijning.md", frozenset({"thema/ondermijning.md"}))
    assert on_old.kind == "een vervallen versie" and on_old.same_page
    assert on_old.href == "../../../2024-2027/thema/ondermijning/"
    elsewhere = view_versions.banner(data(old, (old, new), new), "bronnen.md", frozenset())
    assert not elsewhere.same_page and elsewhere.href == "../../2024-2027/"


def test_a_comparison_groups_renames_and_rewordings_and_diffs_word_by_word():
    old, new = two_versions()
    v = view_versions.comparison(data(new, (old, new), new), "vergelijk/2020-2023.md", "2020-2023")
    groups = {g.title: [i.title for i in g.items] for g in v.groups}
    assert groups["Hernoemd"] == ["Ondermijnende criminaliteit"]
    assert groups["Tekst gewijzigd"] == ["Weerbaarheid"]
    assert groups["Toegevoegd"] == groups["Verwijderd"] == []
    pillar = next(c for c in v.changed if c.title == "Weerbaarheid")
    (field,) = pillar.fields
    assert field.name == "Tekst" and field.old == "De oude tekst."
    assert ("-", "oude ") in field.runs and ("+", "nieuwe ") in field.runs
    assert v.pdf.size == "" and v.pdf.href == "../../downloads/vergelijking-2020-2023-2024-2027.pdf"


def test_the_overview_lists_versions_newest_first_with_every_pair_to_compare():
    old, new = two_versions()
    v = view_versions.version_overview(data(old, (old, new), new), "versies.md", "", {"2020-2023/downloads/veiligheidsagenda-2020-2023.pdf": 1_234_567})
    assert [(r.id, r.current, r.this_site) for r in v.rows] == [("2024-2027", True, False), ("2020-2023", False, True)]
    assert v.rows[1].pdf.size == "1,2 MB" and v.rows[0].pdf.size == ""
    assert [(c.old, c.new) for c in v.comparisons] == [("2020-2023 (vervallen)", "2024-2027 (vastgesteld)")]
    assert v.order == "2020-2023 2024-2027" and v.base == "../../"


def test_a_comparison_with_this_version_opens_in_this_version():
    """Every version has a page for each comparison it is part of; each is linked from its overview."""
    old, new = two_versions()
    concept = agenda("2024-2027-concept", "concept", theme_title="Ondermijning", text="De tekst.")
    on_old = view_versions.version_overview(data(old, (old, concept, new), new), "versies.md", "")
    assert [(c.old, c.new, c.href) for c in on_old.comparisons] == [
        ("2024-2027 (concept)", "2024-2027 (vastgesteld)", "../../2024-2027/vergelijk/2024-2027-concept/"),
        ("2020-2023 (vervallen)", "2024-2027 (vastgesteld)", "../vergelijk/2024-2027/"),
        ("2020-2023 (vervallen)", "2024-2027 (concept)", "../vergelijk/2024-2027-concept/")]
    on_new = view_versions.version_overview(data(new, (old, concept, new), new), "versies.md", "")
    assert [c.href for c in on_new.comparisons] == [
        "../vergelijk/2024-2027-concept/", "../vergelijk/2020-2023/", "../../2024-2027-concept/vergelijk/2020-2023/"]


def test_a_comparison_links_each_listed_item_in_the_version_where_it_is():
    old, new = two_versions()
    on_new = view_versions.comparison(data(new, (old, new), new), "vergelijk/2020-2023.md", "2020-2023")
    on_old = view_versions.comparison(data(old, (old, new), new), "vergelijk/2024-2027.md", "2024-2027")
    for v, prefix in ((on_new, "../../"), (on_old, "../../../2024-2027/")):
        items = {i.title: i for g in v.groups for i in g.items}
        theme, pillar = items["Ondermijnende criminaliteit"], items["Weerbaarheid"]
        assert theme.href.startswith(prefix + "thema/") and theme.href.endswith("/")
        assert pillar.href.startswith(prefix + "pijler/") and pillar.changed


def test_a_rewritten_text_is_shown_as_was_and_wordt_without_marks():
    assert view_versions.marked_runs("Doel", "Waar willen we naartoe?") == (("=", "Waar willen we naartoe?"),)
    old = "We werken samen met de politie en het OM aan veiligheid in de wijk."
    new = "We werken samen met de politie, het OM en de wijkteams aan veiligheid in de wijk."
    runs = view_versions.marked_runs(old, new)
    assert any(op == "-" for op, _ in runs) and any(op == "+" for op, _ in runs)
    assert "".join(text for op, text in runs if op != "-") == new


def test_deleted_and_inserted_words_do_not_run_together():
    runs = view_versions.marked_runs("Het plan komt tot stand met de partners", "Het plan komt tot stand met de wijkteams")
    assert runs == (("=", "Het plan komt tot stand met de "), ("-", "partners"), ("=", " "), ("+", "wijkteams"))


def test_a_text_that_grew_around_the_old_one_keeps_its_marks():
    old = "Samen met onze partners zetten we ons in voor een veilig Deventer."
    new = "Door de inspanning van vele partners, binnen en buiten het veiligheidsdomein, met inwoners en ondernemers, " + old
    runs = view_versions.marked_runs(old, new)
    assert runs[0][0] == "+" and runs[-1] == ("=", old)
