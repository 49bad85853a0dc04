"""View data about versions: the overview, the comparisons, and the banner on
pages of a version that is not in force."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Callable

from macros.policy.kinds import kind_label, page_paths
from macros.compare.diff import Change, diff, entries, lineage, marked_runs, summary
from macros.compare.groups import change_groups, old_title
from macros.policy.index import Link, build_index
from macros.policy.versions import describe, full_title, version_title
from macros.site.downloads import comparison_file, version_file
from macros.site.links import page_url, site_url, url, versions_root
from macros.site.view_parts import Download, EditorialNote, PageData, comparison_title, download, editorial_notes, pair
from macros.words import CHANGE_LABELS, VERSION_STATUS, field_note, notes_on


@dataclass(eq=False, repr=False)
class Banner:
    kind: str  # "een concept", "een vervallen versie", "een andere versie"
    this: str  # this version, described
    current: str  # the version in force, described
    href: str
    same_page: bool  # the version in force has this page too
    editorial: tuple[EditorialNote, ...] = ()  # why this version has the status and label it has


def banner(data: PageData, here: str, current_pages: frozenset[str]) -> Banner | None:
    """For the top of every page of a version that is not in force (None otherwise)."""
    a, current = data.agenda, data.current
    if current is None or a.id == current.id:
        return None
    same = here in current_pages
    kind = {"concept": "een concept", "vervallen": "een vervallen versie", "vastgesteld": "een andere versie"}[a.status]
    return Banner(kind, describe(a), describe(current), site_url(here, current.id, page_url(here if same else "index.md")),
                  same, notes_on(a.editorial, "status"))


@dataclass(eq=False, repr=False)
class VersionRow:
    id: str
    title: str  # with its period (once)
    href: str
    current: bool
    this_site: bool
    status: str
    date: str
    decision: str
    incomplete: str  # why, or "" when complete
    pdf: Download


@dataclass(eq=False, repr=False)
class ComparisonLink:
    href: str
    old: str
    new: str
    pdf: Download


@dataclass(eq=False, repr=False)
class VersionOverview:
    this: str  # this version, described
    rows: tuple[VersionRow, ...]  # newest first
    comparisons: tuple[ComparisonLink, ...]
    choices: tuple[tuple[str, str], ...]  # (id, title), newest first
    order: str  # ids, oldest first, for the comparison form's script
    base: str  # URL of the folder of all versions
    editorial: tuple[EditorialNote, ...] = ()  # the editors' choices of status and label, per version


def version_overview(data: PageData, here: str, item_id: str, downloads: dict | None = None) -> VersionOverview:
    downloads = downloads or {}
    newest_first = list(reversed(data.versions))
    rows = tuple(VersionRow(
        v.id, full_title(v), site_url(here, v.id), bool(data.current and v.id == data.current.id),
        v.id == data.agenda.id, VERSION_STATUS[v.status], v.date, v.decision, v.incomplete.strip() if v.incomplete else "",
        download(site_url(here, v.id, version_file(v)), "Als PDF", downloads.get(f"{v.id}/{version_file(v)}")))
        for v in newest_first)
    comparisons = []
    this = data.agenda.id
    for i, newer in enumerate(newest_first):
        for older in newest_first[i + 1:]:
            path = comparison_file(older, newer)
            # A comparison with this version opens in this version's site (every version has a
            # page for each comparison it is part of): the reader stays where the selector says.
            other = older.id if newer.id == this else newer.id if older.id == this else ""
            href = url(here, f"vergelijk/{other}.md") if other else site_url(here, newer.id, f"vergelijk/{older.id}/")
            comparisons.append(ComparisonLink(href, version_title(older),
                                              version_title(newer), download(site_url(here, newer.id, path), "als PDF",
                                                                             downloads.get(f"{newer.id}/{path}"))))
    return VersionOverview(describe(data.agenda), rows, tuple(comparisons),
                           tuple((v.id, version_title(v)) for v in newest_first), " ".join(v.id for v in data.versions),
                           versions_root(here),
                           tuple(replace(n, field=f"{'korte naam' if e.field == 'label' else n.field}, {v.title}")
                                 for v in newest_first for e in v.editorial for n in editorial_notes((e,))))


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


@dataclass(eq=False, repr=False)
class Listed:
    """One item in a list of changes."""

    kind: str  # in words
    title: str
    key: str
    changed: bool  # links to its was/wordt below
    old_title: str  # when renamed
    parent: str
    old_parent: str  # when moved
    href: str = ""  # the item in the newer version (in the older one when removed); "" when it has no place of its own


def listed(change: Change, href: str = "") -> Listed:
    e = change.entry
    changed = change.kind == "changed"
    return Listed(kind_label(e.kind), e.title, e.key, changed, change.old_title if changed else "",
                  e.parent, change.old_parent if changed else "", href)


def _places(agenda, index) -> dict[str, Link]:
    """Where each compared item is shown: the index's items, mission, vision and principles, the
    page of its kind (x-kind.page in the schema), else the page of the item it belongs to."""
    places = dict(index.links)
    if agenda.strategy:
        places.update((key, Link("strategie.md", key)) for key in ("missie", "visie", "kernwaarden"))
        places.update((p.id, Link("strategie.md", p.id if p.text else "uitgangspunten")) for p in agenda.strategy.principles)
    for e in entries(agenda):  # reading order: a section comes after the item it belongs to
        if e.key in places:
            continue
        page = page_paths().get(e.kind)
        if page:  # the kind's page (x-kind.page in the schema)
            places[e.key] = Link(page.format(id=e.key))
        elif e.parent_key in places:  # shown on the page of the item it belongs to
            parent = places[e.parent_key]
            places[e.key] = Link(parent.page, e.key if e.kind == "section" else parent.anchor)
    return places


def item_hrefs(data: PageData, here: str, old, new) -> Callable[[Change], str]:
    """Where a listed item can be opened: in the newer version, a removed one in the older,
    each in its own version's site (this page's site when it is that version)."""
    places = {v.id: _places(v, data.index if v.id == data.agenda.id else build_index(v)) for v in (old, new)}

    def href(change: Change) -> str:
        version = old if change.kind == "removed" else new
        found = places[version.id].get(change.entry.key)
        if found is None:
            return ""
        if version.id == data.agenda.id:
            return url(here, found.page, found.anchor)
        return site_url(here, version.id, page_url(found.page)) + (f"#{found.anchor}" if found.anchor else "")
    return href


@dataclass(eq=False, repr=False)
class Group:
    title: str
    anchor: str
    items: tuple[Listed, ...]


@dataclass(eq=False, repr=False)
class FieldDiff:
    name: str  # capitalised
    anchor: str
    old: str
    runs: tuple[tuple[str, str], ...]  # ("=", "-", "+", text)


@dataclass(eq=False, repr=False)
class ChangedItem:
    kind: str
    title: str
    key: str
    parent: str
    fields: tuple[FieldDiff, ...]


def changed_item(change: Change) -> ChangedItem:
    e = change.entry
    fields = []
    for name, old_text, new_text in change.field_pairs():
        fields.append(FieldDiff(name.capitalize(), f"{e.key}-{slug(name)}", old_text, marked_runs(old_text, new_text)))
    return ChangedItem(kind_label(e.kind), e.title, e.key, e.parent, tuple(fields))


@dataclass(eq=False, repr=False)
class LineageView:
    old: str
    change: str
    new: str
    text: str  # policy text
    change_note: EditorialNote | None = None  # when the editors read the relation into the sources (as the theme page says)


@dataclass(eq=False, repr=False)
class Comparison:
    title: str
    old: str  # described
    new: str
    pdf: Download
    incomplete: tuple[tuple[str, str], ...]  # (version title, why)
    groups: tuple[Group, ...]
    unchanged: tuple[Listed, ...]
    unchanged_count: int  # as the summary counts them
    lineage: tuple[LineageView, ...]
    changed: tuple[ChangedItem, ...]


def comparison(data: PageData, here: str, item_id: str, downloads: dict | None = None) -> Comparison:
    """Summary first (read in a minute), then each change in the renvooi
    convention: toegevoegd, was/wordt, verwijderd, ongewijzigd."""
    old, new = pair(data, item_id)
    path = comparison_file(old, new)
    pdf = download(url(here, "index.md") + path, "Deze vergelijking als PDF", (downloads or {}).get(f"{data.agenda.id}/{path}"))
    changes = diff(old, new)
    counts = summary(changes)
    href = item_hrefs(data, here, old, new)
    groups = tuple(Group(title, slug(title), tuple(listed(ch, href(ch)) for ch in items)) for title, items in change_groups(changes))
    unchanged = tuple(listed(ch, href(ch)) for ch in changes if ch.kind == "unchanged")
    notes = tuple(LineageView(old_title(data.versions, old.id, n.old_item), CHANGE_LABELS.get(n.change, n.change),
                              n.item_title, n.text.strip() if n.text else "", field_note(n.source, "change"))
                  for n in lineage(new, old.id))
    return Comparison(comparison_title(data, item_id), describe(old), describe(new), pdf,
                      tuple((version_title(v), v.incomplete.strip()) for v in (old, new) if v.incomplete),
                      groups, unchanged, counts["unchanged"], notes, tuple(changed_item(ch) for ch in changes if ch.kind == "changed"))
