"""Generated policy data as YAML, laid out like the real files in policy/.

PyYAML's safe dumper with three representers: multi-line text as a `|`
literal block, and flow style where the real files use it (`source`,
`period` and `author` mappings of plain values, lists of plain values such
as `partners: [politie, riec]`). Everything else is block style, list items
indented under their key, lines never folded. Nothing is written as an
anchor or alias (the policy loader refuses them)."""

from __future__ import annotations

import yaml

FLOW_MAPS = {"source", "period", "author"}


class _Text(str):
    """Multi-line text: a literal block."""


class _FlowMap(dict):
    pass


class _FlowList(list):
    pass


class PolicyDumper(yaml.SafeDumper):
    def ignore_aliases(self, data) -> bool:
        return True

    def increase_indent(self, flow: bool = False, indentless: bool = False):
        # `key:\n  - item` as in the real files, not PyYAML's `key:\n- item`
        return super().increase_indent(flow, False)


PolicyDumper.add_representer(
    _Text, lambda dumper, text: dumper.represent_scalar("tag:yaml.org,2002:str", str(text), style="|"))
PolicyDumper.add_representer(
    _FlowMap, lambda dumper, data: dumper.represent_mapping("tag:yaml.org,2002:map", dict(data), flow_style=True))
PolicyDumper.add_representer(
    _FlowList, lambda dumper, data: dumper.represent_sequence("tag:yaml.org,2002:seq", list(data), flow_style=True))


def _plain(value) -> bool:
    return not isinstance(value, (dict, list))


def _mark(value, key=None):
    """The same data, with the layout of each value marked by its type."""
    if isinstance(value, dict):
        out = {k: _mark(v, k) for k, v in value.items()}
        return _FlowMap(out) if key in FLOW_MAPS and all(map(_plain, value.values())) else out
    if isinstance(value, list):
        if value and all(map(_plain, value)):
            return _FlowList(value)
        return [_mark(v, key) for v in value]
    if isinstance(value, str) and "\n" in value:
        return _Text(value)
    return value


def dump_yaml(data: dict) -> str:
    """YAML text of one policy file (a mapping)."""
    return yaml.dump(_mark(data), Dumper=PolicyDumper, allow_unicode=True, sort_keys=False,
                     default_flow_style=False, width=float("inf"))
