"""Compare two versions of an agenda: what was added, removed or reworded.

Items are matched by id (an item keeps its id across versions), so a
reworded title is a change, not a removal plus an addition. Pure functions:
`diff(old, new)` returns `Change`s; rendering lives elsewhere.
"""

from __future__ import annotations

from macros.words import FIELD_LABELS, KIND_LABELS
import difflib
import re
from dataclasses import dataclass, fields

from macros.policy.model import Agenda, Section, Source

_TEXT_FIELDS = ("title", "name", "statement", "goal", "lead", "intro", "text", "description", "role", "value", "label",
                "partners", "serves", "core_task", "status")


@dataclass(frozen=True)
class Entry:
    """One comparable item: its kind, title, place and text fields."""

    key: str
    kind: str
    title: str
    parent: str
    values: tuple[tuple[str, str], ...]
    parent_key: str = ""


@dataclass(frozen=True)
class FieldChange:
    field: str
    old: str
    new: str


@dataclass(frozen=True)
class Change:
    kind: str  # "added", "removed", "changed", "unchanged"
    entry: Entry  # the new entry (the old one for removals)
    fields: tuple[FieldChange, ...] = ()  # text fields other than the title that changed
    old_title: str = ""  # set when the title changed (renamed)
    old_parent: str = ""  # set when the item moved to another parent

    @property
    def renamed(self) -> bool:
        return bool(self.old_title)

    @property
    def moved(self) -> bool:
        return bool(self.old_parent)

    def field_pairs(self) -> list[tuple[str, str, str]]:
        """(field, old, new) for everything that changed: the title when renamed,
        the place ("plaats") when moved, then the text fields."""
        pairs = [("title", self.old_title, self.entry.title)] if self.renamed else []
        if self.moved:
            pairs.append(("plaats", self.old_parent, self.entry.parent))
        return pairs + [(f.field, f.old, f.new) for f in self.fields]


@dataclass(frozen=True)
class Lineage:
    """What the newer version says about an item of the older one."""

    item_title: str
    change: str
    old_item: str
    text: str
    source: Source | None = None  # with the editors' reason when they read the relation into the sources


_OWN_FIELDS: dict[type, frozenset[str]] = {}  # dataclasses.fields() per object was most of a diff's time


def _values(obj, names=_TEXT_FIELDS) -> tuple[tuple[str, str], ...]:
    out = []
    own = _OWN_FIELDS.get(type(obj))
    if own is None:
        own = _OWN_FIELDS[type(obj)] = frozenset(f.name for f in fields(obj))
    for name in names:
        if name in own:
            value = getattr(obj, name)
            if isinstance(value, tuple):
                value = ", ".join(str(v) for v in value)
            if value:
                out.append((name, str(value)))
    return tuple(out)


def _sections(sections: tuple[Section, ...], parent: str, out: list[Entry], parent_key: str):
    for s in sections:
        if s.id:
            out.append(Entry(s.id, "section", s.title, parent, _values(s), parent_key))
        _sections(s.sections, s.title if s.id else parent, out, s.id or parent_key)


_ENTRIES: dict[int, tuple] = {}  # id(agenda) -> (agenda, entries, {key: Entry}); the model is never changed


def entries(agenda: Agenda) -> tuple[Entry, ...]:
    """Every item with an id, in reading order (worked out once per agenda)."""
    return _entries_of(agenda)[1]


def entries_by_key(agenda: Agenda) -> dict[str, Entry]:
    """The same, by key (ids are unique within a version)."""
    return _entries_of(agenda)[2]


def _entries_of(agenda: Agenda) -> tuple:
    # A comparison page, the history and the preview all ask for the entries of the
    # same versions again; keyed by identity, since hashing a whole agenda costs more.
    found = _ENTRIES.get(id(agenda))
    if found is None or found[0] is not agenda:
        if len(_ENTRIES) > 64:  # the preview server builds new agendas on every edit
            _ENTRIES.clear()
        listed = tuple(_reading_order(agenda))
        found = _ENTRIES[id(agenda)] = (agenda, listed, {e.key: e for e in listed})
    return found


def _reading_order(agenda: Agenda) -> list[Entry]:
    out: list[Entry] = []
    for chapter in agenda.chapters:
        out.append(Entry(chapter.id, "chapter", chapter.title, "", _values(chapter)))
        _sections(chapter.sections, chapter.title, out, chapter.id)
    if agenda.strategy:
        s = agenda.strategy
        out.append(Entry("missie", "statement", "Missie", s.title, (("text", s.mission.text),)))
        out.append(Entry("visie", "statement", "Visie", s.title, (("text", s.vision.text),)))
        if s.core_values:
            out.append(Entry("kernwaarden", "statement", "Kernwaarden", s.title, (("text", ", ".join(s.core_values)),)))
        out += [Entry(p.id, "principle", p.title, "Uitgangspunten", _values(p)) for p in s.principles]
    if agenda.core_tasks:
        out += [Entry(t.id, "core_task", t.title, agenda.core_tasks.title, _values(t)) for t in agenda.core_tasks.tasks]
    for theme in agenda.themes:
        out.append(Entry(theme.id, "theme", theme.title, "", _values(theme)))
        _sections(theme.sections, theme.title, out, theme.id)
        out += [Entry(sp.id, "speerpunt", sp.title, theme.title, _values(sp), theme.id) for sp in theme.speerpunten]
        for pillar in theme.pillars:
            out.append(Entry(pillar.id, "pillar", pillar.title, theme.title, _values(pillar), theme.id))
            out += [Entry(sp.id, "speerpunt", sp.title, pillar.title, _values(sp), pillar.id) for sp in pillar.speerpunten]
    if agenda.fundament:
        for group in agenda.fundament.groups:
            out.append(Entry(group.id, "group", group.title, agenda.fundament.title, _values(group)))
            out += [Entry(t.id, "topic", t.title, group.title, _values(t), group.id) for t in group.topics]
    out += [Entry(f.id, "figure", f.label, "Kerncijfers", _values(f)) for f in agenda.figures]
    out += [Entry(p.id, "partner", p.name, "Partners", _values(p)) for p in agenda.partners]
    out += [Entry(a.id, "action", a.title, f"Uitvoeringsagenda {a.year}", _values(a)) for a in agenda.actions]
    return out


def diff(old: Agenda, new: Agenda) -> list[Change]:
    """Changes from `old` to `new`: new items in their order, then removed items."""
    old_entries = entries_by_key(old)
    new_list = entries(new)
    new_keys = {e.key for e in new_list}
    changes = []
    for entry in new_list:
        before = old_entries.get(entry.key)
        if before is None:
            changes.append(Change("added", entry))
            continue
        old_values, new_values = dict(before.values), dict(entry.values)
        changed = tuple(FieldChange(name, old_values.get(name, ""), new_values.get(name, ""))
                        for name in dict.fromkeys([*old_values, *new_values])
                        if name not in ("title", "name") and old_values.get(name, "") != new_values.get(name, ""))
        old_title = before.title if before.title != entry.title else ""
        # Matched by id, so an item under another parent is "moved", not removed and added.
        old_parent = before.parent or "(hoofdniveau)" if before.parent_key != entry.parent_key else ""
        kind = "changed" if changed or old_title or old_parent else "unchanged"
        changes.append(Change(kind, entry, changed, old_title, old_parent))
    changes += [Change("removed", e) for key, e in old_entries.items() if key not in new_keys]
    return changes


def lineage(new: Agenda, old_version: str) -> list[Lineage]:
    """The lineage notes of `new` that point into `old_version`."""
    out = []
    items = list(new.themes) + [p for t in new.themes for p in t.pillars]
    if new.fundament:
        items += list(new.fundament.groups) + [t for g in new.fundament.groups for t in g.topics]
    for item in items:
        for note in getattr(item, "lineage", ()):
            if note.version == old_version:
                out.append(Lineage(item.title, note.change, note.item, note.text, note.source))
    return out


_WORD = re.compile(r"\s*\S+\s*|\s+")  # a word with the spaces around it: half the tokens of word/space


def word_diff(old: str, new: str) -> list[tuple[str, str]]:
    """(op, text) runs: op is "=", "-" (deleted) or "+" (inserted), word by word."""
    a, b = _WORD.findall(old), _WORD.findall(new)
    # A reworded text mostly keeps its start and end; matching only the middle
    # keeps SequenceMatcher (quadratic in the worst case) on short sequences.
    head = 0
    while head < min(len(a), len(b)) and a[head] == b[head]:
        head += 1
    tail = 0
    while tail < min(len(a), len(b)) - head and a[-1 - tail] == b[-1 - tail]:
        tail += 1
    runs: list[tuple[str, str]] = [("=", "".join(a[:head]))] if head else []
    mid_a, mid_b = a[head:len(a) - tail], b[head:len(b) - tail]
    matcher = difflib.SequenceMatcher(None, mid_a, mid_b, autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            runs.append(("=", "".join(mid_a[i1:i2])))
        else:
            if i1 != i2:
                runs.append(("-", "".join(mid_a[i1:i2])))
            if j1 != j2:
                runs.append(("+", "".join(mid_b[j1:j2])))
    if tail:
        runs.append(("=", "".join(a[len(a) - tail:])))
    return _merged(runs)


def _merged(runs: list[tuple[str, str]]) -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []
    for op, text in runs:
        if out and out[-1][0] == op:
            out[-1] = (op, out[-1][1] + text)
        elif text:
            out.append((op, text))
    return out


def summary(changes: list[Change]) -> dict[str, int]:
    """Counts per kind, and of renamed, moved and reworded items among the changed."""
    counts = {"added": 0, "removed": 0, "changed": 0, "unchanged": 0, "renamed": 0, "moved": 0, "reworded": 0}
    for change in changes:
        counts[change.kind] += 1
        counts["renamed"] += change.renamed
        counts["moved"] += change.moved
        counts["reworded"] += bool(change.fields)
    return counts


def reworded_markdown(old: str, new: str, context: int = 6) -> str:
    """How a text changed, for a pull-request comment: deleted words struck
    through, inserted words in bold, long unchanged stretches shortened."""
    from macros.policy.text import md_escape

    def plain(text: str) -> str:
        return md_escape(" ".join(text.split()))

    out = []
    runs = word_diff(old, new)
    for i, (op, text) in enumerate(runs):
        if op == "=":
            words = text.split()
            if len(words) > 2 * context:
                head = words[:context] if i > 0 else []
                tail = words[-context:] if i < len(runs) - 1 else []
                words = head + ["…"] + tail
            out.append(plain(" ".join(words)))
        elif text.strip():
            mark = "~~" if op == "-" else "**"
            out.append(f"{mark}{plain(text)}{mark}")
    return " ".join(part for part in out if part) or "(alleen witruimte)"


def format_markdown(changes: list[Change], old_name: str, new_name: str, heading: str = "###") -> str:
    """A Markdown summary for a pull-request description, in Dutch like the policy."""
    c = summary(changes)
    lines = [f"{heading} Van {old_name} naar {new_name}", "",
             f"{c['added']} toegevoegd, {c['removed']} verwijderd, {c['renamed']} hernoemd, {c['moved']} verplaatst, "
             f"{c['reworded']} met gewijzigde tekst; {c['unchanged']} ongewijzigd.", ""]
    for change in changes:
        e = change.entry
        label = KIND_LABELS.get(e.kind, e.kind)
        if change.kind == "added":
            lines.append(f"- **Toegevoegd**: {label} *{e.title}* (`{e.key}`)")
        elif change.kind == "removed":
            lines.append(f"- **Verwijderd**: {label} *{e.title}* (`{e.key}`)")
        elif change.kind == "changed":
            what = []
            if change.renamed:
                what.append(f"hernoemd (was: *{change.old_title}*)")
            if change.moved:
                what.append(f"verplaatst (was: in *{change.old_parent}*)")
            if change.fields:
                what.append("gewijzigd: " + ", ".join(FIELD_LABELS.get(f.field, f.field) for f in change.fields))
            lines.append(f"- **Gewijzigd**: {label} *{e.title}* (`{e.key}`): " + "; ".join(what))
            for f in change.fields:
                lines.append(f"  - {FIELD_LABELS.get(f.field, f.field)}: {reworded_markdown(f.old, f.new)}")
    return "\n".join(lines).rstrip() + "\n"


REWRITTEN = 0.5  # less of the old text than this kept: shown as was / wordt only, without marks


def marked_runs(old: str, new: str) -> tuple[tuple[str, str], ...]:
    """The new text with what was deleted and inserted, word by word; a text mostly
    rewritten is the new text only (the old one stands above it as "Was"), since a
    long struck-through block followed by a long inserted one reads worse than both."""
    runs = word_diff(old, new)
    kept = sum(len(text) for op, text in runs if op == "=")
    if old and kept < REWRITTEN * len(old):  # most of the old text is gone (a text that only grew keeps its marks)
        return (("=", new),)
    out: list[tuple[str, str]] = []
    for op, text in runs:
        # "Doel" deleted and "Waar ..." inserted would read "DoelWaar ...".
        if op == "+" and out and out[-1][0] == "-" and not out[-1][1][-1:].isspace() and not text[:1].isspace():
            out.append(("=", " "))
        out.append((op, text))
    return tuple(out)
