"""Edit the model in memory and see which pages' Markdown changes (for test_incremental)."""

from __future__ import annotations

import dataclasses

from macros.policy.index import build_index
from macros.site.pages import build_pages
from macros.site.render import Renderer
from macros.site.site import Site


def replace_item(obj, item_id: str, change):
    """`obj` with the item `item_id` (anywhere inside) replaced by change(item)."""
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        if getattr(obj, "id", None) == item_id:
            return change(obj)
        updates = {}
        for f in dataclasses.fields(obj):
            value = getattr(obj, f.name)
            new = replace_item(value, item_id, change)
            if new is not value:
                updates[f.name] = new
        return dataclasses.replace(obj, **updates) if updates else obj
    if isinstance(obj, tuple):
        new = tuple(replace_item(v, item_id, change) for v in obj)
        return new if any(a is not b for a, b in zip(new, obj)) else obj
    return obj


def site_with(site: Site, agenda) -> Site:
    """The site of `site`'s version with `agenda` as its model (other versions unchanged)."""
    versions = tuple(agenda if v.id == agenda.id else v for v in site.versions)
    current = agenda if site.current is not None and site.current.id == agenda.id else site.current
    index = build_index(agenda)
    return Site(agenda, index, tuple(build_pages(agenda, versions)),
                Renderer(agenda, index, versions, current, site.renderer.history, site.renderer.templates,
                         site.renderer.data.source_texts), versions, current,
                site.current_pages)


def rendered(site: Site) -> dict[str, str]:
    """The Markdown of every generated page, and the home page."""
    out = {p.path: site.renderer.page(p.kind, p.item_id, p.path, {}) for p in site.pages}
    out["index.md"] = site.renderer.home("index.md")
    return out


def items(agenda):
    """(id, object) of every item with an id, in the order of the model."""
    out = []

    def walk(obj):
        if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
            if isinstance(getattr(obj, "id", None), str) and obj.id and obj is not agenda:
                out.append((obj.id, obj))
            for f in dataclasses.fields(obj):
                walk(getattr(obj, f.name))
        elif isinstance(obj, tuple):
            for v in obj:
                walk(v)

    walk(agenda)
    return out
