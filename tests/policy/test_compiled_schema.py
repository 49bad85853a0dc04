"""The compiled schema check and jsonschema must agree on every file.

Validation trusts the compiled check (fastjsonschema) to pass a file and asks
jsonschema only to explain a failure; if the two disagreed, a broken file
could be published. Here both judge the real policy and hundreds of broken
copies of it: keys removed, unknown keys added, values of the wrong type.
"""

import copy
import json
import marshal
import random

import fastjsonschema

import jsonschema
import pytest
from conftest import POLICY

from macros.policy.compiled_schema import compiled_check, is_valid
from macros.policy.load import load_file
from macros.policy.schema import SCHEMA_PATH, load_schema

FILES = sorted(POLICY.rglob("*.yaml"))


def _reference(data) -> bool:
    return not any(jsonschema.Draft202012Validator(load_schema()).iter_errors(data))


def _mutations(data, rng: random.Random):
    """Broken copies of `data`: each changes one place of the tree."""
    places = []

    def walk(node, path):
        if isinstance(node, dict):
            places.append(path)
            for key, value in node.items():
                walk(value, path + (key,))
        elif isinstance(node, list):
            for i, value in enumerate(node):
                walk(value, path + (i,))
        else:
            places.append(path)

    walk(data, ())
    for path in rng.sample(places, min(len(places), 12)):
        for how in ("drop", "unknown", "number", "list", "null", "empty"):
            broken = copy.deepcopy(data)
            parent = broken
            for step in path[:-1]:
                parent = parent[step]
            if not path:
                if how == "unknown":
                    broken["onbekend"] = "x"
                    yield broken
                continue
            last = path[-1]
            if how == "drop":
                del parent[last]
            elif how == "unknown":
                target = parent[last]
                if not isinstance(target, dict):
                    continue
                target["onbekend"] = "x"
            else:
                parent[last] = {"number": 3, "list": ["a"], "null": None, "empty": ""}[how]
            yield broken


def test_the_schema_means_the_same_in_draft_7():
    """The compiled check reads the schema as draft 7; only keywords with the same meaning may be used."""
    differs = {"prefixItems", "unevaluatedProperties", "unevaluatedItems", "dependentRequired",
               "dependentSchemas", "$dynamicRef", "$anchor"}

    def walk(node, where):
        if isinstance(node, dict):
            assert not differs & set(node), f"{where} uses {differs & set(node)}"
            if "$ref" in node:
                # "x-..." are annotations for tools (which text is a quote), never validation keywords
                keys = {k for k in node if not k.startswith("x-")}
                assert keys <= {"$ref", "description", "title"}, f"{where}: draft 7 ignores keys beside $ref"
            for key, value in node.items():
                walk(value, f"{where}/{key}")
        elif isinstance(node, list):
            for i, value in enumerate(node):
                walk(value, f"{where}/{i}")

    walk(load_schema(), "#")


@pytest.mark.parametrize("path", FILES, ids=lambda p: str(p.relative_to(POLICY)))
def test_compiled_check_agrees_with_jsonschema(path):
    loaded, problems = load_file(path)
    assert problems == [] and loaded.data is not None
    assert is_valid(SCHEMA_PATH, loaded.data) and _reference(loaded.data)
    rng = random.Random(str(path.relative_to(POLICY)))
    checked = 0
    for broken in _mutations(loaded.data, rng):
        verdict = is_valid(SCHEMA_PATH, broken)
        assert verdict == _reference(broken), json.dumps(broken, ensure_ascii=False, default=str)[:400]
        checked += 1
    assert checked >= 6


def test_compiled_code_is_cached_and_reused(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    compiled_check.cache_clear()
    try:
        check = compiled_check(SCHEMA_PATH)
        cached = list((tmp_path / "veiligheidsagenda").glob("schema-*.marshal"))
        assert len(cached) == 1
        compiled_check.cache_clear()
        cached[0].write_bytes(b"not a code object")  # a damaged cache is compiled again, not trusted
        again = compiled_check(SCHEMA_PATH)
        real, _ = load_file(FILES[0])
        for fn in (check, again):
            fn(real.data)  # passes without an exception
            with pytest.raises(fastjsonschema.JsonSchemaException):
                fn({"kind": "onbekend"})
        assert marshal.loads(cached[0].read_bytes())  # rewritten with a good code object
    finally:
        compiled_check.cache_clear()
