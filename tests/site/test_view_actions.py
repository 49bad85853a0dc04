"""The uitvoeringsagenda's filters and rows, and one action's facts."""

from tiny import data

from macros.site import view_actions


def test_filters_offer_each_value_once_sorted_by_label_with_not_decided_as_dash():
    (plan,) = view_actions.action_plans(data(), "uitvoeringsagenda.md", "")
    filters = {f.key: f.options for f in plan.filters}
    assert filters["partner"] == (("aanpak", "Aanpak"), ("om", "Openbaar Ministerie (OM)"), ("politie", "Politie"))
    assert filters["status"] == (("gepland", "Gepland"), ("lopend", "Lopend"), ("-", "niet vermeld in de bronnen"))
    assert filters["thema"] == (("ondermijning", "Ondermijning"),)


def test_rows_carry_the_values_the_filter_script_matches():
    (plan,) = view_actions.action_plans(data(), "uitvoeringsagenda.md", "")
    first, second, _ = plan.rows
    assert dict(first.data) == {"thema": "ondermijning", "kerntaak": "-", "partner": "aanpak politie", "status": "gepland"}
    assert dict(second.data)["status"] == "-" and second.status == ""
    assert first.action.href == "../actie/a1/"  # an HTML link: the built site's directory URL
    assert [p.title for p in second.partners] == ["Openbaar Ministerie (OM)", "Politie"]


def test_an_action_page_links_what_it_serves_and_leaves_undecided_fields_empty():
    v = view_actions.action(data(), "actie/a2.md", "a2")
    assert (v.serves.title, v.serves.href) == ("Weerbaarheid", "../pijler/weerbaar.md")
    assert v.theme.href == "../thema/ondermijning.md"
    assert v.led_by is None and v.core_task is None and v.status == "" and v.period == ""
