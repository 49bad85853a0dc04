"""Read policy YAML files into plain data, remembering where each value stands.

Only the safe subset of YAML is read: no object tags, no anchors or aliases
(they are what "billion laughs" attacks are built from, and policy text never
needs them), no duplicate keys (PyYAML silently keeps the last one). Nothing
here checks what the data means; that is `validate`'s job.
"""

from __future__ import annotations

from dataclasses import dataclass, field
import re
from pathlib import Path
from typing import Any

import yaml

from macros.policy.problems import Problem

Path_ = tuple  # a path into the data: ("pillars", 0, "title")

# The YAML types policy data may use. Dates stay text, as written.
_PLAIN_TAGS = {
    "tag:yaml.org,2002:str",
    "tag:yaml.org,2002:int",
    "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:bool",
    "tag:yaml.org,2002:null",
    "tag:yaml.org,2002:timestamp",
}
_TEXT_TAGS = {"tag:yaml.org,2002:str", "tag:yaml.org,2002:timestamp"}  # dates stay text, as written
_MAP = "tag:yaml.org,2002:map"
_SEQ = "tag:yaml.org,2002:seq"
_MAX_BYTES = 2_000_000


@dataclass
class LoadedFile:
    """One YAML file: its data and the 1-based line/column of every value.

    Positions are found only when a message needs one, by composing the text
    again: recording them for every value, or keeping the composed nodes,
    cost more time and memory than reading the file.
    """

    path: Path
    display: str  # the name shown in messages
    data: Any = None
    text: str = field(default="", repr=False)
    _marks: dict | None = field(default=None, repr=False)
    _key_marks: dict | None = field(default=None, repr=False)

    @property
    def marks(self) -> dict:
        """path -> (line, column) of the value."""
        if self._marks is None:
            self._index_positions()
        return self._marks

    @property
    def key_marks(self) -> dict:
        """path -> (line, column) of its key."""
        if self._key_marks is None:
            self._index_positions()
        return self._key_marks

    def _index_positions(self) -> None:
        self._marks, self._key_marks = {}, {}
        if self.data is None:
            return  # unreadable: its problems carry their own positions
        loader = _Loader(self.text)
        try:
            _positions(loader.get_single_node(), (), self._marks, self._key_marks)
        finally:
            loader.dispose()

    def where(self, path: Path_, key: bool = False) -> tuple[int, int]:
        """The position of `path`, or of its nearest parent that has one."""
        table = self.key_marks if key else self.marks
        path = tuple(path)
        while path:
            if path in table:
                return table[path]
            if key and path in self.marks:
                return self.marks[path]
            path = path[:-1]
        return self.marks.get((), (1, 1))


def _positions(node, path: tuple, marks: dict, key_marks: dict) -> None:
    marks[path] = (node.start_mark.line + 1, node.start_mark.column + 1)
    if isinstance(node, yaml.MappingNode):
        seen = set()
        for key_node, value_node in node.value:
            key = key_node.value if isinstance(key_node, yaml.ScalarNode) else None
            if key is None or key in seen:  # as in _to_data: the first of duplicate keys counts
                continue
            seen.add(key)
            key_marks[path + (key,)] = (key_node.start_mark.line + 1, key_node.start_mark.column + 1)
            _positions(value_node, path + (key,), marks, key_marks)
    elif isinstance(node, yaml.SequenceNode):
        for i, child in enumerate(node.value):
            _positions(child, path + (i,), marks, key_marks)


class _NotAllowed(Exception):
    def __init__(self, mark, message: str, hint: str):
        self.mark, self.message, self.hint = mark, message, hint


# libyaml (C) composes about twenty times faster than pure Python; same nodes, same marks.
# (Answering `resolve` for plain text in Python was tried: it made composing slower.)
_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_ALIAS = ("YAML anchors (&name) and aliases (*name) are not allowed", "write the text out in full where it is needed")


def display_name(path: Path, base: Path | None = None) -> str:
    """A path as people see it in messages: relative to the working folder."""
    path = Path(path)
    for root in (base, Path.cwd()):
        if root is None:
            continue
        try:
            return path.resolve().relative_to(Path(root).resolve()).as_posix()
        except ValueError:
            continue
    return path.as_posix()


def load_file(path: Path, display: str | None = None) -> tuple[LoadedFile, list[Problem]]:
    """Read one file; return it (data None when unreadable) and its problems."""
    return load_bytes(Path(path).read_bytes(), Path(path), display or display_name(path))


def load_bytes(raw: bytes, path: Path, display: str) -> tuple[LoadedFile, list[Problem]]:
    """Like load_file, for content read elsewhere (e.g. from git history)."""
    loaded = LoadedFile(Path(path), display)
    name = loaded.display

    def problem(line, column, message, hint=""):
        return [Problem(name, line, column, message, hint)]

    if len(raw) > _MAX_BYTES:
        return loaded, problem(1, 1, f"the file is too large ({len(raw):,} bytes; at most {_MAX_BYTES:,})",
                               "split it into several files")
    if raw.startswith(b"\xef\xbb\xbf"):
        return loaded, problem(1, 1, "the file starts with a byte order mark (BOM)",
                               "save the file as 'UTF-8' (without BOM) in your editor")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as err:
        line = raw.count(b"\n", 0, err.start) + 1
        column = err.start - (raw.rfind(b"\n", 0, err.start) + 1) + 1
        return loaded, problem(line, column, f"the file is not valid UTF-8 text (byte 0x{raw[err.start]:02x})",
                               "save the file as 'UTF-8' in your editor; it was probably saved as Latin-1 or Windows-1252")
    if not text.strip() or all(not ln.strip() or ln.lstrip().startswith("#") for ln in text.splitlines()):
        return loaded, problem(1, 1, "the file is empty",
                               "start the file with 'kind: ...' (see policy/README.md), or delete it")
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
    except yaml.MarkedYAMLError as err:
        return loaded, problem(*_explain_yaml_error(err, text))
    finally:
        loader.dispose()
    problems: list[Problem] = []
    try:
        data = _to_data(node, loaded, problems, loader, set())
    except _NotAllowed as err:  # an alias: the node graph is shared, never expanded
        return loaded, problem(err.mark.line + 1, err.mark.column + 1, err.message, err.hint)
    # A disallowed tag makes the data meaningless: report the tag, nothing that follows from it.
    loaded.data = None if any("YAML tag" in p.message for p in problems) else data
    loaded.text = text
    return loaded, problems


def _unclosed_quote(lines: list[str], first: int, last: int) -> tuple[int, int] | None:
    """The first line in first..last with an odd number of double quotes: an unclosed quote."""
    for number in range(max(first, 0), min(last, len(lines) - 1) + 1):
        line = lines[number].replace('\\"', "")
        if line.lstrip().startswith("#"):
            continue
        start = line.find('"')
        # Only a quote that starts a value counts: prose in a block text may hold a lone '"'.
        if line.count('"') % 2 and re.search(r'(^|: |- |[\[{,] ?)$', line[:start].rstrip(" ") + " "):
            return number + 1, start + 1
    return None


def _explain_yaml_error(err: yaml.MarkedYAMLError, text: str) -> tuple[int, int, str, str]:
    """Turn PyYAML's parser wording into (line, column, message, hint) an editor can act on."""
    what = (err.problem or err.context or "").strip()
    mark = err.problem_mark or err.context_mark
    lines = text.splitlines()
    line, column = mark.line + 1, mark.column + 1
    line_text = lines[mark.line] if mark.line < len(lines) else ""
    if "\\t" in what or "'\\t'" in what or line_text[: mark.column + 1].endswith("\t"):
        return (line, column, "a tab character is used for indentation",
                "YAML only allows spaces for indentation: replace the tab by spaces")
    # A double-quoted text may run over several lines in YAML, so an unclosed
    # quote surfaces later as some other error: look for it first.
    opened = _unclosed_quote(lines, (err.context_mark or mark).line, mark.line)
    if opened or ("end of stream" in what and "quoted scalar" in (err.context or "")):
        line, column = opened or (line, column)
        return (line, column, "a quoted text is opened but never closed",
                "add the closing quote (\") at the end of the text")
    return (line, column, *_describe_yaml_error(what))


def _describe_yaml_error(what: str) -> tuple[str, str]:
    if "found unexpected end of stream" in what:
        return ("the file ends in the middle of a value", "check for a missing closing quote or bracket")
    if "mapping values are not allowed" in what:
        return ("a ':' appears where YAML does not expect it",
                "put text that contains ': ' between quotes, or use the block style '|'")
    if "expected <block end>" in what or "did not find expected key" in what or "expected '-' indicator" in what:
        return ("the indentation is inconsistent here",
                "align this line with the other keys at the same level (use spaces, 2 per level)")
    if "could not find expected ':'" in what:
        return ("a line is missing the ':' between key and value", "write it as 'key: value'")
    if "found duplicate anchor" in what or "found undefined alias" in what:
        return ("YAML anchors (&name) and aliases (*name) are not allowed",
                "write the text out in full where it is needed")
    return (f"the YAML cannot be read: {what}", "check the indentation and quotes on this line and the line above")


def _to_data(node, loaded: LoadedFile, problems: list[Problem], loader, seen: set):
    """Convert a composed node to plain data, recording problems.

    A node met twice is an alias: refused before anything is expanded, so an
    alias bomb ("billion laughs") costs nothing.
    """
    if id(node) in seen:
        raise _NotAllowed(node.start_mark, *_ALIAS)
    seen.add(id(node))
    cls = node.__class__
    if cls is yaml.ScalarNode:
        tag = node.tag
        if tag in _TEXT_TAGS:
            return node.value
        if tag not in _PLAIN_TAGS:
            problems.append(_tag_problem(loaded, node))
            return node.value
        return loader.construct_object(node, deep=True)
    if cls is yaml.MappingNode:
        if node.tag != _MAP:
            problems.append(_tag_problem(loaded, node))
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            if key_node.__class__ is not yaml.ScalarNode:
                problems.append(Problem(loaded.display, key_node.start_mark.line + 1, key_node.start_mark.column + 1,
                                        "a key must be a plain word", "write keys as 'name: value'"))
                continue
            key = key_node.value
            if key_node.tag == "tag:yaml.org,2002:merge":
                problems.append(Problem(loaded.display, key_node.start_mark.line + 1, key_node.start_mark.column + 1,
                                        "YAML merge keys ('<<') are not allowed", "write the keys out in full"))
                continue
            if key in result:
                first = next(k for k, _ in node.value if k.__class__ is yaml.ScalarNode and k.value == key)
                problems.append(Problem(
                    loaded.display, key_node.start_mark.line + 1, key_node.start_mark.column + 1,
                    f"the key '{key}' appears twice in the same block",
                    f"the first '{key}' is on line {first.start_mark.line + 1}; keep one of them (YAML would silently drop the first)"))
                continue
            result[key] = _to_data(value_node, loaded, problems, loader, seen)
        return result
    if node.tag != _SEQ:
        problems.append(_tag_problem(loaded, node))
    return [_to_data(child, loaded, problems, loader, seen) for child in node.value]


def _tag_problem(loaded: LoadedFile, node) -> Problem:
    tag = node.tag.replace("tag:yaml.org,2002:", "!!")
    return Problem(loaded.display, node.start_mark.line + 1, node.start_mark.column + 1,
                   f"the YAML tag '{tag}' is not allowed",
                   "policy files hold plain text, numbers and lists only: remove the '!...' tag")
