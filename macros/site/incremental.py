"""Which pages an edit of the policy touches, so the preview rebuilds only those.

`changed_pages(old, new)` compares two `Site`s of the same version and returns
the docs-relative paths of the generated pages whose content can differ, or a
`Plan` with `pages=None` (rebuild everything) whenever the change cannot be
bounded. `Preview` (below) applies the plan inside mkdocs' own dirty build.

How the page set is found. Every object of the model that has an id is an
item; its *own content* is its fields with the items nested in it replaced
by their ids, so an edit of a speerpunt changes the speerpunt, not its theme.
For every item whose own content changed (worked out in the old and in the
new model, and the union taken):

- when only fields that no other page shows changed (`_OWN_PAGE_ONLY`: an
  action's description, a pillar's text, ...): its own page;
- otherwise its page (its own, or the page it is shown on), the pages of its
  ancestors (a theme page shows its speerpunten, fundament.md the goals of
  its topics), the pages of the items it names, with their ancestors (an
  action is listed on the pillar, theme, partner and kerntaken pages it
  names), and the overview pages of every kind involved (`_OVERVIEWS`:
  actions -> uitvoeringsagenda and voortgang, partners -> partners.md, ...);
- when a field that other pages show where they name the item changed (its
  title, name, number, ...; every field of a figure or series, whose card is
  shown where it is named): also the pages of its descendants, of every item
  that names it or a descendant, and of what those items name in turn, with
  their ancestors and overviews (a partner page groups the actions naming the
  partner under their theme's title);
- the comparison page with another version when that comparison shows the
  item (`_comparisons`, from `macros.compare.diff.entries`: always when the
  other version has the item, its kind, title and place when it is new).

tests/site/test_incremental.py edits every field of every item of the real
policy in memory and checks that each page whose Markdown changes is in the
plan; tests/site/test_preview.py compares whole builds byte for byte.

Everything else falls back to a full rebuild: the first build, a page added
or removed, a changed navigation, an id added, removed or moved to another
page, a change outside the items (the agenda's own fields, an action plan's
text, documents, the glossary), another version of the municipality, the
version in force, the git history, and kinds of items this module does not
know. Hand-written pages that call macros (`{{ ... }}`) are rebuilt every
time; a change of configuration, templates, code, `docs/` or `overrides/`
is detected by `Preview` and rebuilds everything.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field

from macros.compare.diff import entries_by_key, lineage

# Fields shown wherever an item is named (links, lists, headers of groups).
_LABEL_FIELDS = frozenset({"title", "name", "label", "number", "abbreviation", "term", "value", "type"})
# Kinds whose every field is shown where they are named (a figure's card, a series' table).
_SHOWN_WHOLE = frozenset({"Figure", "Series", "SeriesRow"})
# Overview pages per kind of item; "voortgang/" stands for every progress page.
_OVERVIEWS: dict[str, tuple[str, ...]] = {
    "Chapter": (), "Section": (), "Item": (), "Note": (),
    "Strategy": ("strategie.md",),
    "CoreTasks": ("kerntaken.md",), "CoreTask": ("kerntaken.md",),
    "Theme": ("thema/index.md", "uitvoeringsagenda.md", "voortgang/"),
    "Pillar": ("thema/index.md",), "Speerpunt": (),
    "Fundament": ("fundament.md",), "FundamentGroup": ("fundament.md",), "Topic": ("fundament.md",),
    "Action": ("uitvoeringsagenda.md", "voortgang/"),
    "Partner": ("partners.md",),
    "Figure": ("kerncijfers.md",), "Series": ("kerncijfers.md",),
    "Indicator": ("indicatoren.md", "voortgang/"),
    "Reference": ("bronnen.md",),
    "Regional": (), "RegionalTheme": (), "Programme": (),
    # Named by the source line of nearly every item; a change of one of them rebuilds everything.
    "Document": (), "GlossaryTerm": (),
}
_ALWAYS_FULL = frozenset({"Document", "GlossaryTerm"})
# Fields that only the item's own page shows (and the comparisons, which are
# checked apart): a change of these alone rebuilds that page and no other.
# tests/site/test_incremental.py checks this against the rendered pages.
_OWN_PAGE_ONLY: dict[str, frozenset[str]] = {
    "Action": frozenset({"description", "budget", "period_start", "period_end", "source"}),
    "Partner": frozenset({"description", "source"}),
    "Pillar": frozenset({"text", "source"}),
    "Topic": frozenset({"text", "source"}),
    "FundamentGroup": frozenset({"text", "source"}),
    "Speerpunt": frozenset({"text", "source"}),
    "Chapter": frozenset({"lead", "text", "author_name", "author_role", "source"}),
}
# Pages of items that are not listed in the index's links.
_FIXED_PAGES = {"Strategy": "strategie.md", "CoreTasks": "kerntaken.md", "Fundament": "fundament.md"}


@dataclass(frozen=True)
class Plan:
    """The generated pages to rebuild (docs-relative paths), or None: rebuild everything."""

    pages: frozenset[str] | None
    reason: str = ""

    @property
    def full(self) -> bool:
        return self.pages is None


def full(reason: str) -> Plan:
    return Plan(None, reason)


# --- the items of a model ---------------------------------------------------------------

@dataclass
class _Node:
    kind: str
    parent: str  # id of the nearest enclosing item, "" at the top
    own: tuple  # own content: fields, nested items replaced by ("@", id)
    refs: frozenset[str] = frozenset()  # ids this item names (resolved later)
    children: list[str] = field(default_factory=list)


class _Tree:
    """Every item of one agenda by id, with its parent, own content and references."""

    def __init__(self, agenda):
        self.nodes: dict[str, _Node] = {}
        self.duplicate = ""
        self.root_own = self._own(agenda, "")
        ids = self.nodes.keys()
        self.referrers: dict[str, set[str]] = {}
        for item_id, node in self.nodes.items():
            node.refs = frozenset(s for s in _strings(node.own) if s in ids and s != item_id)
            for target in node.refs:
                self.referrers.setdefault(target, set()).add(item_id)

    def _own(self, obj, parent: str):
        """The own content of `obj`; registers every item nested in it."""
        kind = type(obj)
        if kind in _PLAIN:
            return obj
        if kind is tuple or kind is list:
            return tuple(self._child(v, parent) for v in obj)
        names = _fields(kind)
        if names is None:
            return obj
        return (kind.__name__, tuple(self._child(getattr(obj, n), parent) for n in names))

    def _child(self, value, parent: str):
        kind = type(value)
        if kind in _PLAIN:
            return value
        names = _fields(kind)
        if names is not None and "id" in names:
            item_id = value.id
            if item_id and isinstance(item_id, str):
                self._register(value, item_id, parent)
                return ("@", item_id)
        return self._own(value, parent)

    def _register(self, obj, item_id: str, parent: str) -> None:
        if item_id in self.nodes:
            self.duplicate = item_id
        node = _Node(type(obj).__name__, parent, ())
        self.nodes[item_id] = node
        node.own = self._own(obj, item_id)
        if parent:
            self.nodes[parent].children.append(item_id)

    def ancestors(self, item_id: str) -> list[str]:
        out = []
        node = self.nodes.get(item_id)
        while node is not None and node.parent:
            out.append(node.parent)
            node = self.nodes.get(node.parent)
        return out

    def descendants(self, item_id: str) -> list[str]:
        out, todo = [], list(self.nodes[item_id].children) if item_id in self.nodes else []
        while todo:
            child = todo.pop()
            out.append(child)
            todo += self.nodes[child].children
        return out


_PLAIN = frozenset({str, int, float, bool, type(None)})
_FIELD_CACHE: dict[type, tuple[str, ...] | None] = {}


def _fields(kind: type) -> tuple[str, ...] | None:
    """The field names of a dataclass type (None for any other type)."""
    try:
        return _FIELD_CACHE[kind]
    except KeyError:
        names = tuple(f.name for f in dataclasses.fields(kind)) if dataclasses.is_dataclass(kind) else None
        _FIELD_CACHE[kind] = names
        return names


def _strings(own) -> list[str]:
    """Every string in an own content, except the ids of nested items (structure, not references)."""
    out, todo = [], [own]
    while todo:
        value = todo.pop()
        if isinstance(value, str):
            out.append(value)
        elif isinstance(value, tuple):
            if len(value) == 2 and value[0] == "@":
                continue
            todo += value
    return out


# --- the plan -----------------------------------------------------------------------------

_TREES: dict[int, tuple] = {}  # id(agenda) -> (agenda, tree): the previous build's tree is not walked again


def _tree(site) -> _Tree:
    found = _TREES.get(id(site.agenda))
    if found is None or found[0] is not site.agenda:
        if len(_TREES) > 4:
            _TREES.clear()
        found = _TREES[id(site.agenda)] = (site.agenda, _Tree(site.agenda))
    return found[1]


def changed_pages(old, new) -> Plan:
    """The plan for going from site `old` to site `new` (two `Site`s of one version)."""
    if old is None:
        return full("first build")
    if old is new:
        return Plan(frozenset(), "nothing changed")
    if old.pages != new.pages:
        return full("a page was added or removed")
    if len(old.versions) != len(new.versions) or any(
            a.id != b.id for a, b in zip(old.versions, new.versions)):
        return full("a version was added or removed")
    if (old.current and old.current.id) != (new.current and new.current.id) or old.current_pages != new.current_pages:
        return full("the version in force changed")
    for a, b in zip(old.versions, new.versions):
        if a.id != new.agenda.id and a is not b and a != b:
            return full(f"version {b.id} changed (shown in comparisons)")
    if old.renderer.history != new.renderer.history:
        return full("the change history changed")
    if _links(old.index) != _links(new.index):
        return full("an id was added, removed or moved to another page")
    before, after = _tree(old), _tree(new)
    if before.duplicate or after.duplicate:
        return full(f"id '{before.duplicate or after.duplicate}' occurs twice")
    if before.nodes.keys() != after.nodes.keys():
        return full("an id was added or removed")
    if before.root_own != after.root_own:
        return full("a field outside the items changed (the agenda, an action plan, the order of items)")
    changed = [i for i, node in after.nodes.items() if node.own != before.nodes[i].own]
    if not changed:
        return Plan(frozenset(), "no item changed")
    pages: set[str] = set()
    by_item = {p.item_id: p.path for p in new.pages if p.item_id and p.kind not in ("progress", "comparison")}
    progress = [p.path for p in new.pages if p.kind == "progress"]
    for tree, site in ((before, old), (after, new)):
        for item_id in changed:
            node = tree.nodes[item_id]
            if node.kind in _ALWAYS_FULL or node.kind not in _OVERVIEWS:
                return full(f"a {node.kind} changed ({item_id})")
            fields = _changed_fields(before.nodes[item_id], after.nodes[item_id])
            if fields is not None and fields <= _OWN_PAGE_ONLY.get(node.kind, frozenset()):
                page = by_item.get(item_id) or (site.index.links[item_id].page if item_id in site.index.links else "")
                if page:
                    pages.add(page)
                    continue
            shown = _shown_elsewhere(before.nodes[item_id], after.nodes[item_id])
            around = {item_id}
            if shown:
                around.update(tree.descendants(item_id))
            touched: set[str] = set()
            for x in around:
                touched.add(x)
                touched.update(tree.ancestors(x))
                related = set(tree.nodes[x].refs)
                if shown:
                    # Items naming x show its label; so may the pages of what they name in turn
                    # (a partner page groups the actions naming it under their theme's title).
                    for r in tree.referrers.get(x, ()):
                        related.add(r)
                        related |= tree.nodes[r].refs
                for r in related:
                    touched.add(r)
                    touched.update(tree.ancestors(r))
            for x in touched:
                kind = tree.nodes[x].kind
                if kind not in _OVERVIEWS:
                    return full(f"a {kind} is affected ({x})")
                page = by_item.get(x) or _FIXED_PAGES.get(kind) or (site.index.links[x].page if x in site.index.links else "")
                if page:
                    pages.add(page)
                for overview in _OVERVIEWS[kind]:
                    pages.update(progress if overview == "voortgang/" else [overview])
    pages |= _comparisons(old, new)
    known = {p.path for p in new.pages}
    return Plan(frozenset(p for p in pages if p in known), f"{len(changed)} item(s) changed: {', '.join(sorted(changed)[:5])}")


def _changed_fields(old: _Node, new: _Node) -> frozenset[str] | None:
    """The names of the fields that differ (None when that cannot be told)."""
    names = _NAMES.get(old.kind)
    if names is None or old.kind != new.kind:
        return None
    (_, a), (_, b) = old.own, new.own
    return frozenset(n for x, y, n in zip(a, b, names) if x != y)


def _shown_elsewhere(old: _Node, new: _Node) -> bool:
    """Whether a field that other pages show where they name the item changed."""
    names = _NAMES.get(old.kind)
    if old.kind in _SHOWN_WHOLE or names is None or old.kind != new.kind:
        return True
    (_, a), (_, b) = old.own, new.own
    return any(x != y for x, y, n in zip(a, b, names) if n in _LABEL_FIELDS)


def _register_names():
    from macros.policy import model

    out = {}
    for name in dir(model):
        cls = getattr(model, name)
        if isinstance(cls, type) and dataclasses.is_dataclass(cls):
            out[cls.__name__] = tuple(f.name for f in dataclasses.fields(cls))
    return out


_NAMES: dict[str, tuple[str, ...]] = _register_names()


def _links(index) -> dict:
    return {k: (v.page, v.anchor) for k, v in index.links.items()}


def _comparisons(old, new) -> set[str]:
    """Comparison pages whose content can differ: the comparison shows an item of
    this version when the other version has it too (changed or not), and its
    kind, title and place otherwise (added)."""
    pages = [p for p in new.pages if p.kind == "comparison"]
    if not pages:
        return set()
    before, after = entries_by_key(old.agenda), entries_by_key(new.agenda)
    changed = {k for k in before.keys() | after.keys() if before.get(k) != after.get(k)}
    out = set()
    for page in pages:
        other = next(v for v in new.versions if v.id == page.item_id)
        if lineage(old.agenda, other.id) != lineage(new.agenda, other.id) or (
                changed and lineage(other, new.agenda.id)):
            out.add(page.path)
            continue
        if not changed:
            continue
        keys = _keys(other)
        for key in changed:
            a, b = before.get(key), after.get(key)
            if key in keys or a is None or b is None or (a.kind, a.title, a.parent) != (b.kind, b.title, b.parent):
                out.add(page.path)
                break
    return out


def _keys(agenda):
    return entries_by_key(agenda).keys()
