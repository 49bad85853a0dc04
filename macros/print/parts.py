"""What each part template of a printed version receives
(`templates/print/parts/<kind>.html`, chosen by the part's `kind`).

Plain, frozen view data made by `macros.print.version_view`: model objects
for their own text fields, with every lookup, label and heading number done.
What the editors added rather than the sources comes as `EditorialNote`s, the
same marks in words as on the web pages (`macros.words.editorial_note`).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from macros.policy.model import (Chapter, CoreTask, CoreTasks, Fundament, FundamentGroup, GlossaryTerm,
                                 Indicator, Note, Pillar, Programme, Reference, Regional, RegionalTheme, Speerpunt,
                                 Strategy, Theme, Topic)
from macros.print.blocks import ActionLink, DocumentRef, FigureView, Items, SectionView, SourceRef, Table
from macros.print.headings import Heading
from macros.words import EditorialNote


@dataclass(frozen=True)
class ChapterPart:
    kind: ClassVar[str] = "chapter"
    heading: Heading
    chapter: Chapter
    source: SourceRef | None
    sections: tuple[SectionView, ...]
    notes: tuple[Note, ...]


@dataclass(frozen=True)
class StrategyPart:
    kind: ClassVar[str] = "strategy"
    heading: Heading
    strategy: Strategy
    mission: Heading
    mission_source: SourceRef | None
    vision: Heading
    vision_source: SourceRef | None
    core_values: Heading | None
    core_values_source: SourceRef | None
    principles: Heading | None
    principle_items: Items | None
    principles_source: SourceRef | None
    mission_notes: tuple[EditorialNote, ...] = ()  # where the editors chose what is the mission
    vision_notes: tuple[EditorialNote, ...] = ()


@dataclass(frozen=True)
class CoreTaskView:
    heading: Heading
    task: CoreTask
    source: SourceRef | None


@dataclass(frozen=True)
class CoreTasksPart:
    kind: ClassVar[str] = "core_tasks"
    heading: Heading
    core_tasks: CoreTasks
    tasks: tuple[CoreTaskView, ...]


@dataclass(frozen=True)
class SpeerpuntView:
    heading: Heading
    speerpunt: Speerpunt
    partners: tuple[str, ...]
    actions: tuple[ActionLink, ...]
    source: SourceRef | None


@dataclass(frozen=True)
class PillarView:
    heading: Heading
    pillar: Pillar
    source: SourceRef | None
    speerpunten_heading: Heading | None
    speerpunten: tuple[SpeerpuntView, ...]


@dataclass(frozen=True)
class ThemePart:
    kind: ClassVar[str] = "theme"
    heading: Heading
    theme: Theme
    source: SourceRef | None
    sections: tuple[SectionView, ...]
    speerpunten_heading: Heading | None
    speerpunten: tuple[SpeerpuntView, ...]
    pillars: tuple[PillarView, ...]


@dataclass(frozen=True)
class TopicView:
    heading: Heading
    topic: Topic
    partners: tuple[str, ...]
    actions: tuple[ActionLink, ...]
    source: SourceRef | None


@dataclass(frozen=True)
class GroupView:
    heading: Heading
    group: FundamentGroup
    show_goal: bool  # a group without topics says so when it has no goal of its own
    show_partners: bool
    partners: tuple[str, ...]
    actions: tuple[ActionLink, ...]
    source: SourceRef | None
    topics: tuple[TopicView, ...]


@dataclass(frozen=True)
class FundamentPart:
    kind: ClassVar[str] = "fundament"
    heading: Heading
    fundament: Fundament
    source: SourceRef | None
    groups: tuple[GroupView, ...]


@dataclass(frozen=True)
class ActionRow:
    """One row of the uitvoeringsagenda; empty strings are shown as words.NOT_DECIDED in print."""
    number: int
    id: str
    title: str
    description: str
    serves: str
    theme: str
    core_task: str
    led_by: str
    partners: tuple[str, ...]
    period: str
    status: str
    budget: str
    # "Afgeleid door de redactie uit het speerpunt <derived_from> (<derived_where>), in de lijst <plan>."
    derived_from: str = ""  # the speerpunt's title, "" when the action serves no speerpunt
    derived_where: str = ""  # "§ 4.3.1": where the source says it
    plan: str = ""  # the list's own title
    serves_note: EditorialNote | None = None  # marks next to the field they are about
    core_task_note: EditorialNote | None = None
    editorial: tuple[EditorialNote, ...] = ()  # the other fields the editors added (the title, the description)


@dataclass(frozen=True)
class ActionPlanPart:
    kind: ClassVar[str] = "action_plan"
    heading: Heading
    text: str
    rows: tuple[ActionRow, ...]
    editorial: tuple[EditorialNote, ...] = ()  # the editors' year, title and text of the plan


@dataclass(frozen=True)
class IndicatorView:
    heading: Heading
    indicator: Indicator
    informs: tuple[str, ...]
    informs_note: EditorialNote | None = None  # shown next to what it informs
    editorial: tuple[EditorialNote, ...] = ()


@dataclass(frozen=True)
class IndicatorsPart:
    kind: ClassVar[str] = "indicators"
    heading: Heading
    text: str
    source: SourceRef | None
    indicators: tuple[IndicatorView, ...]


@dataclass(frozen=True)
class KeyFiguresPart:
    kind: ClassVar[str] = "key_figures"
    heading: Heading
    figures: tuple[FigureView, ...]
    tables: tuple[tuple[Table, SourceRef | None], ...]


@dataclass(frozen=True)
class PartnerGroup:
    heading: Heading
    partners: tuple[tuple[str, str, tuple[EditorialNote, ...]], ...]  # (label, description, what the editors added)


@dataclass(frozen=True)
class PartnersPart:
    kind: ClassVar[str] = "partners"
    heading: Heading
    groups: tuple[PartnerGroup, ...]
    editorial: tuple[EditorialNote, ...] = ()  # that the kinds are the editors' division, said once


@dataclass(frozen=True)
class GlossaryPart:
    kind: ClassVar[str] = "glossary"
    heading: Heading
    terms: tuple[tuple[GlossaryTerm, tuple[EditorialNote, ...]], ...]


@dataclass(frozen=True)
class RegionalThemeView:
    heading: Heading
    theme: RegionalTheme
    answered_by: tuple[str, ...]
    source: SourceRef | None
    answered_by_note: EditorialNote | None = None  # shown next to the themes it names


@dataclass(frozen=True)
class RegionalPart:
    kind: ClassVar[str] = "regional"
    heading: Heading
    regional: Regional
    meta: str  # authors and date
    source: SourceRef | None
    themes_heading: Heading
    themes: tuple[RegionalThemeView, ...]
    sections: tuple[SectionView, ...]


@dataclass(frozen=True)
class ItemGroup:
    heading: Heading
    items: Items


@dataclass(frozen=True)
class ProgrammePart:
    kind: ClassVar[str] = "programme"
    heading: Heading
    programme: Programme
    date: str
    source: SourceRef | None
    groups: tuple[ItemGroup, ...]  # what was seen, the sporen
    sections: tuple[SectionView, ...]


@dataclass(frozen=True)
class SourcesPart:
    kind: ClassVar[str] = "sources"
    heading: Heading
    documents: tuple[DocumentRef, ...]
    references_heading: Heading | None
    references: tuple[Reference, ...]
