"""View data for the pieces that recur across the parts of a printed version:
source documents and references, partner and action lists, lists of items, key figures,
tables of numbers and (nested) sections.

`Blocks` does the lookups in the agenda and its index and numbers the
headings; the templates in `templates/print/blocks.html` lay them out.
"""

from __future__ import annotations

from dataclasses import dataclass

from macros.policy.index import Index
from macros.policy.model import Agenda, Figure, Item, Section, Series, Source
from macros.print.headings import Heading, Headings
from macros.words import LABELS, EditorialNote, dutch_number, editorial_notes


@dataclass(frozen=True)
class SourceRef:
    """"Bron: <document>, § 2.1": `numbered` when the section is a paragraph number; then the marks
    for what of the item the editors added, in the web pages' words."""
    document: str
    section: str
    numbered: bool
    editorial: tuple[EditorialNote, ...] = ()


@dataclass(frozen=True)
class DocumentRef:
    """A source document: its title, then publisher and date where known."""
    title: str
    details: tuple[str, ...]


@dataclass(frozen=True)
class ActionLink:
    id: str
    title: str


@dataclass(frozen=True)
class TextedItem:
    heading: Heading
    text: str


@dataclass(frozen=True)
class Items:
    """Items without text as one list, then each item with text under its own heading."""
    plain: tuple[str, ...]
    texted: tuple[TextedItem, ...]


@dataclass(frozen=True)
class FigureView:
    """A key figure with what of it the editors added."""
    figure: Figure
    editorial: tuple[EditorialNote, ...] = ()


@dataclass(frozen=True)
class Table:
    """A series of numbers, formatted the Dutch way ("—" where the source gives none)."""
    caption: str
    categories: tuple[str, ...]
    rows: tuple[tuple[str, tuple[str, ...]], ...]


@dataclass(frozen=True)
class Box:
    """A case, news item or quote set apart from the text."""
    style: str
    label: str
    title: str  # shown under the label when the label is not the title itself
    attribution: str


@dataclass(frozen=True)
class SectionView:
    heading: Heading | None  # None for a box
    box: Box | None
    section: Section
    items: Items
    figures: tuple[Figure, ...]
    tables: tuple[Table, ...]
    children: tuple["SectionView", ...]
    source: SourceRef | None


class Blocks:
    """Builds the recurring pieces of one version's document; shares its `Headings`."""

    def __init__(self, agenda: Agenda, index: Index, headings: Headings):
        self.agenda, self.index, self.headings = agenda, index, headings

    def source(self, source: Source | None, skip: tuple[str, ...] = ()) -> SourceRef | None:
        """The source line and the editorial marks under it (as on the item's web page, `source_view`);
        `skip`: editorial fields the document marks next to the field itself."""
        if source is None:
            return None
        doc = self.agenda.document(source.document)
        return SourceRef(doc.title if doc else source.document, source.section, source.section[:1].isdigit(),
                         editorial_notes(source.editorial, skip))

    @staticmethod
    def editorial(source: Source | None, skip: tuple[str, ...] = ()) -> tuple[EditorialNote, ...]:
        """The editorial marks of an item whose source line the document does not print."""
        return editorial_notes(source.editorial, skip) if source else ()

    def partner_label(self, partner_id: str) -> str:
        p = self.index.partners.get(partner_id)
        if p is None:
            return partner_id
        return f"{p.name} ({p.abbreviation})" if p.abbreviation and p.abbreviation not in p.name else p.name

    def partners(self, partner_ids: tuple[str, ...]) -> tuple[str, ...]:
        return tuple(self.partner_label(p) for p in partner_ids)

    def actions(self, item_id: str) -> tuple[ActionLink, ...]:
        return tuple(ActionLink(a.id, a.title) for a in self.index.actions_for.get(item_id, []))

    def items(self, items: tuple[Item, ...], level: int) -> Items:
        plain, texted = [], []
        for item in items:
            if item.text:
                texted.append(TextedItem(self.headings.add(min(level, 6), item.title, toc=False), item.text))
            else:
                plain.append(item.title)
        return Items(tuple(plain), tuple(texted))

    def table(self, s: Series) -> Table:
        rows = tuple((r.label, tuple("—" if v is None else dutch_number(v) for v in r.values)) for r in s.rows)
        return Table(s.title + (f". {s.caption}" if s.caption else ""), tuple(str(c) for c in s.categories), rows)

    def figures(self, ids: tuple[str, ...]) -> tuple[tuple[Figure, ...], tuple[Table, ...]]:
        """The key figures and tables a section names, in the order it names them."""
        figures = {f.id: f for f in self.agenda.figures}
        series = {s.id: s for s in self.agenda.series}
        return (tuple(figures[i] for i in ids if i in figures), tuple(self.table(series[i]) for i in ids if i in series))

    def section(self, s: Section, level: int) -> SectionView:
        # Items and subsections are numbered before the section's own heading,
        # as the anchors have always been: the PDF's named destinations stay the same.
        items = self.items(s.items, level + 1)
        figures, tables = self.figures(s.figures)
        if s.style in ("case", "news", "quote"):
            label = LABELS["case"] if s.style == "case" and s.title != LABELS["case"] else ""
            box = Box(s.style, label or s.title, s.title if label else "", s.attribution)
            return SectionView(None, box, s, items, figures, tables, (), None)
        children = tuple(self.section(c, level + 1) for c in s.sections)
        heading = self.headings.add(min(level, 6), s.title, s.number)
        return SectionView(heading, None, s, items, figures, tables, children, self.source(s.source))
