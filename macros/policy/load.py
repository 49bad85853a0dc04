"""Read policy YAML files into plain data, remembering where each value stands.

Only the safe subset of YAML is read: no object tags, no anchors or aliases
(they are what "billion laughs" attacks are built from, and policy text never
needs them), no duplicate keys (PyYAML silently keeps the last one), one
document per file. Files come from pull requests, so any byte sequence must
end in a problem with a position, never a crash or a hang: only regular files
are opened (`files`), forbidden characters are found before libyaml reads the
text, and the limits below are checked on libyaml's event stream, in a loop,
before anything recursive sees the data. Nothing here checks what the data
means; that is `validate`'s job.
"""

from __future__ import annotations

from dataclasses import dataclass, field
import os
import re
from pathlib import Path
from typing import Any

import yaml

from macros.policy.files import Refused, read_regular
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

# Limits no real policy comes near (the largest real file has 51 kB and 950 values,
# nested 9 levels, with at most 11 keys in a block), checked before a
# recursive step or an expensive message could see more.
MAX_BYTES = 2_000_000     # per file
MAX_DEPTH = 50            # lists and blocks inside each other
MAX_KEYS = 1_000          # keys in one block
MAX_KEY_LENGTH = 100      # characters in one key
MAX_VALUES = 100_000      # texts, numbers, lists and blocks in one file
MAX_PROBLEMS = 100        # problems listed for one file while reading it


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
    _written: dict | None = field(default=None, repr=False)

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

    def written(self, path: Path_) -> str | None:
        """How a value that YAML did not read as text was written (`no`, `1.10`), for messages."""
        if self._written is None:
            self._index_positions()
        return self._written.get(tuple(path))

    def _index_positions(self) -> None:
        self._marks, self._key_marks, self._written = {}, {}, {}
        if self.data is None:
            return  # unreadable: its problems carry their own positions
        # Safe to compose now: the data was read, so the nesting is within MAX_DEPTH.
        loader = _Loader(self.text)
        try:
            _positions(loader.get_single_node(), (), self._marks, self._key_marks, self._written)
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


def _positions(node, path: tuple, marks: dict, key_marks: dict, written: dict) -> None:
    marks[path] = (node.start_mark.line + 1, node.start_mark.column + 1)
    if isinstance(node, yaml.ScalarNode):
        if node.tag not in _TEXT_TAGS and not node.style:  # plain: None (Python) or "" (libyaml)
            written[path] = node.value
    elif isinstance(node, yaml.MappingNode):
        seen = set()
        for key_node, value_node in node.value:
            key = key_node.value if isinstance(key_node, yaml.ScalarNode) else None
            if key is None or key in seen:  # as in _Reader: the first of duplicate keys counts
                continue
            seen.add(key)
            key_marks[path + (key,)] = (key_node.start_mark.line + 1, key_node.start_mark.column + 1)
            _positions(value_node, path + (key,), marks, key_marks, written)
    elif isinstance(node, yaml.SequenceNode):
        for i, child in enumerate(node.value):
            _positions(child, path + (i,), marks, key_marks, written)


class _NotAllowed(Exception):
    """Stops reading a file: only this problem is reported."""

    def __init__(self, mark, message: str, hint: str, found: list | None = None):
        self.mark, self.message, self.hint = mark, message, hint
        self.found = found or []  # problems found before, still worth listing


# libyaml (C) composes about twenty times faster than pure Python; same nodes, same marks.
# (Answering `resolve` for plain text in Python was tried: it made composing slower.)
_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_ALIAS = ("YAML anchors (&name) and aliases (*name) are not allowed", "write the text out in full where it is needed")


def display_name(path: Path, base: Path | None = None) -> str:
    """A path as people see it in messages: relative to the working folder.

    Only the folders above it are resolved: a symbolic link is named as the
    link, never as the file it points to.
    """
    path = Path(path)
    real = Path(os.path.realpath(path.parent)) / path.name if path.name else path.resolve()
    for root in (base, Path.cwd()):
        if root is None:
            continue
        try:
            return real.relative_to(Path(root).resolve()).as_posix()
        except ValueError:
            continue
    return path.as_posix()


def load_file(path: Path, display: str | None = None) -> tuple[LoadedFile, list[Problem]]:
    """Read one file; return it (data None when unreadable) and its problems.

    Only a regular file is opened: a symbolic link or a special file is
    refused by name, and its target is never read (see `files`).
    """
    path = Path(path)
    display = display or display_name(path)
    try:
        raw = read_regular(path, display, MAX_BYTES)
    except Refused as err:
        return LoadedFile(path, display), [err.problem]
    return load_bytes(raw, path, display)


def load_bytes(raw: bytes, path: Path, display: str) -> tuple[LoadedFile, list[Problem]]:
    """Like load_file, for content read elsewhere (e.g. from git history).

    Every check that protects the parser runs before libyaml sees the text:
    size, encoding and characters here, nesting depth and counts on the
    stream of parser events (libyaml's parser keeps its own stack, but its
    composer recurses in C: a few tens of thousands of levels crash the
    process, and deep flow nesting makes its scanner quadratic).
    """
    loaded = LoadedFile(Path(path), display)
    name = loaded.display

    def problem(line, column, message, hint=""):
        return [Problem(name, line, column, message, hint)]

    if len(raw) > MAX_BYTES:
        return loaded, problem(1, 1, f"the file is too large (more than {MAX_BYTES:,} bytes)",
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
    bad = _FORBIDDEN.search(text)
    if bad:
        at = bad.start()
        line = text.count("\n", 0, at) + 1
        column = at - (text.rfind("\n", 0, at) + 1) + 1
        code = ord(bad.group())
        what = _CONTROL_NAMES.get(code, "a control character")
        return loaded, problem(line, column, f"the file contains {what} (U+{code:04X}), which YAML does not allow",
                               "delete it (it is invisible in most editors; it often comes with text copied from a PDF)")
    if not text.strip() or all(not ln.strip() or ln.lstrip().startswith("#") for ln in text.splitlines()):
        return loaded, problem(1, 1, "the file is empty",
                               "start the file with 'kind: ...' (see policy/README.md), or delete it")
    try:
        data, problems = _Reader(text, name).read()
    except _NotAllowed as err:
        return loaded, err.found + problem(err.mark.line + 1, err.mark.column + 1, err.message, err.hint)
    except yaml.MarkedYAMLError as err:
        return loaded, problem(*_explain_yaml_error(err, text))
    except yaml.YAMLError as err:  # no position (libyaml's reader): never a traceback
        return loaded, problem(1, 1, f"the YAML cannot be read: {_excerpt(str(err).splitlines()[0] if str(err) else '')}",
                               "check the file for unusual characters")
    # A disallowed tag makes the data meaningless: report the tag, nothing that follows from it.
    loaded.data = None if any("YAML tag" in p.message for p in problems) else data
    loaded.text = text
    return loaded, problems


def _excerpt(text: str, limit: int = 60) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


# Characters YAML 1.1 does not allow in a stream (its "printable" set, 5.1): C0
# controls but tab and line breaks, DEL, C1 controls but NEL, U+FFFE and U+FFFF.
_FORBIDDEN = re.compile("[^\t\n\r\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
_CONTROL_NAMES = {0: "a NUL character", 0x1B: "an escape character", 0x7F: "a delete character",
                  0x0B: "a vertical tab", 0x0C: "a page break (form feed)"}
_KEY = object()   # the next value of a block is a key
_DROP = object()  # the next value of a block belongs to a refused key: left out


class _Reader:
    """Turns libyaml's events into plain data, without recursion.

    libyaml's composer (what `yaml.compose` and `yaml.safe_load` use) calls
    itself once per level of nesting in C; here the events are read in a loop
    and the limits are checked as they arrive, so a hostile file is refused
    before it costs more than a moment. An anchor or alias is refused (it is
    what "billion laughs" attacks are built from), but reading goes on to the
    end: a syntax error further down is the more useful message.
    """

    def __init__(self, text: str, name: str):
        self.loader = _Loader(text)
        self.name = name

    def read(self):
        loader = self.loader
        try:
            return self._read(loader)
        finally:
            loader.dispose()

    def _read(self, loader):
        name = self.name
        problems: list[Problem] = []
        get = loader.get_event
        resolvers = loader.yaml_implicit_resolvers
        resolve = loader.resolve
        refused = None  # the first anchor or alias: (mark, message, hint)
        values = 0
        stack: list[list] = []  # open blocks and lists: [container, is_block, key, key lines]
        root = None
        get()  # the start of the stream
        event = get()
        if event.__class__ is yaml.StreamEndEvent:
            return None, problems
        while True:
            event = get()
            cls = event.__class__
            if cls is yaml.ScalarEvent or cls is yaml.MappingStartEvent or cls is yaml.SequenceStartEvent:
                values += 1
                if values > MAX_VALUES:
                    raise _NotAllowed(event.start_mark, f"the file holds too many values (more than {MAX_VALUES:,})",
                                      "split it into several files")
            if cls is yaml.ScalarEvent:
                if event.anchor is not None and refused is None:
                    refused = (event.start_mark, *_ALIAS)
                top = stack[-1] if stack else None
                if top is not None and top[1] and top[2] is _KEY:
                    self._key(top, event, problems)
                    continue
                tag = event.tag
                value = event.value
                if tag is None or tag == "!":
                    if event.implicit[0] and value[:1] in resolvers:
                        tag = resolve(yaml.ScalarNode, value, event.implicit)
                        if tag not in _TEXT_TAGS and tag in _PLAIN_TAGS:
                            value = _construct(loader, tag, value, event.start_mark)
                        # '<<' or '=' outside a key: text as written, not a tag the author chose
                elif tag not in _TEXT_TAGS:
                    if tag in _PLAIN_TAGS:
                        value = _construct(loader, tag, value, event.start_mark)
                    else:
                        if len(problems) >= MAX_PROBLEMS:
                            raise _NotAllowed(event.start_mark, f"more problems follow in this file (only the first "
                                              f"{MAX_PROBLEMS} are listed)", "fix these first, then check again", problems)
                        problems.append(_tag_problem(name, tag, event.start_mark))
            elif cls is yaml.MappingStartEvent or cls is yaml.SequenceStartEvent:
                if len(stack) >= MAX_DEPTH:
                    raise _NotAllowed(event.start_mark, f"the values are nested too deeply (more than {MAX_DEPTH} levels)",
                                      "a policy file needs only a few levels of lists and blocks: check the brackets "
                                      "and indentation here")
                if event.anchor is not None and refused is None:
                    refused = (event.start_mark, *_ALIAS)
                is_block = cls is yaml.MappingStartEvent
                tag = event.tag
                if tag is not None and tag != "!" and tag != (_MAP if is_block else _SEQ):
                    problems.append(_tag_problem(name, tag, event.start_mark))
                stack.append([{} if is_block else [], is_block, _KEY, {} if is_block else None, event.start_mark])
                continue
            elif cls is yaml.MappingEndEvent or cls is yaml.SequenceEndEvent:
                frame = stack.pop()
                value = frame[0]
                event = frame  # its start mark, for a collection used as a key
            elif cls is yaml.AliasEvent:
                if refused is None:
                    refused = (event.start_mark, *_ALIAS)
                value = None
            else:  # the end of the document
                break
            if not stack:
                root = value
                continue
            top = stack[-1]
            if top[1]:
                key = top[2]
                if key is _KEY:  # a list or block where a key should be
                    mark = event[4] if cls is yaml.MappingEndEvent or cls is yaml.SequenceEndEvent else event.start_mark
                    problems.append(Problem(name, mark.line + 1, mark.column + 1, "a key must be a plain word",
                                            "write keys as 'name: value'"))
                    top[2] = _DROP
                    continue
                if key is not _DROP:
                    top[0][key] = value
                top[2] = _KEY
            else:
                top[0].append(value)
        event = get()
        if event.__class__ is not yaml.StreamEndEvent:
            raise _NotAllowed(event.start_mark, "the file holds more than one YAML document",
                              "remove the '---' or '...' line here: one file holds one document")
        if refused is not None:
            raise _NotAllowed(*refused)
        return root, problems

    def _key(self, top: list, event, problems: list[Problem]) -> None:
        key = event.value
        mark = event.start_mark
        lines = top[3]
        top[2] = _DROP
        if event.anchor is not None:
            return  # refused as an anchor
        if event.tag is not None and event.tag not in ("!", "tag:yaml.org,2002:str"):
            problems.append(_tag_problem(self.name, event.tag, mark))
        elif key == "<<" and event.implicit[0]:
            problems.append(Problem(self.name, mark.line + 1, mark.column + 1,
                                    "YAML merge keys ('<<') are not allowed", "write the keys out in full"))
        elif len(key) > MAX_KEY_LENGTH:
            problems.append(Problem(self.name, mark.line + 1, mark.column + 1,
                                    f"a key is too long ({len(key):,} characters; at most {MAX_KEY_LENGTH}): "
                                    f"'{_excerpt(key, 30)}'",
                                    "keys are short words such as 'title'; put long text after the ':'"))
        elif key in lines:
            if len(problems) >= MAX_PROBLEMS:
                raise _NotAllowed(mark, f"more problems follow in this file (only the first {MAX_PROBLEMS} are listed)",
                                  "fix these first, then check again", problems)
            problems.append(Problem(
                self.name, mark.line + 1, mark.column + 1, f"the key '{_excerpt(key, 40)}' appears twice in the same block",
                f"the first '{_excerpt(key, 40)}' is on line {lines[key]}; keep one of them (YAML would silently drop the first)"))
        elif len(lines) >= MAX_KEYS:
            raise _NotAllowed(mark, f"a block holds too many keys (more than {MAX_KEYS:,})",
                              "split it into several blocks or files")
        else:
            lines[key] = mark.line + 1
            top[2] = key


def _construct(loader, tag: str, value: str, mark):
    """A number, yes/no or nothing, as PyYAML's safe loader makes it."""
    if tag == "tag:yaml.org,2002:null":
        return None
    try:
        return loader.yaml_constructors[tag](loader, yaml.ScalarNode(tag, value, mark, mark))
    except (ValueError, ArithmeticError, yaml.YAMLError):  # e.g. '!!int x': keep the text, the schema says what is wrong
        return value


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


def _tag_problem(name: str, tag: str, mark) -> Problem:
    tag = _excerpt(tag.replace("tag:yaml.org,2002:", "!!"), 50)
    return Problem(name, mark.line + 1, mark.column + 1,
                   f"the YAML tag '{tag}' is not allowed",
                   "policy files hold plain text, numbers and lists only: remove the '!...' tag")
