"""Compare two versions of an agenda: what was added, removed or reworded.

Items are matched by id (an item keeps its id across versions), so a
reworded title is a change, not a removal plus an addition. Pure functions:
`diff(old, new)` returns `Change`s; rendering lives elsewhere.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, fields

from macros.model import Agenda, Section

# Item kinds in reading order, with their Dutch names for people.
KIND_LABELS = {
    "chapter": "Hoofdstuk", "section": "Paragraaf", "statement": "Missie en visie", "principle": "Uitgangspunt",
    "core_task": "Kerntaak", "theme": "Thema", "pillar": "Pijler", "speerpunt": "Speerpunt",
    "group": "Fundament", "topic": "Onderwerp van het fundament", "figure": "Kerncijfer", "partner": "Partner",
    "action": "Actie", "item": "Onderdeel",
}
# Field names in Dutch, for the change list.
FIELD_LABELS = {
    "title": "titel", "text": "tekst", "lead": "inleiding", "goal": "doel", "statement": "doel", "role": "rol",
    "description": "beschrijving", "value": "waarde", "label": "omschrijving", "name": "naam", "partners": "partners",
    "serves": "draagt bij aan", "status": "status", "core_task": "kerntaak",
}
_TEXT_FIELDS = ("title", "name", "statement", "goal", "lead", "text", "description", "role", "value", "label",
                "partners", "serves", "core_task", "status")


@dataclass(frozen=True)
class Entry:
    """One comparable item: its kind, title, place and text fields."""

    key: str
    kind: str
    title: str
    parent: str
    values: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class FieldChange:
    field: str
    old: str
    new: str


@dataclass(frozen=True)
class Change:
    kind: str  # "added", "removed", "changed"
    entry: Entry  # the new entry (the old one for removals)
    fields: tuple[FieldChange, ...] = ()
    old_title: str = ""


@dataclass(frozen=True)
class Lineage:
    """What the newer version says about an item of the older one."""

    item_title: str
    change: str
    old_item: str
    text: str


def _values(obj, names=_TEXT_FIELDS) -> tuple[tuple[str, str], ...]:
    out = []
    own = {f.name for f in fields(obj)}
    for name in names:
        if name in own:
            value = getattr(obj, name)
            if isinstance(value, tuple):
                value = ", ".join(str(v) for v in value)
            if value:
                out.append((name, str(value)))
    return tuple(out)


def _sections(sections: tuple[Section, ...], parent: str, out: list[Entry]):
    for s in sections:
        if s.id:
            out.append(Entry(s.id, "section", s.title, parent, _values(s)))
        _sections(s.sections, s.title if s.id else parent, out)


def entries(agenda: Agenda) -> list[Entry]:
    """Every item with an id, in reading order."""
    out: list[Entry] = []
    for chapter in agenda.chapters:
        out.append(Entry(chapter.id, "chapter", chapter.title, "", _values(chapter)))
        _sections(chapter.sections, chapter.title, out)
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
        _sections(theme.sections, theme.title, out)
        out += [Entry(sp.id, "speerpunt", sp.title, theme.title, _values(sp)) for sp in theme.speerpunten]
        for pillar in theme.pillars:
            out.append(Entry(pillar.id, "pillar", pillar.title, theme.title, _values(pillar)))
            out += [Entry(sp.id, "speerpunt", sp.title, pillar.title, _values(sp)) for sp in pillar.speerpunten]
    if agenda.fundament:
        for group in agenda.fundament.groups:
            out.append(Entry(group.id, "group", group.title, agenda.fundament.title, _values(group)))
            out += [Entry(t.id, "topic", t.title, group.title, _values(t)) for t in group.topics]
    out += [Entry(f.id, "figure", f.label, "Kerncijfers", _values(f)) for f in agenda.figures]
    out += [Entry(p.id, "partner", p.name, "Partners", _values(p)) for p in agenda.partners]
    out += [Entry(a.id, "action", a.title, f"Uitvoeringsagenda {a.year}", _values(a)) for a in agenda.actions]
    return out


def diff(old: Agenda, new: Agenda) -> list[Change]:
    """Changes from `old` to `new`: new items in their order, then removed items."""
    old_entries = {e.key: e for e in entries(old)}
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
                        if old_values.get(name, "") != new_values.get(name, ""))
        if changed:
            changes.append(Change("changed", entry, changed, before.title))
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
                out.append(Lineage(item.title, note.change, note.item, note.text))
    return out


_WORD = re.compile(r"\s+|[^\s]+")


def word_diff(old: str, new: str) -> list[tuple[str, str]]:
    """(op, text) runs: op is "=", "-" (deleted) or "+" (inserted), word by word."""
    a, b = _WORD.findall(old), _WORD.findall(new)
    runs: list[tuple[str, str]] = []
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            runs.append(("=", "".join(a[i1:i2])))
        else:
            if i1 != i2:
                runs.append(("-", "".join(a[i1:i2])))
            if j1 != j2:
                runs.append(("+", "".join(b[j1:j2])))
    return runs


def summary(changes: list[Change]) -> dict[str, int]:
    counts = {"added": 0, "removed": 0, "changed": 0}
    for change in changes:
        counts[change.kind] += 1
    return counts


def format_text(changes: list[Change], old_name: str, new_name: str) -> str:
    """A plain-text report (for the terminal and pull-request comments)."""
    counts = summary(changes)
    lines = [f"Changes from {old_name} to {new_name}: {counts['added']} added, {counts['removed']} removed, "
             f"{counts['changed']} changed."]
    for change in changes:
        label = KIND_LABELS.get(change.entry.kind, change.entry.kind)
        if change.kind == "changed":
            names = ", ".join(FIELD_LABELS.get(f.field, f.field) for f in change.fields)
            lines.append(f"  ~ {label} '{change.entry.title}' ({change.entry.key}): {names}")
        else:
            sign = "+" if change.kind == "added" else "-"
            lines.append(f"  {sign} {label} '{change.entry.title}' ({change.entry.key})")
    return "\n".join(lines)
