"""The canonical layout (`agenda fmt`, macros/policy/layout.py) and the editor's copy of it
(editor/agenda-yaml.js): the same text for the same data, and text that YAML 1.1 (PyYAML,
`agenda validate`) and YAML 1.2 (the editor's parser, VS Code) read as the same data."""

import json
import subprocess

import pytest
import yaml
from hypothesis import HealthCheck, given, settings, strategies as st

from conftest import POLICY, ROOT, needs_npm
from macros.policy.layout import dump, key_order
from macros.policy.load import load_bytes, load_file

FILES = sorted(POLICY.rglob("*.yaml"))
needs_node = needs_npm(ROOT / "node_modules" / "yaml")  # the editor's side


def reload(text: str):
    """The data of a text, as `agenda validate` reads it (libyaml) and as pure-Python PyYAML does."""
    loaded, problems = load_bytes(text.encode("utf-8"), ROOT / "x.yaml", "x.yaml")
    assert problems == [], problems
    assert yaml.load(text, Loader=yaml.SafeLoader) == loaded.data  # the two differ on '?' in flow scalars
    return loaded.data


def node(docs: list[dict]) -> list[dict]:
    result = subprocess.run(["node", "tests/policy/layout_node.js"], cwd=ROOT, capture_output=True, text=True,
                            input=json.dumps({"order": key_order(), "docs": docs}, ensure_ascii=False), timeout=60)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_every_policy_file_round_trips():
    for path in FILES:
        loaded, problems = load_file(path)
        assert problems == []
        text = dump(loaded.data)
        assert reload(text) == loaded.data, path
        assert dump(reload(text)) == text, path  # stable: formatting twice changes nothing


@needs_node
def test_the_editor_writes_the_same_text_and_reads_the_same_data():
    docs = []
    for path in FILES:
        loaded, _ = load_file(path)
        docs.append({"data": loaded.data, "text": dump(loaded.data)})
    for path, doc, js in zip(FILES, docs, node(docs)):
        assert js["dumped"] == doc["text"], path
        assert js["yaml12"] == doc["data"] == js["yaml11"], path


def test_key_order_follows_the_schema():
    text = dump({"partners": [{"source": {"section": "1", "document": "a"}, "type": "extern", "name": "X", "id": "x"}],
                 "kind": "partners"})
    assert text == ('kind: partners\npartners:\n  - id: x\n    name: X\n    type: extern\n'
                    '    source: {document: a, section: "1"}\n')


@pytest.mark.parametrize("value", ["yes", "No", "ON", "off", "y", "N", "true", "Null", "~", "2024", "2024-2027",
                                   "6.1", "1e3", "0x1F", "0o17", "1_000", "12:30", "2023-10-05", ".inf", "-1",
                                   "+1", "- item", "a: b", "a #b", "#x", "'q'", '"q"', "[x]", "{x}", "*a", "&a",
                                   "!tag", "|", ">", "%x", "@x", "`x", "", " x", "x ", "<<", "=", "?", ":x"])
def test_a_text_that_yaml_1_1_and_1_2_would_read_differently_is_quoted(value):
    text = dump({"kind": "partners", "partners": [{"id": "x", "name": value}]})
    line = text.splitlines()[3]
    assert line.startswith('    name: "'), line
    assert reload(text)["partners"][0]["name"] == value


TEXT = st.text(alphabet=st.sampled_from(list("aZé -:#'\"\\\n\t{}[],&*!|>%@`0123456789.eE+_~?yesnoYNul") +
                                        ["\u2028", "\x85", "\x7f", "\x00", "\ufeff", "😀"]), max_size=30)
SCALAR = st.one_of(TEXT, st.integers(-10**12, 10**12), st.booleans(), st.none(),
                   st.floats(min_value=-1e15, max_value=1e15, allow_nan=False))  # JSON to node keeps 53 bits
DATA = st.recursive(SCALAR, lambda inner: st.one_of(st.lists(inner, max_size=4),
                                                    st.dictionaries(st.sampled_from(["id", "title", "text", "source",
                                                                                     "document", "section", "partners",
                                                                                     "goal", "x", "2024", "yes"]),
                                                                    inner, max_size=4)), max_leaves=12)
FILES_DATA = st.builds(lambda kind, rest: {"kind": kind, **rest}, st.sampled_from(["fundament", "partners", "theme"]),
                       st.dictionaries(st.sampled_from(["id", "title", "groups", "partners", "source", "lead"]), DATA,
                                       max_size=4))


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(FILES_DATA, min_size=20, max_size=20))
@needs_node
def test_generated_data_round_trips_in_both_yaml_versions_and_both_writers(batch):
    docs = [{"data": data, "text": dump(data)} for data in batch]
    for doc, js in zip(docs, node(docs)):
        assert reload(doc["text"]) == doc["data"], doc["text"]
        assert js["yaml12"] == doc["data"], doc["text"]
        assert js["dumped"] == doc["text"]


def test_a_flow_scalar_with_a_question_mark_is_quoted():
    """Pure-Python PyYAML ends a plain scalar at '?' inside {...}; libyaml does not."""
    text = dump({"kind": "partners", "partners": [{"id": "x", "source": {"document": "a", "section": "Wat nu?"}}]})
    assert 'section: "Wat nu?"}' in text
    assert reload(text)["partners"][0]["source"]["section"] == "Wat nu?"
