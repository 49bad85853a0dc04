"""View data for the comparison of two versions printed as one document (for the PDF).

The same changes as the comparison page (`macros.compare.diff`, grouped by
`change_groups`): the summary first, then each changed item as was/wordt,
word by word. `templates/print/comparison.html` lays it out, with every
deletion and insertion also labelled in words so the document reads right in
black and white and to a screen reader.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from macros.policy.kinds import kind_label
from macros.compare.diff import Change, diff, lineage, marked_runs
from macros.policy.model import Agenda
from macros.policy.versions import describe, version_title
from macros.print.headings import Heading, Headings
from macros.compare.groups import change_groups, old_title  # shared with the comparison page
from macros.words import CHANGE_LABELS, VERSION_STATUS, EditorialNote, dutch_date, field_note


@dataclass(frozen=True)
class VersionFacts:
    """One of the two versions on the cover."""
    label: str  # "Van" or "Naar"
    described: str
    id: str
    status: str
    date: str  # in Dutch, "" when not known


@dataclass(frozen=True)
class ComparisonCover:
    municipality: str
    subtitle: str
    versions: tuple[VersionFacts, VersionFacts]
    incomplete: tuple[tuple[str, str], ...]  # (version title, what is missing)
    running: str


@dataclass(frozen=True)
class ListedChange:
    """One line in a list of changes."""
    kind: str
    title: str
    old_title: str  # set when renamed
    old_parent: str  # set when moved
    parent: str


@dataclass(frozen=True)
class ChangeGroup:
    heading: Heading
    title: str
    changes: tuple[ListedChange, ...]


@dataclass(frozen=True)
class Run:
    """A stretch of a word diff: op "=" kept, "-" deleted, "+" inserted.
    Line breaks of the YAML are single spaces, as in HTML; deleted and
    inserted runs are trimmed, so each label stands apart from the word before it."""
    op: str
    text: str


@dataclass(frozen=True)
class FieldDiff:
    label: str
    old: str
    runs: tuple[Run, ...]


@dataclass(frozen=True)
class ChangedItem:
    heading: Heading
    parent: str
    fields: tuple[FieldDiff, ...]


@dataclass(frozen=True)
class LineageView:
    old_title: str
    change: str
    item_title: str
    text: str
    change_note: EditorialNote | None = None  # when the editors read the relation into the sources (as the theme page says)


@dataclass(frozen=True)
class ComparisonDocument:
    title: str  # the PDF's title
    cover: ComparisonCover
    contents: tuple[Heading, ...]
    old: str  # the versions described in words
    new: str
    summary_heading: Heading
    groups: tuple[ChangeGroup, ...]
    unchanged_count: int
    lineage_heading: Heading | None
    lineage: tuple[LineageView, ...]
    changed_heading: Heading
    changed: tuple[ChangedItem, ...]
    unchanged_heading: Heading
    unchanged: tuple[ListedChange, ...]


def listed(change: Change) -> ListedChange:
    e = change.entry
    return ListedChange(kind_label(e.kind), e.title, change.old_title, change.old_parent, e.parent)


def runs(old: str, new: str) -> tuple[Run, ...]:
    """The web page's word runs (`marked_runs`), laid out for paper: line breaks become
    spaces, and what was deleted or inserted loses the spaces the template puts around it."""
    out = []
    for op, text in marked_runs(old, new):
        text = re.sub(r"\s+", " ", text)
        out.append(Run(op, text if op == "=" else text.strip()))
    return tuple(out)


def changed_item(change: Change, headings: Headings) -> ChangedItem:
    e = change.entry
    heading = headings.add(3, f"{kind_label(e.kind)}: {e.title}", toc=False)
    fields = tuple(FieldDiff(name.capitalize(), old, runs(old, new))
                   for name, old, new in change.field_pairs())
    return ChangedItem(heading, e.parent, fields)


def cover(old: Agenda, new: Agenda) -> ComparisonCover:
    facts = tuple(VersionFacts(label, describe(v), v.id, VERSION_STATUS[v.status], dutch_date(v.date) if v.date else "")
                  for label, v in (("Van", old), ("Naar", new)))
    return ComparisonCover(new.municipality_name, f"Van {version_title(old)} naar {version_title(new)}", facts,
                           tuple((version_title(v), v.incomplete.strip()) for v in (old, new) if v.incomplete),
                           f"Vergelijking van {version_title(old)} naar {version_title(new)}")


def comparison_document(old: Agenda, new: Agenda, versions: tuple[Agenda, ...]) -> ComparisonDocument:
    """Everything the print template needs for the comparison of `old` with `new`."""
    changes = diff(old, new)
    h = Headings()
    summary_heading = h.add(1, "Samenvatting")
    groups = tuple(ChangeGroup(h.add(2, f"{title} ({len(items)})"), title, tuple(listed(ch) for ch in items))
                   for title, items in change_groups(changes))
    notes = tuple(LineageView(old_title(versions, old.id, n.old_item), CHANGE_LABELS.get(n.change, n.change),
                              n.item_title, n.text.strip(), field_note(n.source, "change")) for n in lineage(new, old.id))
    lineage_heading = h.add(1, "Samengevoegd, gesplitst, voortgezet of vervallen") if notes else None
    changed_heading = h.add(1, "Wijzigingen per onderdeel (was / wordt)")
    changed = tuple(changed_item(ch, h) for ch in changes if ch.kind == "changed")
    unchanged = tuple(listed(ch) for ch in changes if ch.kind == "unchanged")
    unchanged_heading = h.add(1, f"Ongewijzigd ({len(unchanged)})")
    c = cover(old, new)
    return ComparisonDocument(c.running, c, tuple(h.contents), describe(old), describe(new), summary_heading, groups,
                              len(unchanged), lineage_heading, notes, changed_heading, changed, unchanged_heading,
                              unchanged)
