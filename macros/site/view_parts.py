"""What every page view starts from, and the small view pieces many pages share.

A page view is a plain dataclass: titles, relative links, lists, counts,
all worked out here in Python. The templates in `macros/templates/` only
lay them out; policy text stays the model's own string until a template
passes it through the sanitiser (`|text`, `|inline`).

View types are declared `@dataclass(eq=False, repr=False)`: templates only
read their fields, and generating `__eq__`, `__repr__` and the frozen
`__setattr__` for the 70 web view types cost every build about 20 ms at import.
A type whose values are compared says so (`EditorialNote`, in `macros.words`).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from macros.compare.history import History
from macros.policy.index import Index, page_path
from macros.policy.model import Agenda, Source
from macros.policy.versions import version_title
from macros.site.downloads import human_size
from macros.site.links import Link, md_link
from macros.site.source_pages import source_url
# The marks in words are made in macros.words, so the print documents say them the same way.
from macros.words import EditorialNote, editorial_note, editorial_notes, section_label  # noqa: F401  (imported from here by site views)


@dataclass(eq=False, repr=False)
class PageData:
    """One version of the agenda with everything its pages read."""

    agenda: Agenda
    index: Index
    versions: tuple[Agenda, ...]  # every version of the municipality, oldest first
    current: Agenda | None  # the version in force
    history: History
    source_texts: dict = field(default_factory=dict)  # document id -> SourceText (macros.policy.sources)


@dataclass(eq=False, repr=False)
class SourceView:
    """"Bron: <document>, § 2.1" under a part of the text, linked to the section on the document's page,
    with the marks for what of the item the editors added."""

    title: str
    where: str
    href: str = ""  # "" where the document has no page on the site (or on a page outside the site)
    editorial: tuple[EditorialNote, ...] = ()


def source_view(agenda: Agenda, source: Source | None, here: str = "", skip: tuple[str, ...] = ()) -> SourceView | None:
    """The source line of an item on page `here` (docs-relative .md path; "" gives no link);
    `skip`: editorial fields the page marks next to the field itself."""
    if source is None:
        return None
    doc = agenda.document(source.document)
    section = source.section
    href = source_url(here, source) if here and doc and doc.file else ""
    return SourceView(doc.title if doc else source.document, section_label(section),
                      href, editorial_notes(source.editorial, skip))


def numbered(number: str, title: str) -> str:
    return f"{number} {title}" if number else title


def partner_label(index: Index, partner_id: str) -> str:
    """A partner's name, with its abbreviation when the name does not contain it."""
    partner = index.partners[partner_id]
    return f"{partner.name} ({partner.abbreviation})" if partner.abbreviation and partner.abbreviation not in partner.name \
        else partner.name


def partner_links(data: PageData, here: str, partner_ids) -> list[Link]:
    return [md_link(here, page_path("partner", p), partner_label(data.index, p)) for p in partner_ids]


def item_link(data: PageData, here: str, item_id: str, with_anchor: bool = True) -> Link:
    """A Markdown link to the page (and anchor) that shows an item."""
    target = data.index.link(item_id)
    return md_link(here, target.page, target.title, target.anchor if with_anchor else "")


@dataclass(eq=False, repr=False)
class Download:
    """A PDF made by `agenda build`; `size` is None in a plain `mkdocs build`."""

    href: str
    label: str
    size: str  # "1,2 MB", or "" when not made yet


def download(href: str, label: str, size: int | None) -> Download:
    return Download(href, label, human_size(size) if size else "")


def pair(data: PageData, other_id: str) -> tuple[Agenda, Agenda]:
    """This version and another, oldest first."""
    other = next(v for v in data.versions if v.id == other_id)
    order = [v.id for v in data.versions]
    return (other, data.agenda) if order.index(other.id) < order.index(data.agenda.id) else (data.agenda, other)


def comparison_title(data: PageData, other_id: str) -> str:
    old, new = pair(data, other_id)
    return f"Van {version_title(old)} naar {version_title(new)}"
