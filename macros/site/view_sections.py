"""View data for a section of a chapter, theme, region or programme, with its
subsections and the figures it names."""

from __future__ import annotations

from dataclasses import dataclass

from macros.policy.model import Figure, Section
from macros.site.view_figures import SeriesView, figures_named
from macros.site.view_parts import PageData, SourceView, source_view
from macros.words import LABELS


@dataclass(eq=False, repr=False)
class SectionView:
    """A section of a chapter or theme, with its subsections; `box` for a case, news item or quote."""

    section: Section
    figures: tuple[Figure, ...]
    series: tuple[SeriesView, ...]
    sections: tuple[SectionView, ...]
    source: SourceView | None
    box_label: str  # the box's title line: "Casus uit de praktijk" or the section's title


def section_view(data: PageData, section: Section, here: str = "") -> SectionView:
    figures, series = figures_named(data, section.figures, here)
    label = LABELS["case"] if section.style == "case" and section.title != LABELS["case"] else ""
    return SectionView(section, figures, series, tuple(section_view(data, s, here) for s in section.sections),
                       source_view(data.agenda, section.source, here), label)
