"""View data for one version printed as a single document (for the PDF).

The site splits the agenda into linked pages; on paper a council member reads
it front to back, like the document it replaces: cover, contents, chapters in
the order of their numbers, then the appendices. Here every lookup, sort and
heading number is done (the parts' view types are in `macros.print.parts`);
`templates/print/version.html` and the part templates in
`templates/print/parts/` lay the result out. Same model, same
sanitiser and the same Dutch words for empty fields as the site, so the PDF
says what the site says; that includes the marks in words for what the editors
added rather than the sources (`editorial_note(s)`, skipping the same fields
the web pages mark next to the field itself).
"""

from __future__ import annotations

from dataclasses import dataclass

from macros.policy.index import Index
from macros.policy.model import Agenda, Chapter, Programme, Regional, Speerpunt, Theme, section_key
from macros.print.blocks import Blocks, DocumentRef, FigureView
from macros.print.headings import Heading, Headings
from macros.print.parts import (ActionPlanPart, ActionRow, ChapterPart, CoreTasksPart, CoreTaskView, FundamentPart,
                                GlossaryPart, GroupView, IndicatorsPart, IndicatorView, ItemGroup, KeyFiguresPart,
                                PartnerGroup, PartnersPart, PillarView, ProgrammePart, RegionalPart,
                                RegionalThemeView, SourcesPart, SpeerpuntView, StrategyPart, ThemePart, TopicView)
from macros.words import (ACTION_STATUS, LABELS, PARTNER_TYPES, VERSION_STATUS, EditorialNote, dutch_date,
                          editorial_notes, field_note, notes_on, section_label, shared_notes)


@dataclass(frozen=True)
class Cover:
    municipality: str
    title: str  # with the period, unless the title names it already
    subtitle: str
    version: str
    period: str
    status: str  # the status word
    dated_status: str  # "vastgesteld, oktober 2023" or "vervallen (datum niet bekend)"
    decision: str
    documents: tuple[DocumentRef, ...]
    incomplete: str
    site_url: str
    running: str  # the running header of the pages after the cover
    editorial: tuple[EditorialNote, ...] = ()  # when the editors chose the version's status (as the home page says)


@dataclass(frozen=True)
class VersionDocument:
    title: str  # the PDF's title
    cover: Cover
    contents: tuple[Heading, ...]
    parts: tuple


def documents(agenda: Agenda) -> tuple[DocumentRef, ...]:
    return tuple(DocumentRef(d.title, tuple(x for x in (d.publisher, d.date) if x)) for d in agenda.documents)


def version_label(agenda: Agenda) -> str:
    return f"versie {agenda.id} ({VERSION_STATUS[agenda.status]})"


def cover(agenda: Agenda, site_url: str = "") -> Cover:
    a = agenda
    period = f"{a.period_start}-{a.period_end}"
    title = a.title if period in a.title else f"{a.title} {period}"
    dated = VERSION_STATUS[a.status] + (f", {dutch_date(a.date)}" if a.date else " (datum niet bekend)")
    return Cover(a.municipality_name, title, a.subtitle, a.id, period, VERSION_STATUS[a.status], dated, a.decision,
                 documents(a), a.incomplete.strip(), site_url, f"{title} · {version_label(a)}",
                 notes_on(a.editorial, "status"))


class VersionParts:
    """Builds the parts of one version in reading order, numbering their headings."""

    def __init__(self, agenda: Agenda, index: Index, headings: Headings):
        self.agenda, self.index, self.h = agenda, index, headings
        self.blocks = Blocks(agenda, index, headings)

    def build(self) -> tuple:
        a = self.agenda
        numbered = [(c.number, lambda c=c: self.chapter(c)) for c in a.chapters]
        if a.strategy:
            numbered.append((a.strategy.number, self.strategy))
        if a.core_tasks:
            numbered.append((a.core_tasks.number, self.core_tasks))
        numbered += [(t.number, lambda t=t: self.theme(t)) for t in a.themes]
        if a.fundament:
            numbered.append((a.fundament.number, self.fundament))
        parts = [build() for _, build in sorted(numbered, key=lambda x: section_key(x[0]))]
        parts += [self.action_plan(p) for p in a.action_plans]
        for present, build in ((a.indicators, self.indicators), (a.figures or a.series, self.key_figures),
                               (a.partners, self.partner_list), (a.glossary, self.glossary)):
            if present:
                parts.append(build())
        parts += [self.regional(r) for r in a.regionals]
        parts += [self.programme(p) for p in a.programmes]
        parts.append(self.sources())
        return tuple(parts)

    def speerpunt(self, sp: Speerpunt, level: int) -> SpeerpuntView:
        b = self.blocks
        return SpeerpuntView(self.h.add(level, sp.title, toc=False), sp, b.partners(sp.partners), b.actions(sp.id),
                             b.source(sp.source))

    def chapter(self, c: Chapter) -> ChapterPart:
        heading = self.h.add(1, c.title, c.number)
        return ChapterPart(heading, c, self.blocks.source(c.source),
                           tuple(self.blocks.section(s, 2) for s in c.sections), c.notes)

    def strategy(self) -> StrategyPart:
        s, h, b = self.agenda.strategy, self.h.add, self.blocks
        heading, mission = h(1, s.title, s.number), h(2, "Missie")
        mission_source = b.source(s.mission.source)
        vision, vision_source = h(2, "Visie"), b.source(s.vision.source)
        values = h(2, "Kernwaarden") if s.core_values else None
        principles = h(2, "Uitgangspunten") if s.principles else None
        items = b.items(s.principles, 3) if s.principles else None
        return StrategyPart(heading, s, mission, mission_source, vision, vision_source,
                            values, b.source(s.core_values_source) if s.core_values else None,
                            principles, items, b.source(s.principles_source or s.principles[0].source) if s.principles else None,
                            *(notes_on(s.source.editorial, f) if s.source else () for f in ("mission", "vision")))

    def core_tasks(self) -> CoreTasksPart:
        ct = self.agenda.core_tasks
        heading = self.h.add(1, ct.title, ct.number)
        tasks = tuple(CoreTaskView(self.h.add(2, f"{t.title} ({t.role})" if t.role else t.title), t,
                                   self.blocks.source(t.source)) for t in ct.tasks)
        return CoreTasksPart(heading, ct, tasks)

    def theme(self, t: Theme) -> ThemePart:
        heading = self.h.add(1, t.title, t.number)
        sections = tuple(self.blocks.section(s, 2) for s in t.sections)
        speerpunten_heading = self.h.add(2, LABELS["speerpunten"]) if t.speerpunten else None
        speerpunten = tuple(self.speerpunt(sp, 3) for sp in t.speerpunten)
        pillars = []
        for p in t.pillars:
            pillar_heading = self.h.add(2, p.title, p.number)
            sub = self.h.add(3, LABELS["speerpunten"], toc=False) if p.speerpunten else None
            pillars.append(PillarView(pillar_heading, p, self.blocks.source(p.source), sub,
                                      tuple(self.speerpunt(sp, 4) for sp in p.speerpunten)))
        return ThemePart(heading, t, self.blocks.source(t.source), sections, speerpunten_heading, speerpunten,
                         tuple(pillars))

    def fundament(self) -> FundamentPart:
        f, b = self.agenda.fundament, self.blocks
        heading = self.h.add(1, f.title, f.number)
        groups = []
        for g in f.groups:
            group_heading = self.h.add(2, g.title, g.number)
            topics = tuple(TopicView(self.h.add(3, topic.title, topic.number), topic, b.partners(topic.partners),
                                     b.actions(topic.id), b.source(topic.source)) for topic in g.topics)
            groups.append(GroupView(group_heading, g, bool(g.goal or not g.topics), bool(g.partners or not g.topics),
                                    b.partners(g.partners), b.actions(g.id), b.source(g.source), topics))
        return FundamentPart(heading, f, b.source(f.source), tuple(groups))

    def action_plan(self, plan) -> ActionPlanPart:
        rows = []
        title = plan.title or f"Uitvoeringsagenda {plan.year}"
        for n, action in enumerate(plan.actions, 1):
            serves = self.index.links.get(action.serves)
            theme = self.index.theme_of_action(action)
            core = self.index.links.get(action.core_task) if action.core_task else None
            speerpunt = self.index.links.get(action.speerpunt) if action.speerpunt else None
            src = action.source
            rows.append(ActionRow(
                n, action.id, action.title, action.description, serves.title if serves else action.serves,
                theme.title if theme else LABELS["fundament"], core.title if core else "",
                self.blocks.partner_label(action.led_by) if action.led_by else "", self.blocks.partners(action.partners),
                " tot en met ".join(x for x in (action.period_start, action.period_end) if x),
                ACTION_STATUS.get(action.status, ""), action.budget,
                speerpunt.title if speerpunt else "", section_label(src.section) if src else "", title,
                field_note(src, "serves"), field_note(src, "core_task", bool(action.core_task)),
                self.blocks.editorial(src, ("serves", "core_task"))))
        heading = self.h.add(1, title)
        return ActionPlanPart(heading, plan.text, tuple(rows), editorial_notes(plan.editorial))

    def indicators(self) -> IndicatorsPart:
        a = self.agenda
        heading = self.h.add(1, "Indicatoren")
        found = tuple(IndicatorView(self.h.add(3, i.title, toc=False), i,
                                    tuple(self.index.links[t].title for t in i.informs if t in self.index.links),
                                    field_note(i.source, "informs", bool(i.informs)), self.blocks.editorial(i.source, ("informs",)))
                      for i in a.indicators)
        # the part keeps its short heading, as the web page does: a note on the set's title would speak of a title not shown
        return IndicatorsPart(heading, a.indicators_text, self.blocks.source(a.indicators_source, ("title",)), found)

    def key_figures(self) -> KeyFiguresPart:
        a = self.agenda
        return KeyFiguresPart(self.h.add(1, "Kerncijfers"),
                              tuple(FigureView(f, self.blocks.editorial(f.source)) for f in a.figures),
                              tuple((self.blocks.table(s), self.blocks.source(s.source)) for s in a.series))

    def partner_list(self) -> PartnersPart:
        heading = self.h.add(1, LABELS["partners"])
        groups = []
        for kind, label in PARTNER_TYPES.items():
            found = [p for p in self.agenda.partners if p.type == kind]
            if found:
                groups.append(PartnerGroup(self.h.add(2, label), tuple(
                    (self.blocks.partner_label(p.id), p.description, self.blocks.editorial(p.source, ("type",)))
                    for p in found)))
        # the kinds are the editors' division: said once above the groups, as on the partners page
        return PartnersPart(heading, tuple(groups), shared_notes((p.source for p in self.agenda.partners), "type"))

    def glossary(self) -> GlossaryPart:
        return GlossaryPart(self.h.add(1, "Begrippen en afkortingen"),
                            tuple((t, self.blocks.editorial(t.source)) for t in self.agenda.glossary))

    def regional(self, r: Regional) -> RegionalPart:
        heading = self.h.add(1, r.title)
        themes_heading = self.h.add(2, "Thema's van de regio")
        themes = tuple(RegionalThemeView(
            self.h.add(3, theme.title, toc=False), theme,
            tuple(self.index.links[t].title for t in theme.answered_by if t in self.index.links),
            self.blocks.source(theme.source, ("answered_by",)), field_note(theme.source, "answered_by", bool(theme.answered_by)))
            for theme in r.themes)
        return RegionalPart(heading, r, ", ".join(x for x in (r.authors, dutch_date(r.date)) if x),
                            self.blocks.source(r.source), themes_heading, themes,
                            tuple(self.blocks.section(s, 2) for s in r.sections))

    def programme(self, p: Programme) -> ProgrammePart:
        heading = self.h.add(1, p.title)
        groups = []
        for title, items in (("Wat we zagen", p.phenomena), ("Sporen", p.sporen)):
            if items:
                group_heading = self.h.add(2, title)
                groups.append(ItemGroup(group_heading, self.blocks.items(items, 3)))
        return ProgrammePart(heading, p, dutch_date(p.date) if p.date else "", self.blocks.source(p.source),
                             tuple(groups), tuple(self.blocks.section(s, 2) for s in p.sections))

    def sources(self) -> SourcesPart:
        a = self.agenda
        heading = self.h.add(1, "Bronnen")
        refs = self.h.add(2, "Verwijzingen") if a.references else None
        return SourcesPart(heading, documents(a), refs, a.references)


def version_document(agenda: Agenda, index: Index, site_url: str = "") -> VersionDocument:
    """Everything the print templates need for one version."""
    headings = Headings()
    parts = VersionParts(agenda, index, headings).build()
    return VersionDocument(f"{agenda.title} – {version_label(agenda)}", cover(agenda, site_url),
                           tuple(headings.contents), parts)
