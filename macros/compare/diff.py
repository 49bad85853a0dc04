"""Compare two versions of an agenda: what was added, removed or reworded.

Items are matched by id (an item keeps its id across versions), so a
reworded title is a change, not a removal plus an addition. Pure functions:
`diff(old, new)` returns `Change`s; rendering lives elsewhere.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, fields as dataclass_fields, is_dataclass

from macros.policy.kinds import Kind, kind as kind_of, kind_label
from macros.policy.model import Agenda, Section, Source


@dataclass(frozen=True)
class Entry:
    """One comparable item: its kind, title, place and fields, as (field, text) pairs."""

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
    label: str = ""  # the field's Dutch name in a list of changes (from the schema)


@dataclass(frozen=True)
class Change:
    kind: str  # "added", "removed", "changed", "unchanged"
    entry: Entry  # the new entry (the old one for removals)
    fields: tuple[FieldChange, ...] = ()  # fields other than the title that changed
    old_title: str = ""  # set when the title changed (renamed)
    old_parent: str = ""  # set when the item moved to another parent

    @property
    def renamed(self) -> bool:
        return bool(self.old_title)

    @property
    def moved(self) -> bool:
        return bool(self.old_parent)

    def field_pairs(self) -> list[tuple[str, str, str]]:
        """(Dutch label, old, new) for everything that changed: the title when renamed,
        the place ("plaats") when moved, then the other fields."""
        pairs = [(TITLE_LABEL, self.old_title, self.entry.title)] if self.renamed else []
        if self.moved:
            pairs.append((PLACE_LABEL, self.old_parent, self.entry.parent))
        return pairs + [(f.label or f.field, f.old, f.new) for f in self.fields]


TITLE_LABEL, PLACE_LABEL = "titel", "plaats"


@dataclass(frozen=True)
class Lineage:
    """What the newer version says about an item of the older one."""

    item_title: str
    change: str
    old_item: str
    text: str
    source: Source | None = None  # with the editors' reason when they read the relation into the sources


# --- an item's fields as text, read from the schema's description (macros.policy.kinds) ---------------------

def _plain(value) -> str:
    """A value as one line of text: lists joined, small records (a note, a row) written out, sources left out."""
    if value is None or value == "" or value == ():
        return ""
    if isinstance(value, Source):
        where = f"{value.document} § {value.section}" if value.section else value.document
        return where
    if is_dataclass(value):
        return " ".join(p for p in (_plain(getattr(value, f.name)) for f in dataclass_fields(value)
                                    if not isinstance(getattr(value, f.name), Source)) if p)
    if isinstance(value, (tuple, list)):
        return ", ".join(p if p else "–" for p in (_plain(v) for v in value))
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _editorial(obj, k: Kind) -> tuple:
    for f in k.fields:
        if f.name == "source":
            source = getattr(obj, f.attrs[0], None)
            return source.editorial if source is not None else ()
    return getattr(obj, "editorial", ())


def _by_field(entry) -> str:
    return entry.field


def _reader(k: Kind, f):
    """A function that reads the field `f` of an item of kind `k` as text (worked out once per field)."""
    if f.name == "editorial":
        # by field name: the order of the keys under `editorial` is layout, not a change
        return lambda obj: "; ".join(f"{e.field}: {e.reason}" for e in sorted(_editorial(obj, k), key=_by_field))
    attrs = f.attrs
    if f.compare == "period":
        def period(obj) -> str:
            start, end = (_plain(getattr(obj, attr, None)) for attr in attrs)
            return f"{start}–{end}" if start or end else ""
        return period
    if len(attrs) == 1:
        attr = attrs[0]

        def one(obj) -> str:
            value = getattr(obj, attr, None)
            return value if value.__class__ is str else _plain(value)  # most fields are text: no further work
        return one
    return lambda obj: ", ".join(p for p in (_plain(getattr(obj, attr, None)) for attr in attrs) if p)


_PLANS: dict[str, tuple] = {}  # kind -> ((field, reader), ...) for the fields an entry of that kind reports


def _values(obj, kind: str) -> tuple[tuple[str, str], ...]:
    """(field, text) for every described field of `obj` that has a value; the title is the entry's own."""
    plan = _PLANS.get(kind)
    if plan is None:
        k = kind_of(kind)
        plan = _PLANS[kind] = tuple((f.name, _reader(k, f)) for f in k.fields if f.compared and f.name != k.title_field)
    out = []
    for name, read in plan:
        text = read(obj)
        if text:
            out.append((name, text))
    return tuple(out)


def _entry(key: str, kind: str, obj, title: str, parent: str, parent_key: str = "") -> Entry:
    return Entry(key, kind, title, parent, _values(obj, kind), parent_key)


def _sections(sections: tuple[Section, ...], parent: str, out: list[Entry], parent_key: str):
    for s in sections:
        if s.id:
            out.append(_entry(s.id, "section", s, s.title, parent, parent_key))
        here, here_key = (s.title, s.id) if s.id else (parent, parent_key)
        out += [_entry(i.id, "item", i, i.title, here, here_key) for i in s.items]
        _sections(s.sections, here, out, here_key)


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
        by_key: dict[str, Entry] = {}
        for e in listed:  # the first in reading order, should made-up data give two kinds of item one id
            by_key.setdefault(e.key, e)
        found = _ENTRIES[id(agenda)] = (agenda, listed, by_key)
    return found


# Keys of the entries that are no item with an id of its own (ids are lowercase-with-dashes, these too:
# an item may not take one of them, which `agenda validate` would not know; they were chosen unlikely).
VERSION_KEY, MUNICIPALITY_KEY, INDICATORS_KEY = "versie", "gemeente", "indicatoren"


def plan_key(year: int) -> str:
    return f"uitvoeringsagenda-{year}"


def document_key(document_id: str) -> str:
    return f"brondocument-{document_id}"


def _reading_order(agenda: Agenda) -> list[Entry]:
    out: list[Entry] = [_entry(MUNICIPALITY_KEY, "municipality", agenda, agenda.municipality_name, ""),
                        _entry(VERSION_KEY, "version", agenda, agenda.title, "")]
    out += [_entry(document_key(d.id), "document", d, d.title, agenda.title) for d in agenda.documents]
    for chapter in agenda.chapters:
        out.append(_entry(chapter.id, "chapter", chapter, chapter.title, ""))
        _sections(chapter.sections, chapter.title, out, chapter.id)
    if agenda.strategy:
        s = agenda.strategy
        out.append(_entry(s.id, "strategy", s, s.title, ""))
        out.append(_entry("missie", "statement", s.mission, "Missie", s.title))
        out.append(_entry("visie", "statement", s.vision, "Visie", s.title))
        if s.core_values or s.core_values_text:
            out.append(_entry("kernwaarden", "core_values", s, "Kernwaarden", s.title))
        if s.principles or s.principles_text:
            out.append(_entry("uitgangspunten", "principles", s, "Uitgangspunten", s.title))
        out += [_entry(p.id, "principle", p, p.title, "Uitgangspunten") for p in s.principles]
    if agenda.core_tasks:
        c = agenda.core_tasks
        out.append(_entry(c.id, "core_tasks", c, c.title, ""))
        out += [_entry(t.id, "core_task", t, t.title, c.title) for t in c.tasks]
    for theme in agenda.themes:
        out.append(_entry(theme.id, "theme", theme, theme.title, ""))
        _sections(theme.sections, theme.title, out, theme.id)
        out += [_entry(sp.id, "speerpunt", sp, sp.title, theme.title, theme.id) for sp in theme.speerpunten]
        for pillar in theme.pillars:
            out.append(_entry(pillar.id, "pillar", pillar, pillar.title, theme.title, theme.id))
            out += [_entry(sp.id, "speerpunt", sp, sp.title, pillar.title, pillar.id) for sp in pillar.speerpunten]
    if agenda.fundament:
        f = agenda.fundament
        out.append(_entry(f.id, "fundament", f, f.title, ""))
        for group in f.groups:
            out.append(_entry(group.id, "group", group, group.title, f.title))
            out += [_entry(t.id, "topic", t, t.title, group.title, group.id) for t in group.topics]
    out += [_entry(f.id, "figure", f, f.label, "Kerncijfers") for f in agenda.figures]
    out += [_entry(s.id, "series", s, s.title, "Kerncijfers") for s in agenda.series]
    out += [_entry(p.id, "partner", p, p.name, "Partners") for p in agenda.partners]
    for plan in agenda.action_plans:
        out.append(_entry(plan_key(plan.year), "action_plan", plan, plan.title or f"Uitvoeringsagenda {plan.year}", ""))
    out += [_entry(a.id, "action", a, a.title, f"Uitvoeringsagenda {a.year}") for a in agenda.actions]
    if agenda.indicators or agenda.indicators_text:
        out.append(_entry(INDICATORS_KEY, "indicators", agenda, agenda.indicators_title or "Indicatoren", ""))
    out += [_entry(i.id, "indicator", i, i.title, "Indicatoren") for i in agenda.indicators]
    for r in agenda.regionals:
        out.append(_entry(r.id, "regional", r, r.title, ""))
        out += [_entry(t.id, "regional_theme", t, t.title, r.title, r.id) for t in r.themes]
        _sections(r.sections, r.title, out, r.id)
    for p in agenda.programmes:
        out.append(_entry(p.id, "programme", p, p.title, ""))
        out += [_entry(i.id, "item", i, i.title, p.title, p.id) for i in (*p.phenomena, *p.sporen)]
        _sections(p.sections, p.title, out, p.id)
    out += [_entry(r.id, "reference", r, r.text, "Verwijzingen") for r in agenda.references]
    out += [_entry(t.id, "term", t, t.term, "Begrippen") for t in agenda.glossary]
    return out


def diff(old: Agenda, new: Agenda) -> list[Change]:
    """Changes from `old` to `new`: new items in their order, then removed items.

    Every field the schema describes is compared as it says (`macros.policy.kinds`); where in the
    sources a text stands, the editors' reasons and the version's own facts only between two
    stages of one version (a commit, a pull request), since every version cites its own documents."""
    same_version = old.id == new.id
    # Matched by kind and id: ids are unique within a valid version, but a kind of item that
    # takes an id another kind uses (made-up data) must not be compared with that other item.
    old_entries = {(e.kind, e.key): e for e in entries(old)}
    new_list = entries(new)
    new_keys = {(e.kind, e.key) for e in new_list}
    changes = []
    for entry in new_list:
        if not same_version and _WITHIN_VERSION.get(entry.kind, _within_version(entry.kind)):
            continue
        before = old_entries.get((entry.kind, entry.key))
        if before is None:
            changes.append(Change("added", entry))
            continue
        changed = _changed_fields(entry.kind, dict(before.values), dict(entry.values), same_version)
        old_title = before.title if before.title != entry.title else ""
        # Matched by id, so an item under another parent is "moved", not removed and added.
        old_parent = before.parent or "(hoofdniveau)" if before.parent_key != entry.parent_key else ""
        kind = "changed" if changed or old_title or old_parent else "unchanged"
        changes.append(Change(kind, entry, changed, old_title, old_parent))
    changes += [Change("removed", e) for key, e in old_entries.items()
                if key not in new_keys and (same_version or not _within_version(e.kind))]
    return changes


_WITHIN_VERSION: dict[str, bool] = {}


def _within_version(kind: str) -> bool:
    found = _WITHIN_VERSION.get(kind)
    if found is None:
        found = _WITHIN_VERSION[kind] = kind_of(kind).within_version
    return found


def _changed_fields(kind: str, old_values: dict, new_values: dict, same_version: bool) -> tuple[FieldChange, ...]:
    if old_values == new_values:
        return ()
    k = kind_of(kind)
    out = []
    for f in k.fields:
        if not f.compared or (f.within_version and not same_version):
            continue
        before, after = old_values.get(f.name, ""), new_values.get(f.name, "")
        if before != after:
            out.append(FieldChange(f.name, before, after, f.label))
    return tuple(out)


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
        label = kind_label(e.kind)
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
                what.append("gewijzigd: " + ", ".join(f.label for f in change.fields))
            lines.append(f"- **Gewijzigd**: {label} *{e.title}* (`{e.key}`): " + "; ".join(what))
            for f in change.fields:
                lines.append(f"  - {f.label}: {reworded_markdown(f.old, f.new)}")
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
