"""A tiny agenda built in memory, for testing views and templates without a build.

`tiny()` returns the `PageData` of one version with one theme (one pillar,
one speerpunt), three partners, a plan of three actions and a series; pass
`theme_title=...`, `plans=...` or `versions=...` to vary it.
"""

from __future__ import annotations

from macros.compare.history import History
from macros.policy.index import build_index
from macros.policy.model import Agenda, build_agenda
from macros.site.view_parts import PageData

SRC = {"document": "doc", "section": "2.1"}
MUNICIPALITY = {"kind": "municipality", "id": "stad", "name": "Stad"}


def version(vid: str = "2024-2027", status: str = "vastgesteld", title: str = "Veiligheidsagenda Stad") -> dict:
    return {"kind": "version", "id": vid, "title": title, "status": status, "period": {"start": int(vid[:4]), "end": int(vid[5:9])},
            "documents": [{"id": "doc", "title": "Het beleidsplan"}]}


def theme(title: str = "Ondermijning", text: str = "De tekst.") -> dict:
    return {"kind": "theme", "id": "ondermijning", "title": title, "number": "4", "source": SRC,
            "pillars": [{"id": "weerbaar", "title": "Weerbaarheid", "number": "4.1", "source": SRC, "text": text,
                         "speerpunten": [{"id": "sp-1", "title": "Voorlichting", "source": SRC,
                                          "partners": ["politie"]}]}]}


PARTNERS = {"kind": "partners", "partners": [
    {"id": "politie", "name": "Politie", "type": "extern", "source": SRC},
    {"id": "om", "name": "Openbaar Ministerie", "abbreviation": "OM", "type": "extern", "source": SRC},
    {"id": "aanpak", "name": "Aanpak", "type": "gemeentelijk-team", "source": SRC}]}


def plan(year: int, statuses: dict[str, str]) -> dict:
    """An action plan; `statuses`: action id -> status ("" for not decided)."""
    actions = []
    for i, (aid, status) in enumerate(statuses.items()):
        action = {"id": aid, "title": f"Actie {aid}", "serves": "weerbaar", "source": SRC,
                  "partners": ["om", "politie"] if i % 2 else ["politie"]}
        if status:
            action["status"] = status
        if i == 0:
            action["led_by"] = "aanpak"
        actions.append(action)
    return {"kind": "actions", "year": year, "actions": actions}


SERIES = {"kind": "figures", "series": [{"id": "misdrijven", "title": "Misdrijven", "categories": [2021, 2022],
                                          "rows": [{"label": "Stad", "values": [67, None]},
                                                   {"label": "Land", "values": [13466, 1.5]}], "source": SRC}]}


def agenda(vid: str = "2024-2027", status: str = "vastgesteld", theme_title: str = "Ondermijning",
           plans: tuple[dict, ...] = (), text: str = "De tekst.") -> Agenda:
    return build_agenda(MUNICIPALITY, [version(vid, status), theme(theme_title, text), PARTNERS, SERIES, *plans])


def data(this: Agenda | None = None, versions: tuple[Agenda, ...] = (), current: Agenda | None = None,
         history: History | None = None) -> PageData:
    this = this or agenda(plans=(plan(2024, {"a1": "gepland", "a2": "", "a3": "lopend"}),))
    return PageData(this, build_index(this), versions or (this,), current or this,
                    history or History(False, "geen git"))
