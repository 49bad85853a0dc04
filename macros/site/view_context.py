"""View data for the context of the agenda: regional documents it answers to,
earlier programmes, and the history shown on a theme page."""

from __future__ import annotations

from dataclasses import dataclass

from macros.compare.groups import old_title
from macros.policy.index import page_path
from macros.policy.model import Programme, Regional, RegionalTheme
from macros.site.links import Link, md_link, site_url, url
from macros.site.view_parts import EditorialNote, PageData, SourceView, source_view
from macros.site.view_sections import SectionView, section_view
from macros.words import CHANGE_LABELS, field_note


@dataclass(eq=False, repr=False)
class RegionalThemeView:
    theme: RegionalTheme
    answered_by: tuple[Link, ...]
    source: SourceView | None
    answered_by_note: EditorialNote | None  # shown next to the links


@dataclass(eq=False, repr=False)
class RegionalView:
    regional: Regional
    meta: str  # authors, date
    source: SourceView | None
    themes: tuple[RegionalThemeView, ...]
    sections: tuple[SectionView, ...]


def regional(data: PageData, here: str, item_id: str) -> RegionalView:
    r = next(x for x in data.agenda.regionals if x.id == item_id)
    themes = tuple(RegionalThemeView(t, tuple(md_link(here, page_path("theme", x), data.index.link(x).title)
                                              for x in t.answered_by),
                                     source_view(data.agenda, t.source, here, ("answered_by",)), _answered_by_note(t))
                   for t in r.themes)
    return RegionalView(r, ", ".join(x for x in (r.authors, r.date) if x), source_view(data.agenda, r.source, here), themes,
                        tuple(section_view(data, s, here) for s in r.sections))


def _answered_by_note(theme: RegionalTheme) -> EditorialNote | None:
    return field_note(theme.source, "answered_by", bool(theme.answered_by))


@dataclass(eq=False, repr=False)
class ProgrammeView:
    programme: Programme
    history_of: tuple[Link, ...]
    source: SourceView | None
    sections: tuple[SectionView, ...]


def programme(data: PageData, here: str, item_id: str) -> ProgrammeView:
    p = next(x for x in data.agenda.programmes if x.id == item_id)
    return ProgrammeView(p, tuple(md_link(here, page_path("theme", t), data.index.link(t).title) for t in p.history_of),
                         source_view(data.agenda, p.source, here), tuple(section_view(data, s, here) for s in p.sections))


@dataclass(eq=False, repr=False)
class RegionalAnswer:
    theme: Link  # the regional theme
    document: str  # the regional document's title


@dataclass(eq=False, repr=False)
class LineageEntry:
    """"<Drugs> (uit <Veiligheidsagenda 2020-2023>) is opgegaan in dit thema: ..."."""

    name: str
    href: str  # "" when the older version is not published here
    origin: str
    change: str  # e.g. "opgegaan in"
    text: str  # policy text ("" for none)
    change_note: EditorialNote | None = None  # when the editors read the relation ("voortgezet") into the sources


@dataclass(eq=False, repr=False)
class ThemeContext:
    regional: tuple[RegionalAnswer, ...]
    lineage: tuple[LineageEntry, ...]
    programmes: tuple[tuple[Link, str], ...]  # (link, date)
    regional_editorial: tuple[EditorialNote, ...] = ()  # that the editors linked the regional themes here


def theme_context(data: PageData, here: str, theme) -> ThemeContext:
    """Regional themes the theme answers, and its history: lineage and earlier programmes."""
    regional = tuple(RegionalAnswer(md_link(here, f"regio/{doc.id}.md", rt.title, rt.id), doc.title)
                     for doc, rt in data.index.regional_for.get(theme.id, []))
    known = {v.id for v in data.versions}
    lineage = []
    for note in theme.lineage:
        target = next((v for v in data.versions if v.id == note.version), None)
        href = site_url(here, note.version, page_path("theme", note.item)[:-3] + "/") \
            if note.version in known and note.item else ""
        lineage.append(LineageEntry(old_title(data.versions, note.version, note.item), href,
                                    target.title if target else note.version, CHANGE_LABELS.get(note.change, note.change),
                                    note.text.strip() if note.text else "", field_note(note.source, "change")))
    programmes = tuple((Link(p.title, url(here, f"programma/{p.id}.md")), p.date)
                       for p in data.index.programmes_for.get(theme.id, []))
    regional_notes = tuple(dict.fromkeys(n for n in (_answered_by_note(rt) for _, rt in
                                                     data.index.regional_for.get(theme.id, [])) if n))
    return ThemeContext(regional, tuple(lineage), programmes, regional_notes)
