"""The kinds of item of an agenda and their fields, as the schema describes them.

`schema/policy.schema.json` says once, beside each field's type, what every
other part of the project needs to know about it (JSON Schema annotations,
ignored by the validators):

- `title`: the field's Dutch name (`x-label` where a list of changes says it
  otherwise, in lower case);
- `x-basis`: `quote` (the source's words, checked against it), `editorial`
  (the editors' choice or wording) or `fact` (a plain fact: an id, a date, a
  reference to a source);
- `x-compare`: how two values are compared (see `COMPARISONS`);
- `x-refers`: for a field holding ids, the kinds of item they may name;
- `x-attr`: the attributes of the model (`macros.policy.model`) that hold the
  value, where they are not named like the field;
- `x-why`: why a field is not compared, or only between stages of one version.

An object (a `$defs` entry or a list's items) that is an item of its own
carries `x-kind`: its name, Dutch label, which field is its title, the address
of its own page (`page`, from its id) and whether it is compared only between
stages of one version (`compared: within-version`).
A list may rename the kind of its items in that place (`x-kind` on the list:
the principles of a strategy are items named "Uitgangspunt").

Everything here is read from the schema, once. Read by: the diff (pull-request
comment, comparisons, item history, feed), the reference checks of `agenda
validate` and the form editor (`references`), the page addresses of the index
(`page_paths`) and the Dutch names of kinds (`kind_label`).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from macros.policy.schema import load_schema

# How two values of a field are compared, and what that means for a list of changes.
COMPARISONS = {
    "text": "running text: a word-by-word difference",
    "ids": "a list of ids of other items",
    "id": "the id of one other item",
    "choice": "one of a fixed list of values",
    "date": "a date (year, year-month or year-month-day)",
    "amount": "an amount, as written",
    "number": "a whole number",
    "period": "a period: start and end",
    "list": "a list of values, compared as a whole",
    "parts": "a small block of values, compared as a whole",
    "items": "items of their own, each compared by its id",
    "identity": "the id: items are matched by it, so a new id is a removal and an addition",
    "citation": "where in the source, or the editors' reasons: compared between stages of one version only",
    "not": "not compared (x-why says why)",
}
BASES = ("quote", "editorial", "fact")
# Comparisons whose values the diff reports as a field of the item (the others are structure).
VALUE_COMPARISONS = frozenset(COMPARISONS) - {"items", "identity", "not"}


@dataclass(frozen=True)
class Field:
    kind: str  # the kind of item it belongs to
    name: str  # its key in the YAML files
    title: str  # its Dutch name, as a form shows it
    label: str  # its Dutch name in a list of changes (lower case)
    basis: str
    compare: str
    refers: tuple[str, ...]  # kinds its ids may name
    attrs: tuple[str, ...]  # model attributes that hold the value
    why: str
    is_list: bool  # a list in the YAML (of ids, items or values)
    spec: dict  # the schema of the field, for who needs more (the editor)

    @property
    def compared(self) -> bool:
        return self.compare in VALUE_COMPARISONS

    @property
    def within_version(self) -> bool:
        return self.compare == "citation"


@dataclass(frozen=True)
class Kind:
    name: str  # "action"
    label: str  # "Actie"
    title_field: str  # the field that names an item of this kind ("" when none)
    fields: tuple[Field, ...]
    where: str  # the schema path it is described at
    within_version: bool = False  # compared only between stages of one version (x-kind.compared)
    page: str = ""  # the address of an item's own page, "thema/{id}.md" (x-kind.page); "" when it has none

    def field(self, name: str) -> Field:
        return next(f for f in self.fields if f.name == name)


def _resolve(node: dict, defs: dict) -> tuple[dict, str]:
    name = ""
    while isinstance(node, dict) and "$ref" in node:
        name = node["$ref"].rsplit("/", 1)[-1]
        node = defs[name]
    return node, name


@lru_cache(maxsize=1)
def kinds() -> dict[str, Kind]:
    """Every kind of item, by name, with its fields in the schema's order."""
    schema = load_schema()
    defs = schema["$defs"]
    out: dict[str, Kind] = {}

    def add(obj: dict, where: str, named: dict | None = None):
        mark = named or obj["x-kind"]
        if mark["name"] in out:
            return
        fields = []
        for name, spec in obj.get("properties", {}).items():
            target, _ = _resolve(spec, defs)
            fields.append(Field(
                kind=mark["name"], name=name, title=spec.get("title", ""),
                label=spec.get("x-label") or _lower_first(spec.get("title", "")), basis=spec.get("x-basis", ""),
                compare=spec.get("x-compare", ""), refers=tuple(spec.get("x-refers", ())),
                attrs=tuple(spec.get("x-attr", (name,))), why=spec.get("x-why", ""),
                is_list=target.get("type") == "array" or spec.get("type") == "array", spec=spec))
        out[mark["name"]] = Kind(mark["name"], mark["label"], mark.get("title", ""), tuple(fields), where,
                                 mark.get("compared") == "within-version", mark.get("page", ""))

    def walk(node, where: str):
        if isinstance(node, dict):
            if "x-kind" in node and "properties" in node:
                add(node, where)
            if "x-kind" in node and "items" in node:  # a list that names the kind of its items
                items, _ = _resolve(node["items"], defs)
                add(items, where, node["x-kind"])
            for key, value in node.items():
                walk(value, f"{where}/{key}")
        elif isinstance(node, list):
            for i, value in enumerate(node):
                walk(value, f"{where}/{i}")

    walk(schema, "#")
    return out


def kind(name: str) -> Kind:
    return kinds()[name]


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]


@lru_cache(maxsize=1)
def references() -> dict[str, tuple[str, ...]]:
    """Field name -> the kinds of item its ids may name, for every field that holds ids.

    A name means the same wherever it is used (a test checks that the schema agrees)."""
    out: dict[str, tuple[str, ...]] = {}
    for k in kinds().values():
        for f in k.fields:
            if f.refers and f.name != "document":  # a document is named inside `source`, checked on its own
                out[f.name] = tuple(dict.fromkeys(out.get(f.name, ()) + f.refers))
    return out


@lru_cache(maxsize=1)
def fingerprint() -> str:
    """A short hash of what a comparison reads from the description (kinds, fields, labels, comparisons):
    stored comparisons made under another description are worked out again."""
    import hashlib
    import json

    described = [(k.name, k.label, k.within_version, [(f.name, f.label, f.compare, f.attrs) for f in k.fields])
                 for k in kinds().values()]
    return hashlib.sha256(json.dumps(described).encode()).hexdigest()[:12]


def page_paths() -> dict[str, str]:
    """Kind -> the address of its items' own pages, for the kinds that have them. An item keeps its
    address across versions because the address is built from its id only."""
    return {k.name: k.page for k in kinds().values() if k.page}


def kind_label(name: str) -> str:
    """The Dutch name of a kind of item ("Actie"); "Onderdeel" for a name the schema does not know."""
    found = kinds().get(name)
    return found.label if found else "Onderdeel"


def undescribed() -> list[str]:
    """Every field of a kind that lacks part of its description, as "kind.field: what is missing"."""
    problems = []
    for k in kinds().values():
        if not k.label:
            problems.append(f"{k.name}: no Dutch label (x-kind.label)")
        for f in k.fields:
            missing = [what for what, ok in (
                ("Dutch title", bool(f.title)),
                (f"basis (x-basis one of {', '.join(BASES)})", f.basis in BASES),
                (f"comparison (x-compare one of {', '.join(COMPARISONS)})", f.compare in COMPARISONS),
                ("reason (x-why)", f.compare not in ("not", "citation") or bool(f.why)),
                ("kinds it refers to (x-refers)", f.compare not in ("id", "ids") or bool(f.refers)),
                ("known kinds in x-refers", all(r in kinds() for r in f.refers)),
            ) if not ok]
            if missing:
                problems.append(f"{k.name}.{f.name}: no {', no '.join(missing)}")
    return problems


@lru_cache(maxsize=1)
def _file_kinds() -> dict[str, dict]:
    """Kind of file -> the schema of that file."""
    defs = load_schema()["$defs"]
    return {name[len("file_"):]: spec for name, spec in defs.items() if name.startswith("file_")}


def walk(data: dict):
    """(kind, path, node) for every item of a policy file's data, parents first, in the file's order:
    what each object of the file is, as the schema describes it. Objects the schema does not know are skipped."""
    defs = load_schema()["$defs"]
    root = _file_kinds().get(data.get("kind")) if isinstance(data, dict) else None
    if root is None:
        return
    stack = [((), data, root, None)]
    while stack:
        path, node, spec, named = stack.pop()
        spec, _ = _resolve(spec, defs)
        if isinstance(node, list):
            items = spec.get("items") or {}
            stack.extend(((*path, i), v, items, named) for i, v in reversed(list(enumerate(node))) if isinstance(v, dict))
            continue
        if not isinstance(node, dict):
            continue
        mark = named or spec.get("x-kind")
        if mark:
            yield mark["name"], path, node
        properties = spec.get("properties") or {}
        children = []
        for key, value in node.items():
            child = properties.get(key)
            if child is not None and isinstance(value, (dict, list)) and child.get("x-compare") == "items":
                children.append(((*path, key), value, child, child.get("x-kind") if "items" in child else None))
        stack.extend(reversed(children))
