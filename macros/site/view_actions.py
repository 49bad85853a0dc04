"""View data for the uitvoeringsagenda: the filterable overview, one page per
action, and the lists of actions and partners behind an item."""

from __future__ import annotations

from dataclasses import dataclass

from macros.policy.index import page_path
from macros.policy.model import Action
from macros.site.links import Link, html_link, md_link
from macros.site.source_pages import section_anchor, source_page
from macros.site.view_parts import (EditorialNote, PageData, SourceView, editorial_notes, item_link,
                                    partner_label, partner_links, source_view)
from macros.words import ACTION_STATUS, NOT_DECIDED, field_note, section_label


@dataclass(eq=False, repr=False)
class ActionView:
    title: str
    plan: Link  # the list of actions, by its own title
    derived_from: Link | None  # the speerpunt the editors derived the action from
    derived_where: Link | None  # "§ 4.3.1", to the section on the source's page
    description: str  # policy text
    serves: Link
    theme: Link
    speerpunt: Link | None
    core_task: Link | None
    led_by: Link | None
    partners: tuple[Link, ...]
    period: str  # "" when not decided
    status: str  # "" when not decided
    budget: str  # "" when not decided
    source: SourceView | None
    serves_note: EditorialNote | None  # marks next to the field they are about
    core_task_note: EditorialNote | None


def _plan_title(plan) -> str:
    return plan.title or f"Uitvoeringsagenda {plan.year}"


def action(data: PageData, here: str, item_id: str) -> ActionView:
    a = data.index.actions[item_id]
    theme = data.index.theme_of_action(a)
    target = data.index.link(a.serves)
    plan = data.index.plan_of[item_id]
    doc = data.agenda.document(a.source.document) if a.source else None
    section = a.source.section if a.source else ""
    where = md_link(here, source_page(doc.id), section_label(section), section_anchor(section)) if doc and doc.file else None
    return ActionView(
        a.title, md_link(here, "uitvoeringsagenda.md", _plan_title(plan)),
        item_link(data, here, a.speerpunt) if a.speerpunt else None, where, a.description,
        md_link(here, target.page, target.title),
        md_link(here, page_path("theme", theme.id), theme.title) if theme else md_link(here, "fundament.md", "Veiligheidsfundament"),
        item_link(data, here, a.speerpunt) if a.speerpunt else None,
        item_link(data, here, a.core_task) if a.core_task else None,
        md_link(here, page_path("partner", a.led_by), partner_label(data.index, a.led_by)) if a.led_by else None,
        tuple(partner_links(data, here, a.partners)),
        " tot en met ".join(x for x in (a.period_start, a.period_end) if x),
        ACTION_STATUS.get(a.status, ""), a.budget, source_view(data.agenda, a.source, here, ("serves", "core_task")),
        field_note(a.source, "serves"), field_note(a.source, "core_task", bool(a.core_task)))


FILTERS = {"thema": "Thema", "kerntaak": "Kerntaak", "partner": "Partner", "status": "Status"}


def filter_values(data: PageData, action: Action) -> dict[str, list[tuple[str, str]]]:
    """(value, label) per filter for one action; value "" means not decided."""
    theme = data.index.theme_of_action(action)
    core = data.index.link(action.core_task) if action.core_task else None
    partners = ([action.led_by] if action.led_by else []) + list(action.partners)
    return {
        "thema": [(theme.id, theme.title)] if theme else [("fundament", "Veiligheidsfundament")],
        "kerntaak": [(action.core_task, core.title)] if core else [("", NOT_DECIDED)],
        "partner": [(p, partner_label(data.index, p)) for p in dict.fromkeys(partners)],
        "status": [(action.status, ACTION_STATUS[action.status])] if action.status else [("", NOT_DECIDED)],
    }


@dataclass(eq=False, repr=False)
class Filter:
    key: str
    label: str
    options: tuple[tuple[str, str], ...]  # (value, label), sorted by label


@dataclass(eq=False, repr=False)
class ActionRow:
    data: tuple[tuple[str, str], ...]  # (filter key, space-separated values) for the filter script
    action: Link
    serves: Link
    theme: str  # the theme's title, or Veiligheidsfundament
    core_task: Link | None
    partners: tuple[Link, ...]
    status: str  # "" when not decided


@dataclass(eq=False, repr=False)
class ActionPlanView:
    title: str
    text: str  # policy text
    filters: tuple[Filter, ...]
    rows: tuple[ActionRow, ...]
    editorial: tuple[EditorialNote, ...] = ()  # the editors' year, title and text of the plan


def _row(data: PageData, here: str, a: Action) -> ActionRow:
    values = filter_values(data, a)
    theme = data.index.theme_of_action(a)
    serves = data.index.link(a.serves)
    return ActionRow(
        tuple((key, " ".join(v or "-" for v, _ in vals)) for key, vals in values.items()),
        html_link(here, page_path("action", a.id), a.title), html_link(here, serves.page, serves.title),
        theme.title if theme else "Veiligheidsfundament",
        html_link(here, "kerntaken.md", values["kerntaak"][0][1], a.core_task) if a.core_task else None,
        tuple(html_link(here, page_path("partner", p), label) for p, label in values["partner"]),
        ACTION_STATUS.get(a.status, ""))


def _filters(data: PageData, actions: tuple[Action, ...]) -> tuple[Filter, ...]:
    options: dict[str, dict[str, str]] = {key: {} for key in FILTERS}
    for a in actions:
        for key, values in filter_values(data, a).items():
            for value, label in values:
                options[key].setdefault(value or "-", label)
    return tuple(Filter(key, FILTERS[key], tuple(sorted(values.items(), key=lambda kv: kv[1].lower())))
                 for key, values in options.items())


def action_plans(data: PageData, here: str, item_id: str) -> tuple[ActionPlanView, ...]:
    return tuple(ActionPlanView(_plan_title(plan), plan.text, _filters(data, plan.actions),
                                tuple(_row(data, here, a) for a in plan.actions), editorial_notes(plan.editorial))
                 for plan in data.agenda.action_plans)


def actions_for(data: PageData, here: str, item_id: str) -> tuple[Link, ...]:
    """The actions behind an item, for theme, pillar, topic and kerntaak pages."""
    return tuple(md_link(here, page_path("action", a.id), a.title) for a in data.index.actions_for.get(item_id, []))
