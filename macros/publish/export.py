"""Open data: the whole policy of a version as JSON, the uitvoeringsagenda and
the partners as CSV. The JSON is the model itself, so it loads back into the
same model (`agenda_from_json`)."""

from __future__ import annotations

import csv
import dataclasses
import io
import json
import types
import typing

from macros.policy.model import Agenda, Source
from macros.site.downloads import OPEN_DATA_FILES

FILES = OPEN_DATA_FILES


def agenda_to_json(agenda: Agenda) -> str:
    data = {"format": "veiligheidsagenda-model", "format_version": 1, "agenda": _plain(agenda)}
    return json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True) + "\n"


def _plain(value):
    """`dataclasses.asdict` for the model's own types (dataclasses, tuples, strings and numbers),
    without its deep copy of every leaf: a third of the export's time."""
    fields = getattr(value, "__dataclass_fields__", None)
    if fields is not None:
        return {name: _plain(getattr(value, name)) for name in fields}
    if isinstance(value, (tuple, list)):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    return value


def agenda_from_json(text: str) -> Agenda:
    return _build(Agenda, json.loads(text)["agenda"])


def _build(kind, value):
    """Rebuild a value of type `kind` from JSON data (dataclasses, tuples, optionals)."""
    if kind is tuple:
        return tuple(value)
    origin = typing.get_origin(kind)
    if origin in (typing.Union, types.UnionType):
        options = [k for k in typing.get_args(kind) if k is not type(None)]
        return None if value is None else _build(options[0], value)
    if origin is tuple:
        args = typing.get_args(kind)
        if len(args) == 2 and args[1] is Ellipsis:
            return tuple(_build(args[0], v) for v in value)
        return tuple(value)
    if dataclasses.is_dataclass(kind):
        hints = typing.get_type_hints(kind)
        return kind(**{f.name: _build(hints[f.name], value[f.name]) for f in dataclasses.fields(kind) if f.init})
    return value


def _csv(header: list[str], rows: list[list]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
    return out.getvalue()


def editorial_cell(source: Source | None) -> str:
    """The fields of an item that the editors wrote or chose, with why: 'core_task: reason | title: reason'."""
    return " | ".join(f"{e.field}: {e.reason}" for e in source.editorial) if source else ""


def actions_csv(agenda: Agenda) -> str:
    header = ["id", "jaar", "titel", "omschrijving", "draagt_bij_aan", "speerpunt", "kerntaak", "trekker", "partners",
              "periode_start", "periode_eind", "status", "budget", "bron_document", "bron_paragraaf", "redactie"]
    rows = [[a.id, a.year, a.title, a.description.strip(), a.serves, a.speerpunt, a.core_task, a.led_by,
             " ".join(a.partners), a.period_start, a.period_end, a.status, a.budget, a.source.document, a.source.section,
             editorial_cell(a.source)]
            for a in agenda.actions]
    return _csv(header, rows)


def partners_csv(agenda: Agenda) -> str:
    header = ["id", "naam", "afkorting", "soort", "beschrijving", "bron_document", "bron_paragraaf", "redactie"]
    rows = [[p.id, p.name, p.abbreviation, p.type, p.description.strip(), p.source.document, p.source.section,
             editorial_cell(p.source)]
            for p in agenda.partners]
    return _csv(header, rows)
