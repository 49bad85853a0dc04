"""The schema explains every key in Dutch: its titles and descriptions are the form
editor's labels and hints and the hover text of VS Code's YAML extension, and every
pattern carries the Dutch message that `agenda validate`, the editor and VS Code show."""

import re

import pytest

from macros.policy.schema import load_schema

ENGLISH = re.compile(r"\b(the|and|are|this|never|which|when|with|from|must|unless|leave)\b", re.I)  # not Dutch words


def properties():
    """(where, name, spec) for every key a policy file may hold (not the `if` clauses that pick a kind)."""
    found = []

    def walk(node, where):
        if isinstance(node, dict):
            for name, spec in node.get("properties", {}).items():
                if not where.endswith("/if"):
                    found.append((where, name, spec))
            for key, value in node.items():
                walk(value, f"{where}/{key}")
        elif isinstance(node, list):
            for i, value in enumerate(node):
                walk(value, f"{where}/{i}")

    walk(load_schema(), "#")
    return found


def test_every_key_has_a_dutch_title_and_description():
    found = properties()
    assert len(found) > 250  # every file kind and building block, not a sample
    missing = [f"{where}/{name}" for where, name, spec in found
               if not spec.get("title") or not spec.get("description")]
    assert missing == []
    english = [f"{where}/{name}: {spec['description']}" for where, name, spec in found
               if ENGLISH.search(spec["title"] + " " + spec["description"])]
    assert english == []


def test_every_description_in_the_schema_is_dutch():
    texts = []

    def walk(node):
        if isinstance(node, dict):
            texts.extend(node[k] for k in ("title", "description", "patternErrorMessage") if isinstance(node.get(k), str))
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(load_schema())
    assert [t for t in texts if ENGLISH.search(t)] == []


@pytest.mark.parametrize("definition, key, refers_to", [
    ("action", "serves", "pijler"), ("action", "speerpunt", "speerpunt"), ("action", "core_task", "kerntaak"),
    ("action", "led_by", "partner"), ("action", "partners", "partner"), ("topic", "partners", "partner"),
])
def test_reference_fields_say_what_they_refer_to(definition, key, refers_to):
    spec = load_schema()["$defs"][definition]["properties"][key]
    assert refers_to in spec["description"]
    assert "Verander" not in spec["description"]  # the id's own rule is not the reference's help


def test_every_pattern_has_a_dutch_message():
    patterns = []

    def walk(node, where):
        if isinstance(node, dict):
            if "pattern" in node:
                patterns.append((where, node))
            for key, value in node.items():
                walk(value, f"{where}/{key}")
        elif isinstance(node, list):
            for i, value in enumerate(node):
                walk(value, f"{where}/{i}")

    walk(load_schema(), "#")
    assert len(patterns) >= 10
    assert [where for where, node in patterns if not node.get("patternErrorMessage")] == []
    assert all(node["pattern"] not in node["patternErrorMessage"] for _, node in patterns)


def test_x_basis_annotations_are_kept():
    """The quote check reads which fields are quotes and which are the editors' own from the schema."""
    text = str(load_schema())
    assert text.count("'x-basis'") >= 40 and text.count("'x-reason'") >= 6
