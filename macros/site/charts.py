"""Charts as inline SVG, made at build time: no script, no request elsewhere.

Each chart has an accessible name (<title>) and description (<desc>) and is
always shown with a data table holding the same numbers (see render code).
Colours come from CSS classes so that light and dark mode both keep contrast.
"""

from __future__ import annotations

from html import escape

from macros.words import dutch_number
from macros.policy.model import Series


def small_multiples(series: Series, chart_id: str) -> str:
    """One small bar chart per row, each on its own scale, so that the trend of a
    small series (a town: 67) stays visible next to a large one (the country: 13.466)."""
    panels = [_bar_panel(row.label, series.categories, row.values, f"{chart_id}-{i}")
              for i, row in enumerate(series.rows)]
    return f'<div class="agenda-chart" role="group" aria-label="{escape(series.title)}">{"".join(panels)}</div>'


def _bar_panel(label: str, categories, values, panel_id: str) -> str:
    width, height, top, bottom, left = 260, 170, 28, 30, 8
    plot_h = height - top - bottom
    known = [v for v in values if v is not None]
    peak = max(known) if known else 1
    step = (width - 2 * left) / max(len(categories), 1)
    bar_w = step * 0.6
    parts = []
    for i, (category, value) in enumerate(zip(categories, values)):
        x = left + i * step + (step - bar_w) / 2
        cx = x + bar_w / 2
        parts.append(f'<text class="agenda-chart-axis" x="{cx:.1f}" y="{height - 10}" text-anchor="middle">'
                     f'{escape(str(category))}</text>')
        if value is None:
            parts.append(f'<text class="agenda-chart-value" x="{cx:.1f}" y="{top + plot_h - 4}" '
                         'text-anchor="middle">geen waarde</text>')
            continue
        bar_h = plot_h * (value / peak) * 0.85 if peak else 0
        y = top + plot_h - bar_h
        parts.append(f'<rect class="agenda-chart-bar" x="{x:.1f}" y="{y:.1f}" width="{bar_w:.1f}" height="{bar_h:.1f}"/>')
        parts.append(f'<text class="agenda-chart-value" x="{cx:.1f}" y="{y - 5:.1f}" text-anchor="middle">'
                     f'{dutch_number(value)}</text>')
    baseline = top + plot_h
    values_text = ", ".join(f"{c}: {dutch_number(v) if v is not None else 'geen waarde'}" for c, v in zip(categories, values))
    return (f'<svg class="agenda-chart-panel" viewBox="0 0 {width} {height}" width="{width}" height="{height}" '
            f'role="img" aria-labelledby="{panel_id}-t {panel_id}-d">'
            f'<title id="{panel_id}-t">{escape(label)}</title><desc id="{panel_id}-d">{escape(values_text)}</desc>'
            f'<text class="agenda-chart-title" x="{left}" y="16">{escape(label)}</text>'
            f'<line class="agenda-chart-baseline" x1="{left}" x2="{width - left}" y1="{baseline}" y2="{baseline}"/>'
            f'{"".join(parts)}</svg>')


def stacked_bars(rows: list[tuple[str, list[tuple[str, int]]]], title: str, chart_id: str) -> str:
    """Horizontal stacked bars: per row (a theme) the count per status, labelled in the bar."""
    width, row_h, label_w = 720, 34, 300
    height = row_h * len(rows) + 10
    total_max = max((sum(n for _, n in counts) for _, counts in rows), default=1) or 1
    scale = (width - label_w - 10) / total_max
    parts = []
    for r, (label, counts) in enumerate(rows):
        y = 5 + r * row_h
        parts.append(f'<text class="agenda-chart-axis" x="0" y="{y + 20}">{escape(label if len(label) <= 40 else label[:39] + "…")}</text>')
        x = label_w
        for s, (status, n) in enumerate(counts):
            if not n:
                continue
            w = n * scale
            parts.append(f'<rect class="agenda-chart-bar agenda-chart-bar-{s}" x="{x:.1f}" y="{y}" width="{w:.1f}" height="{row_h - 8}"/>')
            if w > 18:
                parts.append(f'<text class="agenda-chart-inbar" x="{x + w / 2:.1f}" y="{y + 18}" text-anchor="middle">{n}</text>')
            x += w
    desc = "; ".join(f"{label}: " + ", ".join(f"{n} {status}" for status, n in counts if n) for label, counts in rows)
    return (f'<svg class="agenda-chart-panel agenda-chart-wide" viewBox="0 0 {width} {height}" role="img" '
            f'aria-labelledby="{chart_id}-t {chart_id}-d"><title id="{chart_id}-t">{escape(title)}</title>'
            f'<desc id="{chart_id}-d">{escape(desc)}</desc>{"".join(parts)}</svg>')
