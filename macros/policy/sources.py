"""The source documents (`sources/<municipality>/<document>.txt`) and the quote check.

A source text holds section markers (`[[§ 4.3.1]]`) and comes with a list of
extraction fixes (`<document>.fixes.yaml`), applied literally. `check_quotes`
checks every sentence of every quoted policy text against the section its item
cites; which fields are quotes the schema says (`"x-basis": "quote"`), and an
item takes a field out of the check by naming it under `editorial` with a
reason. Each source is read and indexed once per process (cached by file and
modification time).
"""

from __future__ import annotations

import difflib
import hashlib
import json
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import yaml

from macros.policy.compiled_schema import cache_dir
from macros.policy.problems import Problem

SOURCES = "sources"
_YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_MARKER = re.compile(r"^\[\[§ (?P<name>[^<\]]+?)(?: < (?P<parent>[^\]]+?))?\]\]\s*$", re.M)
_FIX_KINDS = ("afbreking", "paginanummer", "tabel", "ocr", "bronfout")
# One kind of quote and dash, no soft hyphens or emphasis marks (str.replace per character is
# much faster than str.translate with a table, and most texts hold none of them).
_REPLACE = (("‘", "'"), ("’", "'"), ("‚", "'"), ("‛", "'"), ("`", "'"), ("´", "'"), ("“", "'"), ("”", "'"),
            ("„", "'"), ('"', "'"), ("–", "-"), ("—", "-"), ("\u00a0", " "), ("\u00ad", ""), ("\u200b", ""), ("*", ""))
_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
_TAG = re.compile(r"<sup>[^<]*</sup>|<(?=[a-z/])[^>]*>")
_AUTOLINK = re.compile(r"<(https?://[^>]+)>")
_LINE_START = re.compile(r"^\s*(?:(?:#+|>|[-+•→✓■▪●]|\d+[.)]|[a-z][.)])\s+)+", re.M)
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+.!>-])")
_UNDERSCORE = re.compile(r"(?<![\w])_+|_+(?![\w])")
_SPACE = re.compile(r"\s+")
_STRIP = " ,;:.[]()'"
_WORDY = re.compile(r"\w\W*\w")  # at least two letters or digits: a fragment worth checking  # around a sentence: punctuation a quote may add or leave out
_SENTENCE_END = re.compile(r"(?<=[.!?;:])\s+|\s*(?:[(\[](?:\.\.\.|…)[)\]]|…|\.\.\.)\s*")


def normalise_lines(text: str) -> list[str]:
    """The lines of a text as the check compares them: no markup, one kind of quote, single spaces.

    The substitutions run once over the whole text (line starts are matched per line).
    """
    if "<" in text:
        text = _TAG.sub("", _AUTOLINK.sub(r"\1", text))
    if "\\" in text:
        text = _ESCAPE.sub(r"\1", text)
    if "](" in text:
        text = _LINK.sub(r"\1", text)
    text = _LINE_START.sub("", text)
    for old, new in _REPLACE:
        if old in text:
            text = text.replace(old, new)
    if "_" in text:
        text = _UNDERSCORE.sub("", text)
    return [" ".join(line.split()) for line in text.split("\n")]


def normalise_line(text: str) -> str:
    return " ".join(line for line in normalise_lines(text) if line)


def fragments(text: str) -> list[tuple[int, str]]:
    """(line index, sentence) for every sentence or list item of a Markdown text."""
    out = []
    for index, line in enumerate(normalise_lines(text)):
        if not line:
            continue
        for part in _SENTENCE_END.split(line):
            part = part.strip(_STRIP)
            if _WORDY.search(part):
                out.append((index, part))
    return out


@dataclass(frozen=True)
class Fix:
    find: str
    replace: str
    kind: str
    reason: str


@dataclass
class SourceText:
    """One source document: its fixed text cut into sections."""

    path: Path
    document: str
    order: list[str] = field(default_factory=list)  # section names, first appearance
    parents: dict[str, str] = field(default_factory=dict)
    segments: list[tuple[str, str]] = field(default_factory=list)  # (section, raw fixed text), in order
    fixes: list[Fix] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    _spans: dict = field(default_factory=dict, repr=False)
    _sentences: dict = field(default_factory=dict, repr=False)
    _folded: dict = field(default_factory=dict, repr=False)
    _normal: list | None = field(default=None, repr=False)
    _index: dict | None = field(default=None, repr=False)
    _within: dict = field(default_factory=dict, repr=False)
    _children: dict | None = field(default=None, repr=False)
    _quoted: set = field(default_factory=set, repr=False)  # (section, text) pairs found whole

    def within(self, name: str) -> set[str]:
        """`name` and all its subsections."""
        if self._children is None:
            self._children = {}
            for other, parent in self.parents.items():
                self._children.setdefault(parent, []).append(other)
        found, todo = set(), [name]
        while todo:
            here = todo.pop()
            if here not in found:
                found.add(here)
                todo += self._children.get(here, [])
        return found

    def names(self, citation: str) -> list[str] | None:
        """The sections a citation names (two joined by ' / '), or None if one is unknown."""
        parts = [p.strip() for p in citation.split(" / ")]
        return parts if all(p in self.parents for p in parts) else None

    def span(self, citation: str) -> str:
        """The normalised text of the cited section(s), subsections included, one space between lines."""
        if citation not in self._spans:
            names = self.names(citation) or ()
            wanted = set().union(*(self.within(n) for n in names))
            # The section's own text first, then its subsections: a box (a case, a clipping) printed
            # in the middle of a sentence does not cut that sentence in two.
            normal = self.normal_segments()
            ordered = [normal[i] for i, (n, _) in enumerate(self.segments) if n in names] + \
                [normal[i] for i, (n, _) in enumerate(self.segments) if n in wanted and n not in names]
            self._spans[citation] = " " + " ".join(t for t in ordered if t) + " "
        return self._spans[citation]

    def normal_segments(self) -> list[str]:
        """Each segment's text, normalised once."""
        if self._normal is None:
            self._normal = [normalise_line(text) for _, text in self.segments]
        return self._normal

    def sentences(self, citation: str) -> list[str]:
        if citation not in self._sentences:
            self._sentences[citation] = [s for s in _SENTENCE_END.split(self.span(citation).strip()) if s]
        return self._sentences[citation]

    def contains(self, citation: str, sentence: str) -> bool:
        """Whether the cited text holds `sentence` (letter case aside: headings in capitals are quoted in sentence case).

        A whole sentence of the source is found in the document's index of sentences; a part of
        one, or a sentence that runs over a marker, by a search in the section's text."""
        sentence = sentence.casefold()
        holders = self.sentence_index().get(sentence)
        if holders and not holders.isdisjoint(self._wanted(citation)):
            return True
        if citation not in self._folded:
            self._folded[citation] = self.span(citation).casefold()
        return sentence in self._folded[citation]

    def sentence_index(self) -> dict[str, set[str]]:
        """Every sentence of the document (normalised, letter case folded) -> the sections whose own text holds it."""
        if self._index is None:
            self._index = {}
            for (name, _), text in zip(self.segments, self.normal_segments()):
                for part in _SENTENCE_END.split(text.casefold()):
                    self._index.setdefault(part.strip(_STRIP), set()).add(name)
        return self._index

    def _wanted(self, citation: str) -> frozenset[str]:
        if citation not in self._within:
            self._within[citation] = frozenset().union(*(self.within(n) for n in self.names(citation) or ()))
        return self._within[citation]

    def closest(self, citation: str, sentence: str) -> str:
        candidates = self.sentences(citation)
        if not candidates:
            return ""
        matcher = difflib.SequenceMatcher(autojunk=False)
        matcher.set_seq2(sentence)
        best, score = candidates[0], -1.0
        for candidate in candidates:
            matcher.set_seq1(candidate)
            if matcher.real_quick_ratio() <= score or matcher.quick_ratio() <= score:
                continue
            ratio = matcher.ratio()
            if ratio > score:
                best, score = candidate, ratio
        return best

    def sections_with(self, sentence: str) -> list[str]:
        """The innermost sections whose own text holds `sentence` (for a 'wrong section' hint)."""
        found = []
        normal = self.normal_segments()
        for name in self.order:
            own = " " + " ".join(normal[i] for i, (n, _) in enumerate(self.segments) if n == name) + " "
            if sentence.casefold() in own.casefold():
                found.append(name)
        return found


def parse_source(path: Path, document: str, display: str) -> SourceText:
    raw = path.read_text(encoding="utf-8")
    source = SourceText(path, document)
    fixes_path = path.with_name(f"{path.stem}.fixes.yaml")
    if fixes_path.exists():
        try:
            data = yaml.load(fixes_path.read_text(encoding="utf-8"), Loader=_YAML_LOADER) or {}
        except yaml.YAMLError as err:
            mark = getattr(err, "problem_mark", None)
            source.problems.append(Problem(_shown(fixes_path, display), (mark.line + 1) if mark else 1,
                                           (mark.column + 1) if mark else 1, "this fixes file is not valid YAML",
                                           "see sources/README.md for its form"))
            data = {}
        for number, entry in enumerate(data.get("fixes") or [], 1):
            if not (isinstance(entry, dict) and isinstance(entry.get("find"), str) and isinstance(entry.get("replace"), str)
                    and entry.get("kind") in _FIX_KINDS and isinstance(entry.get("reason"), str) and entry["reason"].strip()):
                source.problems.append(Problem(_shown(fixes_path, display), _line_of_entry(fixes_path, number), 5,
                                               f"fix {number} needs 'find', 'replace', 'kind' and 'reason'",
                                               f"'kind' is one of {', '.join(_FIX_KINDS)}; 'reason' says why, in one line"))
                continue
            fix = Fix(entry["find"], entry["replace"], entry["kind"], entry["reason"].strip())
            if fix.find not in raw:
                source.problems.append(Problem(_shown(fixes_path, display), _line_of_entry(fixes_path, number), 5,
                                               f"fix {number} no longer matches the text of {path.name}: {fix.find!r}",
                                               "correct 'find' to the text as it stands, or remove the fix"))
                continue
            raw = raw.replace(fix.find, fix.replace)
            source.fixes.append(fix)
    current, start = "", 0
    for match in _MARKER.finditer(raw):
        source.segments.append((current, raw[start:match.start()]))
        current, start = match["name"].strip(), match.end()
        if current not in source.parents:
            source.order.append(current)
            source.parents[current] = (match["parent"] or "").strip() or None
    source.segments.append((current, raw[start:]))
    for name in source.order:
        if source.parents[name] is None:
            source.parents[name] = _implied_parent(name, source.parents)
    return source


def _implied_parent(name: str, names) -> str | None:
    """The longest other name that `name` starts with, followed by '.', ',' or ':'."""
    known = names if isinstance(names, (set, frozenset, dict)) else set(names)
    for cut in range(len(name) - 1, 0, -1):
        if name[cut] in ".,:" and name[:cut] in known:
            return name[:cut]
    return None


def _line_of_entry(path: Path, number: int) -> int:
    count = 0
    for index, line in enumerate(path.read_text(encoding="utf-8").split("\n"), 1):
        if line.lstrip().startswith("- "):
            count += 1
            if count == number:
                return index
    return 1


def _shown(path: Path, display: str) -> str:
    return str(Path(display).parent / path.name) if display else str(path)


@lru_cache(maxsize=64)
def _cached(path: Path, mtime: float, fixes_mtime: float, document: str, display: str) -> SourceText:
    return _stored_or_parsed(path, document, display)


@lru_cache(maxsize=1)
def _code_version() -> str:
    """Changes whenever this module does: a stored index is only as good as the code that made it."""
    return hashlib.sha256(Path(__file__).read_bytes()).hexdigest()[:16]


def _stored_or_parsed(path: Path, document: str, display: str) -> SourceText:
    """The parsed and indexed source, from the cache folder when this text, its fixes and this
    code have been indexed before (a source changes rarely; validation runs on every save)."""
    fixes = path.with_name(f"{path.stem}.fixes.yaml")
    key = hashlib.sha256(b"\0".join([path.read_bytes(), fixes.read_bytes() if fixes.exists() else b"",
                                      f"{document}\0{display}\0{_code_version()}".encode()])).hexdigest()
    store = cache_dir() / "sources" / f"{key[:32]}.json"
    try:
        data = json.loads(store.read_text(encoding="utf-8"))
        text = SourceText(path, document, data["order"], data["parents"], [tuple(s) for s in data["segments"]],
                          [Fix(*f) for f in data["fixes"]], [Problem(*p) for p in data["problems"]])
        text._normal = data["normal"]
        text._index = {k: set(v) for k, v in data["index"].items()}
        return text
    except (OSError, ValueError, KeyError, TypeError):
        pass
    text = parse_source(path, document, display)
    try:
        store.parent.mkdir(parents=True, exist_ok=True)
        partial = store.with_suffix(".tmp")
        partial.write_text(json.dumps({
            "order": text.order, "parents": text.parents, "segments": text.segments,
            "fixes": [[f.find, f.replace, f.kind, f.reason] for f in text.fixes],
            "problems": [[p.file, p.line, p.column, p.message, p.hint] for p in text.problems],
            "normal": text.normal_segments(), "index": {k: sorted(v) for k, v in text.sentence_index().items()},
        }, ensure_ascii=False), encoding="utf-8")
        partial.replace(store)
    except OSError:
        pass
    return text


def load_source(path: Path, document: str, display: str = "") -> SourceText:
    """The parsed source at `path`, read once per process while it is unchanged."""
    fixes = path.with_name(f"{path.stem}.fixes.yaml")
    return _cached(path, path.stat().st_mtime, fixes.stat().st_mtime if fixes.exists() else 0.0, document, display)


def refused(folder: Path, name: str, display: str) -> Problem | None:
    """A problem when the source text `folder/name` (or its fixes file, or a folder on the
    way) is a symbolic link or a special file: like policy files, sources arrive in pull
    requests and are never read through a link (macros.policy.files)."""
    import os

    from macros.policy.files import refusal

    path = folder / name
    steps = [(folder.parent, f"{SOURCES}"), (folder, f"{SOURCES}/{folder.name}"), (path, display),
             (path.with_name(f"{path.stem}.fixes.yaml"), f"{SOURCES}/{folder.name}/{path.stem}.fixes.yaml")]
    for step, shown in steps:
        try:
            mode = os.lstat(step).st_mode
        except OSError:
            continue  # missing: the caller says so in its own words
        problem = refusal(shown, mode)
        if problem:
            return problem
    return None


def sources_folder(version_folder: Path) -> Path:
    """`sources/<municipality>/` for `policy/<municipality>/<version>/`."""
    return version_folder.parent.parent.parent / SOURCES / version_folder.parent.name


# --- which fields are quotes: the schema's "x-basis" annotations --------------------------------

EDITORIAL = "editorial"
_CHECKED = ("quote", EDITORIAL)  # a plain fact (`x-basis: fact`) is neither checked nor marked


@lru_cache(maxsize=1)
def _defs() -> dict:
    from macros.policy.schema import load_schema
    return load_schema()["$defs"]


_RESOLVED: dict[int, dict] = {}


def _resolve(node: dict) -> dict:
    found = _RESOLVED.get(id(node))
    if found is None:
        defs, found = _defs(), node
        while isinstance(found, dict) and "$ref" in found:
            found = defs[found["$ref"].rsplit("/", 1)[-1]]
        _RESOLVED[id(node)] = found  # the schema is loaded once and never changes
    return found


_PLANS: dict[int, tuple] = {}
_NO_SCHEMA: dict = {}


def _plan(schema: dict) -> tuple:
    """(item schema, {key: (mark or None, child schema or None)}) of a resolved schema node, made once.

    The walk below runs over every object of every file, so what the schema says about
    each key is looked up once per schema node, not once per object."""
    found = _PLANS.get(id(schema))
    if found is None:
        items = schema.get("items")
        keys = {}
        for key, spec in (schema.get("properties") or {}).items():
            basis = spec.get("x-basis")
            mark = (basis, spec.get("x-reason", "")) if basis in _CHECKED else None
            keys[key] = (mark, spec)
        # The node itself is kept too: an id is only unique while its object lives.
        found = _PLANS[id(schema)] = (_resolve(items) if isinstance(items, dict) else _NO_SCHEMA, keys, schema)
    return found


def basis_walk(data: dict):
    """(path, item, {key: (basis, default reason)}) for every object of a file that the schema annotates.

    `basis` is "quote" (checked against the cited section unless the item lists the
    key under `editorial`) or "editorial" (always the editors' choice).
    """
    kind = data.get("kind") if isinstance(data, dict) else None
    root = _defs().get(f"file_{kind}")
    if root is None:
        return
    stack = [((), data, _resolve(root))]
    pop, push = stack.pop, stack.append
    while stack:
        path, node, schema = pop()
        items, keys, _ = _plan(schema)
        if node.__class__ is list:
            for i in range(len(node) - 1, -1, -1):
                value = node[i]
                if value.__class__ is dict or value.__class__ is list:
                    push(((*path, i), value, items))
            continue
        if node.__class__ is not dict:
            continue
        marks = {}
        for key, value in node.items():
            known = keys.get(key)
            if known is None:
                continue
            if known[0] is not None:
                marks[key] = known[0]
            if value.__class__ is dict or value.__class__ is list:
                push(((*path, key), value, _resolve(known[1])))
        yield path, node, marks


def editorial_reasons(node: dict, marks: dict) -> dict[str, str]:
    """field -> reason: what of this item the editors added (item entries first, then the schema's defaults)."""
    given = node.get(EDITORIAL) if isinstance(node.get(EDITORIAL), dict) else {}
    reasons = {k: v for k, v in given.items() if isinstance(v, str)}
    for key, (basis, default) in marks.items():
        if basis == EDITORIAL and key not in reasons and default:
            reasons[key] = default
    return reasons


def check_quotes(version_folder: Path, files: list, documents: dict[str, dict], version_display: str) -> list[Problem]:
    """Every quoted sentence of a version against the section it cites.

    `files`: the version's LoadedFiles; `documents`: document id -> its entry of version.yaml
    (with '_path' the position path of the entry in version.yaml).
    """
    problems: list[Problem] = []
    folder = sources_folder(version_folder)
    texts: dict[str, SourceText | None] = {}
    version_file = next((f for f in files if f.path.name == "version.yaml"), None)
    for doc_id, (index, entry) in documents.items():
        name = entry.get("file") if isinstance(entry.get("file"), str) else None
        where = version_file.where(("documents", index, "file") if name else ("documents", index)) if version_file else (1, 1)
        if not name:
            problems.append(Problem(version_display, *where, f"document '{doc_id}' names no source text",
                                    f"add 'file: {doc_id}.txt' and put its text in {SOURCES}/{version_folder.parent.name}/ "
                                    "(see sources/README.md)"))
            texts[doc_id] = None
            continue
        path = folder / name
        link = refused(folder, name, f"{SOURCES}/{version_folder.parent.name}/{name}")
        if link:
            problems.append(link)
            texts[doc_id] = None
            continue
        if not path.is_file():
            problems.append(Problem(version_display, *where, f"source text '{name}' of document '{doc_id}' not found",
                                    f"put the text of the document in {SOURCES}/{version_folder.parent.name}/{name}"))
            texts[doc_id] = None
            continue
        text = load_source(path, doc_id, f"{SOURCES}/{version_folder.parent.name}/{name}")
        problems += text.problems
        texts[doc_id] = text
    for loaded in files:
        if not isinstance(loaded.data, dict):
            continue
        problems += _check_file(loaded, texts)
    return problems


def _check_file(loaded, texts: dict) -> list[Problem]:
    problems = []
    sources_at: dict[tuple, dict] = {}
    for path, node, marks in basis_walk(loaded.data):
        own = node.get("source")
        if isinstance(own, dict):
            sources_at[path] = own
        given = node.get(EDITORIAL)
        if isinstance(given, dict):
            for key in given:
                if key not in node:
                    problems.append(Problem(loaded.display, *loaded.where((*path, EDITORIAL, key), key=True),
                                            f"'editorial' names '{key}', which this item does not have",
                                            "list only fields of this item that the editors wrote or chose"))
        if not marks:
            continue
        reasons = editorial_reasons(node, marks)
        cited = False  # found when the first quote needs it
        for key, (basis, _) in marks.items():
            value = node.get(key)
            if basis == EDITORIAL and key not in reasons:
                problems.append(Problem(loaded.display, *loaded.where((*path, key), key=True),
                                        f"'{key}' is chosen by the editors, not stated by the source: give the reason",
                                        f"add under 'editorial' a line '{key}: <reden, in één zin>'"))
            if basis != "quote" or key in reasons or not isinstance(value, str):
                continue
            if cited is False:
                cited = own if isinstance(own, dict) else _nearest(sources_at, path)
            if not cited:
                continue
            text = texts.get(cited.get("document"))
            if text is None:
                continue
            section = str(cited.get("section"))
            if text.names(section) is None:
                problems.append(Problem(loaded.display, *loaded.where((*path, "source", "section") if own else (*path, key)),
                                        f"section '{section}' is not marked in the source text of '{text.document}'",
                                        _section_hint(text, section)))
                continue
            problems += _check_text(loaded, (*path, key), value, text, section)
    return problems


def _nearest(sources_at: dict, path: tuple) -> dict | None:
    for cut in range(len(path), -1, -1):
        if path[:cut] in sources_at:
            return sources_at[path[:cut]]
    return None


def _section_hint(text: SourceText, section: str) -> str:
    parent = section.rsplit(".", 1)[0] + "." if "." in section else None
    siblings = [name for name in text.order if parent and name.startswith(parent)]
    close = difflib.get_close_matches(section, siblings, n=1, cutoff=0.5) or \
        difflib.get_close_matches(section, text.order, n=1, cutoff=0.5)
    named = f"did you mean '{close[0]}'? " if close else ""
    return f"{named}the sections are the [[§ ...]] markers of {text.path.name}"


def _check_text(loaded, path: tuple, value: str, text: SourceText, section: str) -> list[Problem]:
    if (section, value) in text._quoted:
        return []  # found in this section before: versions share most of their texts
    problems = []
    for index, sentence in fragments(value):
        if text.contains(section, sentence):
            continue
        line, column = _position(loaded, path, value, index, sentence)
        elsewhere = [s for s in text.sections_with(sentence) if s not in text.within(section)]
        shown = _shown_sentence(sentence, _agreeing_prefix(text, section, sentence))
        where = f"§ {section} of {text.document}"
        if elsewhere:
            hint = f"this sentence is in § {elsewhere[0]}: cite that section"
        else:
            hint = f"the source says: \"{text.closest(section, sentence)}\""
        problems.append(Problem(loaded.display, line, column, f"not in the cited source ({where}): \"{shown}\"", hint))
    if not problems:
        text._quoted.add((section, value))
    return problems


def _agreeing_prefix(text: SourceText, section: str, sentence: str) -> int:
    """How many characters at the start of `sentence` the cited section does hold (binary search)."""
    low, high = 0, len(sentence)
    while low < high:
        middle = (low + high + 1) // 2
        if text.contains(section, sentence[:middle]):
            low = middle
        else:
            high = middle - 1
    return low


def _shown_sentence(sentence: str, agreeing: int, limit: int = 160) -> str:
    """The sentence for a message; a long one from a little before where it leaves the source."""
    if len(sentence) <= limit:
        return sentence
    start = max(0, sentence.rfind(" ", 0, max(agreeing - 40, 0)) + 1) if agreeing > 60 else 0
    end = start + limit
    return ("..." if start else "") + sentence[start:end] + ("..." if end < len(sentence) else "")


def _position(loaded, path: tuple, value: str, index: int, sentence: str) -> tuple[int, int]:
    """Line and column of a sentence of a text value (block scalars: the line it is on)."""
    line, column = loaded.where(path)
    lines = loaded.text.split("\n")
    here = lines[line - 1] if 0 < line <= len(lines) else ""
    raw = value.split("\n")[index]
    if here[column - 1:column] in ("|", ">"):
        target = line + 1 + index
        body = lines[target - 1] if target <= len(lines) else ""
        indent = len(body) - len(body.lstrip())
        return target, indent + 1 + _offset(raw, sentence)
    return line, column + _offset(raw, sentence) + (1 if here[column - 1:column] in "\"'" else 0)


def _offset(raw: str, sentence: str) -> int:
    head = sentence.split(" ")[0].strip("'")
    found = raw.find(head) if head else -1
    return max(found, 0)


def version_texts(version_folder: Path, documents) -> dict[str, SourceText]:
    """document id -> its source text, for the documents of one version (model Documents or dicts)."""
    folder = sources_folder(version_folder)
    texts = {}
    for doc in documents:
        doc_id, name = (doc.get("id"), doc.get("file")) if isinstance(doc, dict) else (doc.id, doc.file)
        if name and not refused(folder, name, name) and (folder / name).is_file():
            texts[doc_id] = load_source(folder / name, doc_id, f"{SOURCES}/{version_folder.parent.name}/{name}")
    return texts
