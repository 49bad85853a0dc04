"""Pages of the uitvoeringsagenda: the filterable overview and one page per action.

Kept apart from `render` because it is the "how and with whom" half of the
site; both share the helpers of `Renderer`.
"""

from __future__ import annotations

from macros.words import ACTION_STATUS, NOT_DECIDED
from macros.policy.index import page_path
from macros.site.markup import block, heading, join, link, relative, text
from macros.policy.model import Action
from macros.policy.text import escape



def page_url(md_path: str) -> str:
    """The site-relative directory URL of a page: 'thema/x.md' -> 'thema/x/', 'thema/index.md' -> 'thema/'."""
    stem = md_path[:-3]
    if stem == "index":
        return ""
    return (stem[: -len("/index")] if stem.endswith("/index") else stem) + "/"


def url(here: str, target: str, anchor: str = "") -> str:
    """The relative URL from page `here` to page `target` as the built site has them
    (directory URLs), for links inside HTML blocks that mkdocs does not rewrite."""
    rel = relative(page_url(target).rstrip("/"), page_url(here).rstrip("/"))
    rel = "" if rel == "." else rel + "/"
    return rel + (f"#{anchor}" if anchor else "") or "./"


class ActionPages:
    """Mixed into `Renderer`: needs self.agenda, self.index and its helpers."""

    def _where(self, action: Action, here: str) -> tuple[str, str]:
        """Markdown links to what the action serves and to its theme (or the fundament)."""
        target = self.index.link(action.serves)
        serves = link(here, target.page, target.title)
        theme = self.index.theme_of_action(action)
        if theme:
            return serves, link(here, page_path("theme", theme.id), theme.title)
        return serves, link(here, "fundament.md", "Veiligheidsfundament")

    def action(self, action: Action, here: str) -> str:
        serves, theme = self._where(action, here)
        def undecided(value: str) -> str:
            return value if value else f"*{NOT_DECIDED}*"
        speerpunt = ""
        if action.speerpunt:
            target = self.index.link(action.speerpunt)
            speerpunt = link(here, target.page, target.title, target.anchor)
        core_task = ""
        if action.core_task:
            target = self.index.link(action.core_task)
            core_task = link(here, target.page, target.title, target.anchor)
        partners = ", ".join(link(here, page_path("partner", p), self._partner_label(p)) for p in action.partners)
        led_by = link(here, page_path("partner", action.led_by), self._partner_label(action.led_by)) if action.led_by else ""
        period = " tot en met ".join(x for x in (action.period_start, action.period_end) if x)
        facts = [
            f"- **Draagt bij aan:** {serves}",
            f"- **Thema:** {theme}",
            f"- **Speerpunt:** {speerpunt}" if speerpunt else "",
            f"- **Kerntaak:** {undecided(core_task)}",
            f"- **Trekker:** {undecided(led_by)}",
            f"- **Partners:** {partners or '*de bron noemt bij deze actie geen partners*'}",
            f"- **Periode:** {undecided(period)}",
            f"- **Status:** {undecided(ACTION_STATUS.get(action.status, ''))}",
            f"- **Budget:** {undecided(escape(action.budget))}",
        ]
        return join(
            heading(1, action.title),
            f"*Actie uit de {link(here, 'uitvoeringsagenda.md', f'uitvoeringsagenda {action.year}')}*\n",
            text(action.description),
            "\n".join(f for f in facts if f) + "\n",
            self.source(action.source),
        )

    def action_list(self, here: str, item_id: str, level: int = 2, title: str = "Acties uit de uitvoeringsagenda") -> str:
        """The actions behind an item, for theme, pillar, topic and kerntaak pages."""
        actions = self.index.actions_for.get(item_id, [])
        if not actions:
            return join(heading(level, title, f"acties-{item_id}"),
                        "*De uitvoeringsagenda heeft hier (nog) geen acties.*\n")
        lines = [f"- {link(here, page_path('action', a.id), a.title)}" for a in actions]
        return join(heading(level, title, f"acties-{item_id}"), "\n".join(lines) + "\n")

    def partner_list(self, here: str, partner_ids: list[str], level: int = 2, anchor: str = "partners") -> str:
        if not partner_ids:
            return ""
        lines = [f"- {link(here, page_path('partner', p), self._partner_label(p))}" for p in partner_ids]
        return join(heading(level, "Partners", anchor), "\n".join(lines) + "\n")

    def action_plans(self, here: str) -> str:
        parts = []
        for plan in self.agenda.action_plans:
            parts += [heading(1 if not parts else 2, plan.title or f"Uitvoeringsagenda {plan.year}"), text(plan.text)]
            parts.append(self._filter_form(plan.actions))
            parts.append(self._action_table(plan.actions, here))
        return join(*parts)

    def _filter_values(self, action: Action) -> dict[str, list[tuple[str, str]]]:
        theme = self.index.theme_of_action(action)
        core = self.index.link(action.core_task) if action.core_task else None
        partners = ([action.led_by] if action.led_by else []) + list(action.partners)
        return {
            "thema": [(theme.id, theme.title)] if theme else [("fundament", "Veiligheidsfundament")],
            "kerntaak": [(action.core_task, core.title)] if core else [("", NOT_DECIDED)],
            "partner": [(p, self._partner_label(p)) for p in dict.fromkeys(partners)],
            "status": [(action.status, ACTION_STATUS[action.status])] if action.status else [("", NOT_DECIDED)],
        }

    def _filter_form(self, actions: tuple[Action, ...]) -> str:
        """Filters that work without leaving the page; hidden until the script runs,
        so without JavaScript the full table shows and no dead controls do."""
        options: dict[str, dict[str, str]] = {"thema": {}, "kerntaak": {}, "partner": {}, "status": {}}
        for action in actions:
            for key, values in self._filter_values(action).items():
                for value, label in values:
                    options[key].setdefault(value or "-", label)
        labels = {"thema": "Thema", "kerntaak": "Kerntaak", "partner": "Partner", "status": "Status"}
        fields = []
        for key, values in options.items():
            items = sorted(values.items(), key=lambda kv: kv[1].lower())
            opts = "".join(f'<option value="{escape(v)}">{escape(label)}</option>' for v, label in items)
            fields.append(f'<div class="agenda-filter-field"><label for="filter-{key}">{labels[key]}</label>'
                          f'<select id="filter-{key}" data-filter="{key}"><option value="">Alle</option>{opts}</select></div>')
        return block(
            f'<form class="agenda-filter" hidden aria-label="Acties filteren">{"".join(fields)}'
            '<button type="reset">Filters wissen</button></form>'
            f'<p class="agenda-filter-count" role="status" aria-live="polite">{len(actions)} acties</p>', "agenda-filter-wrap")

    def _action_table(self, actions: tuple[Action, ...], here: str) -> str:
        rows = []
        for action in actions:
            values = self._filter_values(action)
            data = " ".join(f'data-{key}="{escape(" ".join(v or "-" for v, _ in vals))}"' for key, vals in values.items())
            theme = self.index.theme_of_action(action)
            serves = self.index.link(action.serves)
            where = (f'<a href="{url(here, serves.page)}">{escape(serves.title)}</a>'
                     + (f'<br><span class="agenda-meta">{escape(theme.title)}</span>' if theme
                        else '<br><span class="agenda-meta">Veiligheidsfundament</span>'))
            partner_cells = ", ".join(f'<a href="{url(here, page_path("partner", p))}">{escape(label)}</a>'
                                      for p, label in values["partner"]) or "<em>geen genoemd</em>"
            core = values["kerntaak"][0][1]
            core_cell = (f'<a href="{url(here, "kerntaken.md", action.core_task)}">{escape(core)}</a>'
                         if action.core_task else f"<em>{NOT_DECIDED}</em>")
            status = ACTION_STATUS.get(action.status) or f"<em>{NOT_DECIDED}</em>"
            rows.append(f'<tr {data}><td><a href="{url(here, page_path("action", action.id))}">{escape(action.title)}</a></td>'
                        f"<td>{where}</td><td>{core_cell}</td><td>{partner_cells}</td><td>{status}</td></tr>")
        head = "".join(f'<th scope="col">{h}</th>' for h in ("Actie", "Draagt bij aan", "Kerntaak", "Partners", "Status"))
        return block(f'<table class="agenda-actions"><caption>Alle acties ({len(actions)})</caption>'
                     f'<thead><tr>{head}</tr></thead><tbody>{"".join(rows)}</tbody></table>', "agenda-table-wrap")
