"""View data for the pages of the agenda itself: home, chapters, mission and
vision, kerntaken, themes, pillars and the veiligheidsfundament."""

from __future__ import annotations

from dataclasses import dataclass

from macros.policy.index import page_path
from macros.policy.model import Chapter, Figure, FundamentGroup, Item, Pillar, Speerpunt, Statement, Theme, Topic
from macros.site.links import Link, md_link
from macros.site.view_actions import actions_for
from macros.site.view_context import ThemeContext, theme_context
from macros.site.view_figures import ItemIndicator, indicators_editorial, indicators_for
from macros.site.view_parts import EditorialNote, PageData, SourceView, numbered, partner_links, source_view
from macros.site.view_sections import SectionView, section_view
from macros.words import LABELS, VERSION_STATUS, notes_on


@dataclass(eq=False, repr=False)
class Related:
    """What ends a theme, pillar or topic page: its actions, partners and indicators."""

    item_id: str
    has_actions: bool  # the agenda has an uitvoeringsagenda at all
    actions: tuple[Link, ...]
    partners: tuple[Link, ...]
    indicators: tuple[ItemIndicator, ...]
    indicators_editorial: tuple[EditorialNote, ...]  # where the indicators come from, who linked them here


def related(data: PageData, here: str, item_id: str, speerpunten=(), partner_ids=()) -> Related:
    partners = data.index.partners_of(item_id, speerpunten, partner_ids)
    return Related(item_id, bool(data.agenda.actions), actions_for(data, here, item_id),
                   tuple(partner_links(data, here, partners)), indicators_for(data, here, item_id),
                   indicators_editorial(data, item_id))


@dataclass(eq=False, repr=False)
class GroupSummary:
    """A fundament group on the home page: its link and its topics."""

    group: Link
    topics: tuple[Link, ...]


@dataclass(eq=False, repr=False)
class ThemeSummary:
    title: str
    has_goal: bool
    goal: str  # the goal's statement, else its text
    link: Link


@dataclass(eq=False, repr=False)
class Home:
    title: str
    status: str  # "vastgestelde", "concept-", "vervallen"
    municipality: str
    period: str
    mission: str  # policy text ("" without a strategy)
    vision: str
    has_strategy: bool
    strategy: Link
    figures: tuple[Figure, ...]  # the first four
    all_figures: Link
    themes_label: str
    themes: tuple[ThemeSummary, ...]
    all_themes: Link  # the overview page of the themes
    fundament_title: str  # "" without a fundament
    groups: tuple[GroupSummary, ...]
    core_tasks_title: str  # "" without kerntaken
    core_tasks: tuple[Link, ...]
    editorial: tuple[EditorialNote, ...] = ()  # when the editors chose the version's status
    label: str = ""  # the version's short name where it is not the agenda itself ("plan van aanpak")
    status_label: str = ""  # "vastgesteld", "concept", "vervallen"


def home(data: PageData, here: str, item_id: str = "") -> Home:
    a = data.agenda
    period = f"{a.period_start}-{a.period_end}"
    themes = tuple(ThemeSummary(t.title, bool(t.goal), (t.goal.statement or t.goal.text) if t.goal else "",
                                md_link(here, page_path("theme", t.id), "Naar het thema " + t.title)) for t in a.themes)
    groups = tuple(GroupSummary(md_link(here, page_path("group", g.id), g.title),
                                tuple(md_link(here, page_path("topic", t.id), t.title) for t in g.topics))
                   for g in a.fundament.groups) if a.fundament else ()
    tasks = tuple(md_link(here, "kerntaken.md", f"{t.title} ({t.role})" if t.role else t.title, t.id)
                  for t in a.core_tasks.tasks) if a.core_tasks else ()
    return Home(
        a.title if period in a.title else f"{a.title} {period}",
        {"vastgesteld": "vastgestelde", "concept": "concept-", "vervallen": "vervallen"}[a.status],
        a.municipality_name, period,
        a.strategy.mission.text if a.strategy else "", a.strategy.vision.text if a.strategy else "", bool(a.strategy),
        md_link(here, "strategie.md", "Missie, visie, kernwaarden en uitgangspunten"),
        tuple(a.figures[:4]), md_link(here, "kerncijfers.md", "Alle kerncijfers"),
        a.themes_label, themes,
        md_link(here, "thema/index.md", f"Alle {a.themes_label[:1].lower()}{a.themes_label[1:]} op één pagina"),
        a.fundament.title if a.fundament else "", groups,
        a.core_tasks.title if a.core_tasks else "", tasks, notes_on(a.editorial, "status"),
        a.label, VERSION_STATUS[a.status])


@dataclass(eq=False, repr=False)
class ChapterView:
    chapter: Chapter
    source: SourceView | None
    sections: tuple[SectionView, ...]


def chapter(data: PageData, here: str, item_id: str) -> ChapterView:
    c = next(c for c in data.agenda.chapters if c.id == item_id)
    return ChapterView(c, source_view(data.agenda, c.source, here), tuple(section_view(data, s, here) for s in c.sections))


@dataclass(eq=False, repr=False)
class StrategyView:
    title: str
    number: str
    text: str
    mission: Statement
    mission_source: SourceView | None
    vision: Statement
    vision_source: SourceView | None
    core_values: tuple[str, ...]
    core_values_text: str
    core_values_source: SourceView | None
    principles: tuple[Item, ...]
    principles_text: str
    principles_source: SourceView | None
    mission_notes: tuple[EditorialNote, ...] = ()  # where the editors chose what is the mission (the strategy's own entries)
    vision_notes: tuple[EditorialNote, ...] = ()


def strategy(data: PageData, here: str, item_id: str) -> StrategyView:
    a, s = data.agenda, data.agenda.strategy
    return StrategyView(
        s.title, s.number, s.text, s.mission, source_view(a, s.mission.source, here), s.vision, source_view(a, s.vision.source, here),
        tuple(s.core_values), s.core_values_text, source_view(a, s.core_values_source, here),
        tuple(s.principles), s.principles_text, source_view(a, s.principles_source or (s.principles[0].source if s.principles else None), here),
        _notes_on(s, "mission"), _notes_on(s, "vision"))


def _notes_on(strategy, field_name: str) -> tuple[EditorialNote, ...]:
    """The editors' marks for the mission or vision: entries of the strategy itself, not of the statement."""
    return notes_on(strategy.source.editorial, field_name) if strategy.source else ()


@dataclass(eq=False, repr=False)
class CoreTaskView:
    title: str  # with its role
    id: str
    text: str
    source: SourceView | None
    actions_title: str
    actions: tuple[Link, ...]


@dataclass(eq=False, repr=False)
class CoreTasksView:
    title: str
    number: str
    lead: str
    has_actions: bool
    tasks: tuple[CoreTaskView, ...]


def core_tasks(data: PageData, here: str, item_id: str) -> CoreTasksView:
    ct = data.agenda.core_tasks
    return CoreTasksView(ct.title, ct.number, ct.lead, bool(data.agenda.actions), tuple(
        CoreTaskView(f"{t.title} ({t.role})" if t.role else t.title, t.id, t.text, source_view(data.agenda, t.source, here),
                     f"Acties vanuit {t.title.lower()}", actions_for(data, here, t.id)) for t in ct.tasks))


@dataclass(eq=False, repr=False)
class SpeerpuntView:
    speerpunt: Speerpunt
    partners: tuple[Link, ...]
    actions: tuple[Link, ...]
    source: SourceView | None


def speerpunt_view(data: PageData, here: str, sp: Speerpunt) -> SpeerpuntView:
    return SpeerpuntView(sp, tuple(partner_links(data, here, sp.partners)),
                         tuple(md_link(here, page_path("action", a.id), a.title) for a in data.index.actions_for.get(sp.id, [])),
                         source_view(data.agenda, sp.source, here))


@dataclass(eq=False, repr=False)
class PillarSummary:
    link: Link  # numbered title
    speerpunten: tuple[Link, ...]


@dataclass(eq=False, repr=False)
class ThemeView:
    theme: Theme
    source: SourceView | None
    sections: tuple[SectionView, ...]
    speerpunten: tuple[SpeerpuntView, ...]
    pillars: tuple[PillarSummary, ...]
    related: Related
    context: ThemeContext


def theme(data: PageData, here: str, item_id: str) -> ThemeView:
    t = next(t for t in data.agenda.themes if t.id == item_id)
    pillars = tuple(PillarSummary(md_link(here, page_path("pillar", p.id), numbered(p.number, p.title)),
                                  tuple(md_link(here, page_path("pillar", p.id), sp.title, sp.id) for sp in p.speerpunten))
                    for p in t.pillars)
    return ThemeView(t, source_view(data.agenda, t.source, here), tuple(section_view(data, s, here) for s in t.sections),
                     tuple(speerpunt_view(data, here, sp) for sp in t.speerpunten), pillars,
                     related(data, here, t.id, t.all_speerpunten), theme_context(data, here, t))


@dataclass(eq=False, repr=False)
class ThemeEntry:
    theme: Link
    pillars: tuple[Link, ...]


@dataclass(eq=False, repr=False)
class ThemeOverview:
    title: str
    themes: tuple[ThemeEntry, ...]


def theme_overview(data: PageData, here: str, item_id: str) -> ThemeOverview:
    """All themes with their pillars: the way in when the navigation does not list every theme."""
    return ThemeOverview(data.agenda.themes_label, tuple(
        ThemeEntry(md_link(here, page_path("theme", t.id), numbered(t.number, t.title)),
                   tuple(md_link(here, page_path("pillar", p.id), p.title) for p in t.pillars))
        for t in data.agenda.themes))


@dataclass(eq=False, repr=False)
class PillarView:
    pillar: Pillar
    theme: Link
    source: SourceView | None
    speerpunten: tuple[SpeerpuntView, ...]
    related: Related


def pillar(data: PageData, here: str, item_id: str) -> PillarView:
    p = next(p for t in data.agenda.themes for p in t.pillars if p.id == item_id)
    theme = data.index.theme_of[p.id]
    return PillarView(p, md_link(here, page_path("theme", theme.id), theme.title), source_view(data.agenda, p.source, here),
                      tuple(speerpunt_view(data, here, sp) for sp in p.speerpunten), related(data, here, p.id, p.speerpunten))


@dataclass(eq=False, repr=False)
class FundamentEntry:
    title: str  # numbered
    goal: str
    more: Link


@dataclass(eq=False, repr=False)
class FundamentGroupEntry:
    id: str
    title: str  # numbered
    show_goal: bool  # a group with a goal of its own, or without topics
    goal: str
    more: Link
    topics: tuple[FundamentEntry, ...]


@dataclass(eq=False, repr=False)
class FundamentView:
    title: str
    number: str
    lead: str
    source: SourceView | None
    groups: tuple[FundamentGroupEntry, ...]


def fundament(data: PageData, here: str, item_id: str) -> FundamentView:
    f = data.agenda.fundament
    return FundamentView(f.title, f.number, f.lead, source_view(data.agenda, f.source, here), tuple(
        FundamentGroupEntry(g.id, numbered(g.number, g.title), bool(g.goal or not g.topics), g.goal,
                            md_link(here, page_path("group", g.id), "Lees meer over " + g.title),
                            tuple(FundamentEntry(numbered(t.number, t.title), t.goal,
                                                 md_link(here, page_path("topic", t.id), "Lees meer over " + t.title))
                                  for t in g.topics))
        for g in f.groups))


@dataclass(eq=False, repr=False)
class TopicView:
    topic: Topic | FundamentGroup
    is_group: bool
    up: Link  # the group of a topic, or the fundament page of a group
    show_goal: bool
    source: SourceView | None
    topics: tuple[Link, ...]  # a group's topics, numbered
    related: Related


def topic(data: PageData, here: str, item_id: str) -> TopicView:
    groups = data.agenda.fundament.groups
    t = ([g for g in groups if g.id == item_id] + [t for g in groups for t in g.topics if t.id == item_id])[0]
    if isinstance(t, Topic):
        group = data.index.group_of[t.id]
        up, topics = md_link(here, page_path("group", group.id), group.title), ()
    else:
        up = md_link(here, "fundament.md", LABELS["fundament"].lower())
        topics = tuple(md_link(here, page_path("topic", x.id), numbered(x.number, x.title)) for x in t.topics)
    return TopicView(t, not isinstance(t, Topic), up, bool(t.goal or not getattr(t, "topics", ())),
                     source_view(data.agenda, t.source, here), topics, related(data, here, t.id, partner_ids=t.partners))
