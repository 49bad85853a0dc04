"""bench/agenda_bench/policy_yaml.py: generated policy data written as YAML loads back as the same data."""

import sys

import yaml

from conftest import ROOT

sys.path.insert(0, str(ROOT / "bench"))

from agenda_bench.policy_yaml import dump_yaml  # noqa: E402

SOURCE = {"document": "sva-2024-2027", "section": "4.3.1"}
DATA = {
    "kind": "actions",
    "year": 2024,
    "title": "Uitvoeringsagenda 2024",
    "text": "Eerste alinea.\n\nTweede alinea: met een dubbele punt.\n",
    "actions": [
        {"id": "actie-a", "title": "Ja: of nee?", "description": "Geen slotregel",
         "partners": ["politie", "riec"], "source": SOURCE},
        {"id": "actie-b", "title": "yes", "description": "Regel met spaties   \nen nog een\n\n\n",
         "source": {"document": "sva-2024-2027", "section": "4.3"}, "done": True, "budget": None},
        {"id": "actie-c", "title": "- begint met een streepje", "partners": [], "nested": {"a": {"b": [1, 2.5]}},
         "source": SOURCE},  # the same object twice: no anchor
    ],
    "period": {"start": 2024, "end": 2027},
}


def test_loads_back_as_the_same_data():
    text = dump_yaml(DATA)
    assert yaml.safe_load(text) == DATA
    assert "&" not in text and "*" not in text  # no anchors or aliases: the policy loader refuses them


def test_layout_of_the_real_files():
    lines = dump_yaml(DATA).splitlines()
    assert "text: |" in lines  # multi-line text is a literal block
    assert "  Tweede alinea: met een dubbele punt." in lines
    assert "  - id: actie-a" in lines  # list items indented under their key
    assert "    partners: [politie, riec]" in lines  # short lists and source in flow style
    assert "    source: {document: sva-2024-2027, section: 4.3.1}" in lines
    assert "period: {start: 2024, end: 2027}" in lines


def test_long_lines_are_not_folded():
    long = "woord " * 100 + "einde"
    assert dump_yaml({"title": long}) == f"title: {long}\n"
