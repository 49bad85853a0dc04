"""View data for the figures pages: key figures, series, indicators and the
yearly voortgang (progress) page."""

from __future__ import annotations

from dataclasses import dataclass

from macros.policy.index import page_path
from macros.policy.model import Figure, Series
from macros.site.charts import SmallMultiples, StackedBars, small_multiples, stacked_bars
from macros.site.links import Link, md_link
from macros.site.view_parts import (EditorialNote, PageData, SourceView, editorial_notes, item_link,
                                    source_view)
from macros.words import ACTION_STATUS, NO_VALUE, NOT_DECIDED, dutch_number, field_note


@dataclass(eq=False, repr=False)
class SeriesRowView:
    label: str
    cells: tuple[str, ...]  # values in Dutch notation, "—" where there is none


@dataclass(eq=False, repr=False)
class SeriesView:
    id: str
    title: str
    caption: str
    categories: tuple[str, ...]
    rows: tuple[SeriesRowView, ...]
    chart: SmallMultiples
    source: SourceView | None


def series_view(data: PageData, series: Series, here: str = "") -> SeriesView:
    rows = tuple(SeriesRowView(r.label, tuple("—" if v is None else dutch_number(v) for v in r.values))
                 for r in series.rows)
    return SeriesView(series.id, series.title, series.caption, tuple(str(c) for c in series.categories), rows,
                      small_multiples(series, f"grafiek-{series.id}"), source_view(data.agenda, series.source, here))


def figures_named(data: PageData, ids: tuple[str, ...], here: str = "") -> tuple[tuple[Figure, ...], tuple[SeriesView, ...]]:
    """The key figures and series a section names, in the order named."""
    figures = {f.id: f for f in data.agenda.figures}
    series = {s.id: s for s in data.agenda.series}
    return (tuple(figures[i] for i in ids if i in figures),
            tuple(series_view(data, series[i], here) for i in ids if i in series))


@dataclass(eq=False, repr=False)
class FigureSource:
    figure: Figure
    source: SourceView | None


@dataclass(eq=False, repr=False)
class KeyFigures:
    figures: tuple[FigureSource, ...]
    series: tuple[SeriesView, ...]


def key_figures(data: PageData, here: str, item_id: str) -> KeyFigures:
    a = data.agenda
    return KeyFigures(tuple(FigureSource(f, source_view(a, f.source, here)) for f in a.figures),
                      tuple(series_view(data, s, here) for s in a.series))


def values_text(indicator) -> str:
    """"2022: 12, 2023: 14" (empty when the indicator has no values yet)."""
    return ", ".join(f"{v.year}: {v.value}" for v in indicator.values)


@dataclass(eq=False, repr=False)
class IndicatorView:
    id: str
    title: str
    measures: str  # policy text
    values: str  # "" when there are none
    informs: tuple[Link, ...]
    informs_note: EditorialNote | None  # shown next to the links
    source: SourceView | None


@dataclass(eq=False, repr=False)
class IndicatorOverview:
    text: str
    source: SourceView | None
    indicators: tuple[IndicatorView, ...]


def indicator_overview(data: PageData, here: str, item_id: str) -> IndicatorOverview:
    a = data.agenda
    # the page keeps its short heading, so the note on the set's title would speak of a title not shown
    return IndicatorOverview(a.indicators_text, source_view(a, a.indicators_source, here, ("title",)), tuple(
        IndicatorView(i.id, i.title, i.measures, values_text(i), tuple(item_link(data, here, t, False) for t in i.informs),
                      _informs_note(i), source_view(a, i.source, here, ("informs",))) for i in a.indicators))


def _informs_note(indicator) -> EditorialNote | None:
    return field_note(indicator.source, "informs", bool(indicator.informs))


def indicators_editorial(data: PageData, item_id: str) -> tuple[EditorialNote, ...]:
    """The marks above the indicators on a theme, pillar or topic page: where the set comes from and that
    the link to this item is the editors' (each said once)."""
    a, notes = data.agenda, {}
    note = field_note(a.indicators_source, "indicators")
    if note:
        notes["indicators"] = note
    for i in data.index.indicators_for.get(item_id, []):
        note = _informs_note(i)
        if note:
            notes.setdefault("informs", note)
    return tuple(notes.values())


@dataclass(eq=False, repr=False)
class ItemIndicator:
    """An indicator in the list on a theme, pillar or topic page."""

    link: Link
    measures: str  # plain text, as written
    values: str  # "2022: 12, ..." or the words for no value


def indicators_for(data: PageData, here: str, item_id: str) -> tuple[ItemIndicator, ...]:
    """The indicators that inform a theme, pillar or fundament topic."""
    return tuple(ItemIndicator(md_link(here, "indicatoren.md", i.title, i.id), i.measures.strip(), values_text(i) or NO_VALUE)
                 for i in data.index.indicators_for.get(item_id, []))


@dataclass(eq=False, repr=False)
class StatusChange:
    action: Link
    before: str
    after: str


@dataclass(eq=False, repr=False)
class ThemeIndicators:
    theme: str
    indicators: tuple[Link, ...]


@dataclass(eq=False, repr=False)
class Progress:
    year: int
    plan: Link
    actions: int
    undecided: int
    statuses: tuple[str, ...]  # column heads: words.NOT_DECIDED, then each status
    rows: tuple[tuple[str, tuple[int, ...], int], ...]  # (theme, count per status, total)
    chart: StackedBars
    chart_narrow: StackedBars  # the same chart laid out for a phone
    has_previous: bool
    changed: tuple[StatusChange, ...]
    indicators: tuple[ThemeIndicators, ...]
    editorial: tuple[EditorialNote, ...] = ()  # the editors' year and title of the plan


def progress(data: PageData, here: str, item_id: str) -> Progress:
    """What a council member opens for the yearly progress report."""
    year = int(item_id)
    plans = {p.year: p for p in data.agenda.action_plans}
    plan = plans[year]
    groups: dict[str, list] = {}
    for action in plan.actions:
        theme = data.index.theme_of_action(action)
        groups.setdefault(theme.title if theme else "Veiligheidsfundament", []).append(action)
    statuses = [("", NOT_DECIDED)] + list(ACTION_STATUS.items())
    counted = [(name, [(label, sum(1 for a in actions if a.status == key)) for key, label in statuses])
               for name, actions in groups.items()]
    previous = plans.get(year - 1)
    changed = ()
    if previous is not None:
        before = {a.id: a.status for a in previous.actions}
        changed = tuple(StatusChange(md_link(here, page_path("action", a.id), a.title),
                                     ACTION_STATUS.get(before[a.id], NOT_DECIDED), ACTION_STATUS.get(a.status, NOT_DECIDED))
                        for a in plan.actions if a.id in before and before[a.id] != a.status)
    indicators = tuple(ThemeIndicators(t.title, tuple(md_link(here, "indicatoren.md", i.title, i.id)
                                                      for i in data.index.indicators_for.get(t.id, [])))
                       for t in data.agenda.themes)
    return Progress(
        year, md_link(here, "uitvoeringsagenda.md", plan.title or f"uitvoeringsagenda {year}"), len(plan.actions),
        sum(1 for a in plan.actions if not a.status), tuple(label for _, label in statuses),
        tuple((name, tuple(n for _, n in counts), sum(n for _, n in counts)) for name, counts in counted),
        stacked_bars(counted, f"Acties per status per thema, {year}", f"voortgang-{year}"),
        stacked_bars(counted, f"Acties per status per thema, {year}", f"voortgang-{year}-smal", narrow=True),
        previous is not None, changed, indicators, editorial_notes(plan.editorial, ("text",)))
