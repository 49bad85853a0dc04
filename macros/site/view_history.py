"""View data about changes: an item's history, the wijzigingen page.

The history comes from `macros.compare.history` (git); here it is only
prepared for showing. Minor changes appear in an item's history as "kleine
correctie" but are not announced: not on the wijzigingen page, not in the feed.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, replace

from macros.compare.history import History, PolicyChange, kind_label
from macros.site.links import Link, url
from macros.words import dutch_date

FEED = "wijzigingen.xml"  # the Atom feed, next to the pages of the version
CHANGES_PAGE = "wijzigingen.md"
FOLD_AFTER = 10  # a longer list of changed items (a new action plan) is folded


def feed_url(here: str) -> str:
    """The feed's address from page `here` (a file beside the version's pages)."""
    return url(here, "index.md") + FEED


def change_summary(change: PolicyChange, version_title: str) -> str:
    """One sentence for a change without an author's note."""
    if change.first:
        return f"Eerste publicatie van {version_title}."
    if len(change.items) == 1:
        item = change.items[0]
        return f"{kind_label(item.kind)} {item.title}: {item.describe()}."
    counts = {"added": 0, "removed": 0, "changed": 0}
    for item in change.items:
        counts[item.change] += 1
    parts = [f"{n} {word}" for n, word in ((counts["changed"], "gewijzigd"), (counts["added"], "toegevoegd"),
                                          (counts["removed"], "verwijderd")) if n]
    return f"{len(change.items)} onderdelen: " + ", ".join(parts) + "." if parts else "Geen inhoudelijke wijziging."


@dataclass(eq=False, repr=False)
class Day:
    """A date as a <time> element shows it."""

    iso: str
    text: str  # in Dutch


def day(iso: str) -> Day:
    return Day(iso, dutch_date(iso))


@dataclass(eq=False, repr=False)
class HistoryEntry:
    date: Day
    what: str
    note: str  # the change note of an announced change
    minor: bool


@dataclass(eq=False, repr=False)
class ItemHistory:
    available: bool
    reason: str
    last_changed: Day | None
    entries: tuple[HistoryEntry, ...]
    all_changes: str  # URL of the wijzigingen page


def item_history(history: History, key: str, here: str) -> ItemHistory:
    """The history section at the end of an item page."""
    if not history.available:
        return ItemHistory(False, history.reason, None, (), "")
    last = history.last_changed(key)
    entries = tuple(HistoryEntry(day(change.date), "eerste publicatie" if change.first else item.describe(),
                                 change.note if change.major else "", not change.major)
                    for change, item in history.of_item(key))
    return ItemHistory(True, "", day(last.date) if last else None, entries, url(here, CHANGES_PAGE))


@dataclass(eq=False, repr=False)
class ChangedItem:
    kind: str  # in words
    item: Link  # href "" for a removed item or one not on this site
    what: str


@dataclass(eq=False, repr=False)
class Announcement:
    heading: str  # the date, with the note
    anchor: str
    summary: str
    items: tuple[ChangedItem, ...]  # only when more than one item changed
    folded: bool


@dataclass(eq=False, repr=False)
class ChangesPage:
    title: str  # the version's
    feed: str
    available: bool
    reason: str
    changes: tuple[Announcement, ...]


def changes_page(data, here: str, item_id: str) -> ChangesPage:
    """The wijzigingen page: every announced change of this version, newest first."""
    history, agenda = data.history, data.agenda
    out = []
    for change in history.announced if history.available else ():
        items = ()
        if len(change.items) > 1:
            found = [data.index.links.get(i.key) if i.change != "removed" else None for i in change.items]
            items = tuple(ChangedItem(kind_label(i.kind), Link(i.title, url(here, f.page, f.anchor) if f else ""), i.describe())
                          for i, f in zip(change.items, found))
        out.append(Announcement(dutch_date(change.date) + (f": {change.note}" if change.note else ""),
                                f"wijziging-{change.commit[:12]}", change_summary(change, agenda.title), items,
                                len(items) > FOLD_AFTER))
    return ChangesPage(agenda.title, feed_url(here), history.available, history.reason, _distinct_headings(out))


def _distinct_headings(changes: list[Announcement]) -> tuple[Announcement, ...]:
    """Several changes on one day without a note would have the same heading, listed
    alike in the table of contents: number them, the first of the day being "1e"."""
    seen = Counter(c.heading for c in changes)
    left = dict(seen)  # newest first: count down
    out = []
    for c in changes:
        if seen[c.heading] > 1:
            n = left[c.heading]
            left[c.heading] -= 1
            c = replace(c, heading=f"{c.heading}, {n}e wijziging")
        out.append(c)
    return tuple(out)
