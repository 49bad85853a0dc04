"""The canonical layout of a policy YAML file: what `agenda fmt` writes and what
the form editor (/beheer/, editor/agenda-yaml.js) writes, byte for byte.

One layout keeps a change made in the editor down to the lines it changed. The
rules, identical in editor/agenda-yaml.js (a test runs both on every policy file
and on generated data):

- keys in the order the schema lists the properties of that block; keys it does not list
  (the field names under `editorial`) after them, sorted;
- block style, two spaces per level, a list indented under its key;
- `source` blocks and lists of ids on one line: `{document: x, section: "6.1"}`,
  `[politie, om]`;
- text with line breaks as a block literal (`|`, or `|-` without a final line break);
- every other text plain only where YAML 1.1 (PyYAML, `agenda validate`) and YAML 1.2
  (the editor's parser, VS Code) read it as the same text: it starts with a letter and
  is no yes/no/on/off/y/n/true/false/null word; anything else (numbers, dates, ids like
  "2024-2027", leading signs or indicators, ': ' or ' #') is written in double quotes
  with JSON-style escapes, and characters YAML cannot hold raw are escaped;
- numbers: integers as digits; other numbers with a '.' (YAML 1.1 needs one).

Comments are never written: nothing of policy meaning may live in one (the editor
drops them too), so `agenda fmt` refuses a file that has one.
"""

from __future__ import annotations

import math
import re
import unicodedata
from functools import lru_cache

from macros.policy.schema import load_schema

_WORDS = {w for base in ("y", "yes", "n", "no", "true", "false", "on", "off", "null")
          for w in (base, base.capitalize(), base.upper())} | {"~"}
_ID = re.compile(r"^[a-z][a-z0-9]*(-[a-z0-9]+)*$")
_FLOW_UNSAFE = set(",[]{}#&*!|>'\"%@`?")  # '?' too: pure-Python PyYAML ends a flow scalar there


@lru_cache(maxsize=1)
def key_order() -> dict:
    """{"kinds": {kind: block}, "blocks": {block: {"keys": [...], "children": {key: block}}}},
    the schema's property order per block; editor/agenda-yaml.js gets the same table."""
    schema = load_schema()
    defs = schema["$defs"]
    blocks: dict[str, dict] = {}

    def block_of(node: dict, name: str) -> str | None:
        if "$ref" in node:
            target = node["$ref"].rsplit("/", 1)[-1]
            resolve(defs[target], target)
            return target if target in blocks else None
        if "items" in node and isinstance(node["items"], dict):
            return block_of(node["items"], name)
        if "properties" in node:
            resolve(node, name)
            return name
        return None

    def resolve(node: dict, name: str) -> None:
        if name in blocks:
            return
        if "items" in node and isinstance(node["items"], dict) and "properties" not in node:
            inner = block_of(node["items"], name)
            if inner:
                blocks[name] = blocks[inner]
            return
        if "properties" not in node:
            return
        entry = {"keys": list(node["properties"]), "children": {}}
        blocks[name] = entry
        for key, spec in node["properties"].items():
            child = block_of(spec, f"{name}.{key}")
            if child:
                entry["children"][key] = child

    kinds = {}
    for kind in schema["properties"]["kind"]["enum"]:
        resolve(defs[f"file_{kind}"], f"file_{kind}")
        kinds[kind] = f"file_{kind}"
    return {"kinds": kinds, "blocks": blocks}


def _ordered(mapping: dict, block: str | None) -> list:
    keys = key_order()["blocks"].get(block, {}).get("keys", []) if block else []
    rank = {k: i for i, k in enumerate(keys)}
    # Keys the schema does not list (the field names under `editorial`) follow, sorted: JavaScript
    # objects cannot keep their order (they put keys like "2024" first).
    return sorted(mapping, key=lambda k: (0, rank[k], "") if k in rank else (1, 0, str(k)))


def _printable(ch: str) -> bool:
    o = ord(ch)
    if ch in "\t\n":
        return True
    if o < 0x20 or 0x7F <= o <= 0x9F or o in (0x2028, 0x2029, 0xFEFF, 0xFFFE, 0xFFFF) or 0xD800 <= o <= 0xDFFF:
        return False
    return True


_ESCAPES = {'"': '\\"', "\\": "\\\\", "\n": "\\n", "\t": "\\t", "\r": "\\r", "\b": "\\b", "\f": "\\f"}


def quoted(text: str) -> str:
    out = []
    for ch in text:
        if ch in _ESCAPES:
            out.append(_ESCAPES[ch])
        elif not _printable(ch):
            out.append(f"\\u{ord(ch):04x}")
        else:
            out.append(ch)
    return '"' + "".join(out) + '"'


def _is_letter(ch: str) -> bool:
    return unicodedata.category(ch).startswith("L")


def plain_ok(text: str, flow: bool = False) -> bool:
    """Whether `text` may stand unquoted: the same text to YAML 1.1 and 1.2."""
    if not text or text in _WORDS or not _is_letter(text[0]) or text != text.strip(" "):
        return False
    if ": " in text or " #" in text or text.endswith(":") or "\t" in text or "\n" in text:
        return False
    if not all(_printable(ch) for ch in text):
        return False
    if flow and (_FLOW_UNSAFE & set(text) or ":" in text):
        return False
    return True


def scalar(value, flow: bool = False) -> str:
    if value is None:
        return "null"
    if value is True:
        return "true"
    if value is False:
        return "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return number(value)
    text = str(value)
    return text if plain_ok(text, flow) else quoted(text)


def number(value: float) -> str:
    if math.isnan(value):
        return ".nan"
    if math.isinf(value):
        return ".inf" if value > 0 else "-.inf"
    if value.is_integer() and abs(value) < 1e16:
        return str(int(value))
    text = repr(value)
    if "e" in text:
        mantissa, exponent = text.split("e")
        if "." not in mantissa:
            mantissa += ".0"
        exp = int(exponent)
        return f"{mantissa}e{'+' if exp >= 0 else '-'}{abs(exp)}"
    return text


def _literal_ok(text: str) -> bool:
    if "\n" not in text or text.startswith(("\n", " ", "\t")) or text.endswith("\n\n") or "\r" in text:
        return False
    if not all(_printable(ch) for ch in text):
        return False
    lines = text.rstrip("\n").split("\n")
    return all(line == "" or line.strip(" \t") != "" for line in lines) and not text.rstrip("\n").endswith(("\n", " ", "\t"))


def _literal(text: str, indent: int) -> list[str]:
    head = "|" if text.endswith("\n") else "|-"
    pad = " " * indent
    return [head] + [(pad + line) if line else "" for line in text.rstrip("\n").split("\n")]


def _flow_value(key, value, block: str | None) -> str | None:
    if key == "source" and isinstance(value, dict) and value and all(
            isinstance(k, str) and plain_ok(k, True) and not isinstance(v, (dict, list)) for k, v in value.items()):
        return "{" + ", ".join(f"{k}: {scalar(value[k], flow=True)}" for k in _ordered(value, block)) + "}"
    if isinstance(value, list) and value and all(isinstance(v, str) and _ID.match(v) for v in value):
        return "[" + ", ".join(scalar(v, flow=True) for v in value) + "]"
    return None


def _value_lines(key, value, block: str | None, indent: int) -> tuple[str, list[str]]:
    """(what follows 'key:' on its line, the lines after it) for a value at `indent`."""
    if isinstance(value, dict):
        if not value:
            return " {}", []
        flow = _flow_value(key, value, block)
        if flow:
            return " " + flow, []
        return "", _mapping(value, block, indent + 2)
    if isinstance(value, list):
        if not value:
            return " []", []
        flow = _flow_value(key, value, block)
        if flow:
            return " " + flow, []
        return "", _sequence(value, block, indent + 2)
    if isinstance(value, str) and _literal_ok(value):
        head, *rest = _literal(value, indent + 2)
        return " " + head, rest
    return " " + scalar(value), []


def _mapping(mapping: dict, block: str | None, indent: int) -> list[str]:
    children = key_order()["blocks"].get(block, {}).get("children", {}) if block else {}
    pad = " " * indent
    lines = []
    for key in _ordered(mapping, block):
        inline, rest = _value_lines(key, mapping[key], children.get(key), indent)
        lines.append(f"{pad}{scalar(key)}:{inline}")
        lines += rest
    return lines


def _sequence(items: list, block: str | None, indent: int) -> list[str]:
    pad = " " * indent
    lines = []
    for item in items:
        if isinstance(item, dict) and item:
            inner = _mapping(item, block, indent + 2)
            lines.append(f"{pad}- {inner[0][indent + 2:]}")
            lines += inner[1:]
        elif isinstance(item, list) and item:
            inner = _sequence(item, block, indent + 2)
            lines.append(f"{pad}- {inner[0][indent + 2:]}")
            lines += inner[1:]
        else:
            inline, rest = _value_lines(None, item, block, indent)
            lines.append(f"{pad}-{inline}")
            lines += rest
    return lines


def dump(data) -> str:
    """The canonical text of one policy file's data."""
    if not isinstance(data, dict):
        raise ValueError("a policy file holds a block of keys")
    block = key_order()["kinds"].get(data.get("kind"))
    return "\n".join(_mapping(data, block, 0)) + "\n"


def comments(text: str) -> list[tuple[int, int]]:
    """(line, column) of every comment in a YAML text (1-based), found from the scanner's tokens."""
    import yaml

    spans = []
    for token in yaml.scan(text, Loader=yaml.SafeLoader):
        if isinstance(token, yaml.ScalarToken):
            spans.append((token.start_mark.index, token.end_mark.index))
    spans.sort()
    found = []
    line_starts = [0] + [i + 1 for i, ch in enumerate(text) if ch == "\n"]
    span_i = 0
    for i, ch in enumerate(text):
        if ch != "#" or (i > 0 and text[i - 1] not in " \t\n"):
            continue
        while span_i < len(spans) and spans[span_i][1] <= i:
            span_i += 1
        if span_i < len(spans) and spans[span_i][0] <= i < spans[span_i][1]:
            continue
        line = max(n for n, start in enumerate(line_starts) if start <= i)
        found.append((line + 1, i - line_starts[line] + 1))
    return found


def policy_files(paths) -> list:
    """The YAML files under the given files and folders, sorted."""
    from pathlib import Path

    found = []
    for path in map(Path, paths):
        found += sorted(path.rglob("*.yaml")) if path.is_dir() else [path]
    return found


def format_files(paths, check: bool = False):
    """(files not in the layout, problems). Rewrites them unless `check`; a file that does
    not load, or that holds a comment (the layout has none), is reported and left alone."""
    from macros.policy.load import display_name, load_file
    from macros.policy.problems import Problem

    changed, problems = [], []
    for path in policy_files(paths):
        display = display_name(path)
        loaded, trouble = load_file(path, display)
        if trouble or loaded.data is None:
            problems += trouble
            continue
        if not isinstance(loaded.data, dict):
            problems.append(Problem(display, 1, 1, "the file holds no block of keys", "start it with 'kind: ...'"))
            continue
        found = comments(loaded.text)
        if found:
            problems += [Problem(display, line, col, "a comment, which the canonical layout (and the form editor) would drop",
                                 "move what it says into the data, e.g. an 'editorial:' entry, or delete it")
                         for line, col in found]
            continue
        text = dump(loaded.data)
        if text != loaded.text:
            changed.append(display)
            if not check:
                path.write_text(text, encoding="utf-8")
    return changed, problems
