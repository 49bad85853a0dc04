"""The one description of the agenda's kinds and fields (schema annotations read by macros.policy.kinds)."""

from __future__ import annotations

import copy

from macros.policy import kinds as kinds_module
from macros.policy.kinds import COMPARISONS, kinds, references, undescribed
from macros.policy.schema import load_schema


def _object_fields(schema: dict):
    """(kind, field name, spec) for every property of every object in the schema that is an item of its
    own (x-kind), found by walking the whole schema rather than asking macros.policy.kinds."""
    defs = schema["$defs"]

    def walk(node, where):
        if isinstance(node, dict):
            target = node
            if "x-kind" in node and "items" in node:  # a list naming the kind of its items
                target = node["items"]
                while "$ref" in target:
                    target = defs[target["$ref"].rsplit("/", 1)[-1]]
            if "x-kind" in node and "properties" in target:
                for name, spec in target["properties"].items():
                    yield node["x-kind"]["name"], name, spec
            for key, value in node.items():
                yield from walk(value, f"{where}/{key}")
        elif isinstance(node, list):
            for i, value in enumerate(node):
                yield from walk(value, f"{where}/{i}")

    yield from walk(schema, "#")


def test_every_field_of_every_kind_is_described():
    """A field added to the schema without saying how it compares, its basis and its Dutch name fails here,
    by its name."""
    assert undescribed() == []
    walked = {(kind, name) for kind, name, _ in _object_fields(load_schema())}
    described = {(k.name, f.name) for k in kinds().values() for f in k.fields}
    assert walked == described
    for kind, name, spec in _object_fields(load_schema()):
        assert spec.get("x-compare") in COMPARISONS, f"{kind}.{name} says not how it is compared"
        assert spec.get("title"), f"{kind}.{name} has no Dutch title"


def test_a_field_without_description_is_named(monkeypatch):
    """The check names the kind and field that lack a description."""
    schema = copy.deepcopy(load_schema())
    schema["$defs"]["action"]["properties"]["cost"] = {"type": "string", "title": "Kosten"}
    monkeypatch.setattr(kinds_module, "load_schema", lambda: schema)
    kinds.cache_clear()
    try:
        problems = undescribed()
    finally:
        kinds.cache_clear()
    assert problems == [
        "action.cost: no basis (x-basis one of quote, editorial, fact), no comparison (x-compare one of "
        + ", ".join(COMPARISONS) + ")"]


def test_references_are_read_from_the_description():
    """Every field that holds ids says which kinds they name, and a name means the same everywhere."""
    seen: dict[str, set] = {}
    for k in kinds().values():
        for f in k.fields:
            if f.compare in ("id", "ids"):
                assert f.refers, f"{k.name}.{f.name}"
                assert all(r in kinds() for r in f.refers), f"{k.name}.{f.name}: {f.refers}"
                seen.setdefault(f.name, set()).add(f.refers)
    assert all(len(v) == 1 for v in seen.values()), seen
    assert {name: refs for name, (refs,) in seen.items()} == references()
