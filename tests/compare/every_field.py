"""For every field of every kind the schema describes: one valid change of it in the full fixture
(tests/compare/full_policy.py), worked out from the schema, not listed by hand."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import full_policy

from macros.policy.compiled_schema import is_valid
from macros.policy.kinds import Field, kinds, walk
from macros.policy.model import Agenda, build_agenda
from macros.policy.schema import SCHEMA_PATH, load_schema

VERSION = "stad/2024-2027"


@dataclass(frozen=True)
class Edit:
    kind: str
    field: str
    file: str  # path under policy/
    path: tuple  # of the item in the file
    old: object
    new: object

    @property
    def name(self) -> str:
        return f"{self.kind}.{self.field}"

    def apply(self, files: dict[str, dict]) -> dict[str, dict]:
        node = files[self.file]
        for step in self.path:
            node = node[step]
        node[self.field] = self.new
        return files


def places() -> dict[str, tuple[str, tuple, dict]]:
    """kind -> (file, path, item) of its first item in the fixture."""
    found = {}
    for name, data in full_policy.files().items():
        if name.startswith(VERSION) or name.endswith("municipality.yaml"):
            for kind, path, node in walk(data):
                found.setdefault(kind, (name, path, node))
    return found


def _ids_of(kinds_wanted: tuple[str, ...]) -> list[str]:
    """Ids of items of these kinds in the fixture's version (series count as figures, as for validate)."""
    out = []
    for name, data in full_policy.files().items():
        if name.startswith(VERSION):
            for kind, _, node in walk(data):
                kind = "figure" if kind == "series" else kind
                if kind in kinds_wanted and isinstance(node.get("id"), str):
                    out.append(node["id"])
            if data.get("kind") in kinds_wanted and isinstance(data.get("id"), str):
                out.append(data["id"])
    return out


def _changed_text(value: str) -> list:
    return [value + " gewijzigd", value + "-2", "2024-01-01", "€ 250.000"]


def _candidates(field: Field, value) -> list:
    """Changed values to try, in order; the first that the schema accepts is used."""
    if field.compare == "choice":
        return [o for o in field.spec["enum"] if o != value]
    if field.compare == "number":
        return [value + 1]
    if field.compare == "id":
        return [i for i in _ids_of(field.refers) if i != value]
    if field.compare == "ids":
        others = [i for i in _ids_of(field.refers) if i not in value]
        return [value + [o] for o in others] + [value[:-1]] if value else others[:1]
    if field.compare == "period":
        return [{**value, "end": value["end"] + 1 if isinstance(value["end"], int) else str(int(value["end"]) + 1)}]
    if field.name == "source":
        return [{**value, "section": "2.2"}]
    if field.name == "editorial":
        return [{key: reason + " Gewijzigd." for key, reason in value.items()}]
    if field.name == "number":
        return [value + ".9"]
    if field.name == "lineage":
        return [[{**value[0], "change": "samengevoegd" if value[0]["change"] != "samengevoegd" else "voortgezet"}]]
    if isinstance(value, list):
        first = value[0]
        if isinstance(first, dict):
            return [[{**first, key: v + " gewijzigd"}, *value[1:]] for key, v in first.items() if isinstance(v, str)]
        return [value + [max(value) + 1 if isinstance(first, int) else "nieuw"]]
    if isinstance(value, dict):
        return [{**value, key: v + " gewijzigd"} for key, v in value.items() if isinstance(v, str)]
    if isinstance(value, str):
        return _changed_text(value)
    raise AssertionError(f"{field.kind}.{field.name}: no way to change {value!r}")


def edits() -> list[Edit]:
    """One valid change for every compared field of every kind; a field the fixture leaves empty
    or cannot change is an AssertionError that names it."""
    at = places()
    out, missing = [], []
    for k in kinds().values():
        if k.name not in at:
            missing.append(f"{k.name} (no item of this kind)")
            continue
        file, path, node = at[k.name]
        for f in k.fields:
            if not f.compared:
                continue
            if f.name not in node:
                missing.append(f"{k.name}.{f.name}")
                continue
            for candidate in _candidates(f, node[f.name]):
                edit = Edit(k.name, f.name, file, path, node[f.name], candidate)
                if is_valid(SCHEMA_PATH, edit.apply(full_policy.files())[file]):
                    out.append(edit)
                    break
            else:
                missing.append(f"{k.name}.{f.name} (no valid change found)")
    assert not missing, "the full fixture (tests/compare/full_policy.py) lacks: " + ", ".join(missing)
    return out


def agenda_of(files: dict[str, dict], version: str = VERSION) -> Agenda:
    municipality = files[version.split("/")[0] + "/municipality.yaml"]
    return build_agenda(municipality, [data for name, data in files.items() if name.startswith(version + "/")])


def write_policy(root: Path, files: dict[str, dict]) -> Path:
    return full_policy.write(root / "policy", files)
