"""Pages and parts about accounting for the agenda: indicators, charts and
the yearly voortgang (progress) page."""

from __future__ import annotations

from macros.words import ACTION_STATUS, NO_VALUE, NOT_DECIDED
from macros.site.charts import small_multiples, stacked_bars
from macros.policy.index import page_path
from macros.site.markup import block, heading, join, link, md_escape, text
from macros.policy.text import escape



class FigurePages:
    """Mixed into `Renderer`: needs self.agenda, self.index and its helpers."""

    def series_chart(self, series) -> str:
        return block(small_multiples(series, f"grafiek-{series.id}"), "agenda-chart-wrap")

    def indicator_item(self, indicator, here: str, level: int = 3) -> str:
        values = ", ".join(f"{v.year}: {escape(v.value)}" for v in indicator.values) or f"<em>{NO_VALUE}</em>"
        return join(heading(level, indicator.title, indicator.id if here == "indicatoren.md" else ""),
                    text(indicator.measures),
                    block(f"<strong>Waarde:</strong> {values}", "agenda-meta", "p"))

    def indicators_for_item(self, here: str, item_id: str) -> str:
        """The indicators that inform a theme, pillar or fundament topic."""
        indicators = self.index.indicators_for.get(item_id, [])
        if not indicators:
            return ""
        lines = [f"- {link(here, 'indicatoren.md', i.title, i.id)}: {md_escape(i.measures.strip())} "
                 f"*({NO_VALUE if not i.values else ', '.join(f'{v.year}: {v.value}' for v in i.values)})*"
                 for i in indicators]
        return join(heading(2, "Indicatoren", f"indicatoren-{item_id}"),
                    "Hiermee meet de gemeente hoe het met dit onderwerp gaat:\n", "\n".join(lines) + "\n")

    def indicator_overview(self, here: str) -> str:
        a = self.agenda
        parts = [heading(1, "Indicatoren"), text(a.indicators_text), self.source(a.indicators_source)]
        for indicator in a.indicators:
            informs = ", ".join(link(here, self.index.link(t).page, self.index.link(t).title) for t in indicator.informs)
            parts += [self.indicator_item(indicator, here, 2),
                      f"**Zegt iets over:** {informs}\n" if informs else "", self.source(indicator.source)]
        return join(*parts)

    def progress(self, year: int, here: str) -> str:
        """What a council member opens for the yearly progress report."""
        plans = {p.year: p for p in self.agenda.action_plans}
        plan = plans[year]
        groups: dict[str, list] = {}
        for action in plan.actions:
            theme = self.index.theme_of_action(action)
            groups.setdefault(theme.title if theme else "Veiligheidsfundament", []).append(action)
        statuses = [("", NOT_DECIDED)] + list(ACTION_STATUS.items())
        rows = [(name, [(label, sum(1 for a in actions if a.status == key)) for key, label in statuses])
                for name, actions in groups.items()]
        head = "".join(f'<th scope="col">{escape(label)}</th>' for _, label in statuses)
        body = "".join(f'<tr><th scope="row">{escape(name)}</th>' + "".join(f"<td>{n}</td>" for _, n in counts)
                       + f"<td>{sum(n for _, n in counts)}</td></tr>" for name, counts in rows)
        table = block(f'<table class="agenda-progress"><caption>Acties per status per thema, {year}</caption>'
                      f'<thead><tr><td></td>{head}<th scope="col">Totaal</th></tr></thead><tbody>{body}</tbody></table>',
                      "agenda-table-wrap")
        previous = plans.get(year - 1)
        if previous is None:
            changed = f"*Er is geen uitvoeringsagenda van {year - 1} om mee te vergelijken.*\n"
        else:
            before = {a.id: a.status for a in previous.actions}
            moved = [a for a in plan.actions if a.id in before and before[a.id] != a.status]
            changed = "\n".join(
                f"- {link(here, page_path('action', a.id), a.title)}: "
                f"{ACTION_STATUS.get(before[a.id], NOT_DECIDED)} → {ACTION_STATUS.get(a.status, NOT_DECIDED)}"
                for a in moved) + "\n" if moved else "*Geen acties met een andere status dan vorig jaar.*\n"
        undecided = sum(1 for a in plan.actions if not a.status)
        parts = [heading(1, f"Voortgang {year}"),
                 f"Een samenvatting van de {link(here, 'uitvoeringsagenda.md', f'uitvoeringsagenda {year}')}: "
                 f"{len(plan.actions)} acties. Van {undecided} acties is de status in de bronnen nog niet bepaald.\n",
                 heading(2, "Acties per status per thema", "per-status"),
                 block(stacked_bars(rows, f"Acties per status per thema, {year}", f"voortgang-{year}"), "agenda-chart-wrap"),
                 table,
                 heading(2, f"Status gewijzigd sinds {year - 1}", "gewijzigd"), changed,
                 heading(2, "Indicatoren per thema", "indicatoren")]
        for theme in self.agenda.themes:
            indicators = self.index.indicators_for.get(theme.id, [])
            names = ", ".join(link(here, "indicatoren.md", i.title, i.id) for i in indicators) or f"*{NO_VALUE}*"
            parts.append(f"- **{md_escape(theme.title)}**: {names}")
        return join(*parts)
