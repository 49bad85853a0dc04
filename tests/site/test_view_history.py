"""An item's history and the wijzigingen page, from a history made in the test."""

from tiny import data

from macros.compare.history import History, ItemChange, PolicyChange
from macros.site import view_history

DAY = 86400
FIRST = PolicyChange("a" * 40, 1700000000, True, "", True)
TYPO = PolicyChange("b" * 40, 1700000000 + DAY, False, "", False,
                    (ItemChange("weerbaar", "pillar", "Weerbaarheid", "changed", ("tekst",)),))
MANY = PolicyChange("c" * 40, 1700000000 + 2 * DAY, True, "Nieuwe acties", False,
                    tuple(ItemChange(f"x{i}", "action", f"Actie {i}", "added") for i in range(11))
                    + (ItemChange("weerbaar", "pillar", "Weerbaarheid", "changed", ("titel", "tekst")),))


def test_an_item_history_marks_minor_corrections_and_gives_the_last_announced_change():
    history = History(True, changes=(MANY, TYPO, FIRST))
    v = view_history.item_history(history, "weerbaar", "pijler/weerbaar.md")
    assert [(e.date.text, e.what, e.note, e.minor) for e in v.entries] == [
        ("16 november 2023", "titel en tekst gewijzigd", "Nieuwe acties", False),
        ("15 november 2023", "tekst gewijzigd", "", True),
        ("14 november 2023", "eerste publicatie", "", False)]
    assert v.last_changed.iso == "2023-11-16" and v.all_changes == "../../wijzigingen/"


def test_without_git_the_history_says_why():
    v = view_history.item_history(History(False, "geen git-kopie"), "weerbaar", "pijler/weerbaar.md")
    assert not v.available and v.reason == "geen git-kopie" and v.entries == ()


def test_the_changes_page_lists_announced_changes_and_folds_long_lists():
    page = view_history.changes_page(data(history=History(True, changes=(MANY, TYPO, FIRST))), "wijzigingen.md", "")
    assert [c.heading for c in page.changes] == ["16 november 2023: Nieuwe acties", "14 november 2023"]
    many = page.changes[0]
    assert many.summary == "12 onderdelen: 1 gewijzigd, 11 toegevoegd." and many.folded
    assert many.items[-1].item.href == "../pijler/weerbaar/" and many.items[0].item.href == ""  # not on this site
    assert page.changes[1].summary == "Eerste publicatie van Veiligheidsagenda Stad." and page.changes[1].items == ()


def test_changes_on_one_day_get_headings_of_their_own():
    """Headings alike would be listed alike in the table of contents."""
    same_day = PolicyChange("d" * 40, 1700000000 + 3600, True, "", False,
                            (ItemChange("weerbaar", "pillar", "Weerbaarheid", "changed", ("tekst",)),))
    page = view_history.changes_page(data(history=History(True, changes=(MANY, same_day, FIRST))), "wijzigingen.md", "")
    assert [c.heading for c in page.changes] == [
        "16 november 2023: Nieuwe acties", "14 november 2023, 2e wijziging", "14 november 2023, 1e wijziging"]
