"""Which pages the site has, and the navigation, derived from the model.

Each generated page holds a single macro call with ids only, never policy
text. The `on_page_markdown` hook renders it from the model directly; were
it left to mkdocs-macros, which evaluates page source as Jinja, still no text
from YAML would ever be evaluated.
"""

from __future__ import annotations

from dataclasses import dataclass

from macros.policy.index import page_path
from macros.policy.model import Agenda, section_key


@dataclass(frozen=True)
class PageSpec:
    path: str  # docs-relative .md path
    kind: str  # the renderer: chapter, theme, pillar, ...
    item_id: str = ""

    @property
    def source(self) -> str:
        return f'{{{{ agenda_page("{self.kind}", "{self.item_id}") }}}}\n'


def build_pages(agenda: Agenda, versions: tuple[Agenda, ...] = ()) -> list[PageSpec]:
    pages = [PageSpec(f"{c.id}.md", "chapter", c.id) for c in agenda.chapters]
    if agenda.strategy:
        pages.append(PageSpec("strategie.md", "strategy"))
    if agenda.core_tasks:
        pages.append(PageSpec("kerntaken.md", "core_tasks"))
    if agenda.themes:
        pages.append(PageSpec("thema/index.md", "theme_overview"))
    for theme in agenda.themes:
        pages.append(PageSpec(page_path("theme", theme.id), "theme", theme.id))
        pages += [PageSpec(page_path("pillar", p.id), "pillar", p.id) for p in theme.pillars]
    if agenda.fundament:
        pages.append(PageSpec("fundament.md", "fundament"))
        for group in agenda.fundament.groups:
            pages.append(PageSpec(page_path("group", group.id), "topic", group.id))
            pages += [PageSpec(page_path("topic", t.id), "topic", t.id) for t in group.topics]
    if agenda.actions:
        pages.append(PageSpec("uitvoeringsagenda.md", "action_plans"))
        pages += [PageSpec(page_path("action", a.id), "action", a.id) for a in agenda.actions]
    if agenda.glossary:
        pages.append(PageSpec("begrippen.md", "glossary"))
    if agenda.indicators:
        pages.append(PageSpec("indicatoren.md", "indicator_overview"))
    pages += [PageSpec(f"voortgang/{plan.year}.md", "progress", str(plan.year)) for plan in agenda.action_plans]
    if agenda.figures or agenda.series:
        pages.append(PageSpec("kerncijfers.md", "key_figures"))
    if agenda.partners:
        pages.append(PageSpec("partners.md", "partners"))
        pages += [PageSpec(page_path("partner", p.id), "partner", p.id) for p in agenda.partners]
    pages += [PageSpec(f"regio/{r.id}.md", "regional", r.id) for r in agenda.regionals]
    pages += [PageSpec(f"programma/{p.id}.md", "programme", p.id) for p in agenda.programmes]
    pages.append(PageSpec("bronnen.md", "sources"))
    pages += [PageSpec(f"bron/{d.id}.md", "source_document", d.id) for d in agenda.documents if d.file]
    pages.append(PageSpec("open-data.md", "open_data"))
    pages.append(PageSpec("wijzigingen.md", "changes_page"))
    if len(versions) > 1:
        pages.append(PageSpec("versies.md", "version_overview"))
        pages += [PageSpec(f"vergelijk/{other.id}.md", "comparison", other.id) for other in versions if other.id != agenda.id]
    return pages


MAX_NAV_THEMES = 12  # more themes are reached through their overview page


def build_nav(agenda: Agenda, extra_pages: list[dict] | None = None, versions: tuple[Agenda, ...] = ()) -> list:
    """The navigation in reading order of the agenda; item pages stay out of it
    (they are linked from their overview pages) so every page stays small."""
    nav: list = [{"Home": "index.md"}]
    numbered = [(c.number, {c.title: f"{c.id}.md"}) for c in agenda.chapters]
    if agenda.strategy:
        numbered.append((agenda.strategy.number, {"Missie en visie": "strategie.md"}))
    if agenda.core_tasks:
        numbered.append((agenda.core_tasks.number, {agenda.core_tasks.title: "kerntaken.md"}))
    if agenda.themes:
        number = min((t.number for t in agenda.themes), key=section_key)
        # Material repeats the nav on every page: a long list of themes would make every page grow with it.
        listed = [{t.title: page_path("theme", t.id)} for t in agenda.themes] \
            if len(agenda.themes) <= MAX_NAV_THEMES else "thema/index.md"
        numbered.append((number, {agenda.themes_label: listed}))
    if agenda.fundament:
        numbered.append((agenda.fundament.number, {agenda.fundament.title: "fundament.md"}))
    nav += [entry for _, entry in sorted(numbered, key=lambda x: section_key(x[0]))]
    if agenda.actions:
        nav.append({"Uitvoeringsagenda": "uitvoeringsagenda.md"})
        nav.append({"Voortgang": [{f"Voortgang {p.year}": f"voortgang/{p.year}.md"} for p in agenda.action_plans]})
    if agenda.figures or agenda.series or agenda.indicators:
        nav.append({"Cijfers": ([{"Kerncijfers": "kerncijfers.md"}] if agenda.figures or agenda.series else [])
                    + ([{"Indicatoren": "indicatoren.md"}] if agenda.indicators else [])})
    if agenda.partners:
        nav.append({"Partners": "partners.md"})
    if agenda.glossary:
        nav.append({"Begrippen": "begrippen.md"})
    background = [{r.title: f"regio/{r.id}.md"} for r in agenda.regionals] + \
        [{p.title: f"programma/{p.id}.md"} for p in agenda.programmes]
    if background:
        nav.append({"Regio en geschiedenis": background})
    nav.append({"Bronnen": "bronnen.md"})
    nav.append({"Open data": "open-data.md"})
    nav.append({"Wijzigingen": "wijzigingen.md"})
    if len(versions) > 1:
        nav.append({"Versies en vergelijkingen": "versies.md"})
    nav += extra_pages or []
    return nav
