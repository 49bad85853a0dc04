"""Render pages of one version: pick the view for a kind of page, lay it out
with its template.

`PAGES` maps each kind of page (as `macros.site.pages` names them) to the
function that prepares its view data; the template is `pages/<kind>.md` in
`macros/templates/`, or in the site's own template folder when it has one
with that name (see `macros.site.templating`).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from markupsafe import Markup

from macros.compare.history import History
from macros.policy.index import Index
from macros.policy.model import Agenda
from macros.site import templating
from macros.site import (source_pages, view_actions, view_agenda, view_context, view_figures, view_history,
                         view_reference, view_versions)
from macros.site.view_parts import PageData


@dataclass(frozen=True)
class PageKind:
    view: Callable  # (data, here, item_id[, downloads]) -> view data for the template
    item: bool = False  # a page of one item: it ends with the item's history
    downloads: bool = False  # shows the PDF downloads with their sizes


PAGES: dict[str, PageKind] = {
    "chapter": PageKind(view_agenda.chapter, item=True),
    "strategy": PageKind(view_agenda.strategy),
    "core_tasks": PageKind(view_agenda.core_tasks),
    "theme_overview": PageKind(view_agenda.theme_overview),
    "theme": PageKind(view_agenda.theme, item=True),
    "pillar": PageKind(view_agenda.pillar, item=True),
    "fundament": PageKind(view_agenda.fundament),
    "topic": PageKind(view_agenda.topic, item=True),
    "action_plans": PageKind(view_actions.action_plans),
    "action": PageKind(view_actions.action, item=True),
    "key_figures": PageKind(view_figures.key_figures),
    "indicator_overview": PageKind(view_figures.indicator_overview),
    "progress": PageKind(view_figures.progress),
    "regional": PageKind(view_context.regional),
    "programme": PageKind(view_context.programme),
    "sources": PageKind(view_reference.sources),
    "glossary": PageKind(view_reference.glossary),
    "partners": PageKind(view_reference.partners),
    "partner": PageKind(view_reference.partner, item=True),
    "open_data": PageKind(view_reference.open_data, downloads=True),
    "changes_page": PageKind(view_history.changes_page),
    "version_overview": PageKind(view_versions.version_overview, downloads=True),
    "comparison": PageKind(view_versions.comparison, downloads=True),
    "source_document": PageKind(source_pages.source_document),
}


class Renderer:
    """Renders the pages of one version with the templates of one site."""

    def __init__(self, agenda: Agenda, index: Index, versions: tuple[Agenda, ...] = (), current: Agenda | None = None,
                 history: History | None = None, templates: str = "", source_texts: dict | None = None):
        self.data = PageData(agenda, index, versions or (agenda,), current,
                             history or History(False, "de geschiedenis is niet opgevraagd"), source_texts or {})
        self.templates = templates  # the site's own template folder ("" for none)

    @property
    def history(self) -> History:
        return self.data.history

    def render(self, template: str, **context) -> str:
        return templating.render(template, self.templates, **context)

    def page(self, kind: str, item_id: str, here: str, downloads: dict | None = None) -> str:
        """The body of one page: `kind` names the page (a key of `PAGES`), `item_id`
        the item; `downloads`: sizes of the PDF files, known only when `agenda
        build` made them."""
        spec = PAGES[kind]
        args = (self.data, here, item_id, downloads or {}) if spec.downloads else (self.data, here, item_id)
        history = view_history.item_history(self.data.history, item_id, here) if spec.item else None
        return self.render(f"pages/{kind}.md", v=spec.view(*args), history=history)

    def home(self, here: str) -> str:
        """The home page body (the `home` macro of docs/index.md)."""
        return self.render("pages/home.md", v=view_agenda.home(self.data, here))

    def banner(self, here: str, current_pages: frozenset[str]) -> Markup:
        """HTML for the top of every page of a version that is not in force ('' otherwise)."""
        view = view_versions.banner(self.data, here, current_pages)
        return Markup(self.render("partials/banner.html", v=view).strip()) if view else Markup("")
