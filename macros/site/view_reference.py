"""View data for the reference pages: sources, glossary, partners (overview
and one page each) and open data."""

from __future__ import annotations

from dataclasses import dataclass

from macros.policy.index import page_path
from macros.policy.model import GlossaryTerm, Partner, Reference
from macros.site.downloads import OPEN_DATA_FILES, comparison_file, version_file
from macros.site.links import Link, md_link, url
from macros.site.source_pages import source_page
from macros.site.view_parts import (Download, EditorialNote, PageData, SourceView, comparison_title, download,
                                    pair, partner_label, source_view)
from macros.words import LABELS, PARTNER_TYPES, field_note, shared_notes


@dataclass(eq=False, repr=False)
class DocumentView:
    title: str
    meta: str  # publisher, date
    href: str = ""  # its page on this site ("" when the repository has no text of it)


@dataclass(eq=False, repr=False)
class Sources:
    documents: tuple[DocumentView, ...]
    references: tuple[Reference, ...]


def sources(data: PageData, here: str, item_id: str) -> Sources:
    a = data.agenda
    return Sources(tuple(DocumentView(d.title, ", ".join(x for x in (d.publisher, d.date) if x),
                                      url(here, source_page(d.id)) if d.file else "") for d in a.documents),
                   tuple(a.references))


@dataclass(eq=False, repr=False)
class TermView:
    term: GlossaryTerm
    source: SourceView | None


def glossary(data: PageData, here: str, item_id: str) -> tuple[TermView, ...]:
    return tuple(TermView(t, source_view(data.agenda, t.source, here)) for t in data.agenda.glossary)


@dataclass(eq=False, repr=False)
class PartnerGroup:
    kind: str
    label: str
    partners: tuple[Link, ...]


@dataclass(eq=False, repr=False)
class PartnersView:
    groups: tuple[PartnerGroup, ...]
    editorial: tuple[EditorialNote, ...]  # that the kinds are the editors' division, said once


def partners(data: PageData, here: str, item_id: str) -> PartnersView:
    """The partners by kind, in the order of `PARTNER_TYPES`."""
    by_type: dict[str, list[Partner]] = {}
    for p in data.agenda.partners:
        by_type.setdefault(p.type, []).append(p)
    return PartnersView(
        tuple(PartnerGroup(kind, label, tuple(md_link(here, page_path("partner", p.id), partner_label(data.index, p.id))
                                              for p in by_type[kind]))
              for kind, label in PARTNER_TYPES.items() if kind in by_type),
        shared_notes((p.source for p in data.agenda.partners), "type"))


@dataclass(eq=False, repr=False)
class Mentions:
    group: str  # the theme's title, or Veiligheidsfundament
    entries: tuple[tuple[str, Link], ...]  # (Actie/Speerpunt/Onderwerp, link)


@dataclass(eq=False, repr=False)
class PartnerView:
    partner: Partner
    kind: str  # in words
    mentions: tuple[Mentions, ...]
    led: tuple[Link, ...]
    source: SourceView | None
    kind_note: EditorialNote | None  # shown next to the kind


def partner(data: PageData, here: str, item_id: str) -> PartnerView:
    index = data.index
    p = index.partners[item_id]
    groups: dict[str, list[tuple[str, Link]]] = {}
    items = list(index.partner_mentions.get(p.id, [])) + [a for a in index.actions_for.get(p.id, []) if a.led_by != p.id]
    for item in items:
        target = index.link(item.id)
        owner = index.theme_of.get(getattr(item, "serves", item.id))
        noun = "Actie" if hasattr(item, "serves") else ("Speerpunt" if owner else "Onderwerp")
        groups.setdefault(owner.title if owner else LABELS["fundament"], []).append(
            (noun, md_link(here, target.page, item.title, target.anchor)))
    return PartnerView(p, PARTNER_TYPES[p.type], tuple(Mentions(g, tuple(e)) for g, e in groups.items()),
                       tuple(md_link(here, page_path("action", a.id), a.title) for a in index.led_by.get(p.id, [])),
                       source_view(data.agenda, p.source, here, ("type",)),
                       field_note(p.source, "type"))


@dataclass(eq=False, repr=False)
class OpenData:
    version: str
    files: dict[str, str]  # key -> URL (json, actions, partners, schema)
    pdfs: tuple[Download, ...]
    municipality: str
    license_name: str
    license_url: str


def open_data(data: PageData, here: str, item_id: str, downloads: dict | None = None) -> OpenData:
    a, sizes = data.agenda, downloads or {}
    root = url(here, "index.md")
    pdfs = [download(root + version_file(a), "De hele veiligheidsagenda van deze versie", sizes.get(f"{a.id}/{version_file(a)}"))]
    for other in data.versions:
        if other.id != a.id:
            path = comparison_file(*pair(data, other.id))
            title = comparison_title(data, other.id)
            pdfs.append(download(root + path, f"Vergelijking {title[0].lower()}{title[1:]}", sizes.get(f"{a.id}/{path}")))
    return OpenData(a.id, {key: root + path for key, path in OPEN_DATA_FILES.items()}, tuple(pdfs), a.municipality_name,
                    a.license_name, a.license_url)
