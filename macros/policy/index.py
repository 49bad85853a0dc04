"""Cross-link index of one agenda: where every item lives and what points to it.

Built once per build from the model; pages only look things up here, so no
page recomputes links (and the cost stays linear in the size of the policy).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from macros.policy.kinds import page_paths
from macros.policy.model import Action, ActionPlan, Agenda, FundamentGroup, Partner, Pillar, Speerpunt, Theme, Topic

# Web addresses of the generated pages, per kind of item: `x-kind.page` in the schema.
PAGE_PATHS = page_paths()


@dataclass(frozen=True)
class Link:
    """Where an item is shown: a page (docs-relative .md path) and an anchor."""

    page: str
    anchor: str = ""
    title: str = ""


@dataclass
class Index:
    agenda: Agenda
    links: dict[str, Link] = field(default_factory=dict)
    theme_of: dict[str, Theme] = field(default_factory=dict)  # pillar/speerpunt id -> theme
    pillar_of: dict[str, Pillar] = field(default_factory=dict)  # speerpunt id -> pillar
    group_of: dict[str, FundamentGroup] = field(default_factory=dict)  # topic id -> group
    partners: dict[str, Partner] = field(default_factory=dict)
    # partner id -> the speerpunten and topics that name it, in document order
    partner_mentions: dict[str, list[Speerpunt | Topic | FundamentGroup]] = field(default_factory=lambda: defaultdict(list))

    # item id (pillar, topic, group, theme, speerpunt, kerntaak, partner) -> actions
    actions_for: dict[str, list[Action]] = field(default_factory=lambda: defaultdict(list))
    led_by: dict[str, list[Action]] = field(default_factory=lambda: defaultdict(list))  # partner id -> actions
    actions: dict[str, Action] = field(default_factory=dict)
    plan_of: dict[str, ActionPlan] = field(default_factory=dict)  # action id -> the uitvoeringsagenda it is in
    indicators_for: dict[str, list] = field(default_factory=lambda: defaultdict(list))  # item id -> indicators
    regional_for: dict[str, list] = field(default_factory=lambda: defaultdict(list))  # theme id -> (document, theme)
    programmes_for: dict[str, list] = field(default_factory=lambda: defaultdict(list))  # theme id -> programmes

    def link(self, item_id: str) -> Link:
        return self.links[item_id]

    def theme_of_action(self, action: Action) -> Theme | None:
        return self.theme_of.get(action.serves)

    def partners_of(self, item_id: str, speerpunten=(), partner_ids=()) -> list[str]:
        """Partner ids named by an item, its speerpunten and its actions, first mention first."""
        seen: dict[str, None] = dict.fromkeys(partner_ids)
        for sp in speerpunten:
            seen.update(dict.fromkeys(sp.partners))
        for action in self.actions_for.get(item_id, ()):
            seen.update(dict.fromkeys(((action.led_by,) if action.led_by else ()) + action.partners))
        return list(seen)


def page_path(kind: str, item_id: str) -> str:
    return PAGE_PATHS[kind].format(id=item_id)


def build_index(agenda: Agenda) -> Index:
    index = Index(agenda)
    index.partners = {p.id: p for p in agenda.partners}
    for partner in agenda.partners:
        index.links[partner.id] = Link(page_path("partner", partner.id), title=partner.name)
    for theme in agenda.themes:
        theme_page = page_path("theme", theme.id)
        index.links[theme.id] = Link(theme_page, title=theme.title)
        for sp in theme.speerpunten:
            index.links[sp.id] = Link(theme_page, sp.id, sp.title)
            index.theme_of[sp.id] = theme
        for pillar in theme.pillars:
            index.links[pillar.id] = Link(page_path("pillar", pillar.id), title=pillar.title)
            index.theme_of[pillar.id] = theme
            for sp in pillar.speerpunten:
                index.links[sp.id] = Link(page_path("pillar", pillar.id), sp.id, sp.title)
                index.theme_of[sp.id] = theme
                index.pillar_of[sp.id] = pillar
        for sp in theme.all_speerpunten:
            for partner_id in sp.partners:
                index.partner_mentions[partner_id].append(sp)
    if agenda.fundament:
        for group in agenda.fundament.groups:
            index.links[group.id] = Link(page_path("group", group.id), title=group.title)
            for partner_id in group.partners:
                index.partner_mentions[partner_id].append(group)
            for topic in group.topics:
                index.links[topic.id] = Link(page_path("topic", topic.id), title=topic.title)
                index.group_of[topic.id] = group
                for partner_id in topic.partners:
                    index.partner_mentions[partner_id].append(topic)
    if agenda.core_tasks:
        for task in agenda.core_tasks.tasks:
            index.links[task.id] = Link(page_path("core_tasks", task.id), task.id, task.title)
    for plan in agenda.action_plans:
        for action in plan.actions:
            index.plan_of[action.id] = plan
    for action in agenda.actions:
        index.actions[action.id] = action
        index.links[action.id] = Link(page_path("action", action.id), title=action.title)
        targets = [action.serves, action.speerpunt, action.core_task, *action.partners]
        theme = index.theme_of.get(action.serves)
        group = index.group_of.get(action.serves)
        targets += [theme.id if theme else "", group.id if group else ""]
        for target in dict.fromkeys(t for t in targets if t):
            index.actions_for[target].append(action)
        if action.led_by:
            index.led_by[action.led_by].append(action)
    for regional in agenda.regionals:
        index.links[regional.id] = Link(page_path("regional", regional.id), title=regional.title)
        for theme in regional.themes:
            index.links[theme.id] = Link(page_path("regional", regional.id), theme.id, theme.title)
            for target in theme.answered_by:
                index.regional_for[target].append((regional, theme))
    for programme in agenda.programmes:
        index.links[programme.id] = Link(page_path("programme", programme.id), title=programme.title)
        for target in programme.history_of:
            index.programmes_for[target].append(programme)
    for indicator in agenda.indicators:
        index.links[indicator.id] = Link(page_path("indicators", indicator.id), indicator.id, indicator.title)
        for target in indicator.informs:
            index.indicators_for[target].append(indicator)
    for figure in agenda.figures:
        index.links[figure.id] = Link(page_path("figures", figure.id), figure.id, figure.label)
    for series in agenda.series:
        index.links[series.id] = Link(page_path("figures", series.id), series.id, series.title)
    return index
