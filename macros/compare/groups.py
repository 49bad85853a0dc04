"""How a comparison is summarised for people, on the page and in the PDF alike.

The stable home of `change_groups` and `old_title`: the web comparison
(`macros.site.view_versions`) and the printed one (`macros.print`) both
import them from here.
"""

from __future__ import annotations

from macros.compare.diff import Change, entries_by_key


def old_title(versions, version_id: str, item_id: str) -> str:
    """The title of an item in another version (its id if it has no title there)."""
    agenda = next((v for v in versions if v.id == version_id), None)
    if agenda is None or not item_id:
        return item_id
    entry = entries_by_key(agenda).get(item_id)
    return entry.title if entry else item_id


def change_groups(changes: list[Change]) -> list[tuple[str, list[Change]]]:
    """The summary of a comparison: (heading, changes) in reading order."""
    return [
        ("Toegevoegd", [ch for ch in changes if ch.kind == "added"]),
        ("Verwijderd", [ch for ch in changes if ch.kind == "removed"]),
        ("Hernoemd", [ch for ch in changes if ch.renamed]),
        ("Verplaatst", [ch for ch in changes if ch.moved]),
        ("Tekst gewijzigd", [ch for ch in changes if ch.fields]),
    ]
