"""Versions of one municipality's agenda: which is in force, and the site layout.

Each version is built as its own site in `site/<version>/`, the version in
force also as `site/actueel/` (a stable alias), with `site/versions.json` in
the format Material's version selector reads (the layout `mike` produces).
"""

from __future__ import annotations

from macros.words import VERSION_STATUS
from macros.policy.model import Agenda

ALIAS = "actueel"


def ordered(agendas: list[Agenda]) -> list[Agenda]:
    """Oldest first: by plan period, then date, a concept before the adopted text."""
    return sorted(agendas, key=lambda a: (a.period_start, a.date or "", a.status != "concept", a.id))


def current_version(agendas: list[Agenda]) -> Agenda:
    """The version in force: the newest adopted one (or the newest, if none is adopted)."""
    adopted = [a for a in ordered(agendas) if a.status == "vastgesteld"]
    return (adopted or ordered(agendas))[-1]


def version_title(agenda: Agenda) -> str:
    label = f" {agenda.label}" if agenda.label else ""
    return f"{agenda.period_start}-{agenda.period_end}{label} ({VERSION_STATUS[agenda.status]})"


def versions_json(agendas: list[Agenda]) -> list[dict]:
    """Newest first, as Material's selector lists them; the one in force carries the alias."""
    current = current_version(agendas)
    return [{"version": a.id, "title": version_title(a), "aliases": [ALIAS] if a is current else []}
            for a in reversed(ordered(agendas))]


def full_title(agenda: Agenda) -> str:
    """"Veiligheidsagenda 2024-2027": the title, with the period only if the title lacks it."""
    period = f"{agenda.period_start}-{agenda.period_end}"
    return agenda.title if period in agenda.title else f"{agenda.title} {period}"


def describe(agenda: Agenda) -> str:
    """"Veiligheidsagenda 2024-2027 (vastgesteld)": the full title and the status."""
    return f"{full_title(agenda)} ({VERSION_STATUS[agenda.status]})"
