"""Charts as inline SVG, made at build time: no script, no request elsewhere.

Here the geometry is worked out (positions, sizes, the spoken description);
`templates/partials/charts.svg` draws it. Each chart has an accessible name
(<title>) and description (<desc>) and is always shown with a data table
holding the same numbers. Colours come from CSS classes so that light and
dark mode both keep contrast.
"""

from __future__ import annotations

from dataclasses import dataclass

from macros.policy.model import Series
from macros.words import dutch_number

NO_VALUE = "geen waarde"


@dataclass(eq=False, repr=False)
class Bar:
    category: str
    x: str  # left edge, formatted to one decimal
    cx: str  # centre
    y: str = ""  # top of the bar ("" when there is no value)
    width: str = ""
    height: str = ""
    label_y: str = ""
    value: str = ""  # the value in Dutch notation


@dataclass(eq=False, repr=False)
class Panel:
    """One small bar chart: one row of a series, on its own scale."""

    id: str
    label: str
    width: int
    height: int
    left: int
    baseline: int
    axis_y: int
    empty_y: int
    description: str
    bars: tuple[Bar, ...]


@dataclass(eq=False, repr=False)
class SmallMultiples:
    title: str
    panels: tuple[Panel, ...]


def small_multiples(series: Series, chart_id: str) -> SmallMultiples:
    """One small bar chart per row, each on its own scale, so that the trend of a
    small series (a town: 67) stays visible next to a large one (the country: 13.466)."""
    return SmallMultiples(series.title, tuple(_bar_panel(row.label, series.categories, row.values, f"{chart_id}-{i}")
                                              for i, row in enumerate(series.rows)))


def _bar_panel(label: str, categories, values, panel_id: str) -> Panel:
    width, height, top, bottom, left = 260, 170, 28, 30, 8
    plot_h = height - top - bottom
    known = [v for v in values if v is not None]
    peak = max(known) if known else 1
    step = (width - 2 * left) / max(len(categories), 1)
    bar_w = step * 0.6
    bars = []
    for i, (category, value) in enumerate(zip(categories, values)):
        x = left + i * step + (step - bar_w) / 2
        cx = x + bar_w / 2
        if value is None:
            bars.append(Bar(str(category), f"{x:.1f}", f"{cx:.1f}"))
            continue
        bar_h = plot_h * (value / peak) * 0.85 if peak else 0
        y = top + plot_h - bar_h
        bars.append(Bar(str(category), f"{x:.1f}", f"{cx:.1f}", f"{y:.1f}", f"{bar_w:.1f}", f"{bar_h:.1f}",
                        f"{y - 5:.1f}", dutch_number(value)))
    description = ", ".join(f"{c}: {dutch_number(v) if v is not None else NO_VALUE}" for c, v in zip(categories, values))
    return Panel(panel_id, label, width, height, left, top + plot_h, height - 10, top + plot_h - 4, description, tuple(bars))


@dataclass(eq=False, repr=False)
class Segment:
    x: str
    width: str
    shade: int  # the status's position: its colour class
    count: int
    labelled: bool  # wide enough to show the count
    label_x: str


@dataclass(eq=False, repr=False)
class StackedRow:
    label: str
    y: int
    segments: tuple[Segment, ...]
    label_y: int  # baseline of the label: beside the bar, or above it on a phone
    bar_y: int
    count_y: int  # baseline of the counts in the bar


@dataclass(eq=False, repr=False)
class StackedBars:
    id: str
    title: str
    width: int
    height: int
    row_height: int
    description: str
    rows: tuple[StackedRow, ...]
    layout: str = "wide"  # "wide": labels beside the bars; "narrow" (a phone): labels above them
    bar_height: int = 26


def stacked_bars(rows: list[tuple[str, list[tuple[str, int]]]], title: str, chart_id: str,
                 narrow: bool = False) -> StackedBars:
    """Horizontal stacked bars: per row (a theme) the count per status, labelled in the bar.
    Narrow: for a phone, each label above its bar, which then takes the whole width
    (scaled down, the wide chart's labels would be a few pixels high)."""
    width, row_h, label_w, bar_h = (360, 50, 0, 24) if narrow else (720, 34, 300, 26)
    height = row_h * len(rows) + 10
    total_max = max((sum(n for _, n in counts) for _, counts in rows), default=1) or 1
    scale = (width - label_w - 10) / total_max
    out = []
    for r, (label, counts) in enumerate(rows):
        y = 5 + r * row_h
        x = label_w
        segments = []
        for s, (_status, n) in enumerate(counts):
            if not n:
                continue
            w = n * scale
            segments.append(Segment(f"{x:.1f}", f"{w:.1f}", s, n, w > 18, f"{x + w / 2:.1f}"))
            x += w
        bar_y = y + 20 if narrow else y
        out.append(StackedRow(label if len(label) <= 40 else label[:39] + "…", y, tuple(segments),
                              y + 14 if narrow else y + 20, bar_y, bar_y + bar_h // 2 + 5))
    description = "; ".join(f"{label}: " + ", ".join(f"{n} {status}" for status, n in counts if n)
                            for label, counts in rows)
    return StackedBars(chart_id, title, width, height, row_h, description, tuple(out),
                       "narrow" if narrow else "wide", bar_h)
