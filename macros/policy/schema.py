"""The published JSON Schema of a policy file, and checks against it.

The schema (`schema/policy.schema.json`) is what editors use for
autocompletion; here the same schema checks each file, and jsonschema's
findings are reworded into messages that name the line and say how to fix it.
"""

from __future__ import annotations

import difflib
import json
from functools import lru_cache
from pathlib import Path

from macros.policy.compiled_schema import is_valid
from macros.policy.load import LoadedFile
from macros.policy.problems import Problem

SCHEMA_PATH = Path(__file__).resolve().parents[2] / "schema" / "policy.schema.json"

# What one element of a list is called in messages.
_SINGULAR = {
    "pillars": "pillar", "speerpunten": "speerpunt", "sections": "section", "topics": "topic",
    "groups": "group", "items": "item", "partners": "partner", "figures": "figure",
    "series": "series", "references": "reference", "tasks": "task", "documents": "document",
    "notes": "note", "rows": "row", "lineage": "lineage entry", "actions": "action", "terms": "term", "values": "value", "categories": "category",
}
_TYPE_WORDS = {
    "string": "text", "integer": "a whole number", "number": "a number", "array": "a list",
    "object": "a block of keys", "boolean": "yes/no (true or false)", "null": "nothing",
}
_PATTERN_MESSAGES = {
    "id": "is not a valid id",
    "title": "contains a character that is not allowed in a title",
    "number": "is not a section number",
}


@lru_cache(maxsize=1)
def load_schema() -> dict:
    return json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))


@lru_cache(maxsize=None)
def _validator(kind: str) -> "jsonschema.Draft202012Validator":  # noqa: F821
    import jsonschema  # only needed to explain a failure: importing it costs 0.1 s

    schema = load_schema()
    sub = {"$defs": schema["$defs"], "$ref": f"#/$defs/file_{kind}"}
    return jsonschema.Draft202012Validator(sub)


def kinds() -> list[str]:
    return list(load_schema()["properties"]["kind"]["enum"])


def check_file(loaded: LoadedFile) -> list[Problem]:
    """All schema problems of one file (none when the data is unreadable)."""
    data = loaded.data
    if data is None:
        return []
    if not isinstance(data, dict):
        return [Problem(loaded.display, 1, 1, f"the file holds {_describe(data)}, not a block of keys",
                        "start the file with 'kind: ...' followed by its keys (see policy/README.md)")]
    kind = data.get("kind")
    if "kind" not in data:
        return [Problem(loaded.display, 1, 1, "the file has no 'kind'",
                        f"add a first line 'kind: ...', one of: {', '.join(kinds())}")]
    if kind not in kinds():
        line, col = loaded.where(("kind",))
        return [Problem(loaded.display, line, col, f"unknown kind '{_short(kind)}'", _suggest(str(kind), kinds()))]
    if is_valid(SCHEMA_PATH, data):  # the compiled check; jsonschema only explains failures
        return []
    problems = []
    for error in _validator(kind).iter_errors(data):
        problems.extend(_explain(loaded, error))
    return _without_echoes(problems)


def _without_echoes(problems: list[Problem]) -> list[Problem]:
    """Drop "key 'title' is missing" where the same block has "unknown key 'titel'
    (did you mean 'title'?)": that is one mistake, reported once."""
    meant = {(p.file, p.message.split(" (", 1)[-1], p.hint) for p in problems if p.message.startswith("unknown key")}
    keep = []
    for p in problems:
        if p.message.startswith("the key '"):
            key = p.message.split("'")[1]
            if (p.file, p.message.split(" (", 1)[-1], f"did you mean '{key}'?") in meant:
                continue
        keep.append(p)
    return keep


def _explain(loaded: LoadedFile, error) -> list[Problem]:
    path = tuple(error.absolute_path)
    trail = describe_trail(loaded.data, path)
    where = f" ({trail})" if trail else ""
    schema = error.schema if isinstance(error.schema, dict) else {}
    v = error.validator
    if v == "additionalProperties":
        allowed = sorted(schema.get("properties", {}))
        problems = []
        for key in sorted(set(error.instance) - set(allowed)):
            line, col = loaded.where(path + (key,), key=True)
            problems.append(Problem(loaded.display, line, col, f"unknown key '{_short(key)}'{where}",
                                    _suggest(key, allowed)))
        return problems
    line, col = loaded.where(path)
    if v == "required":
        missing = error.message.split("'")[1]
        return [Problem(loaded.display, line, col, f"the key '{missing}' is missing{where}", _required_hint(missing))]
    if v == "type":
        expected = error.validator_value if isinstance(error.validator_value, list) else [error.validator_value]
        words = " or ".join(_TYPE_WORDS.get(t, t) for t in expected)
        written = _written(loaded, path, error.instance)
        hint = f"write {words}"
        if "string" in expected and (written is not None or isinstance(error.instance, (bool, int, float))):
            hint = f"put the value between quotes: \"{_short(written if written is not None else error.instance)}\""
        elif error.instance is None:
            hint = "fill in a value after the ':', or remove the key if the source gives none"
        elif isinstance(error.instance, str) and _reads_as(error.instance, expected):
            hint = f"remove the quotes: {_short(error.instance)}"  # year: "2024" -> year: 2024
        elif "string" in expected and isinstance(error.instance, list):
            hint = "remove the '-' list markers, or use the block style '|' for several paragraphs"
        elif "array" in expected:
            hint = "write a list: one line per element, each starting with '- '"
        elif "object" in expected:
            hint = "write the keys of this block on the following lines, indented"
        elif "integer" in expected or "number" in expected:
            hint = "write the number in digits, without quotes, e.g. 2024"
        elif "string" in expected:
            hint = "write it as text"
        found = _found(error.instance, written)
        return [Problem(loaded.display, line, col, f"expected {words}, found {found}{where}", hint)]
    if v == "pattern":
        name = _def_name(schema)
        message = _PATTERN_MESSAGES.get(name, "does not have the expected form")
        if schema.get("pattern", "").startswith("^https"):
            message = "is not a web address"
        # The schema's Dutch message (the one the editor and VS Code show), never the raw pattern.
        hint = schema.get("patternErrorMessage") or "see policy/README.md for the expected form"
        return [Problem(loaded.display, line, col, f"'{_short(error.instance)}' {message}{where}", hint)]
    if v in ("enum", "const"):
        options = [str(o) for o in (error.validator_value if v == "enum" else [error.validator_value])]
        written = _written(loaded, path, error.instance)
        if written is not None:  # `status: no` is read by YAML as false: name what the author wrote
            hint = _suggest(written, options)
            quoted = f"\"{_short(written)}\""
            hint = (f"put it between quotes: {quoted}" if written in options else
                    f"{hint}; to write the word {_short(written)} itself, put it between quotes: {quoted}")
            return [Problem(loaded.display, line, col,
                            f"'{_short(written)}' (read by YAML as {_yaml_word(error.instance)}) is not allowed here{where}",
                            hint)]
        return [Problem(loaded.display, line, col, f"'{_short(error.instance)}' is not allowed here{where}",
                        _suggest(str(error.instance), options))]
    if v == "maxLength":
        return [Problem(loaded.display, line, col,
                        f"the text is too long ({len(error.instance):,} characters; at most {error.validator_value:,}){where}",
                        "shorten it, or split it into sections")]
    if v == "minLength":
        return [Problem(loaded.display, line, col, f"the text is empty{where}",
                        "fill it in, or remove the key if the source gives no text")]
    if v == "anyOf" and all(set(sub) == {"required"} for sub in error.validator_value):
        keys = " or ".join(f"'{sub['required'][0]}'" for sub in error.validator_value)
        return [Problem(loaded.display, line, col, f"one of the keys {keys} is needed{where}",
                        "say where this comes from: a source in the documents, or a web address")]
    if v == "minItems":
        return [Problem(loaded.display, line, col, f"the list is empty{where}", "add at least one element")]
    if v in ("minimum", "maximum"):
        return [Problem(loaded.display, line, col, f"{error.instance} is out of range{where}",
                        f"expected a value {'at least' if v == 'minimum' else 'at most'} {error.validator_value}")]
    return [Problem(loaded.display, line, col, f"{error.message}{where}")]


def _written(loaded: LoadedFile, path: tuple, value) -> str | None:
    """What the author wrote, when YAML read it as something else than text
    (`no` as false, `1.10` as 1.1, `~` as nothing); None for text."""
    if isinstance(value, str) or isinstance(value, (list, dict)):
        return None
    written = loaded.written(path)
    if written is None or (not isinstance(value, bool) and value is not None and written == str(value)):
        return None
    return written


def _yaml_word(value) -> str:
    if isinstance(value, bool):
        return str(value).lower()
    if value is None:
        return "nothing (null)"
    return f"the number {value}"


def _found(value, written: str | None) -> str:
    if written is not None:
        return f"'{_short(written)}' (read by YAML as {_yaml_word(value)})"
    return _describe(value)


def _reads_as(text: str, expected: list[str]) -> bool:
    """Whether quoted text would be the expected type without its quotes."""
    import re
    text = text.strip()
    if "integer" in expected and re.fullmatch(r"[-+]?[0-9]+", text):
        return True
    if "number" in expected and re.fullmatch(r"[-+]?([0-9]+(\.[0-9]*)?|\.[0-9]+)([eE][-+]?[0-9]+)?", text):
        return True
    return "boolean" in expected and text in ("true", "false")


def _def_name(schema: dict) -> str:
    for name, definition in load_schema()["$defs"].items():
        if definition is schema or definition == schema:
            return name
    return ""


def _required_hint(key: str) -> str:
    hints = {
        "source": "add 'source: {document: <document id from version.yaml>, section: \"<number>\"}'",
        "id": "add 'id: <lowercase-with-dashes>', a stable name that never changes",
        "kind": "add 'kind: ...' as the first line",
    }
    return hints.get(key, f"add '{key}: ...' (see policy/README.md)")


def _allowed(options: list[str], limit: int = 12) -> str:
    """'allowed here: a, b, c', each option and the list kept short (options may come from the file)."""
    shown = ", ".join(_short(o) for o in options[:limit])
    more = f" and {len(options) - limit:,} more" if len(options) > limit else ""
    return f"allowed here: {shown}{more}" if options else ""


def _suggest(word: str, options: list[str]) -> str:
    if len(word) > 100:  # no real misspelling is this long; comparing it would only cost time
        return _allowed(options)
    close = difflib.get_close_matches(word, options, n=1, cutoff=0.6)
    if not close:
        close = [o for o in options if o.startswith(word[:3])][:1] if len(word) >= 3 else []
    if close:
        return f"did you mean '{_short(close[0])}'?"
    return _allowed(options)


def suggest(word: str, options) -> str:
    """A 'did you mean' hint for a misspelt word, or the list of options."""
    return _suggest(word, sorted(options))


def _describe(value) -> str:
    if value is None:
        return "nothing (an empty value)"
    if isinstance(value, bool):
        return f"yes/no ({str(value).lower()})"
    if isinstance(value, (int, float)):
        return f"a number ({value})"
    if isinstance(value, str):
        return f"the text '{_short(value)}'"
    if isinstance(value, list):
        return "a list"
    return "a block of keys"


def short(value, limit: int = 40) -> str:
    """At most `limit` characters of a value, for quoting in a message."""
    return _short(value, limit)


def _short(value, limit: int = 40) -> str:
    text = str(value).replace("\n", " ")
    return text if len(text) <= limit else text[: limit - 1] + "…"


def describe_trail(data, path: tuple) -> str:
    """Say in words where `path` points: "pillar 'x' > speerpunt 2"."""
    parts = []
    node = data
    key = None
    for step in path:
        if isinstance(step, int) and isinstance(node, list) and step < len(node):
            node = node[step]
            noun = _SINGULAR.get(key, "element")
            label = None
            if isinstance(node, dict):
                label = node.get("id") or node.get("title") or node.get("label") or node.get("name")
            parts.append(f"{noun} '{_short(label)}'" if isinstance(label, str) else f"{noun} {step + 1}")
        elif isinstance(node, dict) and step in node:
            node, key = node[step], step
        else:
            break
    return " > ".join(parts)
